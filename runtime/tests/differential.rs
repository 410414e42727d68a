//! Differential test suite: hotpy against recorded CPython 3.11 behaviour.
//!
//! How it works
//! - The corpus lives in `tests/python/<area>/<name>.py` at the workspace root. Every `.py`
//!   file is a test program, except import helpers: files whose name starts with `mod_` and
//!   everything inside a folder whose name starts with `pkg_` (packages used by the import
//!   tests). `__pycache__` and hidden folders are ignored.
//! - Expectations were produced by CPython with `tests/regen.sh`: `<name>.out` holds the exact
//!   stdout; `<name>.exit`, present only when the exit code was non-zero, holds two lines: the
//!   exit code and the last non-empty line of stderr (e.g. `ZeroDivisionError: division by
//!   zero`, or empty for `sys.exit(3)`). No `.exit` file means exit code 0, and stderr is then
//!   not compared at all.
//! - Each program runs as `hotpy <name>.py` with the program's folder as working directory
//!   (so `sys.argv[0]` and sibling imports behave as under regen.sh), stdin from /dev/null and
//!   `PYTHONHASHSEED=0`. A run that exceeds 60 s is killed and reported as a timeout.
//! - Programs run in parallel on a few std threads. A process-wide semaphore caps the number
//!   of live child processes, so the #[test] functions (normal mode, GC-stress mode,
//!   write-lock mode and rw-lock mode, which cargo may run concurrently) share the same
//!   budget.
//! - Every failure is collected and reported (first differing stdout line, exit code, last
//!   stderr line, timeouts); the test fails at the end if anything failed.
//!
//! Knobs (environment variables read by this harness):
//! - `HOTPY_DIFF_FILTER=a,b`  only run tests whose relative path contains `a` or `b`.
//! - `HOTPY_DIFF_JOBS=n`      number of concurrent child processes (default: cores, max 4).
//! - `HOTPY_DIFF_BIN=path`    run another interpreter instead of the hotpy binary (e.g.
//!   `python3`, to check the harness and the expectations themselves).
//!
//! - `tests/python/KNOWN_FAILURES` lists programs (relative paths, `#` comments) that hotpy
//!   does not pass yet. Their failures are reported but do not fail the test; a listed
//!   program that passes fails the test until it is removed from the list, so the list
//!   only shrinks. It is the honest record of what is missing.
//!
//! Regenerate expectations with `tests/regen.sh` after adding or changing a test program.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);
const MAX_DEFAULT_JOBS: usize = 4;
const MAX_SHOWN_CHARS: usize = 200;
/// How long to keep reading a child's pipes after it has exited or been killed.
const PIPE_GRACE: Duration = Duration::from_secs(5);

#[test]
fn differential() {
    run_suite("differential", &[]);
}

#[test]
fn differential_gc_stress() {
    run_suite("differential_gc_stress", &[("HOTPY_GC_STRESS", "1")]);
}

/// Every writer takes its object lock (`--locking=write`), as once a second thread runs:
/// the results must not change, and no writer may wait on a lock it already holds.
#[test]
fn differential_write_locks() {
    run_suite("differential_write_locks", &[("HOTPY_LOCKING", "write")]);
}

/// Readers lock too (`--locking=rw`, the comparison point): the results must not change,
/// and no reader may ask for a lock its thread already holds for writing.
#[test]
fn differential_rw_locks() {
    run_suite("differential_rw_locks", &[("HOTPY_LOCKING", "rw")]);
}

/// One test program of the corpus.
struct Case {
    /// Absolute path of the `.py` file.
    path: PathBuf,
    /// Path relative to the corpus root, with `/` separators; used in reports and filters.
    rel: String,
}

/// What the program is expected to do, read from `.out` / `.exit`.
struct Expected {
    stdout: Vec<u8>,
    code: i32,
    /// Last non-empty stderr line; only checked when `code != 0`.
    last_stderr: String,
}

/// What the program actually did.
struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Option<ExitStatus>,
    timed_out: bool,
    elapsed: Duration,
}

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("python")
}

fn interpreter() -> OsString {
    match std::env::var_os("HOTPY_DIFF_BIN") {
        Some(bin) if !bin.is_empty() => bin,
        _ => OsString::from(env!("CARGO_BIN_EXE_hotpy")),
    }
}

fn jobs() -> usize {
    if let Some(n) = std::env::var("HOTPY_DIFF_JOBS")
        .ok()
        .and_then(|s| s.trim().parse::<usize>().ok())
    {
        return n.max(1);
    }
    thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, MAX_DEFAULT_JOBS)
}

