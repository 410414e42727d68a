//! The side-by-side benchmark runner: hotpy against one or more CPython peers.
//!
//! How it works: the command line names programs from `benches/programs/` (all of
//! them by default), the hotpy binary (default `target/release/hotpy` under the
//! workspace root) and the peers (default `python3`, plus `/usr/bin/python3.11` when
//! that is a different interpreter). Every peer is asked for its real executable
//! first, so a launcher shim (pyenv) does not add its start-up time to each run.
//! `run` does the measuring: per program, one checked warm-up run per
//! implementation, then `--runs` timed rounds that take turns between the
//! implementations, and takes each run's peak resident memory. `report` turns the
//! times and peaks into a Markdown table on stdout.
//!
//! What must hold: a result counts only if its stdout equals
//! `programs/expected/NAME.out` (CPython's output, see `regen_expected.sh`) on every
//! run; anything else is reported as FAILED and left out of the geometric mean.
//! Progress goes to stderr, the table alone to stdout. Exit status: 0 when every
//! run passed, 1 when any failed, 2 for a usage or set-up error.

mod report;
mod run;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use run::{Implementation, Program};

const USAGE: &str = "\
usage: cargo run -p benches --release -- [PROGRAM...] [--hotpy PATH] [--vs PYTHON]... [--runs N] [--timeout SECS]

  PROGRAM        a program in benches/programs (name with or without .py); default: all
  --hotpy PATH   the hotpy binary (default: <workspace>/target/release/hotpy)
  --vs PYTHON    a peer interpreter to compare with; repeatable
                 (default: python3, and /usr/bin/python3.11 if it is a different one)
  --runs N       timed runs per program and implementation (default: 3)
  --timeout SECS give up on a single run after this long (default: 300)";

/// What the command line asked for.
#[derive(Debug, PartialEq)]
struct Options {
    programs: Vec<String>,
    hotpy: Option<PathBuf>,
    peers: Vec<String>,
    runs: usize,
    timeout: Duration,
}

/// The outcome of parsing: either options to run with, or a request for help.
#[derive(Debug, PartialEq)]
enum Parsed {
    Run(Options),
    Help,
}

fn parse_args(args: &[String]) -> Result<Parsed, String> {
    let mut opts = Options {
        programs: Vec::new(),
        hotpy: None,
        peers: Vec::new(),
        runs: 3,
        timeout: Duration::from_secs(300),
    };
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        i += 1;
        if arg == "-h" || arg == "--help" {
            return Ok(Parsed::Help);
        }
        if !arg.starts_with("--") {
            opts.programs.push(arg.to_string());
            continue;
        }
        // Accept both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f, Some(v.to_string())),
            None => (arg, None),
        };
        if !matches!(flag, "--hotpy" | "--vs" | "--runs" | "--timeout") {
            return Err(format!("unknown option {flag}"));
        }
        let value = match inline {
            Some(v) => v,
            None => {
                let v = args.get(i).ok_or_else(|| format!("{flag} needs a value"))?;
                i += 1;
                v.clone()
            }
        };
        match flag {
            "--hotpy" => opts.hotpy = Some(PathBuf::from(value)),
            "--vs" => opts.peers.push(value),
            "--runs" => {
                opts.runs = match value.parse::<usize>() {
                    Ok(n) if n > 0 => n,
                    _ => {
                        return Err(format!(
                            "--runs wants a positive whole number, not {value:?}"
                        ))
                    }
                }
            }
            _ => {
                opts.timeout = match value.parse::<f64>() {
                    Ok(s) if s > 0.0 && s.is_finite() => Duration::from_secs_f64(s),
                    _ => {
                        return Err(format!(
                            "--timeout wants a positive number of seconds, not {value:?}"
                        ))
                    }
                }
            }
        }
    }
    Ok(Parsed::Run(opts))
}

/// `benches/` itself: the programs live under it and the workspace root is its parent.
fn bench_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Resolve the program names (or every `*.py` when none is given) to programs
/// that have an expected-output file.
fn find_programs(dir: &Path, names: &[String]) -> Result<Vec<Program>, String> {
    let mut available = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let file_name = entry.file_name();
        if let Some(stem) = file_name.to_str().and_then(|n| n.strip_suffix(".py")) {
            available.push(stem.to_string());
        }
    }
    available.sort();

    let chosen: Vec<String> = if names.is_empty() {
        available.clone()
    } else {
        let mut chosen = Vec::new();
        for name in names {
            let stem = name.strip_suffix(".py").unwrap_or(name);
            if !available.iter().any(|a| a == stem) {
                return Err(format!(
                    "no program {name:?} in {}; available: {}",
                    dir.display(),
                    available.join(", ")
                ));
            }
            chosen.push(stem.to_string());
        }
        chosen
    };
    if chosen.is_empty() {
        return Err(format!("no *.py programs in {}", dir.display()));
    }

    let mut programs = Vec::new();
    for name in chosen {
        let expected_path = dir.join("expected").join(format!("{name}.out"));
        let expected = std::fs::read(&expected_path).map_err(|e| {
            format!(
                "cannot read expected output {}: {e} (run programs/regen_expected.sh)",
                expected_path.display()
            )
        })?;
        programs.push(Program {
            path: dir.join(format!("{name}.py")),
            name,
            expected,
        });
    }
    Ok(programs)
}

