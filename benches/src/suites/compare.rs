//! The suites that put implementations side by side on whole programs: `classic`,
//! `startup` and `locking`.
//!
//! How it works: each builds a list of `Program`s with their expected output, runs
//! `measure` on each with a list of implementations, and reports with
//! `report::render` (median / best, peak memory, ratios against the first
//! implementation, geometric means) plus a bar chart of the ratios.
//! - `classic`: every `programs/*.py` (or the ones named), hotpy first, then the peers;
//!   a ratio is peer time / hotpy time, hotpy's speed-up.
//! - `startup`: `-c pass` (expects no output) and every `programs/startup/*.py`.
//! - `locking`: the classic programs under `hotpy --locking=MODE` for each mode, `none`
//!   first, so a ratio is MODE time / none time, the overhead of that locking mode.
//!   Each mode is first tried with `-c pass`; a mode hotpy rejects is FAILED on every
//!   program with hotpy's own message, and nothing is timed for it. Then, with threads:
//!   the scaling patterns (`programs/threads/patterns.py PATTERN 2`) under `auto`,
//!   `write` and `rw`, `auto` first (`none` cannot start a second thread, and with two
//!   threads `auto` locks writers as `write` does), in a second table and chart
//!   (`locking-threads.svg`).
//!
//! What must hold: a program with a wrong output or a crash is FAILED, not timed (that
//! is `measure`'s rule); the JSON lists the same figures as the table.

use std::path::Path;

use super::{impl_json, outcome_json, read_expected, Context, SuiteOutput};
use crate::json::Json;
use crate::plot::{self, Series};
use crate::report::{self, TableSpec, VERSUS_PEERS};
use crate::run::{self, Implementation, Outcome, Program, ProgramResult};
use crate::stats::geometric_mean;

/// The locking modes of `hotpy --locking`, the baseline first.
pub const LOCKING_MODES: [&str; 4] = ["none", "auto", "write", "rw"];

/// The `*.py` programs directly in `dir` with their `expected/NAME.out`, all of them
/// or the ones named.
pub fn find_programs(dir: &Path, names: &[String]) -> Result<Vec<Program>, String> {
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
    chosen
        .into_iter()
        .map(|name| {
            let expected = read_expected(&dir.join("expected").join(format!("{name}.out")))?;
            Ok(Program::script(
                &name,
                dir.join(format!("{name}.py")),
                expected,
            ))
        })
        .collect()
}

/// Measure every program on every implementation, with progress on stderr.
fn measure_all(
    ctx: &Context,
    suite: &str,
    programs: &[Program],
    impls: &[Implementation],
) -> Vec<ProgramResult> {
    programs
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let tag = format!("{suite} {}/{} {}", k + 1, programs.len(), p.name);
            run::measure(p, impls, &ctx.plan(&tag), &mut |_, _| {})
        })
        .collect()
}

/// The JSON of a side-by-side suite: implementations, per-program outcomes and ratios
/// against the first implementation, and the geometric mean of each peer's ratios.
pub fn comparison_json(impls: &[Implementation], results: &[ProgramResult]) -> Json {
    let peers = impls.len().saturating_sub(1);
    let ratios = report::ratios(results, peers);
    let programs = results
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let outcomes = impls
                .iter()
                .zip(&r.outcomes)
                .map(|(imp, o)| outcome_json(&imp.label, o));
            let ratio_pairs = impls[1..]
                .iter()
                .zip(&ratios)
                .map(|(imp, rs)| (imp.label.clone(), Json::opt(rs[i])));
            Json::obj([
                ("name", Json::str(r.name.as_str())),
                ("results", Json::Arr(outcomes.collect())),
                ("ratios", Json::obj(ratio_pairs)),
            ])
        })
        .collect();
    let means = impls.iter().skip(1).zip(&ratios).map(|(imp, rs)| {
        let present: Vec<f64> = rs.iter().flatten().copied().collect();
        (imp.label.clone(), Json::opt(geometric_mean(&present)))
    });
    Json::obj([
        (
            "implementations",
            Json::Arr(impls.iter().map(impl_json).collect()),
        ),
        (
            "ratio",
            Json::str(format!(
                "other implementation's median time / {}'s",
                impls.first().map_or("", |i| i.label.as_str())
            )),
        ),
        ("programs", Json::Arr(programs)),
        ("geometric_mean", Json::obj(means)),
    ])
}

