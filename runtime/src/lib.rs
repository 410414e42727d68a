//! The `hotpy` command line as a library: `main_with_args` parses the arguments and runs
//! a program; `src/main.rs` (the `hotpy` executable) is a wrapper around it, and the
//! `stress` crate runs it in-process in its child processes.
//!
//! `hotpy FILE [ARGS]`, `hotpy -c CODE`, `hotpy -m MODULE`, `hotpy -V`, `hotpy --dis FILE`,
//! `hotpy --stats ...` (collector statistics on stderr at exit).
//!
//! The interpreter runs on a thread with a large stack, so that deep chains of native
//! re-entry (a `__repr__` calling `repr`, a sort key calling Python) hit Python's
//! RecursionError long before the Rust stack ends. An uncaught exception prints a
//! CPython-style traceback and exits 1; `SystemExit` gives its code; stdout is flushed on
//! every path.

use vm::interp::state::Vm;
use vm::runtime::{g, ExcKind, Options};
use vm::value::Value;

const VERSION: &str = "Python 3.11.7 (hotpy 0.1.0)";
const STACK_SIZE: usize = 1 << 30;

fn usage() -> &'static str {
    "usage: hotpy [-V] [--dis FILE] [--stats] [--locking=auto|write|rw|none] [-c CODE | -m MODULE | FILE] [ARGS...]"
}

enum Program {
    File(String),
    Code(String),
    Module(String),
    Stdin(String),
    Interactive,
}

/// Runs the `hotpy` command line `args` (without the program name) and returns the exit
/// status. The VM's state is process-wide: call this once per process.
pub fn main_with_args(mut args: Vec<String>) -> i32 {
    let mut stats = false;
    let mut locking = std::env::var("HOTPY_LOCKING").ok();
    while let Some(a) = args.first() {
        match a.as_str() {
            s if s.starts_with("--locking=") => {
                locking = Some(s["--locking=".len()..].to_string());
                args.remove(0);
            }
            "-V" | "--version" => {
                println!("{VERSION}");
                return 0;
            }
            "-h" | "--help" => {
                println!("{}", usage());
                return 0;
            }
            "--dis" => {
                return match args.get(1) {
                    Some(path) => dis(path),
                    None => {
                        eprintln!("{}", usage());
                        2
                    }
                };
            }
            "--stats" => {
                stats = true;
                args.remove(0);
            }
            "-u" | "-B" | "-E" | "-s" | "-S" => {
                args.remove(0);
            }
            _ => break,
        }
    }
    if let Some(m) = locking {
        match m.parse::<vm::obj::lockmode::LockMode>() {
            Ok(mode) => {
                if let Err(e) = vm::obj::lockmode::set_mode(mode) {
                    eprintln!("hotpy: {e}");
                    return 2;
                }
            }
            Err(e) => {
                eprintln!("hotpy: {e}");
                return 2;
            }
        }
    }
    let (prog, argv) = match args.first().map(String::as_str) {
        None | Some("-") => {
            use std::io::IsTerminal;
            if std::io::stdin().is_terminal() {
                (Program::Interactive, vec![String::new()])
            } else {
                let mut src = String::new();
                if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut src) {
                    eprintln!("hotpy: cannot read the program from stdin: {e}");
                    return 2;
                }
                (Program::Stdin(src), vec!["-".to_string()])
            }
        }
        Some("-c") => match args.get(1) {
            Some(c) => {
                let mut v = vec!["-c".to_string()];
                v.extend(args[2..].iter().cloned());
                (Program::Code(c.clone()), v)
            }
            None => {
                eprintln!("Argument expected for the -c option");
                return 2;
            }
        },
        Some("-m") => match args.get(1) {
            Some(m) => {
                let mut v = vec![m.clone()];
                v.extend(args[2..].iter().cloned());
                (Program::Module(m.clone()), v)
            }
            None => {
                eprintln!("Argument expected for the -m option");
                return 2;
            }
        },
        Some(f) => (Program::File(f.to_string()), args.clone()),
    };
    let child = std::thread::Builder::new()
        .name("hotpy-main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(prog, argv, stats));
    let code = match child {
        Ok(h) => h.join().unwrap_or(70),
        Err(e) => {
            eprintln!("hotpy: cannot start the interpreter thread: {e}");
            70
        }
    };
    vm::builtins::flush_stdout();
    i32::from(code)
}

