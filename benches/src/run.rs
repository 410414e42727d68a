//! Running benchmark programs, timing them and taking their peak memory.
//!
//! How it works: every run is a fresh process (`IMPL [IMPL ARGS] [PROGRAM.py] [CASE
//! ARGS]`, stdin closed,
//! stdout and stderr captured by two reader threads). Wall time is measured from
//! just before the spawn to the moment the process is seen to exit; the exit is
//! polled every millisecond with `wait4(pid, WNOHANG)`, so that a run over
//! `timeout` can be killed. The `wait4` that reaps the process also returns its
//! resource usage, whose `ru_maxrss` is the peak resident set size of that process
//! (and of any children it reaped itself), not of the runner's other children.
//! `measure` first runs each implementation once as a warm-up (warming the file
//! cache) and checks its output, then does the timed runs in rounds, each round
//! running every implementation that is still passing once, so drifting machine
//! load hits all of them alike. A suite that wants more than the time (the gc suite
//! reads `hotpy --stats`) passes an `inspect` callback that sees each timed run's
//! stderr.
//!
//! What must hold: a run passes only if the process exits with status 0 and its
//! stdout is byte-for-byte the expected output. The first failure of an
//! implementation on a program is kept as the reason and that implementation is
//! not timed further on that program. The child is reaped by `wait4` alone: once
//! it has been reaped its pid may belong to another process, so the `Child` handle
//! must not be killed or waited on after that (std does neither when it is
//! dropped). The peak memory of an outcome is the maximum over its timed runs only.

use std::ffi::OsString;
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// An interpreter to measure: hotpy or a peer.
#[derive(Debug, Clone)]
pub struct Implementation {
    /// The name shown in the table (as given on the command line).
    pub label: String,
    /// The executable that is actually run.
    pub command: PathBuf,
    /// Arguments put before the program (`--stats`, `--locking=rw`).
    pub args: Vec<String>,
    /// The Python version a peer reports; None for hotpy, which is not probed.
    pub version: Option<String>,
    /// Environment variables set for its runs (`HOTPY_GC_THREADS=2`).
    pub env: Vec<(String, String)>,
}

/// A benchmark case: a program (or `-c CODE`), its arguments, and the output CPython
/// gives for it.
#[derive(Debug, Clone)]
pub struct Program {
    pub name: String,
    /// The script to run; None when `args` say what to run (`-c pass`).
    pub path: Option<PathBuf>,
    /// Arguments after the script.
    pub args: Vec<String>,
    pub expected: Vec<u8>,
    /// 1 for one process. N > 1: N processes at once, the K-th (from 0) with
    /// `--part K` added to its arguments, each doing its share of the work; the run's
    /// wall time lasts until the last one exits, and their outputs, added up by
    /// `combine_parts`, must give `expected`.
    pub parts: usize,
}

impl Program {
    /// A script run without arguments.
    pub fn script(name: &str, path: PathBuf, expected: Vec<u8>) -> Program {
        Program {
            name: name.to_string(),
            path: Some(path),
            args: Vec::new(),
            expected,
            parts: 1,
        }
    }

    /// The command line after the executable, for `imp`.
    pub fn command_args(&self, imp: &Implementation) -> Vec<OsString> {
        let mut args: Vec<OsString> = imp.args.iter().map(OsString::from).collect();
        args.extend(self.path.iter().map(|p| p.as_os_str().to_owned()));
        args.extend(self.args.iter().map(OsString::from));
        args
    }
}

/// How one implementation did on one program.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Every run printed the expected output.
    Passed {
        /// The timed runs' wall times.
        times: Vec<Duration>,
        /// The largest peak resident set size of the timed runs, in bytes
        /// (0 while there are none).
        peak_rss: u64,
    },
    /// Why it failed (crash, wrong output, timeout, could not start).
    Failed(String),
}

/// The outcomes of one program, in the same order as the implementations.
#[derive(Debug)]
pub struct ProgramResult {
    pub name: String,
    pub outcomes: Vec<Outcome>,
}

impl ProgramResult {
    pub fn all_passed(&self) -> bool {
        self.outcomes
            .iter()
            .all(|o| matches!(o, Outcome::Passed { .. }))
    }
}

