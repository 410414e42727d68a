//! A thread blocked reading stdin (a pipe with no data yet) must not hold up the
//! collector or the other threads: the main thread allocates through many collections,
//! checks that `gc.collect()` did collect, and says "done" while the reader still waits;
//! only then does the test feed the line.
//! If the reader blocked outside the safe state, the first collection would wait for it
//! forever and "done" would never come (the test then fails on its deadline).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A reader that waits in `input()` and `readline()`.
const INPUT_READER: &str = r#"
def reader():
    got.append(input())
    got.append(sys.stdin.readline())
"#;

/// A reader that waits in `for line in sys.stdin:` (FOR_ITER reads the file with the
/// interpreter's permission to wait in the safe state).
const FOR_LINE_READER: &str = r#"
def reader():
    for line in sys.stdin:
        got.append(line)
"#;

/// The program around a reader: the main thread's part.
const MAIN: &str = r#"
t = threading.Thread(target=reader)
t.start()
keep = []
for i in range(20000):
    keep.append([i, str(i)])
    if len(keep) > 100:
        keep.clear()
# A collection runs while the reader waits: a dead object's weakref dies.
class Junk:
    pass
j = Junk()
r = weakref.ref(j)
del j
gc.collect()
print("done", r() is None, flush=True)
t.join()
print(got)
"#;

#[test]
fn reader_blocked_on_stdin_does_not_stop_collections() {
    run_with_blocked_reader(INPUT_READER, "['first line', 'second\\n']");
}

#[test]
fn reader_blocked_in_a_for_loop_over_stdin_does_not_stop_collections() {
    run_with_blocked_reader(FOR_LINE_READER, "['first line\\n', 'second\\n']");
}

/// Runs `reader` in a thread beside `MAIN`, checks the program says "done" while the
/// reader waits, then feeds two lines and checks the last line of output.
fn run_with_blocked_reader(reader: &str, want: &str) {
    let program = format!("import gc, sys, threading, weakref\ngot = []\n{reader}{MAIN}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hotpy"))
        .args(["-c", &program])
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
        Ok("done True"),
        "the main thread finished, and collected, while the reader waited"
    );
    let mut stdin = child.stdin.take().expect("stdin piped");
    stdin
        .write_all(b"first line\nsecond\n")
        .expect("write to hotpy");
    drop(stdin);
    let second = rx.recv_timeout(Duration::from_secs(60));
    let status = child.wait().expect("hotpy exits");
    assert_eq!(second.as_deref(), Ok(want));
    assert!(status.success());
}