fn run(prog: Program, argv: Vec<String>, stats: bool) -> u8 {
    let options = Options {
        gc_stress: std::env::var("HOTPY_GC_STRESS").is_ok_and(|v| v == "1"),
        recursion_limit: 1000,
    };
    let mut vm = match vm::bootstrap::init(options) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("hotpy: {e}");
            return 70;
        }
    };
    let r = run_program(&mut vm, prog, argv);
    let code = match r {
        Ok(()) => 0,
        Err(()) => exit_code_for(&mut vm),
    };
    // As CPython: wait for the non-daemon threads of `threading`.
    vm::modules::thread::shutdown(&mut vm);
    // Then the `atexit` functions (`weakref.finalize` registers its exit run there).
    vm::modules::call_exit_hook(&mut vm, "atexit", "_run_exitfuncs");
    vm::builtins::flush_stdout();
    if stats {
        print_stats(&vm.lock_counts);
    }
    code
}

fn run_program(vm: &mut Vm, prog: Program, argv: Vec<String>) -> Result<(), ()> {
    let script_dir = match &prog {
        Program::File(f) => std::path::Path::new(f)
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        _ => String::new(),
    };
    setup_sys(vm, &argv, &script_dir).map_err(|_| ())?;
    match prog {
        Program::File(path) => {
            let src = match std::fs::read(&path) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(e) => {
                    eprintln!(
                        "hotpy: can't open file '{}': [Errno {}] {}",
                        path,
                        e.raw_os_error().unwrap_or(2),
                        e.kind()
                    );
                    std::process::exit(2);
                }
            };
            run_main_source(vm, &src, &path)
        }
        Program::Code(c) => run_main_source(vm, &c, "<string>"),
        Program::Stdin(c) => run_main_source(vm, &c, "<stdin>"),
        Program::Interactive => {
            repl(vm);
            Ok(())
        }
        Program::Module(m) => {
            let r = vm.import_module_as_main(&m);
            r.map(|_| ()).map_err(|_| ())
        }
    }
}

fn run_main_source(vm: &mut Vm, src: &str, filename: &str) -> Result<(), ()> {
    let code = vm
        .compile_to_code(src, filename, vm::compiler::Mode::Exec)
        .map_err(|_| ())?;
    let m = vm.new_module_named("__main__").map_err(|_| ())?;
    let d = vm.dict_of(m);
    let f = vm.new_str(filename).map_err(|_| ())?;
    if filename != "<string>" {
        vm.dict_set(d, g().names.__file__, f).map_err(|_| ())?;
    }
    let key = vm.new_str("__main__").map_err(|_| ())?;
    vm.dict_set(g().sys_modules, key, m).map_err(|_| ())?;
    vm.exec_code(code, d, Value::NULL)
        .map(|_| ())
        .map_err(|_| ())
}

/// The interactive prompt: reads statements (with `...` continuation lines), runs each
/// in `__main__` in "single" mode so expression values are echoed, prints tracebacks.
fn repl(vm: &mut Vm) {
    use std::io::{BufRead, Write};
    println!("{VERSION} on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    let Ok(m) = vm.new_module_named("__main__") else {
        return;
    };
    let d = vm.dict_of(m);
    if let Ok(key) = vm.new_str("__main__") {
        let _ = vm.dict_set(g().sys_modules, key, m);
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        let mut src = String::new();
        let mut prompt = ">>> ";
        loop {
            print!("{prompt}");
            let _ = std::io::stdout().flush();
            let Some(Ok(line)) = lines.next() else {
                println!();
                return;
            };
            src.push_str(&line);
            src.push('\n');
            let complete = match vm::compiler::compile(&src, "<stdin>", vm::compiler::Mode::Single)
            {
                Ok(_) => {
                    let indented = line.starts_with([' ', '\t']);
                    let opens_block = prompt == ">>> " && line.trim_end().ends_with(':');
                    !indented && !opens_block
                }
                Err(e) => {
                    !(e.msg.contains("was never closed")
                        || e.msg.contains("expected an indented block")
                        || e.msg.contains("unexpected EOF"))
                }
            };
            if complete || line.trim().is_empty() {
                break;
            }
            prompt = "... ";
        }
        if src.trim().is_empty() {
            continue;
        }
        let r = vm
            .compile_to_code(&src, "<stdin>", vm::compiler::Mode::Single)
            .and_then(|code| vm.exec_code(code, d, Value::NULL));
        vm::builtins::flush_stdout();
        if r.is_err() {
            let e = vm.exc;
            if vm::types::typeobj::isinstance(e, vm::ops::exc::exc_type(ExcKind::SystemExit)) {
                let code = exit_code_for(vm);
                vm::builtins::flush_stdout();
                std::process::exit(code as i32);
            }
            vm.exc = Value::NULL;
            let text = vm.format_exception(e);
            vm.write_stderr(&text);
        }
    }
}

