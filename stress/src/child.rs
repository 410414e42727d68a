//! Running one job as a child process, with a timeout, and judging its outcome.
//!
//! The child is this executable with `--child` (the `hotpy` command line in-process).
//! Its stdout and stderr are read on two threads while the driver polls for its exit; a
//! child still running at the deadline is killed (a hang is a failure like a crash).

use crate::workloads::Job;
use std::io::Read;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// What a child did.
#[derive(Debug)]
pub struct Outcome {
    /// None when it was killed at the timeout.
    pub status: Option<ExitStatus>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

/// Runs `job` with `exe --child ...` and waits at most `timeout`.
pub fn run_job(exe: &Path, programs: &Path, job: &Job, timeout: Duration) -> Outcome {
    let mut cmd = Command::new(exe);
    cmd.arg("--child")
        .args(job.args(programs))
        .env_remove("HOTPY_GC_STRESS")
        .envs(job.envs())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                status: None,
                stdout: String::new(),
                stderr: format!("stress: cannot start {}: {e}", exe.display()),
                elapsed: start.elapsed(),
            }
        }
    };
    let out = reader(child.stdout.take());
    let err = reader(child.stderr.take());
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) if start.elapsed() >= timeout => {
                // Our own child, by its handle.
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => break None,
        }
    };
    let elapsed = start.elapsed();
    Outcome {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        elapsed,
    }
}

fn reader<R: Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        String::from_utf8_lossy(&buf).into_owned()
    })
}

/// Why a run failed, or None when it passed: exit status 0, empty stderr, and the last
/// stdout line `OK <workload>...`.
pub fn judge(workload: &str, o: &Outcome, timeout: Duration) -> Option<String> {
    let Some(status) = o.status else {
        return Some(format!("no exit within {} s (killed)", timeout.as_secs()));
    };
    let last = o.stdout.lines().rev().find(|l| !l.trim().is_empty());
    let want = format!("OK {workload}");
    let verdict_ok = last.is_some_and(|l| l == want || l.starts_with(&format!("{want} ")));
    if !status.success() {
        let how = match status.code() {
            Some(c) => format!("exit status {c}"),
            None => format!("killed by a signal ({status})"),
        };
        return Some(match first_fail(o) {
            Some(f) => format!("{how}: {f}"),
            None => how,
        });
    }
    if !o.stderr.trim().is_empty() {
        let line = o
            .stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        return Some(format!("output on stderr: {line}"));
    }
    if !verdict_ok {
        return Some(format!(
            "no OK verdict (last line: {:?})",
            last.unwrap_or("")
        ));
    }
    None
}

/// The most telling line of a failed run: a panic, the first FAIL line, or the last
/// line of stderr.
fn first_fail(o: &Outcome) -> Option<String> {
    let panic = o.stderr.lines().find(|l| l.contains("panicked"));
    let fail = o.stdout.lines().find(|l| l.starts_with("FAIL"));
    let last_err = o.stderr.lines().rev().find(|l| !l.trim().is_empty());
    panic.or(fail).or(last_err).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::process::ExitStatusExt;

    fn outcome(code: i32, stdout: &str, stderr: &str) -> Outcome {
        Outcome {
            status: Some(ExitStatus::from_raw(code << 8)),
            stdout: stdout.into(),
            stderr: stderr.into(),
            elapsed: Duration::ZERO,
        }
    }

    #[test]
    fn verdicts() {
        let t = Duration::from_secs(1);
        assert_eq!(
            judge("races", &outcome(0, "OK races threads=4\n", ""), t),
            None
        );
        assert_eq!(judge("races", &outcome(0, "x\nOK races\n\n", ""), t), None);
        assert!(judge("races", &outcome(0, "OK racesX\n", ""), t).is_some());
        assert!(judge("races", &outcome(0, "OK graph\n", ""), t).is_some());
        assert!(judge("races", &outcome(0, "OK races\n", "warning\n"), t).is_some());
        let f = judge("races", &outcome(1, "FAIL races a\nFAIL races 1\n", ""), t).unwrap();
        assert_eq!(f, "exit status 1: FAIL races a");
        let f = judge(
            "races",
            &outcome(101, "", "thread 'x' panicked at a.rs\n"),
            t,
        )
        .unwrap();
        assert!(f.contains("panicked"), "{f}");
        let killed = Outcome {
            status: None,
            ..outcome(0, "", "")
        };
        assert!(judge("races", &killed, t).unwrap().contains("killed"));
    }
}
