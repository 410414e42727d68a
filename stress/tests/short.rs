//! The short stress run (what CI runs): every workload once in every short-run mode,
//! through the `stress` executable as a user would run it.

use std::process::Command;

#[test]
fn short_run_passes() {
    let out = Command::new(env!("CARGO_BIN_EXE_stress"))
        .arg("--short")
        .output()
        .expect("run stress");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains("stress: OK"),
        "stress --short failed ({})\n{stdout}\n{stderr}",
        out.status
    );
}

/// The driver notices a program that breaks its invariants, crashes or hangs: run it on
/// a folder of workloads that misbehave (`tests/bad/`).
#[test]
fn failures_are_caught() {
    let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad");
    let out_dir =
        std::env::temp_dir().join(format!("hotpy-stress-selftest-{}", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_stress"))
        .args([
            "--programs",
            bad,
            "--mode",
            "auto",
            "--timeout",
            "5",
            "--out",
        ])
        .arg(&out_dir)
        .output()
        .expect("run stress");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    // Each bad program fails, for its own reason.
    for (name, why) in [
        ("counters", "FAIL counters lost"),
        ("races", "exit status 3"),
        ("pipeline", "killed"),
        ("graph", "output on stderr"),
        ("deques", "no OK verdict"),
    ] {
        let line = stdout
            .lines()
            .find(|l| l.contains(&format!(" {name} auto ")))
            .unwrap_or_else(|| panic!("no line for {name}:\n{stdout}"));
        assert!(
            line.contains("FAIL") && line.contains(why),
            "{name}: {line}"
        );
    }
    assert!(stdout.contains("5 runs, 5 failed"), "{stdout}");
    let run_dir = std::fs::read_dir(&out_dir)
        .ok()
        .and_then(|mut d| d.next())
        .and_then(|e| e.ok())
        .map(|e| e.path());
    let recorded = run_dir
        .and_then(|p| std::fs::read_dir(p).ok())
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(recorded, 5, "failure records in {}", out_dir.display());
    let _ = std::fs::remove_dir_all(&out_dir);
}

/// `stress --child` is the hotpy command line.
#[test]
fn child_is_hotpy() {
    let out = Command::new(env!("CARGO_BIN_EXE_stress"))
        .args([
            "--child",
            "-c",
            "import sys; print(sum(range(10)), sys.argv[1:]); sys.exit(4)",
            "a",
        ])
        .output()
        .expect("run stress");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "45 ['a']\n");
    assert_eq!(out.status.code(), Some(4));
}
