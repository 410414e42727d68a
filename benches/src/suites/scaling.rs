//! The `scaling` suite: how CPU-bound work split over N threads speeds up.
//!
//! How it works: `programs/threads/patterns.py PATTERN N` does a fixed total amount of
//! one kind of work (calls, method calls, float arithmetic, object, dict and closure
//! creation, generators, list push/pop, `threading.local` reads, calls through a shared
//! module attribute, comparisons with shared constants) split over N
//! `threading.Thread`s, and prints a result that does not depend on N; it is checked
//! against `threads/expected/PATTERN.out`. Every pattern runs at N = 1, 2, ...,
//! `max_threads` (default: the number of cores plus one, to see oversubscription) on
//! hotpy and on each peer. The speed-up at N is median time at 1 thread / median time
//! at N threads, per implementation; the table gives the 1-thread time and the
//! speed-ups, with their geometric mean over the patterns, and one chart per
//! implementation draws a curve per pattern. The runs of one pattern interleave: round
//! r runs it at every thread count before round r + 1 begins
//! (`run::measure_interleaved`), so a slow spell of a shared machine slows the 1-thread
//! and the N-thread runs alike instead of all the runs of one of them.
//!
//! The control: in the same rounds, hotpy also runs each pattern as N processes at
//! once, each doing one N-th of the work (`patterns.py PATTERN N --part K`; the runner
//! adds up their printed numbers and checks the sum against the expected output).
//! Their speed-up over hotpy's 1-thread time is what the machine gives to work that
//! shares nothing; on a machine shared with other virtual machines it falls below N
//! whenever a core is taken away, and the threads' speed-up is to be read against it.
//!
//! What must hold: a speed-up exists only where both the 1-thread and the N-thread
//! runs passed. A CPython peer (with its global lock) is expected near or below 1.

use std::fmt::Write;

use super::{impl_json, outcome_json, read_expected, Context, SuiteOutput};
use crate::json::Json;
use crate::plot::{self, Series};
use crate::report::median_of;
use crate::run::{self, Case, Implementation, Outcome, Program, ProgramResult};
use crate::stats::geometric_mean;

/// The patterns that have an expected output, sorted, or the chosen ones.
pub fn find_patterns(ctx: &Context) -> Result<Vec<String>, String> {
    let dir = ctx.programs_dir().join("threads").join("expected");
    let entries =
        std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut available: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.strip_suffix(".out")?.to_string();
            Some(name)
        })
        .collect();
    available.sort();
    if ctx.patterns.is_empty() {
        return Ok(available);
    }
    for p in &ctx.patterns {
        if !available.contains(p) {
            return Err(format!(
                "no scaling pattern {p:?}; available: {}",
                available.join(", ")
            ));
        }
    }
    Ok(ctx.patterns.clone())
}

/// Speed-ups of one implementation over thread counts 1..=n, from its outcomes at
/// each count: median time(1) / median time(N); None where either failed.
pub fn speedups(outcomes: &[&Outcome]) -> Vec<Option<f64>> {
    speedups_by(outcomes, median_of)
}

/// As `speedups`, from the best (shortest) times: on a machine shared with other work,
/// a run can only be slowed down by it, so the best of several runs is the least
/// disturbed one, at 1 thread as at N.
pub fn best_speedups(outcomes: &[&Outcome]) -> Vec<Option<f64>> {
    speedups_by(outcomes, |o| match o {
        Outcome::Passed { times, .. } => crate::stats::best(times),
        Outcome::Failed(_) => None,
    })
}

fn speedups_by(outcomes: &[&Outcome], time: impl Fn(&Outcome) -> Option<f64>) -> Vec<Option<f64>> {
    let one = outcomes.first().and_then(|o| time(o));
    outcomes
        .iter()
        .map(|o| match (one, time(o)) {
            (Some(t1), Some(tn)) if tn > 0.0 => Some(t1 / tn),
            _ => None,
        })
        .collect()
}

/// A file-name-safe form of a label (`/usr/bin/python3.11` -> `usr_bin_python3_11`).
pub fn file_safe(label: &str) -> String {
    let s: String = label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    s.trim_matches('_').to_string()
}

/// The results of one pattern: `by_threads[n - 1]` holds every implementation's
/// outcome at n threads, `by_processes[n - 2]` hotpy's as n processes.
pub struct PatternResult {
    pub name: String,
    pub by_threads: Vec<ProgramResult>,
    pub by_processes: Vec<Outcome>,
}

impl PatternResult {
    /// Hotpy at 1 thread, then as 2, 3, ... processes: the speed-ups of threads that
    /// shared nothing, not even an interpreter.
    fn processes(&self) -> Vec<&Outcome> {
        let one = self.by_threads.first().and_then(|r| r.outcomes.first());
        one.into_iter().chain(self.by_processes.iter()).collect()
    }