fn run_suite(label: &str, extra_env: &[(&str, &str)]) {
    let root = corpus_root();
    let mut cases = Vec::new();
    collect_cases(&root, &root, &mut cases);
    cases.sort_by(|a, b| a.rel.cmp(&b.rel));
    assert!(
        !cases.is_empty(),
        "no test programs found under {}",
        root.display()
    );

    if let Ok(filter) = std::env::var("HOTPY_DIFF_FILTER") {
        let pats: Vec<&str> = filter
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if !pats.is_empty() {
            cases.retain(|c| pats.iter().any(|p| c.rel.contains(p)));
        }
    }
    let total = cases.len();
    if total == 0 {
        eprintln!("{label}: HOTPY_DIFF_FILTER matched no tests");
        return;
    }

    let bin = interpreter();
    let extra: Vec<(String, String)> = extra_env
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect();
    let cases = Arc::new(cases);
    let next = Arc::new(AtomicUsize::new(0));
    let failures: Arc<Mutex<BTreeMap<String, String>>> = Arc::new(Mutex::new(BTreeMap::new()));
    let started = Instant::now();

    let workers: Vec<_> = (0..jobs().min(total))
        .map(|_| {
            let (cases, next, failures) =
                (Arc::clone(&cases), Arc::clone(&next), Arc::clone(&failures));
            let (bin, extra) = (bin.clone(), extra.clone());
            thread::spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(i) else { break };
                if let Some(report) = check_case(case, &bin, &extra) {
                    failures
                        .lock()
                        .expect("failure map poisoned")
                        .insert(case.rel.clone(), report);
                }
            })
        })
        .collect();
    for w in workers {
        w.join()
            .expect("differential worker thread panicked (harness bug)");
    }

    let failures = failures.lock().expect("failure map poisoned");
    let secs = started.elapsed().as_secs_f64();
    let known = known_failures(&corpus_root());
    let selected: Vec<&String> = cases.iter().map(|c| &c.rel).collect();
    let mut report = String::new();
    let mut unexpected = 0;
    for (rel, why) in failures.iter() {
        if known.contains(rel) {
            report.push_str(&format!("known failure {rel}\n"));
        } else {
            unexpected += 1;
            report.push_str(&format!("FAIL {rel}\n{why}\n"));
        }
    }
    let mut fixed = 0;
    for rel in known.iter() {
        if selected.contains(&rel) && !failures.contains_key(rel) {
            fixed += 1;
            report.push_str(&format!(
                "NOW PASSING {rel}: remove it from tests/python/KNOWN_FAILURES\n"
            ));
        }
    }
    report.push_str(&format!(
        "{label}: {} of {total} programs match CPython ({secs:.1} s); {} known failures; {unexpected} unexpected failures; {fixed} listed but passing\n",
        total - failures.len(),
        failures.len() - unexpected,
    ));
    println!("{report}");
    if unexpected > 0 || fixed > 0 {
        panic!("{label}: {unexpected} unexpected failures, {fixed} known failures now pass (see the list above)");
    }
}