/// How a process that exited on its own ended.
struct Exit {
    status: ExitStatus,
    /// Peak resident set size in bytes.
    peak_rss: u64,
}

/// What a finished process left behind.
struct Finished {
    elapsed: Duration,
    exit: Exit,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// A run that printed the expected output.
pub struct Measured {
    pub elapsed: Duration,
    pub peak_rss: u64,
    pub stderr: Vec<u8>,
}

fn spawn_reader<R: Read + Send + 'static>(source: Option<R>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut source) = source {
            // A read error just truncates the capture; the comparison will catch it.
            let _ = source.read_to_end(&mut buf);
        }
        buf
    })
}

/// Wait for `child` and reap it with `wait4`, killing it after `timeout`. Returns
/// its exit status and peak resident size, or None if it was killed for taking too
/// long. `child` must not have been waited on before.
fn wait_with_timeout(
    child: &mut Child,
    start: Instant,
    timeout: Duration,
) -> Result<Option<Exit>, String> {
    let pid = libc::pid_t::try_from(child.id())
        .map_err(|_| format!("process id {} does not fit in a pid_t", child.id()))?;
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: `rusage` is a plain C struct of integers and `timeval`s, for which
        // all-zero bytes are a valid value.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `status` and `usage` are live, writable locals of exactly the
        // types wait4 writes through its pointers, and neither pointer is kept
        // after the call. `pid` is our own child that nothing has reaped yet (this
        // loop is the only waiter), so it cannot name an unrelated process.
        let reaped = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if reaped == pid {
            // ru_maxrss is in KiB on Linux.
            let peak_kib = u64::try_from(usage.ru_maxrss).unwrap_or(0);
            return Ok(Some(Exit {
                status: ExitStatus::from_raw(status),
                peak_rss: peak_kib.saturating_mul(1024),
            }));
        }
        if reaped != 0 {
            let e = std::io::Error::last_os_error();
            return Err(format!("cannot wait for process {pid}: {e}"));
        }
        // wait4 returned 0: the child is still running and not reaped, so its pid is
        // still ours to kill and wait() is the one call that reaps it.
        if start.elapsed() > timeout {
            // Kill errors mean it has just exited on its own; wait() reaps it either way.
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn run_once<A: AsRef<std::ffi::OsStr>>(
    command: &Path,
    args: &[A],
    env: &[(String, String)],
    timeout: Duration,
) -> Result<Finished, String> {
    let start = Instant::now();
    let mut child = Command::new(command)
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", command.display()))?;
    let out_reader = spawn_reader(child.stdout.take());
    let err_reader = spawn_reader(child.stderr.take());
    let waited = wait_with_timeout(&mut child, start, timeout);
    let elapsed = start.elapsed();
    match waited? {
        Some(exit) => Ok(Finished {
            elapsed,
            exit,
            stdout: out_reader.join().unwrap_or_default(),
            stderr: err_reader.join().unwrap_or_default(),
        }),
        // The readers are left behind: a grandchild may still hold the pipes open.
        None => Err(format!("timed out after {:.0} s", timeout.as_secs_f64())),
    }
}

/// The last non-empty line of `text`, shortened for a one-line report.
fn last_line(text: &[u8]) -> String {
    let text = String::from_utf8_lossy(text);
    let line = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let mut short: String = line.chars().take(160).collect();
    if short.len() < line.len() {
        short.push_str("...");
    }
    short
}

/// Explain how `actual` differs from `expected`, by first differing line.
fn describe_difference(expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    let mut exp_lines = expected.lines();
    let mut act_lines = actual.lines();
    let mut number = 1;
    loop {
        match (exp_lines.next(), act_lines.next()) {
            (Some(e), Some(a)) if e == a => number += 1,
            (Some(e), Some(a)) => {
                return format!("wrong output at line {number}: expected {e:?}, got {a:?}")
            }
            (Some(e), None) => {
                return format!("output ends early at line {number}: expected {e:?}")
            }
            (None, Some(a)) => return format!("extra output at line {number}: {a:?}"),
            (None, None) => return "wrong output (line endings or final newline)".to_string(),
        }
    }
}

/// Run `program` once with `imp`; Ok(wall time and peak memory) if it printed the
/// expected output.
pub fn checked_run(
    imp: &Implementation,
    program: &Program,
    timeout: Duration,
) -> Result<Measured, String> {
    if program.parts > 1 {
        return checked_parts(imp, program, timeout);
    }
    let done = run_once(&imp.command, &program.command_args(imp), &imp.env, timeout)?;
    check_exit(&done)?;
    if done.stdout != program.expected {
        return Err(describe_difference(&program.expected, &done.stdout));
    }
    Ok(Measured {
        elapsed: done.elapsed,
        peak_rss: done.exit.peak_rss,
        stderr: done.stderr,
    })
}

/// Err with the reason if a finished process did not exit with status 0.
fn check_exit(done: &Finished) -> Result<(), String> {
    let status = done.exit.status;
    if status.success() {
        return Ok(());
    }
    let detail = last_line(&done.stderr);
    Err(if detail.is_empty() {
        format!("exited with {status}")
    } else {
        format!("exited with {status}: {detail}")
    })
}

/// `checked_run` of a program split into `parts` processes (see `Program::parts`):
/// they are started together (each by a thread of its own, released at once) and the
/// wall time runs from the release to the exit of the last one. The peak memory is the
/// sum of theirs.
fn checked_parts(
    imp: &Implementation,
    program: &Program,
    timeout: Duration,
) -> Result<Measured, String> {
    let base = program.command_args(imp);
    let go = std::sync::Barrier::new(program.parts + 1);
    let (start, finished) = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..program.parts)
            .map(|k| {
                let mut args = base.clone();
                args.extend([OsString::from("--part"), OsString::from(k.to_string())]);
                let go = &go;
                scope.spawn(move || {
                    go.wait();
                    run_once(&imp.command, &args, &imp.env, timeout)
                })
            })
            .collect();
        go.wait();
        let start = Instant::now();
        let finished: Vec<_> = handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("the thread running a part panicked".to_string()))
            })
            .collect();
        (start, finished)
    });
    let elapsed = start.elapsed();
    let mut outputs = Vec::new();
    let mut peak_rss = 0;
    let mut stderr = Vec::new();
    for (k, done) in finished.into_iter().enumerate() {
        let done = done.map_err(|e| format!("part {k}: {e}"))?;
        check_exit(&done).map_err(|e| format!("part {k}: {e}"))?;
        peak_rss += done.exit.peak_rss;
        stderr.extend_from_slice(&done.stderr);
        outputs.push(done.stdout);
    }
    let combined = combine_parts(&outputs)?;
    if combined != program.expected {
        return Err(describe_difference(&program.expected, &combined));
    }
    Ok(Measured {
        elapsed,
        peak_rss,
        stderr,
    })
}

