//! Turning measured times into the Markdown report.
//!
//! How it works: for each program and implementation the median and the best of
//! the timed runs are shown as "median / best" seconds. For each peer a ratio
//! column gives peer median / hotpy median, so a ratio above 1 means hotpy was
//! faster. The last row is the geometric mean of each peer's ratios over the
//! programs where both hotpy and that peer passed. Failures show as FAILED in the
//! table, with their reasons listed below it.
//!
//! What must hold: a failed or untimed result never enters a ratio or a mean.

use std::fmt::Write;
use std::time::Duration;

use crate::run::{Implementation, Outcome, ProgramResult};

/// The median of `times` (the mean of the middle two for an even count).
pub fn median(times: &[Duration]) -> Option<f64> {
    let mut secs: Vec<f64> = times.iter().map(Duration::as_secs_f64).collect();
    if secs.is_empty() {
        return None;
    }
    secs.sort_by(f64::total_cmp);
    let mid = secs.len() / 2;
    Some(if secs.len() % 2 == 1 {
        secs[mid]
    } else {
        (secs[mid - 1] + secs[mid]) / 2.0
    })
}

/// The shortest of `times`.
pub fn best(times: &[Duration]) -> Option<f64> {
    times
        .iter()
        .map(Duration::as_secs_f64)
        .min_by(f64::total_cmp)
}

/// The geometric mean of positive ratios; None for an empty list.
pub fn geometric_mean(ratios: &[f64]) -> Option<f64> {
    if ratios.is_empty() {
        return None;
    }
    let log_sum: f64 = ratios.iter().map(|r| r.ln()).sum();
    Some((log_sum / ratios.len() as f64).exp())
}

/// Median time of a passed outcome with at least one timed run.
fn median_of(outcome: &Outcome) -> Option<f64> {
    match outcome {
        Outcome::Passed(times) => median(times),
        Outcome::Failed(_) => None,
    }
}

/// peer median / hotpy median, when both passed and hotpy's time is not zero.
fn ratio(hotpy: &Outcome, peer: &Outcome) -> Option<f64> {
    let h = median_of(hotpy)?;
    let p = median_of(peer)?;
    (h > 0.0).then(|| p / h)
}

fn time_cell(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Passed(times) => match (median(times), best(times)) {
            (Some(m), Some(b)) => format!("{m:.3} / {b:.3}"),
            _ => "passed (untimed)".to_string(),
        },
        Outcome::Failed(_) => "FAILED".to_string(),
    }
}

fn ratio_cell(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |r| format!("{r:.2}"))
}

/// Keep table cells intact: a `|` would start a new column.
fn escape(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The whole report: a legend, the table, the geometric means and any failures.
pub fn render(impls: &[Implementation], results: &[ProgramResult], runs: usize) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail, so the fmt::Results below are ignored.
    let _ = writeln!(out, "## hotpy benchmarks\n");
    let _ = writeln!(
        out,
        "Wall time in seconds as median / best of {runs} run(s), after one checked warm-up run."
    );
    let _ = writeln!(
        out,
        "A ratio is peer median / hotpy median: above 1 means hotpy is faster.\n"
    );
    for imp in impls {
        let version = imp
            .version
            .as_deref()
            .map(|v| format!(" (Python {v})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- `{}`: `{}`{version}",
            escape(&imp.label),
            imp.command.display()
        );
    }
    let _ = writeln!(out);

    let Some((hotpy, peers)) = impls.split_first() else {
        return out;
    };
    let mut header = format!("| program | {} |", escape(&hotpy.label));
    let mut rule = String::from("| --- | ---: |");
    for peer in peers {
        let label = escape(&peer.label);
        let _ = write!(header, " {label} | {label} / hotpy |");
        rule.push_str(" ---: | ---: |");
    }
    let _ = writeln!(out, "{header}\n{rule}");

    let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); peers.len()];
    for result in results {
        let Some((hotpy_outcome, peer_outcomes)) = result.outcomes.split_first() else {
            continue;
        };
        let mut row = format!(
            "| {} | {} |",
            escape(&result.name),
            time_cell(hotpy_outcome)
        );
        for (i, peer_outcome) in peer_outcomes.iter().enumerate() {
            let r = ratio(hotpy_outcome, peer_outcome);
            if let (Some(r), Some(list)) = (r, ratios.get_mut(i)) {
                list.push(r);
            }
            let _ = write!(row, " {} | {} |", time_cell(peer_outcome), ratio_cell(r));
        }
        let _ = writeln!(out, "{row}");
    }

    let mut row = String::from("| **geometric mean** | |");
    for list in &ratios {
        let cell = geometric_mean(list)
            .map(|g| format!("**{g:.2}** ({} programs)", list.len()))
            .unwrap_or_else(|| "-".to_string());
        let _ = write!(row, " | {cell} |");
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

    fn secs(list: &[f64]) -> Vec<Duration> {
        list.iter().map(|s| Duration::from_secs_f64(*s)).collect()
    }

    fn imp(label: &str) -> Implementation {
        Implementation {
            label: label.to_string(),
            command: PathBuf::from(label),
            version: None,
        }
    }

    #[test]
    fn median_and_best() {
        assert_eq!(median(&secs(&[3.0, 1.0, 2.0])), Some(2.0));
        assert_eq!(median(&secs(&[4.0, 1.0, 2.0, 3.0])), Some(2.5));
        assert_eq!(median(&[]), None);
        assert_eq!(best(&secs(&[3.0, 1.0, 2.0])), Some(1.0));
    }

    #[test]
    fn geometric_mean_of_ratios() {
        let g = geometric_mean(&[2.0, 8.0]).unwrap_or(0.0);
        assert!((g - 4.0).abs() < 1e-12);
        assert_eq!(geometric_mean(&[]), None);
    }

    #[test]
    fn failures_are_shown_and_left_out_of_the_mean() {
        let impls = [imp("hotpy"), imp("python3")];
        let results = [
            ProgramResult {
                name: "a".to_string(),
                outcomes: vec![Outcome::Passed(secs(&[1.0])), Outcome::Passed(secs(&[2.0]))],
            },
            ProgramResult {
                name: "b".to_string(),
                outcomes: vec![
                    Outcome::Failed("exited with exit status: 1".to_string()),
                    Outcome::Passed(secs(&[2.0])),
                ],
            },
        ];
        let text = render(&impls, &results, 1);
        assert!(text.contains("| a | 1.000 / 1.000 | 2.000 / 2.000 | 2.00 |"));
        assert!(text.contains("| b | FAILED | 2.000 / 2.000 | - |"));
        assert!(text.contains("**2.00** (1 programs)"));
        assert!(text.contains("- b on `hotpy`: exited with exit status: 1"));
    }
}
