//! The `hotpy` executable: parses the command line and runs a program.
//!
//! Status: `-V` works; running programs waits for the interpreter (issue 2).

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