fn setup_sys(vm: &mut Vm, argv: &[String], script_dir: &str) -> vm::interp::state::PyResult<()> {
    let sd = vm.dict_of(g().sys);
    let mut a = Vec::new();
    for s in argv {
        a.push(vm.new_str(s)?);
    }
    let l = vm.new_list(&a)?;
    vm.dict_set(sd, g().names.argv, l)?;
    let mut p = vec![vm.new_str(script_dir)?];
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        for part in pp.split(':').filter(|s| !s.is_empty()) {
            p.push(vm.new_str(part)?);
        }
    }
    let l = vm.new_list(&p)?;
    vm.dict_set(sd, g().names.path, l)?;
    Ok(())
}

/// Prints the pending exception (or handles SystemExit) and returns the exit status.
fn exit_code_for(vm: &mut Vm) -> u8 {
    let e = vm.exc;
    vm.exc = Value::NULL;
    if e.is_null() {
        return 1;
    }
    if vm::types::typeobj::isinstance(e, vm::ops::exc::exc_type(ExcKind::SystemExit)) {
        let code = match vm
            .intern("code")
            .ok()
            .and_then(|k| vm.getattr_opt(e, k).ok().flatten())
        {
            Some(c) => c,
            None => g().none,
        };
        vm.exc = Value::NULL;
        if code == g().none {
            return 0;
        }
        if let Some(n) = vm::types::int::int_to_i64(code) {
            return (n & 0xff) as u8;
        }
        let s = vm.str_string(code).unwrap_or_default();
        vm.write_stderr(&format!("{s}\n"));
        return 1;
    }
    let text = vm.format_exception(e);
    vm.write_stderr(&text);
    1
}

/// `--stats`: collector, safepoint and lock figures on stderr (`running` is the lock
/// statistics of the thread still running: the main one).
fn print_stats(running: &vm::obj::objlock::LockCounts) {
    let sh = vm::runtime::shared();
    let s = sh.heap.stats();
    // Exact quantiles while every pause is still in the exact list, else the histogram's.
    let pauses = sh.heap.pauses();
    let exact = pauses.len() as u64 == s.collections;
    let quantile = |q: f64, approx: std::time::Duration| match exact {
        true => gc_parallel::exact_quantile(&pauses, q).unwrap_or_default(),
        false => approx,
    };
    let mb = |b: f64| b / 1e6;
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    eprintln!("hotpy stats:");
    eprintln!("  collections      {}", s.collections);
    eprintln!("  allocated        {:.1} MB", mb(s.bytes_allocated as f64));
    eprintln!(
        "  copied           {:.1} MB in {} objects",
        mb(s.bytes_copied as f64),
        s.objects_copied
    );
    eprintln!(
        "  heap             {:.1} MB now, {:.1} MB peak, {:.1} MB live after the last collection",
        mb(s.heap_bytes as f64),
        mb(s.peak_heap_bytes as f64),
        mb(s.live_bytes as f64)
    );
    eprintln!(
        "  pauses           total {:.2} ms, median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        ms(s.total_pause),
        ms(quantile(0.5, s.median_pause())),
        ms(quantile(0.99, s.p99_pause())),
        ms(s.max_pause)
    );
    eprintln!(
        "  gc workers       {} ({} collections in parallel)",
        s.gc_threads, s.parallel_collections
    );
    let sp = sh.safepoints.stats();
    eprintln!(
        "  safepoints       {} stops ({} given up), {:.3} ms to reach them (max {:.3} ms), threads waited {:.3} ms",
        sp.stops,
        sp.abandoned,
        sp.sync_ns as f64 / 1e6,
        sp.max_sync_ns as f64 / 1e6,
        sp.wait_ns as f64 / 1e6
    );
    eprintln!(
        "  threads          {} started",
        vm::modules::thread::STARTED.load(std::sync::atomic::Ordering::Relaxed)
    );
    let mut locks = *sh.lock_totals.lock();
    locks.add(running);
    eprintln!(
        "  object locks     mode {:?}, {} acquisitions, {} contended",
        vm::obj::lockmode::mode(),
        locks.acquired,
        locks.contended
    );
}

/// Prints the bytecode of a file, or its SyntaxError in CPython's format.
fn dis(path: &str) -> i32 {
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("hotpy: can't open file '{path}': {e}");
            return 2;
        }
    };
    match vm::compiler::compile(&source, path, vm::compiler::Mode::Exec) {
        Ok(unit) => {
            print!("{}", vm::compiler::disassemble(&unit));
            0
        }
        Err(e) => {
            eprintln!("  File \"{}\", line {}", e.filename, e.lineno);
            eprintln!("    {}", e.text.trim());
            eprintln!("{}: {}", e.kind.name(), e.msg);
            1
        }
    }
}