/// The output of a program split into parts, from the parts' outputs: they must have
/// the same lines with the same words, except that where every part has a whole
/// number the numbers are added up (`calls items 5 result 7` and `calls items 5 result
/// 8` give `calls items 10 result 15`).
pub fn combine_parts(outputs: &[Vec<u8>]) -> Result<Vec<u8>, String> {
    let texts: Vec<String> = outputs
        .iter()
        .map(|o| String::from_utf8_lossy(o).into_owned())
        .collect();
    let Some(first) = texts.first() else {
        return Ok(Vec::new());
    };
    let mut combined = String::new();
    for (n, line) in first.lines().enumerate() {
        let words: Vec<Vec<&str>> = texts
            .iter()
            .map(|t| t.lines().nth(n).unwrap_or("").split(' ').collect())
            .collect();
        let mut out_words = Vec::new();
        for (w, word) in line.split(' ').enumerate() {
            let column: Vec<&str> = words
                .iter()
                .map(|ws| ws.get(w).copied().unwrap_or(""))
                .collect();
            let numbers: Option<Vec<i128>> = column.iter().map(|c| c.parse().ok()).collect();
            match numbers {
                Some(ns) => out_words.push(ns.iter().sum::<i128>().to_string()),
                None if column.iter().all(|c| c == &word) => out_words.push(word.to_string()),
                None => {
                    return Err(format!(
                        "the parts disagree at line {}: {:?}",
                        n + 1,
                        column.join(" / ")
                    ))
                }
            }
        }
        combined.push_str(&out_words.join(" "));
        combined.push('\n');
    }
    if texts
        .iter()
        .any(|t| t.lines().count() != first.lines().count())
    {
        return Err("the parts printed different numbers of lines".to_string());
    }
    Ok(combined.into_bytes())
}

