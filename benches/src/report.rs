//! Turning measured times and peak memory into the Markdown report.
//!
//! How it works: for each program and implementation the median and the best of
//! the timed runs are shown as "median / best" seconds, next to the peak resident
//! memory of those runs in MB (10^6 bytes, as `hotpy --stats` counts). For each
//! peer a time ratio column gives peer median / hotpy median, so a ratio above 1
//! means hotpy was faster, and a memory ratio column gives hotpy peak / peer peak,
//! so a ratio above 1 means hotpy needed more memory. The last row is the
//! geometric mean of each peer's ratios over the programs where both hotpy and that
//! peer passed. Failures show as FAILED in the table, with their reasons listed
//! below it.
//!
//! What must hold: a failed or untimed result never enters a ratio or a mean.

use std::fmt::Write;

use crate::run::{Implementation, Outcome, ProgramResult};
use crate::stats::{best, geometric_mean, median};

/// Median time of a passed outcome with at least one timed run.
pub fn median_of(outcome: &Outcome) -> Option<f64> {
    match outcome {
        Outcome::Passed { times, .. } => median(times),
        Outcome::Failed(_) => None,
    }
}

/// Peak resident memory in MB of a passed outcome with at least one timed run.
pub fn peak_mb_of(outcome: &Outcome) -> Option<f64> {
    match outcome {
        Outcome::Passed { times, peak_rss } if !times.is_empty() => Some(*peak_rss as f64 / 1e6),
        _ => None,
    }
}

/// peer median / hotpy median, when both passed and hotpy's time is not zero.
pub fn ratio(hotpy: &Outcome, peer: &Outcome) -> Option<f64> {
    let h = median_of(hotpy)?;
    let p = median_of(peer)?;
    (h > 0.0).then(|| p / h)
}

/// hotpy peak / peer peak, when both passed and the peer's peak is not zero.
fn memory_ratio(hotpy: &Outcome, peer: &Outcome) -> Option<f64> {
    let h = peak_mb_of(hotpy)?;
    let p = peak_mb_of(peer)?;
    (p > 0.0).then(|| h / p)
}

fn time_cell(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Passed { times, .. } => match (median(times), best(times)) {
            (Some(m), Some(b)) => format!("{m:.3} / {b:.3}"),
            _ => "passed (untimed)".to_string(),
        },
        Outcome::Failed(_) => "FAILED".to_string(),
    }
}

fn memory_cell(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Passed { .. } => {
            peak_mb_of(outcome).map_or_else(|| "-".to_string(), |mb| format!("{mb:.1}"))
        }
        Outcome::Failed(_) => "FAILED".to_string(),
    }
}

fn ratio_cell(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |r| format!("{r:.2}"))
}

fn mean_cell(ratios: &[f64]) -> String {
    geometric_mean(ratios).map_or_else(
        || "-".to_string(),
        |g| format!("**{g:.2}** ({} programs)", ratios.len()),
    )
}

