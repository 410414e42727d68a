//! The `hotpy` executable: parses the command line and runs a program.
//!
//! Status: `-V` and `--dis FILE` work; running programs waits for the interpreter
//! (issue 2).

use std::process::ExitCode;

const VERSION: &str = "Python 3.11.0 (hotpy 0.1.0)";

fn usage() -> &'static str {
    "usage: hotpy [-V] [--dis FILE] [--stats] [-c CODE | -m MODULE | FILE] [ARGS...]"
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-V") | Some("--version") => {
            println!("{VERSION}");
            ExitCode::SUCCESS
        }
        Some("-h") | Some("--help") => {
            println!("{}", usage());
            ExitCode::SUCCESS
        }
        Some("--dis") => match args.get(1) {
            Some(path) => dis(path),
            None => {
                eprintln!("{}", usage());
                ExitCode::from(2)
            }
        },
        None => {
            eprintln!("{}", usage());
            ExitCode::from(2)
        }
        Some(_) => {
            eprintln!("hotpy: running programs is not implemented yet (issue 2 in progress)");
            ExitCode::from(2)
        }
    }
}

/// Prints the bytecode of a file, or its SyntaxError in CPython's format.
fn dis(path: &str) -> ExitCode {
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("hotpy: can't open file '{path}': {e}");
            return ExitCode::from(2);
        }
    };
    match vm::compiler::compile(&source, path, vm::compiler::Mode::Exec) {
        Ok(unit) => {
            print!("{}", vm::compiler::disassemble(&unit));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("  File \"{}\", line {}", e.filename, e.lineno);
            eprintln!("    {}", e.text.trim());
            eprintln!("{}: {}", e.kind.name(), e.msg);
            ExitCode::from(1)
        }
    }
}
