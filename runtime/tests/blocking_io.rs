//! A thread blocked reading stdin (a pipe with no data yet) must not hold up the
//! collector or the other threads: the main thread allocates through many collections
//! and says "done" while the reader still waits; only then does the test feed the line.
//! If the reader blocked outside the safe state, the first collection would wait for it
//! forever and "done" would never come (the test then fails on its deadline).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const PROGRAM: &str = r#"
import sys, threading
got = []
def reader():
    got.append(input())
    got.append(sys.stdin.readline())
t = threading.Thread(target=reader)
t.start()
keep = []
for i in range(20000):
    keep.append([i, str(i)])
    if len(keep) > 100:
        keep.clear()
print("done", flush=True)
t.join()
print(got)
"#;

#[test]
fn reader_blocked_on_stdin_does_not_stop_collections() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hotpy"))
        .args(["-c", PROGRAM])
        .env("HOTPY_GC_STRESS", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("hotpy starts");
    let stdout = child.stdout.take().expect("stdout piped");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    let first = rx.recv_timeout(Duration::from_secs(120));
    if first.is_err() {
        let _ = child.kill();
    }
    assert_eq!(
        first.as_deref(),
        Ok("done"),
        "the main thread finished while the reader waited"
    );
    let mut stdin = child.stdin.take().expect("stdin piped");
    stdin
        .write_all(b"first line\nsecond\n")
        .expect("write to hotpy");
    drop(stdin);
    let second = rx.recv_timeout(Duration::from_secs(60));
    let status = child.wait().expect("hotpy exits");
    assert_eq!(second.as_deref(), Ok("['first line', 'second\\n']"));
    assert!(status.success());
}