/// Table, JSON and ratio chart of a finished side-by-side suite.
fn finish(
    ctx: &Context,
    name: &'static str,
    spec: &TableSpec,
    y_label: &str,
    impls: &[Implementation],
    results: &[ProgramResult],
) -> SuiteOutput {
    let mut markdown = report::render(spec, impls, results, ctx.runs);
    let ratios = report::ratios(results, impls.len().saturating_sub(1));
    let categories: Vec<String> = results.iter().map(|r| r.name.clone()).collect();
    let series: Vec<Series> = impls[1..]
        .iter()
        .zip(ratios)
        .map(|(imp, values)| Series {
            name: imp.label.clone(),
            values,
        })
        .collect();
    markdown.push_str(&ctx.chart(&format!("{name}.svg"), |path| {
        plot::bars(path, spec.title, y_label, &categories, &series, Some(1.0))
    }));
    SuiteOutput {
        name,
        markdown,
        json: comparison_json(impls, results),
        all_passed: results.iter().all(ProgramResult::all_passed),
    }
}

pub fn classic(ctx: &Context) -> Result<SuiteOutput, String> {
    let programs = find_programs(&ctx.programs_dir(), &ctx.programs)?;
    let impls = ctx.all_impls();
    let results = measure_all(ctx, "classic", &programs, &impls);
    let spec = TableSpec {
        title: "classic: hotpy against its peers",
        ..VERSUS_PEERS
    };
    Ok(finish(
        ctx,
        "classic",
        &spec,
        "speed-up (peer time / hotpy time)",
        &impls,
        &results,
    ))
}

pub fn startup(ctx: &Context) -> Result<SuiteOutput, String> {
    let dir = ctx.programs_dir().join("startup");
    let mut programs = vec![Program {
        name: "-c pass".to_string(),
        path: None,
        args: vec!["-c".to_string(), "pass".to_string()],
        expected: Vec::new(),
        parts: 1,
    }];
    programs.extend(find_programs(&dir, &[])?);
    let impls = ctx.all_impls();
    let results = measure_all(ctx, "startup", &programs, &impls);
    let spec = TableSpec {
        title: "startup: time to start, and to import every module hotpy has",
        ..VERSUS_PEERS
    };
    Ok(finish(
        ctx,
        "startup",
        &spec,
        "speed-up (peer time / hotpy time)",
        &impls,
        &results,
    ))
}

/// hotpy with `--locking=MODE` for each mode.
pub fn locking_impls(hotpy: &Implementation) -> Vec<Implementation> {
    LOCKING_MODES
        .iter()
        .map(|mode| {
            let mut imp = hotpy.clone();
            imp.label = format!("hotpy --locking={mode}");
            imp.args.push(format!("--locking={mode}"));
            imp
        })
        .collect()
}

pub fn locking(ctx: &Context) -> Result<SuiteOutput, String> {
    let programs = find_programs(&ctx.programs_dir(), &ctx.programs)?;
    let impls = locking_impls(&ctx.hotpy);
    // Which modes hotpy accepts at all: `-c pass` must run and print nothing.
    let probe = Program {
        name: "probe".to_string(),
        path: None,
        args: vec!["-c".to_string(), "pass".to_string()],
        expected: Vec::new(),
        parts: 1,
    };
    let rejected: Vec<Option<String>> = impls
        .iter()
        .map(|imp| {
            run::checked_run(imp, &probe, ctx.timeout).err().map(|why| {
                let msg = format!(
                    "hotpy does not accept {}: `-c pass` {why}",
                    imp.args.join(" ")
                );
                eprintln!("[locking] {msg}");
                msg
            })
        })
        .collect();
    let accepted: Vec<Implementation> = impls
        .iter()
        .zip(&rejected)
        .filter(|(_, r)| r.is_none())
        .map(|(imp, _)| imp.clone())
        .collect();
    let mut results = Vec::new();
    for (k, program) in programs.iter().enumerate() {
        let tag = format!("locking {}/{} {}", k + 1, programs.len(), program.name);
        let measured = if accepted.is_empty() {
            Vec::new()
        } else {
            run::measure(program, &accepted, &ctx.plan(&tag), &mut |_, _| {}).outcomes
        };
        let mut measured = measured.into_iter();
        let outcomes = rejected
            .iter()
            .map(|r| match r {
                Some(why) => Outcome::Failed(why.clone()),
                None => measured
                    .next()
                    .unwrap_or_else(|| Outcome::Failed("not measured".to_string())),
            })
            .collect();
        results.push(ProgramResult {
            name: program.name.clone(),
            outcomes,
        });
    }
    let spec = TableSpec {
        title: "locking: hotpy's locking modes against --locking=none",
        ratio_legend: "A time ratio is MODE median / none median: the overhead of that mode \
                       (above 1 is slower than no locking).\n\
                       A memory ratio is none MB / MODE MB.",
    };
    let single = finish(
        ctx,
        "locking",
        &spec,
        "overhead (mode time / none time)",
        &impls,
        &results,
    );
    let threads = locking_threads(ctx, &accepted)?;
    Ok(SuiteOutput {
        name: "locking",
        markdown: format!("{}\n{}", single.markdown, threads.markdown),
        json: Json::obj([("single_thread", single.json), ("threads", threads.json)]),
        all_passed: single.all_passed && threads.all_passed,
    })
}

