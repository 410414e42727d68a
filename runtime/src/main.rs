//! The `hotpy` executable: the command line of `runtime::main_with_args`.

fn main() -> std::process::ExitCode {
    let args = std::env::args().skip(1).collect();
    std::process::ExitCode::from(runtime::main_with_args(args) as u8)
}
