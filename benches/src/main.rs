//! The benchmark runner: hotpy side by side with its peers, suite by suite.
//!
//! How it works: the command line names suites (`classic`, `startup`, `scaling`,
//! `locking`, `gc`; default `classic startup`) and, optionally, classic programs by
//! name (which implies `classic`). hotpy is built (`cargo build --release
//! -p runtime`) and `target/release/hotpy` under the workspace timed (or `--hotpy PATH`); the peers are `--vs PYTHON` (default `python3`, and
//! `/usr/bin/python3.11` when that is a different interpreter). Each peer is asked for
//! its real executable first, so a launcher shim (pyenv) does not add its start-up
//! time to each run; a peer that cannot be run is skipped with a message. The suites
//! (`suites`) measure with `run`, which checks each run's output before it counts;
//! progress goes to stderr. At the end the Markdown of every suite is printed on
//! stdout and written, with `results.json` and one SVG chart per suite, to the
//! `--out` folder (default `benches/results`, which git ignores).
//!
//! What must hold: a wrong output or a crash is reported as FAILED and never timed.
//! Exit status: 0 when every run passed, 1 when any failed, 2 for a usage or set-up
//! error.

mod json;
mod machine;
mod plot;
mod report;
mod run;
mod stats;
mod suites;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use json::Json;
use run::Implementation;
use suites::{Context, SuiteOutput};

const USAGE: &str = "\
usage: cargo run -p benches --release -- [SUITE|PROGRAM...] [--vs PYTHON]... [--runs N] [--out DIR]
           [--hotpy PATH] [--timeout SECS] [--patterns LIST] [--max-threads N] [--gc-sizes LIST]

  SUITE            classic, startup, scaling, locking, gc or all (default: classic startup)
  PROGRAM          a program of benches/programs for the classic suite (implies classic)
  --vs PYTHON      a peer interpreter to compare with; repeatable; one that is missing is
                   skipped (default: python3, and /usr/bin/python3.11 if it is another one)
  --runs N         timed runs per case and implementation, after one warm-up (default: 3)
  --out DIR        where results.json, results.md and the SVG charts go
                   (default: benches/results)
  --hotpy PATH     the hotpy binary (default: build it with cargo, then
                   <workspace>/target/release/hotpy)
  --timeout SECS   give up on a single run after this long (default: 300)
  --patterns LIST  scaling patterns, comma-separated (default: all)
  --max-threads N  scaling runs 1..=N threads (default: cores + 1)
  --gc-sizes LIST  gc suite live sizes in MB, comma-separated, of 10, 100, 500
                   (default: 10,100)";

/// What the command line asked for.
#[derive(Debug, PartialEq)]
struct Options {
    suites: Vec<String>,
    programs: Vec<String>,
    hotpy: Option<PathBuf>,
    peers: Vec<String>,
    runs: usize,
    timeout: Duration,
    out: Option<PathBuf>,
    patterns: Vec<String>,
    max_threads: Option<usize>,
    gc_sizes: Vec<u32>,
}

/// The outcome of parsing: either options to run with, or a request for help.
#[derive(Debug, PartialEq)]
enum Parsed {
    Run(Box<Options>),
    Help,
}

const FLAGS: [&str; 9] = [
    "--hotpy",
    "--vs",
    "--runs",
    "--timeout",
    "--out",
    "--patterns",
    "--max-threads",
    "--gc-sizes",
    "--suite",
];