/// How to measure: timed runs, the time limit of one run, and the progress prefix.
pub struct Plan<'a> {
    pub runs: usize,
    pub timeout: Duration,
    /// Shown at the start of each progress line on stderr, e.g. `classic 3/13 nbody`.
    pub progress: &'a str,
}

/// Warm up, check and time `program` on every implementation. `inspect(i, run)` sees
/// every timed run of implementation `i` that passed (its time and its stderr).
pub fn measure(
    program: &Program,
    impls: &[Implementation],
    plan: &Plan,
    inspect: &mut dyn FnMut(usize, &Measured),
) -> ProgramResult {
    let cases = [Case {
        program,
        impls,
        tag: plan.progress.to_string(),
    }];
    let mut inspect_one = |_: usize, i: usize, run: &Measured| inspect(i, run);
    let mut results = measure_interleaved(&cases, plan, &mut inspect_one);
    results.pop().expect("one result per case")
}

/// One program measured on some implementations, with its progress tag.
pub struct Case<'a> {
    pub program: &'a Program,
    pub impls: &'a [Implementation],
    pub tag: String,
}

/// As `measure`, for several programs whose times are compared with each other (one
/// pattern at 1, 2, ... threads): each round runs every case once on each of its
/// implementations before the next round starts, so that a slow spell of the machine
/// (other virtual machines on the host) falls on all of them alike instead of on the
/// runs of one. Each case carries its own progress tag (`plan.progress` is unused).
/// `inspect(case, i, run)` sees every timed run that passed.
pub fn measure_interleaved(
    cases: &[Case<'_>],
    plan: &Plan,
    inspect: &mut dyn FnMut(usize, usize, &Measured),
) -> Vec<ProgramResult> {
    let (runs, timeout) = (plan.runs, plan.timeout);
    let mut all: Vec<Vec<Outcome>> = cases
        .iter()
        .map(
            |Case {
                 program,
                 impls,
                 tag,
             }| {
                impls
                    .iter()
                    .map(|imp| {
                        eprintln!("[{tag}] warm-up on {}", imp.label);
                        match checked_run(imp, program, timeout) {
                            Ok(_) => Outcome::Passed {
                                times: Vec::with_capacity(runs),
                                peak_rss: 0,
                            },
                            Err(why) => {
                                eprintln!("[{tag}] {} FAILED: {why}", imp.label);
                                Outcome::Failed(why)
                            }
                        }
                    })
                    .collect()
            },
        )
        .collect();

    for round in 1..=runs {
        for (c, (case, outcomes)) in cases.iter().zip(all.iter_mut()).enumerate() {
            let Case {
                program,
                impls,
                tag,
            } = case;
            for (i, (imp, outcome)) in impls.iter().zip(outcomes.iter_mut()).enumerate() {
                let Outcome::Passed { times, peak_rss } = outcome else {
                    continue;
                };
                match checked_run(imp, program, timeout) {
                    Ok(run) => {
                        inspect(c, i, &run);
                        eprintln!(
                            "[{tag}] {} run {round}/{runs}: {:.3} s, peak RSS {:.1} MB",
                            imp.label,
                            run.elapsed.as_secs_f64(),
                            run.peak_rss as f64 / 1e6
                        );
                        times.push(run.elapsed);
                        *peak_rss = (*peak_rss).max(run.peak_rss);
                    }
                    Err(why) => {
                        let why = format!("run {round}: {why}");
                        eprintln!("[{tag}] {} FAILED: {why}", imp.label);
                        *outcome = Outcome::Failed(why);
                    }
                }
            }
        }
    }
    cases
        .iter()
        .zip(all)
        .map(|(case, outcomes)| ProgramResult {
            name: case.program.name.clone(),
            outcomes,
        })
        .collect()
}

/// A Python interpreter's real executable and version.
pub struct PythonInfo {
    pub executable: PathBuf,
    pub version: String,
}

/// Ask a Python (a path or a name on PATH) for `sys.executable` and its version,
/// so that timing runs the interpreter itself rather than a launcher shim.
pub fn probe_python(name: &str) -> Result<PythonInfo, String> {
    let script = "import sys; print(sys.executable); print(sys.version.split()[0])";
    let output = Command::new(name)
        .args(["-c", script])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run peer {name}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "peer {name} failed to start ({}): {}",
            output.status,
            last_line(&output.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut lines = text.lines();
    let executable = lines.next().unwrap_or("").trim();
    let version = lines.next().unwrap_or("?").trim().to_string();
    // An embedded or odd interpreter may not know its path; then run it as given.
    let executable = if executable.is_empty() || !Path::new(executable).is_file() {
        PathBuf::from(name)
    } else {
        PathBuf::from(executable)
    };
    Ok(PythonInfo {
        executable,
        version,
    })
}

/// Whether two paths name the same file after following links.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_add_up_word_by_word() {
        let outs = |v: &[&str]| v.iter().map(|s| s.as_bytes().to_vec()).collect::<Vec<_>>();
        let sum = combine_parts(&outs(&[
            "calls items 5 result 7\n",
            "calls items 5 result 8\n",
        ]));
        assert_eq!(sum.unwrap(), b"calls items 10 result 15\n".to_vec());
        assert!(combine_parts(&outs(&["a 1\n", "b 1\n"])).is_err());
        assert!(combine_parts(&outs(&["a 1\n", "a 1\nx\n"])).is_err());
    }

    #[test]
    fn interleaved_cases_take_turns_round_by_round() {
        let log = std::env::temp_dir().join(format!("hotpy-interleave-{}", std::process::id()));
        let _ = std::fs::remove_file(&log);
        let case = |name: &str| Program {
            name: name.to_string(),
            path: None,
            args: vec![
                "-c".to_string(),
                format!("echo {name} >> '{}'; echo ok", log.display()),
            ],
            expected: b"ok\n".to_vec(),
            parts: 1,
        };
        let (a, b) = (case("a"), case("b"));
        let sh = [Implementation {
            label: "sh".to_string(),
            command: PathBuf::from("/bin/sh"),
            args: Vec::new(),
            version: None,
            env: Vec::new(),
        }];
        let cases = [
            Case {
                program: &a,
                impls: &sh,
                tag: "a".to_string(),
            },
            Case {
                program: &b,
                impls: &sh,
                tag: "b".to_string(),
            },
        ];
        let plan = Plan {
            runs: 2,
            timeout: Duration::from_secs(10),
            progress: "",
        };
        let results = measure_interleaved(&cases, &plan, &mut |_, _, _| {});
        let order = std::fs::read_to_string(&log).unwrap_or_default();
        let _ = std::fs::remove_file(&log);
        // Warm-ups first, then one run of each case per round.
        assert_eq!(
            order.split_whitespace().collect::<Vec<_>>(),
            ["a", "b", "a", "b", "a", "b"]
        );
        assert!(results.iter().all(ProgramResult::all_passed));
        assert_eq!(results[1].name, "b");
    }

    #[test]
    fn parts_run_at_once_and_are_checked_together() {
        // Each part prints "n K" (its --part argument); together "n 1" for two parts.
        let script = "echo n $2".to_string();
        let program = |expected: &str| Program {
            name: "parts".to_string(),
            path: None,
            args: vec!["-c".to_string(), script.clone(), "sh".to_string()],
            expected: expected.as_bytes().to_vec(),
            parts: 2,
        };
        let sh = Implementation {
            label: "sh".to_string(),
            command: PathBuf::from("/bin/sh"),
            args: Vec::new(),
            version: None,
            env: Vec::new(),
        };
        let timeout = Duration::from_secs(10);
        assert!(checked_run(&sh, &program("n 1\n"), timeout).is_ok());
        let wrong = checked_run(&sh, &program("n 2\n"), timeout);
        assert!(matches!(wrong, Err(why) if why.contains("expected")));
    }

    #[test]
    fn differences_are_located() {
        assert_eq!(
            describe_difference(b"a\nb\n", b"a\nc\n"),
            "wrong output at line 2: expected \"b\", got \"c\""
        );
        assert!(describe_difference(b"a\nb\n", b"a\n").starts_with("output ends early at line 2"));
        assert!(describe_difference(b"a\n", b"a\nz\n").starts_with("extra output at line 2"));
        assert!(describe_difference(b"a\n", b"a").contains("final newline"));
    }

    #[test]
    fn last_line_skips_blank_lines() {
        assert_eq!(
            last_line(b"Traceback\n  x\nValueError: bad\n\n"),
            "ValueError: bad"
        );
        assert_eq!(last_line(b""), "");
    }

    fn run(command: &str, args: &[&str]) -> Result<Finished, String> {
        run_once(Path::new(command), args, &[], Duration::from_secs(10))
    }

    fn sh(label: &str) -> Implementation {
        Implementation {
            label: label.to_string(),
            command: PathBuf::from("sh"),
            args: vec!["-c".to_string()],
            version: None,
            env: Vec::new(),
        }
    }

    fn case(script: &str, expected: &str) -> Program {
        Program {
            name: "case".to_string(),
            path: None,
            args: vec![script.to_string()],
            expected: expected.as_bytes().to_vec(),
            parts: 1,
        }
    }

    #[test]
    fn a_wrong_result_or_a_crash_is_failed_not_timed() {
        let plan = Plan {
            runs: 2,
            timeout: Duration::from_secs(10),
            progress: "test",
        };
        let impls = [sh("a")];
        let mut seen = 0;
        let right = measure(
            &case("echo 42; echo note >&2", "42\n"),
            &impls,
            &plan,
            &mut |i, run| {
                assert_eq!((i, run.stderr.as_slice()), (0, &b"note\n"[..]));
                seen += 1;
            },
        );
        assert_eq!(seen, 2);
        assert!(matches!(&right.outcomes[0], Outcome::Passed { times, .. } if times.len() == 2));
        let wrong = measure(&case("echo 41", "42\n"), &impls, &plan, &mut |_, _| {});
        assert_eq!(
            wrong.outcomes,
            vec![Outcome::Failed(
                "wrong output at line 1: expected \"42\", got \"41\"".to_string()
            )]
        );
        let crash = measure(
            &case("echo 42; echo boom >&2; exit 1", "42\n"),
            &impls,
            &plan,
            &mut |_, _| {},
        );
        assert_eq!(
            crash.outcomes,
            vec![Outcome::Failed(
                "exited with exit status: 1: boom".to_string()
            )]
        );
    }

    #[test]
    fn peak_memory_is_that_of_the_one_child() {
        // dd reads 64 MiB from /dev/zero into one buffer, so all of it is resident.
        let big = run("dd", &["if=/dev/zero", "of=/dev/null", "bs=64M", "count=1"]);
        let Ok(big) = big else {
            panic!("dd should run: {:?}", big.err());
        };
        assert!(big.exit.status.success(), "dd: {}", big.exit.status);
        assert!(
            big.exit.peak_rss >= 64 << 20,
            "dd peak {}",
            big.exit.peak_rss
        );
        // A later small child does not inherit the earlier child's peak.
        let small = run("true", &[]);
        let Ok(small) = small else {
            panic!("true should run: {:?}", small.err());
        };
        assert!(small.exit.peak_rss > 0);
        // Below dd's: it did not inherit it. (Not an absolute bound: a child forked while
        // this test binary is large starts with the parent's resident pages.)
        assert!(
            small.exit.peak_rss < big.exit.peak_rss,
            "true peak {} against dd's {}",
            small.exit.peak_rss,
            big.exit.peak_rss
        );
    }

    #[test]
    fn exit_status_and_output_are_kept() {
        let done = run("sh", &["-c", "echo out; echo err >&2; exit 3"]);
        let Ok(done) = done else {
            panic!("sh should run: {:?}", done.err());
        };
        assert_eq!(done.exit.status.code(), Some(3));
        assert_eq!(done.exit.status.to_string(), "exit status: 3");
        assert_eq!(done.stdout, b"out\n");
        assert_eq!(done.stderr, b"err\n");
    }

    #[test]
    fn a_run_over_time_is_killed() {
        let start = Instant::now();
        let result = run_once(Path::new("sleep"), &["10"], &[], Duration::from_millis(100));
        assert_eq!(result.err().as_deref(), Some("timed out after 0 s"));
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_missing_command_is_an_error_not_a_panic() {
        let result = run_once(
            Path::new("/nonexistent/hotpy"),
            &["x.py"],
            &[],
            Duration::from_secs(1),
        );
        assert!(result.is_err());
    }
}
