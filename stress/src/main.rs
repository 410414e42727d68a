//! The `stress` executable: `stress --child ARGS...` is the `hotpy` command line (how
//! the driver runs each job); anything else is the driver (see the crate's `lib.rs`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        let code = runtime::main_with_args(args[1..].to_vec());
        return ExitCode::from(code as u8);
    }
    match stress::Options::parse(&args) {
        Ok(Some(opts)) => match stress::run(&opts) {
            true => ExitCode::SUCCESS,
            false => ExitCode::FAILURE,
        },
        Ok(None) => {
            println!("{}", stress::options::USAGE);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("stress: {e}\n{}", stress::options::USAGE);
            ExitCode::from(2)
        }
    }
}