/// hotpy first, then the peers (each resolved to its real executable).
fn implementations(opts: &Options, root: &Path) -> Result<Vec<Implementation>, String> {
    let hotpy = opts
        .hotpy
        .clone()
        .unwrap_or_else(|| root.join("target").join("release").join("hotpy"));
    if !hotpy.is_file() {
        return Err(format!(
            "hotpy binary not found at {}; build it with `cargo build --release -p runtime` \
             or pass --hotpy PATH",
            hotpy.display()
        ));
    }
    let mut impls = vec![Implementation {
        label: "hotpy".to_string(),
        command: hotpy,
        version: None,
    }];

    let explicit = !opts.peers.is_empty();
    let mut peers = opts.peers.clone();
    if !explicit {
        peers.push("python3".to_string());
    }
    for name in &peers {
        let info = run::probe_python(name)?;
        impls.push(Implementation {
            label: name.clone(),
            command: info.executable,
            version: Some(info.version),
        });
    }
    let extra = Path::new("/usr/bin/python3.11");
    if !explicit && extra.is_file() {
        let same = impls[1..].iter().any(|p| run::same_file(&p.command, extra));
        if !same {
            let info = run::probe_python(&extra.display().to_string())?;
            impls.push(Implementation {
                label: extra.display().to_string(),
                command: info.executable,
                version: Some(info.version),
            });
        }
    }
    Ok(impls)
}

fn real_main() -> Result<bool, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = match parse_args(&args).map_err(|e| format!("{e}\n{USAGE}"))? {
        Parsed::Help => {
            println!("{USAGE}");
            return Ok(true);
        }
        Parsed::Run(opts) => opts,
    };
    let bench = bench_dir();
    let root = bench.parent().unwrap_or(&bench).to_path_buf();
    let programs = find_programs(&bench.join("programs"), &opts.programs)?;
    let impls = implementations(&opts, &root)?;

    let mut results = Vec::new();
    for program in &programs {
        results.push(run::measure(program, &impls, opts.runs, opts.timeout));
    }
    let table = report::render(&impls, &results, opts.runs);
    print!("{table}");
    Ok(results.iter().all(|r| r.all_passed()))
}

fn main() -> ExitCode {
    match real_main() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("benches: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_defaults_and_options() {
        let Ok(Parsed::Run(opts)) = parse_args(&[]) else {
            panic!("empty command line should parse");
        };
        assert_eq!(opts.runs, 3);
        assert!(opts.programs.is_empty() && opts.peers.is_empty() && opts.hotpy.is_none());

        let args = strings(&[
            "nbody",
            "--runs",
            "5",
            "--vs=pypy3",
            "--vs",
            "python3",
            "go.py",
        ]);
        let Ok(Parsed::Run(opts)) = parse_args(&args) else {
            panic!("should parse");
        };
        assert_eq!(opts.programs, strings(&["nbody", "go.py"]));
        assert_eq!(opts.peers, strings(&["pypy3", "python3"]));
        assert_eq!(opts.runs, 5);
    }

    #[test]
    fn rejects_bad_input() {
        assert!(parse_args(&strings(&["--runs", "0"])).is_err());
        assert!(parse_args(&strings(&["--runs"])).is_err());
        assert!(parse_args(&strings(&["--frobnicate"])).is_err());
        assert!(parse_args(&strings(&["--timeout", "-1"])).is_err());
        assert_eq!(parse_args(&strings(&["-h"])), Ok(Parsed::Help));
    }

    #[test]
    fn every_program_has_expected_output() {
        let programs = find_programs(&bench_dir().join("programs"), &[]);
        let Ok(programs) = programs else {
            panic!("programs should load: {programs:?}");
        };
        assert!(programs.len() >= 13);
        assert!(find_programs(&bench_dir().join("programs"), &strings(&["nope"])).is_err());
    }
}
