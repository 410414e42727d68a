//! Compiler tests over files.
//!
//! Golden tests: each `tests/golden/NAME.py` is compiled and disassembled, and the text is
//! compared with `tests/golden/NAME.dis`. Set `HOTPY_BLESS=1` to (re)write the expected
//! files after checking the differences.
//!
//! Corpus test: every Python file of the repository's test and benchmark programs
//! (`tests/python`, `benches/programs`) must compile, and each result must pass the
//! independent verifier (stack depths never negative, consistent at joins, within
//! `stacksize`). A file that is meant not to compile says so in a comment line
//! `# expect-compile-error: SyntaxError` (or IndentationError / TabError): it must then
//! fail with that kind, as CPython 3.11 does.

use std::path::{Path, PathBuf};
use vm::compiler::{compile, disassemble, verify::verify, Mode};

#[test]
fn golden_disassembly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var("HOTPY_BLESS").is_ok_and(|v| v == "1");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/golden")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for py in &files {
        let src = std::fs::read_to_string(py).unwrap();
        let name = py.file_name().unwrap().to_string_lossy().to_string();
        let unit = compile(&src, &name, Mode::Exec).unwrap_or_else(|e| panic!("{name}: {e}"));
        verify(&unit).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got = disassemble(&unit);
        let expected_path = py.with_extension("dis");
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(want) if want == got => {}
            Ok(want) => {
                let line = want
                    .lines()
                    .zip(got.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(0);
                failures.push(format!(
                    "{name}: first difference at line {}:\n  want: {}\n  got:  {}",
                    line + 1,
                    want.lines().nth(line).unwrap_or(""),
                    got.lines().nth(line).unwrap_or("")
                ));
            }
            Err(_) => failures.push(format!(
                "{name}: missing {} (run with HOTPY_BLESS=1)",
                expected_path.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatches:\n{}",
        failures.join("\n")
    );
}

fn walk(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        if let Ok(rd) = std::fs::read_dir(p) {
            for e in rd.flatten() {
                walk(&e.path(), out);
            }
        }
    } else if p.extension().is_some_and(|e| e == "py") {
        out.push(p.to_path_buf());
    }
}

#[test]
fn corpus_compiles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    walk(&root.join("tests/python"), &mut files);
    walk(&root.join("benches/programs"), &mut files);
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden"),
        &mut files,
    );
    files.sort();
    assert!(files.len() > 10, "no corpus found under {}", root.display());
    let mut failures = Vec::new();
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        let expected = src.lines().find_map(|l| {
            l.trim()
                .strip_prefix("# expect-compile-error:")
                .map(|k| k.trim().to_string())
        });
        match (compile(&src, &f.to_string_lossy(), Mode::Exec), expected) {
            (Ok(unit), None) => {
                if let Err(e) = verify(&unit) {
                    failures.push(format!("{}: {e}", f.display()));
                }
            }
            (Ok(_), Some(kind)) => {
                failures.push(format!("{}: expected {kind}, compiled", f.display()))
            }
            (Err(e), None) => failures.push(format!("{}: {e}", f.display())),
            (Err(e), Some(kind)) if e.kind.name() != kind => {
                failures.push(format!("{}: expected {kind}, got {e}", f.display()))
            }
            (Err(_), Some(_)) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