    fn outcomes_of(&self, imp: usize) -> Vec<&Outcome> {
        self.by_threads
            .iter()
            .filter_map(|r| r.outcomes.get(imp))
            .collect()
    }
}

pub fn run(ctx: &Context) -> Result<SuiteOutput, String> {
    let patterns = find_patterns(ctx)?;
    let dir = ctx.programs_dir().join("threads");
    let impls = ctx.all_impls();
    let max = ctx.max_threads.max(1);
    let total = patterns.len() * max;
    let mut results = Vec::new();
    for (k, pattern) in patterns.iter().enumerate() {
        let expected = read_expected(&dir.join("expected").join(format!("{pattern}.out")))?;
        let program = |n: usize, parts: usize| Program {
            name: if parts > 1 {
                format!("{pattern} x{n} processes")
            } else {
                format!("{pattern} x{n}")
            },
            path: Some(dir.join("patterns.py")),
            args: vec![pattern.clone(), n.to_string()],
            expected: expected.clone(),
            parts,
        };
        let threads: Vec<Program> = (1..=max).map(|n| program(n, 1)).collect();
        let processes: Vec<Program> = (2..=max).map(|n| program(n, n)).collect();
        let mut cases: Vec<Case> = threads
            .iter()
            .zip(1..=max)
            .map(|(p, n)| Case {
                program: p,
                impls: &impls,
                tag: format!("scaling {}/{total} {pattern} {n} thread(s)", k * max + n),
            })
            .collect();
        cases.extend(processes.iter().zip(2..=max).map(|(p, n)| Case {
            program: p,
            impls: std::slice::from_ref(&impls[0]),
            tag: format!("scaling {}/{total} {pattern} {n} processes", k * max + 1),
        }));
        // The thread counts of a pattern take turns, round by round (see
        // `measure_interleaved`): their times are divided by each other.
        let mut by_threads = run::measure_interleaved(&cases, &ctx.plan(""), &mut |_, _, _| {});
        let by_processes = by_threads
            .split_off(max)
            .into_iter()
            .map(|mut r| r.outcomes.swap_remove(0))
            .collect();
        results.push(PatternResult {
            name: pattern.clone(),
            by_threads,
            by_processes,
        });
    }
    let mut markdown = render(&impls, &results, max, ctx.runs);
    let xs: Vec<f64> = (1..=max).map(|n| n as f64).collect();
    for (i, imp) in impls.iter().enumerate() {
        let series: Vec<Series> = results
            .iter()
            .map(|p| Series {
                name: p.name.clone(),
                values: speedups(&p.outcomes_of(i)),
            })
            .collect();
        let file = format!("scaling-{}.svg", file_safe(&imp.label));
        let title = format!("scaling on {}: time(1 thread) / time(N threads)", imp.label);
        markdown.push_str(&ctx.chart(&file, |path| {
            plot::lines(path, &title, "threads", "speed-up", &xs, &series, Some(1.0))
        }));
    }
    let all_passed = results
        .iter()
        .all(|p| p.by_threads.iter().all(ProgramResult::all_passed));
    Ok(SuiteOutput {
        name: "scaling",
        markdown,
        json: to_json(&impls, &results, max),
        all_passed,
    })
}

pub fn to_json(impls: &[Implementation], results: &[PatternResult], max: usize) -> Json {
    let patterns = results.iter().map(|p| {
        let per_impl = impls.iter().enumerate().map(|(i, imp)| {
            let outcomes = p.outcomes_of(i);
            let runs = outcomes.iter().enumerate().map(|(k, o)| {
                let Json::Obj(mut fields) = outcome_json(&imp.label, o) else {
                    unreachable!("outcome_json gives an object")
                };
                fields.insert(0, ("threads".to_string(), Json::Num((k + 1) as f64)));
                Json::Obj(fields)
            });
            let speedup = speedups(&outcomes).into_iter().map(Json::opt).collect();
            let best = best_speedups(&outcomes)
                .into_iter()
                .map(Json::opt)
                .collect();
            Json::obj([
                ("label", Json::str(imp.label.as_str())),
                ("runs", Json::Arr(runs.collect())),
                ("speedup", Json::Arr(speedup)),
                ("speedup_best", Json::Arr(best)),
            ])
        });
        let processes = p.processes();
        let proc_runs = processes.iter().enumerate().skip(1).map(|(k, o)| {
            let Json::Obj(mut fields) = outcome_json(&impls[0].label, o) else {
                unreachable!("outcome_json gives an object")
            };
            fields.insert(0, ("processes".to_string(), Json::Num((k + 1) as f64)));
            Json::Obj(fields)
        });
        let as_json = |v: Vec<Option<f64>>| Json::Arr(v.into_iter().map(Json::opt).collect());
        Json::obj([
            ("name", Json::str(p.name.as_str())),
            ("implementations", Json::Arr(per_impl.collect())),
            (
                "hotpy_processes",
                Json::obj([
                    ("runs", Json::Arr(proc_runs.collect())),
                    ("speedup", as_json(speedups(&processes))),
                    ("speedup_best", as_json(best_speedups(&processes))),
                ]),
            ),
        ])
    });
    Json::obj([
        (
            "implementations",
            Json::Arr(impls.iter().map(impl_json).collect()),
        ),
        (
            "threads",
            Json::Arr((1..=max).map(|n| Json::Num(n as f64)).collect()),
        ),
        (
            "speedup",
            Json::str("median time at 1 thread / median time at N threads"),
        ),
        (
            "speedup_best",
            Json::str("best time at 1 thread / best time at N threads"),
        ),
        ("patterns", Json::Arr(patterns.collect())),
    ])
}