fn positive(flag: &str, value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!(
            "{flag} wants a positive whole number, not {value:?}"
        )),
    }
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn parse_args(args: &[String]) -> Result<Parsed, String> {
    let mut opts = Options {
        suites: Vec::new(),
        programs: Vec::new(),
        hotpy: None,
        peers: Vec::new(),
        runs: 3,
        timeout: Duration::from_secs(300),
        out: None,
        patterns: Vec::new(),
        max_threads: None,
        gc_sizes: vec![10, 100],
    };
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        i += 1;
        if arg == "-h" || arg == "--help" {
            return Ok(Parsed::Help);
        }
        if !arg.starts_with("--") {
            if arg == "all" {
                opts.suites
                    .extend(suites::ALL.iter().map(|s| s.to_string()));
            } else if suites::ALL.contains(&arg) {
                opts.suites.push(arg.to_string());
            } else {
                opts.programs.push(arg.to_string());
            }
            continue;
        }
        // Accept both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f, Some(v.to_string())),
            None => (arg, None),
        };
        if !FLAGS.contains(&flag) {
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
            "--runs" => opts.runs = positive(flag, &value)?,
            "--out" => opts.out = Some(PathBuf::from(value)),
            "--patterns" => opts.patterns = list(&value),
            "--max-threads" => opts.max_threads = Some(positive(flag, &value)?),
            "--suite" => opts.suites.push(value),
            "--gc-sizes" => {
                opts.gc_sizes = list(&value)
                    .iter()
                    .map(|v| match v.parse::<u32>() {
                        Ok(mb @ (10 | 100 | 500)) => Ok(mb),
                        _ => Err(format!("--gc-sizes takes 10, 100 and 500, not {v:?}")),
                    })
                    .collect::<Result<_, _>>()?;
                if opts.gc_sizes.is_empty() {
                    return Err("--gc-sizes needs at least one size".to_string());
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
    if let Some(bad) = opts
        .suites
        .iter()
        .find(|s| !suites::ALL.contains(&s.as_str()))
    {
        return Err(format!(
            "unknown suite {bad:?}; suites: {}",
            suites::ALL.join(", ")
        ));
    }
    if !opts.programs.is_empty() && !opts.suites.iter().any(|s| s == "classic") {
        opts.suites.push("classic".to_string());
    }
    if opts.suites.is_empty() {
        opts.suites = suites::DEFAULT.iter().map(|s| s.to_string()).collect();
    }
    // Run in the canonical order, each once.
    opts.suites = suites::ALL
        .iter()
        .filter(|s| opts.suites.iter().any(|c| c == *s))
        .map(|s| s.to_string())
        .collect();
    Ok(Parsed::Run(Box::new(opts)))
}

/// `benches/` itself: the programs live under it and the workspace root is its parent.
fn bench_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Resolve a peer to its real executable, or say why it is skipped.
fn peer(name: &str) -> Option<Implementation> {
    match run::probe_python(name) {
        Ok(info) => Some(Implementation {
            label: name.to_string(),
            command: info.executable,
            args: Vec::new(),
            version: Some(info.version),
            env: Vec::new(),
        }),
        Err(e) => {
            eprintln!("benches: skipping peer {name}: {e}");
            None
        }
    }
}

/// Builds hotpy in release mode (a no-op when it is up to date), so that one command
/// measures the current tree; the binary's path (under `CARGO_TARGET_DIR` if set).
fn build_hotpy(root: &Path) -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("benches: cargo build --release -p runtime");
    let status = std::process::Command::new(cargo)
        .args(["build", "--release", "-p", "runtime"])
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo to build hotpy: {e}"))?;
    if !status.success() {
        return Err(format!("building hotpy failed ({status})"));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| if t.is_absolute() { t } else { root.join(t) })
        .unwrap_or_else(|| root.join("target"));
    Ok(target.join("release").join("hotpy"))
}

/// hotpy, then the peers that could be found.
fn implementations(
    opts: &Options,
    root: &Path,
) -> Result<(Implementation, Vec<Implementation>), String> {
    let hotpy = match &opts.hotpy {
        Some(path) => path.clone(),
        None => build_hotpy(root)?,
    };
    if !hotpy.is_file() {
        return Err(format!(
            "hotpy binary not found at {}; build it with `cargo build --release -p runtime` \
             or pass --hotpy PATH",
            hotpy.display()
        ));
    }
    let hotpy = Implementation {
        label: "hotpy".to_string(),
        command: hotpy,
        args: Vec::new(),
        version: None,
        env: Vec::new(),
    };
    let explicit = !opts.peers.is_empty();
    let names = if explicit {
        opts.peers.clone()
    } else {
        vec!["python3".to_string()]
    };
    let mut peers: Vec<Implementation> = names.iter().filter_map(|n| peer(n)).collect();
    let extra = Path::new("/usr/bin/python3.11");
    if !explicit && extra.is_file() && !peers.iter().any(|p| run::same_file(&p.command, extra)) {
        peers.extend(peer(&extra.display().to_string()));
    }
    Ok((hotpy, peers))
}

/// The Markdown file: when and where, then each suite's section.
fn markdown(
    date: &str,
    machine: &str,
    commit: &str,
    command: &str,
    outs: &[SuiteOutput],
) -> String {
    let mut text = format!(
        "# hotpy benchmark results\n\nProduced on {date} at commit {commit} on {machine} with\n\n    {command}\n"
    );
    for out in outs {
        text.push('\n');
        text.push_str(&out.markdown);
    }
    text
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
    let (hotpy, peers) = implementations(&opts, &root)?;
    let machine = machine::Machine::probe();
    let out = opts.out.clone().unwrap_or_else(|| bench.join("results"));
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let ctx = Context {
        bench,
        hotpy,
        peers,
        runs: opts.runs,
        timeout: opts.timeout,
        programs: opts.programs.clone(),
        patterns: opts.patterns.clone(),
        max_threads: opts.max_threads.unwrap_or(machine.cores + 1),
        gc_sizes: opts.gc_sizes.clone(),
        out: out.clone(),
    };
    let date = machine::today();
    let commit = machine::commit(&root);
    let mut outputs = Vec::new();
    for suite in &opts.suites {
        eprintln!("benches: suite {suite}");
        let output = match suite.as_str() {
            "classic" => suites::compare::classic(&ctx)?,
            "startup" => suites::compare::startup(&ctx)?,
            "locking" => suites::compare::locking(&ctx)?,
            "scaling" => suites::scaling::run(&ctx)?,
            _ => suites::gc::run(&ctx)?,
        };
        outputs.push(output);
    }
    let command = format!("cargo run -p benches --release -- {}", args.join(" "));
    let text = markdown(
        &date,
        &machine.summary(),
        &commit,
        command.trim_end(),
        &outputs,
    );
    print!("{text}");
    let json = Json::obj([
        ("date", Json::str(date.as_str())),
        ("commit", Json::str(commit.as_str())),
        ("machine", machine.json()),
        ("command", Json::str(command.trim_end())),
        ("runs", Json::Num(opts.runs as f64)),
        (
            "suites",
            Json::obj(outputs.iter().map(|o| {
                let mut json = o.json.clone();
                if let Json::Obj(fields) = &mut json {
                    fields.insert(0, ("all_passed".to_string(), Json::Bool(o.all_passed)));
                }
                (o.name, json)
            })),
        ),
    ]);
    let write = |name: &str, body: &str| {
        let path = out.join(name);
        std::fs::write(&path, body).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write("results.md", &text)?;
    write("results.json", &json.render())?;
    eprintln!("benches: results in {}", out.display());
    Ok(outputs.iter().all(|o| o.all_passed))
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

    fn parsed(args: &[&str]) -> Options {
        match parse_args(&strings(args)) {
            Ok(Parsed::Run(opts)) => *opts,
            other => panic!("{args:?} should parse: {other:?}"),
        }
    }

    #[test]
    fn parses_defaults_and_options() {
        let opts = parsed(&[]);
        assert_eq!(opts.runs, 3);
        assert_eq!(opts.suites, strings(&["classic", "startup"]));
        assert_eq!(opts.gc_sizes, vec![10, 100]);
        assert!(opts.programs.is_empty() && opts.peers.is_empty() && opts.hotpy.is_none());

        let opts = parsed(&[
            "nbody",
            "--runs",
            "5",
            "--vs=pypy3",
            "--vs",
            "python3",
            "go.py",
            "--out",
            "x",
        ]);
        assert_eq!(opts.programs, strings(&["nbody", "go.py"]));
        assert_eq!(opts.suites, strings(&["classic"]));
        assert_eq!(opts.peers, strings(&["pypy3", "python3"]));
        assert_eq!(opts.runs, 5);
        assert_eq!(opts.out, Some(PathBuf::from("x")));
    }

    #[test]
    fn suites_run_once_in_order() {
        let opts = parsed(&[
            "gc",
            "scaling",
            "gc",
            "--gc-sizes",
            "10,500",
            "--patterns=calls,dicts",
        ]);
        assert_eq!(opts.suites, strings(&["scaling", "gc"]));
        assert_eq!(opts.gc_sizes, vec![10, 500]);
        assert_eq!(opts.patterns, strings(&["calls", "dicts"]));
        assert_eq!(parsed(&["all"]).suites.len(), suites::ALL.len());
        assert_eq!(parsed(&["--max-threads", "4"]).max_threads, Some(4));
    }

    #[test]
    fn rejects_bad_input() {
        for bad in [
            &["--runs", "0"][..],
            &["--runs"],
            &["--frobnicate"],
            &["--timeout", "-1"],
            &["--gc-sizes", "7"],
            &["--suite", "nope"],
            &["--max-threads", "0"],
        ] {
            assert!(parse_args(&strings(bad)).is_err(), "{bad:?}");
        }
        assert_eq!(parse_args(&strings(&["-h"])), Ok(Parsed::Help));
    }

    #[test]
    fn markdown_has_date_machine_and_sections() {
        let out = SuiteOutput {
            name: "classic",
            markdown: "## classic\n".to_string(),
            json: Json::Null,
            all_passed: true,
        };
        let text = markdown("2026-01-02", "2 cores", "abc", "cargo run", &[out]);
        assert!(text.starts_with(
            "# hotpy benchmark results\n\nProduced on 2026-01-02 at commit abc on 2 cores"
        ));
        assert!(text.ends_with("\n## classic\n"));
    }

    #[test]
    fn import_all_covers_hotpy_modules() {
        // Every module hotpy provides natively or in vm/lib must be imported by the
        // startup program (hotpy's native `_os` is imported through `os`).
        let root = bench_dir().join("..");
        let modules = std::fs::read_to_string(root.join("vm/src/modules.rs")).unwrap_or_default();
        let program = std::fs::read_to_string(bench_dir().join("programs/startup/import_all.py"))
            .unwrap_or_default();
        let mut names: Vec<&str> = modules
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
            .filter(|n| !n.starts_with('_'))
            .collect();
        names.extend(["builtins", "sys"]);
        assert!(names.len() > 20, "{names:?}");
        for name in names {
            assert!(
                program
                    .lines()
                    .any(|l| l.trim() == format!("import {name}")),
                "startup/import_all.py does not import {name}"
            );
        }
    }
}