/// Programs listed in `tests/python/KNOWN_FAILURES`.
fn known_failures(corpus: &Path) -> Vec<String> {
    let text = fs::read_to_string(corpus.join("KNOWN_FAILURES")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Recursively finds test programs, skipping import helpers (`mod_*.py`, `pkg_*/`).
fn collect_cases(root: &Path, dir: &Path, out: &mut Vec<Case>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let entry =
            entry.unwrap_or_else(|e| panic!("cannot read an entry of {}: {e}", dir.display()));
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
        if is_dir {
            if !(name.starts_with("pkg_") || name.starts_with('.') || name == "__pycache__") {
                collect_cases(root, &path, out);
            }
        } else if name.ends_with(".py") && !name.starts_with("mod_") {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push(Case { path, rel });
        }
    }
}

/// Runs one program and compares it with its expectations. Returns a report on mismatch.
fn check_case(case: &Case, bin: &OsString, extra_env: &[(String, String)]) -> Option<String> {
    let expected = match read_expected(&case.path) {
        Ok(e) => e,
        Err(msg) => return Some(format!("    {msg}")),
    };
    let outcome = {
        let _slot = ProcessSlot::acquire();
        match run_program(case, bin, extra_env) {
            Ok(o) => o,
            Err(msg) => return Some(format!("    {msg}")),
        }
    };
    compare(&expected, &outcome)
}

fn read_expected(py: &Path) -> Result<Expected, String> {
    let out_path = py.with_extension("out");
    let stdout = fs::read(&out_path).map_err(|e| {
        format!(
            "missing expectation {} ({e}); run tests/regen.sh",
            out_path.display()
        )
    })?;
    let exit_path = py.with_extension("exit");
    let (code, last_stderr) = match fs::read_to_string(&exit_path) {
        Ok(text) => {
            let mut lines = text.lines();
            let code = lines
                .next()
                .and_then(|l| l.trim().parse::<i32>().ok())
                .ok_or_else(|| {
                    format!(
                        "malformed {}: first line must be the exit code",
                        exit_path.display()
                    )
                })?;
            (code, lines.next().unwrap_or("").trim_end().to_string())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (0, String::new()),
        Err(e) => return Err(format!("cannot read {}: {e}", exit_path.display())),
    };
    Ok(Expected {
        stdout,
        code,
        last_stderr,
    })
}

fn run_program(
    case: &Case,
    bin: &OsString,
    extra_env: &[(String, String)],
) -> Result<Outcome, String> {
    let dir = case
        .path
        .parent()
        .ok_or_else(|| format!("{} has no parent folder", case.path.display()))?;
    let file = case
        .path
        .file_name()
        .ok_or_else(|| format!("{} has no file name", case.path.display()))?;
    let mut cmd = Command::new(bin);
    cmd.arg(file)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("HOTPY_GC_STRESS")
        .env_remove("HOTPY_LOCKING")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", Path::new(bin).display()))?;
    let out_reader = PipeReader::spawn(child.stdout.take());
    let err_reader = PipeReader::spawn(child.stderr.take());
    let (status, timed_out) = wait_with_timeout(&mut child, TIMEOUT);
    let elapsed = started.elapsed();
    let deadline = Instant::now() + PIPE_GRACE;
    let stdout = out_reader.finish(deadline);
    let stderr = err_reader.finish(deadline);
    Ok(Outcome {
        stdout,
        stderr,
        status,
        timed_out,
        elapsed,
    })
}

/// Drains a pipe on its own thread so a chatty child never blocks on a full pipe. The data
/// is kept in a shared buffer, so that if something else (a grandchild) keeps the pipe open
/// after the child is gone, the harness can stop waiting and still report what was read.
struct PipeReader {
    buf: Arc<Mutex<Vec<u8>>>,
    done: mpsc::Receiver<()>,
}

impl PipeReader {
    fn spawn<R: Read + Send + 'static>(pipe: Option<R>) -> PipeReader {
        let buf = Arc::new(Mutex::new(Vec::new()));
        let (tx, done) = mpsc::channel();
        let shared = Arc::clone(&buf);
        thread::spawn(move || {
            if let Some(mut p) = pipe {
                let mut chunk = [0u8; 8192];
                loop {
                    match p.read(&mut chunk) {
                        Ok(0) => break,
                        Ok(n) => shared
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .extend_from_slice(&chunk[..n]),
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        // A read error just truncates the captured output; the comparison reports it.
                        Err(_) => break,
                    }
                }
            }
            // The receiver may have given up already; nothing to do then.
            let _ = tx.send(());
        });
        PipeReader { buf, done }
    }

    /// Waits until `deadline` at most for end-of-file, then returns everything read so far.
    fn finish(self, deadline: Instant) -> Vec<u8> {
        let _ = self
            .done
            .recv_timeout(deadline.saturating_duration_since(Instant::now()));
        std::mem::take(&mut *self.buf.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Polls the child until it exits or `limit` passes; on timeout kills it (this child only).
fn wait_with_timeout(child: &mut Child, limit: Duration) -> (Option<ExitStatus>, bool) {
    let start = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return (Some(status), false),
            Ok(None) => {}
            Err(_) => return (None, false),
        }
        if start.elapsed() >= limit {
            // The child may exit between try_wait and kill; either way wait() reaps it.
            let _ = child.kill();
            let status = child.wait().ok();
            return (status, true);
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

fn compare(expected: &Expected, outcome: &Outcome) -> Option<String> {
    let mut problems = Vec::new();
    if outcome.timed_out {
        problems.push(format!(
            "    TIMEOUT: killed after {} s ({} bytes of stdout so far)",
            TIMEOUT.as_secs(),
            outcome.stdout.len()
        ));
    }
    if outcome.stdout != expected.stdout {
        problems.push(stdout_diff(&expected.stdout, &outcome.stdout));
    }
    let actual_last = last_nonempty_line(&outcome.stderr);
    match outcome.status.map(|s| (s.code(), s)) {
        Some((Some(code), _))
            if code == expected.code && code != 0 && actual_last != expected.last_stderr =>
        {
            problems.push(format!(
                "    last stderr line:\n      expected {}\n      got      {}",
                show(&expected.last_stderr),
                show(&actual_last)
            ));
        }
        Some((Some(code), _)) if code == expected.code => {}
        Some((code, status)) if !outcome.timed_out => {
            let got = match code {
                Some(c) => format!("exit code {c}"),
                None => describe_signal(&status),
            };
            let mut msg = format!("    exit: expected exit code {}, got {got}", expected.code);
            if expected.code != 0 {
                msg.push_str(&format!(
                    "\n      expected last stderr line {}",
                    show(&expected.last_stderr)
                ));
            }
            let tail = stderr_tail(&outcome.stderr, 3);
            if !tail.is_empty() {
                msg.push_str("\n      stderr ends with:");
                for line in tail {
                    msg.push_str(&format!("\n        {}", show(&line)));
                }
            }
            problems.push(msg);
        }
        Some(_) => {}
        None if !outcome.timed_out => {
            problems.push("    exit: could not obtain the exit status".to_string())
        }
        None => {}
    }
    if problems.is_empty() {
        None
    } else {
        problems.push(format!(
            "    (ran for {:.2} s)",
            outcome.elapsed.as_secs_f64()
        ));
        Some(problems.join("\n"))
    }
}

/// Describes the first differing stdout line.
fn stdout_diff(expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let exp_lines = split_lines(&exp);
    let act_lines = split_lines(&act);
    let Some(first) =
        (0..exp_lines.len().max(act_lines.len())).find(|&i| exp_lines.get(i) != act_lines.get(i))
    else {
        return "    stdout differs only in its final newline".to_string();
    };
    let line = |lines: &[&str], i: usize| match lines.get(i) {
        Some(l) => show(l),
        None => "<end of output>".to_string(),
    };
    format!(
        "    stdout differs at line {} (expected {} lines, got {}):\n      expected {}\n      got      {}",
        first + 1,
        exp_lines.len(),
        act_lines.len(),
        line(&exp_lines, first),
        line(&act_lines, first)
    )
}

/// Splits output into lines; a final newline does not start another (empty) line.
fn split_lines(text: &str) -> Vec<&str> {
    if text.is_empty() {
        return Vec::new();
    }
    text.strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .collect()
}

fn last_nonempty_line(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end()
        .to_string()
}

fn stderr_tail(stderr: &[u8], n: usize) -> Vec<String> {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..]
        .iter()
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// Quotes a line (showing escapes) and shortens it for the report.
fn show(line: &str) -> String {
    if line.chars().count() > MAX_SHOWN_CHARS {
        let cut: String = line.chars().take(MAX_SHOWN_CHARS).collect();
        format!("{cut:?}...")
    } else {
        format!("{line:?}")
    }
}

#[cfg(unix)]
fn describe_signal(status: &ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status.signal() {
        Some(sig) => format!(
            "death by signal {sig}{}",
            if status.core_dumped() {
                " (core dumped)"
            } else {
                ""
            }
        ),
        None => format!("{status}"),
    }
}

#[cfg(not(unix))]
fn describe_signal(status: &ExitStatus) -> String {
    format!("{status}")
}

/// Process-wide cap on concurrently running children, shared by all #[test] functions.
struct ProcessSlot;

fn slots() -> &'static (Mutex<usize>, Condvar) {
    static SLOTS: OnceLock<(Mutex<usize>, Condvar)> = OnceLock::new();
    SLOTS.get_or_init(|| (Mutex::new(jobs()), Condvar::new()))
}

impl ProcessSlot {
    fn acquire() -> ProcessSlot {
        let (lock, cvar) = slots();
        let mut free = lock.lock().expect("process slot lock poisoned");
        while *free == 0 {
            free = cvar.wait(free).expect("process slot lock poisoned");
        }
        *free -= 1;
        ProcessSlot
    }
}

impl Drop for ProcessSlot {
    fn drop(&mut self) {
        let (lock, cvar) = slots();
        // Never panic in drop; a poisoned lock still holds a usable counter.
        let mut free = lock.lock().unwrap_or_else(|p| p.into_inner());
        *free += 1;
        cvar.notify_one();
    }
}