/// Keep table cells intact: a `|` would start a new column.
fn escape(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The ratios of each peer (outer, in `impls[1..]` order) on each program (inner):
/// peer median / first implementation's median, None where either did not pass.
pub fn ratios(results: &[ProgramResult], peers: usize) -> Vec<Vec<Option<f64>>> {
    (0..peers)
        .map(|p| {
            results
                .iter()
                .map(|r| match (r.outcomes.first(), r.outcomes.get(p + 1)) {
                    (Some(h), Some(o)) => ratio(h, o),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// The title and how to read the ratio columns, which differ between suites.
pub struct TableSpec<'a> {
    pub title: &'a str,
    pub ratio_legend: &'a str,
}

/// The classic comparison: the first implementation against peers.
pub const VERSUS_PEERS: TableSpec = TableSpec {
    title: "hotpy benchmarks",
    ratio_legend: "A time ratio is peer median / hotpy median: above 1 means hotpy is faster.\n\
                   A memory ratio is hotpy MB / peer MB: above 1 means hotpy needs more memory.",
};

/// The whole report: a legend, the table, the geometric means and any failures.
pub fn render(
    spec: &TableSpec,
    impls: &[Implementation],
    results: &[ProgramResult],
    runs: usize,
) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail, so the fmt::Results below are ignored.
    let _ = writeln!(out, "## {}\n", spec.title);
    let _ = writeln!(
        out,
        "Wall time in seconds as median / best of {runs} run(s), after one checked warm-up run;"
    );
    let _ = writeln!(
        out,
        "MB is the peak resident set size over those runs, in units of 10^6 bytes."
    );
    let _ = writeln!(out, "{}\n", spec.ratio_legend);
    for imp in impls {
        let version = imp
            .version
            .as_deref()
            .map(|v| format!(" (Python {v})"))
            .unwrap_or_default();
        let args: String = imp.args.iter().map(|a| format!(" {a}")).collect();
        let _ = writeln!(
            out,
            "- `{}`: `{}{args}`{version}",
            escape(&imp.label),
            imp.command.display()
        );
    }
    let _ = writeln!(out);

    let Some((hotpy, peers)) = impls.split_first() else {
        return out;
    };
    let hotpy_label = escape(&hotpy.label);
    let mut header = format!("| program | {hotpy_label} | {hotpy_label} MB |");
    let mut rule = String::from("| --- | ---: | ---: |");
    for peer in peers {
        let label = escape(&peer.label);
        let _ = write!(
            header,
            " {label} | {label} MB | {label} / {hotpy_label} | {hotpy_label} MB / {label} MB |"
        );
        rule.push_str(" ---: | ---: | ---: | ---: |");
    }
    let _ = writeln!(out, "{header}\n{rule}");

    // Per peer, the time ratios and the memory ratios of the programs both passed.
    let mut ratios: Vec<(Vec<f64>, Vec<f64>)> = vec![(Vec::new(), Vec::new()); peers.len()];
    for result in results {
        let Some((hotpy_outcome, peer_outcomes)) = result.outcomes.split_first() else {
            continue;
        };
        let mut row = format!(
            "| {} | {} | {} |",
            escape(&result.name),
            time_cell(hotpy_outcome),
            memory_cell(hotpy_outcome)
        );
        for (peer_outcome, (time_ratios, memory_ratios)) in
            peer_outcomes.iter().zip(ratios.iter_mut())
        {
            let r = ratio(hotpy_outcome, peer_outcome);
            let m = memory_ratio(hotpy_outcome, peer_outcome);
            time_ratios.extend(r);
            memory_ratios.extend(m);
            let _ = write!(
                row,
                " {} | {} | {} | {} |",
                time_cell(peer_outcome),
                memory_cell(peer_outcome),
                ratio_cell(r),
                ratio_cell(m)
            );
        }
        let _ = writeln!(out, "{row}");
    }

    // Blank cells under the times and MB, the means under the ratio columns.
    let mut row = String::from("| **geometric mean** | | |");
    for (time_ratios, memory_ratios) in &ratios {
        let _ = write!(
            row,
            " | | {} | {} |",
            mean_cell(time_ratios),
            mean_cell(memory_ratios)
        );
    }
    let _ = writeln!(out, "{row}");

    let mut failures = Vec::new();
    for result in results {
        for (imp, outcome) in impls.iter().zip(&result.outcomes) {
            if let Outcome::Failed(why) = outcome {
                failures.push(format!("- {} on `{}`: {why}", result.name, imp.label));
            }
        }
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

    fn secs(list: &[f64]) -> Vec<Duration> {
        list.iter().map(|s| Duration::from_secs_f64(*s)).collect()
    }

    fn imp(label: &str) -> Implementation {
        Implementation {
            label: label.to_string(),
            command: PathBuf::from(label),
            args: Vec::new(),
            version: None,
            env: Vec::new(),
        }
    }

    fn passed(times: &[f64], peak_mb: u64) -> Outcome {
        Outcome::Passed {
            times: secs(times),
            peak_rss: peak_mb * 1_000_000,
        }
    }

    #[test]
    fn failures_are_shown_and_left_out_of_the_mean() {
        let impls = [imp("hotpy"), imp("python3")];
        let results = [
            ProgramResult {
                name: "a".to_string(),
                outcomes: vec![passed(&[1.0], 20), passed(&[2.0], 10)],
            },
            ProgramResult {
                name: "b".to_string(),
                outcomes: vec![
                    Outcome::Failed("exited with exit status: 1".to_string()),
                    passed(&[2.0], 10),
                ],
            },
        ];
        let text = render(&VERSUS_PEERS, &impls, &results, 1);
        assert!(text.contains("| a | 1.000 / 1.000 | 20.0 | 2.000 / 2.000 | 10.0 | 2.00 | 2.00 |"));
        assert!(text.contains("| b | FAILED | FAILED | 2.000 / 2.000 | 10.0 | - | - |"));
        assert!(text.contains(
            "| **geometric mean** | | | | | **2.00** (1 programs) | **2.00** (1 programs) |"
        ));
        assert!(text.contains("- b on `hotpy`: exited with exit status: 1"));
        assert_eq!(ratios(&results, 1), vec![vec![Some(2.0), None]]);
    }

    #[test]
    fn memory_columns_show_peak_mb_and_their_ratio() {
        let impls = [imp("hotpy"), imp("python3")];
        let hotpy = Outcome::Passed {
            times: secs(&[1.0, 3.0]),
            peak_rss: 211_238_912,
        };
        let results = [ProgramResult {
            name: "churn".to_string(),
            outcomes: vec![hotpy, passed(&[4.0, 4.0], 100)],
        }];
        let text = render(&VERSUS_PEERS, &impls, &results, 2);
        assert!(text.contains(
            "| program | hotpy | hotpy MB | python3 | python3 MB | python3 / hotpy | hotpy MB / python3 MB |"
        ));
        assert!(text
            .contains("| churn | 2.000 / 1.000 | 211.2 | 4.000 / 4.000 | 100.0 | 2.00 | 2.11 |"));
        // Every row has as many cells as the header.
        let cells = |line: &str| line.matches(" |").count();
        let table: Vec<&str> = text.lines().filter(|l| l.starts_with('|')).collect();
        assert!(table.iter().all(|l| cells(l) == cells(table[0])), "{text}");
    }

    #[test]
    fn an_untimed_pass_has_no_memory_figure() {
        let impls = [imp("hotpy"), imp("python3")];
        let results = [ProgramResult {
            name: "a".to_string(),
            outcomes: vec![passed(&[], 0), passed(&[1.0], 10)],
        }];
        let text = render(&VERSUS_PEERS, &impls, &results, 1);
        assert!(text.contains("| a | passed (untimed) | - | 1.000 / 1.000 | 10.0 | - | - |"));
    }
}