/// The rows of the table for each pattern: one per implementation, then hotpy as
/// separate processes.
fn row_labels(impls: &[Implementation]) -> Vec<String> {
    let mut rows: Vec<String> = impls.iter().map(|i| i.label.clone()).collect();
    if let Some(hotpy) = impls.first() {
        rows.push(format!("{}, N processes", hotpy.label));
    }
    rows
}

/// The outcomes at 1, 2, ... of row `r` (see `row_labels`) of pattern `p`.
fn row_outcomes(p: &PatternResult, r: usize, impls: usize) -> Vec<&Outcome> {
    if r < impls {
        p.outcomes_of(r)
    } else {
        p.processes()
    }
}

pub fn render(
    impls: &[Implementation],
    results: &[PatternResult],
    max: usize,
    runs: usize,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## scaling: threads doing a fixed total of work\n");
    let _ = writeln!(
        out,
        "The 1-thread column is the median / best wall time in seconds of {runs} run(s); each\n\
         other column is the speed-up median time at 1 thread / median time at N threads,\n\
         and in brackets best time at 1 thread / best time at N threads (above 1 means the\n\
         threads ran in parallel; other work on the machine only ever slows a run down, so\n\
         the best runs are the least disturbed). The runs of one pattern take turns: each\n\
         round runs it once at every thread count on every implementation.\n\n\
         The row `N processes` is the control: hotpy as N separate processes started\n\
         together, each doing 1/N of the work in one thread (`patterns.py ... --part K`),\n\
         against hotpy's 1-thread time. The processes share nothing, so their speed-up is\n\
         what this machine allows at that moment; hotpy's threads can only lose to it by\n\
         what they share (the heap, collections, cache lines), and a gap common to both\n\
         rows is the machine's.\n"
    );
    let mut header = String::from("| pattern | implementation | 1 thread |");
    let mut rule = String::from("| --- | --- | ---: |");
    for n in 2..=max {
        let _ = write!(header, " {n} threads |");
        rule.push_str(" ---: |");
    }
    let _ = writeln!(out, "{header}\n{rule}");
    let mut failures = Vec::new();
    let rows = row_labels(impls);
    for p in results {
        for (r, label) in rows.iter().enumerate() {
            let outcomes = row_outcomes(p, r, impls.len());
            let first = match outcomes.first() {
                Some(Outcome::Passed { times, .. }) if r < impls.len() => {
                    match (crate::stats::median(times), crate::stats::best(times)) {
                        (Some(m), Some(b)) => format!("{m:.3} / {b:.3}"),
                        _ => "-".to_string(),
                    }
                }
                // The processes row starts from hotpy's 1-thread time, shown above it.
                Some(Outcome::Passed { .. }) => String::new(),
                _ => "FAILED".to_string(),
            };
            let mut row = format!("| {} | {label} | {first} |", p.name);
            let best = best_speedups(&outcomes);
            for ((o, s), b) in outcomes.iter().zip(speedups(&outcomes)).zip(best).skip(1) {
                let cell = match (o, s, b) {
                    (Outcome::Failed(_), _, _) => "FAILED".to_string(),
                    (_, Some(s), Some(b)) => format!("{s:.2} ({b:.2})"),
                    (_, Some(s), None) => format!("{s:.2}"),
                    (_, None, _) => "-".to_string(),
                };
                let _ = write!(row, " {cell} |");
            }
            let _ = writeln!(out, "{row}");
            // One line per pattern and row: the first reason it failed.
            let why = outcomes.iter().enumerate().find_map(|(k, o)| match o {
                Outcome::Failed(why) => Some((k + 1, why)),
                Outcome::Passed { .. } => None,
            });
            if let Some((n, why)) = why {
                let what = if r < impls.len() {
                    "thread(s)"
                } else {
                    "processes"
                };
                failures.push(format!("- {} on `{label}` ({n} {what}): {why}", p.name));
            }
        }
    }
    for (r, label) in rows.iter().enumerate() {
        let mut row = format!("| **geometric mean** | {label} | |");
        for n in 2..=max {
            let mean = |f: fn(&[&Outcome]) -> Vec<Option<f64>>| {
                let values: Vec<f64> = results
                    .iter()
                    .filter_map(|p| {
                        f(&row_outcomes(p, r, impls.len()))
                            .get(n - 1)
                            .copied()
                            .flatten()
                    })
                    .collect();
                geometric_mean(&values)
            };
            let cell = match (mean(speedups), mean(best_speedups)) {
                (Some(m), Some(b)) => format!("**{m:.2}** ({b:.2})"),
                (Some(m), None) => format!("**{m:.2}**"),
                _ => "-".to_string(),
            };
            let _ = write!(row, " {cell} |");
        }
        let _ = writeln!(out, "{row}");
    }
    if !failures.is_empty() {
        let _ = writeln!(out, "\n### Failures\n\n{}", failures.join("\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::time::Duration;

    fn passed(secs: f64) -> Outcome {
        Outcome::Passed {
            times: vec![Duration::from_secs_f64(secs)],
            peak_rss: 1,
        }
    }

    #[test]
    fn speedup_is_one_thread_time_over_n_thread_time() {
        let (a, b, c) = (passed(2.0), passed(1.0), Outcome::Failed("x".to_string()));
        assert_eq!(speedups(&[&a, &b, &c]), vec![Some(1.0), Some(2.0), None]);
        assert_eq!(speedups(&[&c, &b]), vec![None, None]);
        // Best times: 1 thread best 1.0 s, 2 threads best 0.4 s.
        let one = Outcome::Passed {
            times: vec![Duration::from_secs_f64(3.0), Duration::from_secs_f64(1.0)],
            peak_rss: 1,
        };
        let two = Outcome::Passed {
            times: vec![Duration::from_secs_f64(0.4), Duration::from_secs_f64(2.0)],
            peak_rss: 1,
        };
        assert_eq!(best_speedups(&[&one, &two]), vec![Some(1.0), Some(2.5)]);
    }

    #[test]
    fn table_marks_failures_and_means_speedups() {
        let imp = |l: &str| Implementation {
            label: l.to_string(),
            command: PathBuf::from(l),
            args: Vec::new(),
            version: None,
            env: Vec::new(),
        };
        let impls = [imp("hotpy"), imp("python3")];
        let fail = || Outcome::Failed("no threading".to_string());
        let results = [PatternResult {
            name: "calls".to_string(),
            by_threads: vec![
                ProgramResult {
                    name: "calls x1".to_string(),
                    outcomes: vec![fail(), passed(1.0)],
                },
                ProgramResult {
                    name: "calls x2".to_string(),
                    outcomes: vec![fail(), passed(0.5)],
                },
            ],
            by_processes: vec![passed(0.6)],
        }];
        let text = render(&impls, &results, 2, 1);
        assert!(
            text.contains("| calls | hotpy | FAILED | FAILED |"),
            "{text}"
        );
        assert!(
            text.contains("| calls | python3 | 1.000 / 1.000 | 2.00 (2.00) |"),
            "{text}"
        );
        assert!(
            text.contains("| **geometric mean** | python3 | | **2.00** (2.00) |"),
            "{text}"
        );
        assert!(
            text.contains("| **geometric mean** | hotpy | | - |"),
            "{text}"
        );
        assert!(text.contains("- calls on `hotpy` (1 thread(s)): no threading"));
        // The processes row divides hotpy's 1-thread time, which failed here.
        assert!(
            text.contains("| calls | hotpy, N processes | FAILED | - |"),
            "{text}"
        );
        let mut ok = results;
        ok[0].by_threads[0].outcomes[0] = passed(1.2);
        let text = render(&impls, &ok, 2, 1);
        assert!(
            text.contains("| calls | hotpy, N processes |  | 2.00 (2.00) |"),
            "{text}"
        );
        assert!(
            text.contains("| **geometric mean** | hotpy, N processes | | **2.00** (2.00) |"),
            "{text}"
        );
        let results = ok;
        let json = to_json(&impls, &results, 2).render();
        assert!(json.contains("\"speedup\": [1, 2]"), "{json}");
        assert!(json.contains("\"speedup\": [1, null]"), "{json}");
        assert!(json.contains("\"hotpy_processes\""), "{json}");
        assert_eq!(file_safe("/usr/bin/python3.11"), "usr_bin_python3_11");
    }
}