/// The second half of the `locking` suite: every scaling pattern at 2 threads under
/// each accepted mode that can run threads, `auto` first.
fn locking_threads(ctx: &Context, accepted: &[Implementation]) -> Result<SuiteOutput, String> {
    let impls: Vec<Implementation> = accepted
        .iter()
        .filter(|imp| !imp.args.iter().any(|a| a == "--locking=none"))
        .cloned()
        .collect();
    let dir = ctx.programs_dir().join("threads");
    let patterns = super::scaling::find_patterns(ctx)?;
    let mut programs = Vec::new();
    for pattern in &patterns {
        programs.push(Program {
            name: format!("{pattern} x2"),
            path: Some(dir.join("patterns.py")),
            args: vec![pattern.clone(), "2".to_string()],
            expected: read_expected(&dir.join("expected").join(format!("{pattern}.out")))?,
            parts: 1,
        });
    }
    if impls.is_empty() {
        return Ok(SuiteOutput {
            name: "locking-threads",
            markdown: "No locking mode that runs threads was accepted by hotpy.\n".to_string(),
            json: Json::Null,
            all_passed: false,
        });
    }
    let results = measure_all(ctx, "locking (threads)", &programs, &impls);
    let spec = TableSpec {
        title: "locking with threads: the scaling patterns at 2 threads against --locking=auto",
        ratio_legend: "A time ratio is MODE median / auto median (with two threads `auto` \
                       locks writers as `write` does, and `none` cannot start a second \
                       thread): above 1 is slower.\n\
                       A memory ratio is auto MB / MODE MB.",
    };
    Ok(finish(
        ctx,
        "locking-threads",
        &spec,
        "overhead (mode time / auto time)",
        &impls,
        &results,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::time::Duration;

    fn bench_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_program_has_expected_output() {
        let dir = bench_dir().join("programs");
        let programs = find_programs(&dir, &[]);
        let Ok(programs) = programs else {
            panic!("programs should load: {programs:?}");
        };
        assert!(programs.len() >= 13);
        assert!(find_programs(&dir, &strings(&["nope"])).is_err());
        assert!(find_programs(&dir.join("startup"), &[]).is_ok());
    }

    #[test]
    fn locking_modes_put_the_flag_before_the_program() {
        let hotpy = Implementation {
            label: "hotpy".to_string(),
            command: PathBuf::from("hotpy"),
            args: Vec::new(),
            version: None,
            env: Vec::new(),
        };
        let impls = locking_impls(&hotpy);
        assert_eq!(impls[0].label, "hotpy --locking=none");
        let p = Program::script("x", PathBuf::from("x.py"), Vec::new());
        assert_eq!(
            p.command_args(&impls[3]),
            vec!["--locking=rw".to_string(), "x.py".to_string()]
                .into_iter()
                .map(std::ffi::OsString::from)
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn json_shape_of_a_comparison() {
        let imp = |l: &str| Implementation {
            label: l.to_string(),
            command: PathBuf::from(l),
            args: Vec::new(),
            version: None,
            env: Vec::new(),
        };
        let impls = [imp("hotpy"), imp("python3")];
        let results = [ProgramResult {
            name: "a".to_string(),
            outcomes: vec![
                Outcome::Passed {
                    times: vec![Duration::from_secs(1)],
                    peak_rss: 1000,
                },
                Outcome::Passed {
                    times: vec![Duration::from_secs(2)],
                    peak_rss: 1000,
                },
            ],
        }];
        let Json::Obj(top) = comparison_json(&impls, &results) else {
            panic!("an object");
        };
        let keys: Vec<&str> = top.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["implementations", "ratio", "programs", "geometric_mean"]
        );
        let text = Json::Obj(top).render();
        assert!(text.contains("\"python3\": 2"), "{text}");
        assert!(text.contains("\"status\": \"passed\""), "{text}");
        assert!(text.contains("\"median_s\": 1,"), "{text}");
    }
}
