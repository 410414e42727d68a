//! The `gc` suite: the collector on heaps of small objects at several live sizes.
//!
//! How it works: `programs/gc/live_heap.py MB` keeps a nominal MB megabytes of small
//! objects alive (MB * 10,000 two-field cells in chains) while it allocates 3 million
//! short-lived ones and replaces live ones; its output is checked against
//! `gc/expected/live_heap_MB.out`. hotpy runs it with `--stats` and this suite reads
//! the statistics block hotpy prints on stderr at exit (collections, MB allocated and
//! copied, live MB after the last collection, pause total / median / p99 / max in ms).
//! From each timed run it derives the allocation rate (MB allocated / wall time) and
//! the copy rate (MB copied / total pause time, the collector's throughput); the
//! table gives the median over the runs of each figure, and the largest maximum
//! pause. Peers are timed alongside (time and peak memory only: they print no
//! collector figures). hotpy runs once per collector worker count (`HOTPY_GC_THREADS`
//! = 1 ..= cores), each its own row, with its copy rate relative to one worker. The
//! chart draws hotpy's median and maximum pause per size and worker count.
//!
//! What must hold: figures come only from runs whose output was right; a hotpy run
//! without a statistics block gives no figures (shown as "-"), never zeros.

use std::fmt::Write;

use super::{impl_json, outcome_json, read_expected, Context, SuiteOutput};
use crate::json::Json;
use crate::plot::{self, Series};
use crate::report::{median_of, peak_mb_of};
use crate::run::{self, Implementation, Outcome, Program, ProgramResult};
use crate::stats::median_f64;

/// The figures `hotpy --stats` prints, as numbers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GcStats {
    pub collections: f64,
    pub allocated_mb: f64,
    pub copied_mb: f64,
    pub live_mb: f64,
    pub peak_heap_mb: f64,
    pub pause_total_ms: f64,
    pub pause_median_ms: f64,
    pub pause_p99_ms: f64,
    pub pause_max_ms: f64,
}

/// The number after `key` in `text` (`"total 479.54 ms"`, key `total`).
fn number_after(text: &str, key: &str) -> Option<f64> {
    let mut words = text.split([' ', ',']).filter(|w| !w.is_empty());
    words.find(|w| *w == key)?;
    words.next()?.parse().ok()
}

/// Parse the block that starts with `hotpy stats:` on hotpy's stderr.
pub fn parse_stats(stderr: &str) -> Option<GcStats> {
    let block = &stderr[stderr.find("hotpy stats:")?..];
    let mut s = GcStats::default();
    let mut seen = 0;
    for line in block.lines().skip(1) {
        let line = line.trim();
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        let rest = rest.trim();
        let first = || rest.split(' ').next().and_then(|w| w.parse::<f64>().ok());
        match key {
            "collections" => s.collections = first()?,
            "allocated" => s.allocated_mb = first()?,
            "copied" => s.copied_mb = first()?,
            "heap" => {
                // "89.1 MB now, 118.5 MB peak, ...": the number after "now," is the peak.
                s.peak_heap_mb = number_after(rest, "now")?;
                s.live_mb = rest
                    .split(',')
                    .find(|part| part.contains("live"))?
                    .split_whitespace()
                    .next()?
                    .parse()
                    .ok()?;
            }
            "pauses" => {
                s.pause_total_ms = number_after(rest, "total")?;
                s.pause_median_ms = number_after(rest, "median")?;
                s.pause_p99_ms = number_after(rest, "p99")?;
                s.pause_max_ms = number_after(rest, "max")?;
            }
            _ => continue,
        }
        seen += 1;
    }
    (seen == 5).then_some(s)
}

/// One timed hotpy run: its wall time and its statistics.
#[derive(Debug, Clone)]
pub struct GcRun {
    pub secs: f64,
    pub stats: GcStats,
}

impl GcRun {
    pub fn alloc_mb_per_s(&self) -> f64 {
        self.stats.allocated_mb / self.secs
    }

    /// MB copied per second of pause; None without collections.
    pub fn copy_mb_per_s(&self) -> Option<f64> {
        (self.stats.pause_total_ms > 0.0)
            .then(|| self.stats.copied_mb / (self.stats.pause_total_ms / 1e3))
    }
}

/// The summary of hotpy's runs at one size: medians over the runs, largest max pause.
#[derive(Debug, Clone, PartialEq)]
pub struct GcSummary {
    pub collections: f64,
    pub live_mb: f64,
    pub alloc_mb_per_s: f64,
    pub copy_mb_per_s: Option<f64>,
    pub pause_median_ms: f64,
    pub pause_p99_ms: f64,
    pub pause_max_ms: f64,
}

pub fn summarise(runs: &[GcRun]) -> Option<GcSummary> {
    let med = |f: &dyn Fn(&GcRun) -> f64| median_f64(&runs.iter().map(f).collect::<Vec<_>>());
    let copies: Vec<f64> = runs.iter().filter_map(GcRun::copy_mb_per_s).collect();
    Some(GcSummary {
        collections: med(&|r| r.stats.collections)?,
        live_mb: med(&|r| r.stats.live_mb)?,
        alloc_mb_per_s: med(&|r| r.alloc_mb_per_s())?,
        copy_mb_per_s: median_f64(&copies),
        pause_median_ms: med(&|r| r.stats.pause_median_ms)?,
        pause_p99_ms: med(&|r| r.stats.pause_p99_ms)?,
        pause_max_ms: runs
            .iter()
            .map(|r| r.stats.pause_max_ms)
            .fold(0.0, f64::max),
    })
}

/// The result at one size: every implementation's outcome and, per worker count,
/// hotpy's runs.
pub struct SizeResult {
    pub live_mb: u32,
    pub result: ProgramResult,
    pub hotpy_runs: Vec<Vec<GcRun>>,
}

/// Collector worker counts to compare: 1 ..= the number of cores (at least 1 and 2).
pub fn worker_counts() -> Vec<usize> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (1..=cores.max(2)).collect()
}

/// hotpy with `--stats` and `HOTPY_GC_THREADS=w`, one per worker count.
pub fn hotpy_variants(hotpy: &Implementation, workers: &[usize]) -> Vec<Implementation> {
    workers
        .iter()
        .map(|w| {
            let mut h = hotpy.clone();
            h.args.push("--stats".to_string());
            h.label = format!("{} gc×{w}", hotpy.label);
            h.env.push(("HOTPY_GC_THREADS".to_string(), w.to_string()));
            h
        })
        .collect()
}

pub fn run(ctx: &Context) -> Result<SuiteOutput, String> {
    let dir = ctx.programs_dir().join("gc");
    let workers = worker_counts();
    let mut impls = hotpy_variants(&ctx.hotpy, &workers);
    impls.extend(ctx.peers.iter().cloned());
    let mut sizes = Vec::new();
    for (k, &mb) in ctx.gc_sizes.iter().enumerate() {
        let expected = read_expected(&dir.join("expected").join(format!("live_heap_{mb}.out")))?;
        let program = Program {
            name: format!("live {mb} MB"),
            path: Some(dir.join("live_heap.py")),
            args: vec![mb.to_string()],
            expected,
            parts: 1,
        };
        let tag = format!("gc {}/{} live {mb} MB", k + 1, ctx.gc_sizes.len());
        let mut hotpy_runs = vec![Vec::new(); workers.len()];
        let result = run::measure(&program, &impls, &ctx.plan(&tag), &mut |i, run| {
            if i >= workers.len() {
                return;
            }
            match parse_stats(&String::from_utf8_lossy(&run.stderr)) {
                Some(stats) => hotpy_runs[i].push(GcRun {
                    secs: run.elapsed.as_secs_f64(),
                    stats,
                }),
                None => eprintln!("[{tag}] hotpy printed no --stats block"),
            }
        });
        sizes.push(SizeResult {
            live_mb: mb,
            result,
            hotpy_runs,
        });
    }
    let mut markdown = render(&impls, &sizes, ctx.runs);
    let categories: Vec<String> = sizes.iter().map(|s| format!("{} MB", s.live_mb)).collect();
    let mut series = Vec::new();
    for (k, w) in workers.iter().enumerate() {
        let summaries: Vec<Option<GcSummary>> =
            sizes.iter().map(|s| summarise(&s.hotpy_runs[k])).collect();
        let pick = |f: fn(&GcSummary) -> f64| summaries.iter().map(|s| s.as_ref().map(f)).collect();
        series.push(Series {
            name: format!("median, {w} worker(s)"),
            values: pick(|s| s.pause_median_ms),
        });
        series.push(Series {
            name: format!("max, {w} worker(s)"),
            values: pick(|s| s.pause_max_ms),
        });
    }
    markdown.push_str(&ctx.chart("gc.svg", |path| {
        plot::bars(
            path,
            "hotpy collector pauses by nominal live size and workers",
            "pause (ms)",
            &categories,
            &series,
            None,
        )
    }));
    Ok(SuiteOutput {
        name: "gc",
        markdown,
        json: to_json(&impls, &sizes),
        all_passed: sizes.iter().all(|s| s.result.all_passed()),
    })
}

fn summary_json(s: &Option<GcSummary>) -> Json {
    let Some(s) = s else { return Json::Null };
    Json::obj([
        ("collections", Json::Num(s.collections)),
        ("live_mb", Json::Num(s.live_mb)),
        ("alloc_mb_per_s", Json::Num(s.alloc_mb_per_s)),
        ("copy_mb_per_s_of_pause", Json::opt(s.copy_mb_per_s)),
        ("pause_median_ms", Json::Num(s.pause_median_ms)),
        ("pause_p99_ms", Json::Num(s.pause_p99_ms)),
        ("pause_max_ms", Json::Num(s.pause_max_ms)),
    ])
}

pub fn to_json(impls: &[Implementation], sizes: &[SizeResult]) -> Json {
    let sizes = sizes.iter().map(|s| {
        let outcomes = impls
            .iter()
            .zip(&s.result.outcomes)
            .map(|(imp, o)| outcome_json(&imp.label, o));
        let by_workers = s.hotpy_runs.iter().enumerate().map(|(k, runs)| {
            Json::obj([
                ("workers", Json::Num((k + 1) as f64)),
                ("runs", Json::Arr(runs.iter().map(run_json).collect())),
                ("summary", summary_json(&summarise(runs))),
            ])
        });
        Json::obj([
            ("nominal_live_mb", Json::Num(f64::from(s.live_mb))),
            ("results", Json::Arr(outcomes.collect())),
            ("hotpy_by_workers", Json::Arr(by_workers.collect())),
        ])
    });
    Json::obj([
        (
            "implementations",
            Json::Arr(impls.iter().map(impl_json).collect()),
        ),
        ("sizes", Json::Arr(sizes.collect())),
    ])
}

fn run_json(r: &GcRun) -> Json {
    Json::obj([
        ("secs", Json::Num(r.secs)),
        ("collections", Json::Num(r.stats.collections)),
        ("allocated_mb", Json::Num(r.stats.allocated_mb)),
        ("copied_mb", Json::Num(r.stats.copied_mb)),
        ("live_mb", Json::Num(r.stats.live_mb)),
        ("peak_heap_mb", Json::Num(r.stats.peak_heap_mb)),
        ("pause_total_ms", Json::Num(r.stats.pause_total_ms)),
        ("pause_median_ms", Json::Num(r.stats.pause_median_ms)),
        ("pause_p99_ms", Json::Num(r.stats.pause_p99_ms)),
        ("pause_max_ms", Json::Num(r.stats.pause_max_ms)),
    ])
}

fn opt_cell(v: Option<f64>, digits: usize) -> String {
    v.map_or("-".to_string(), |v| format!("{v:.digits$}"))
}

pub fn render(impls: &[Implementation], sizes: &[SizeResult], runs: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## gc: the collector on heaps of small objects\n");
    let _ = writeln!(
        out,
        "Time is the median wall time in seconds of {runs} run(s); peak MB the peak resident set.\n\
         The rest is hotpy's `--stats`, median over the runs: live MB after the last collection,\n\
         collections, allocation rate (MB allocated / wall time), copy rate (MB copied / total\n\
         pause), and pause median, 99th percentile and maximum (the largest over the runs).\n\
         `gc×N` runs with `HOTPY_GC_THREADS=N` copying workers; *copy ×1* is its copy rate\n\
         over that of one worker.\n"
    );
    let _ = writeln!(
        out,
        "| live (nominal) | implementation | time s | peak MB | live MB | collections | alloc MB/s | copy MB/s | copy ×1 | pause median ms | p99 ms | max ms |\n\
         | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    let mut failures = Vec::new();
    for s in sizes {
        let summaries: Vec<Option<GcSummary>> = s.hotpy_runs.iter().map(|r| summarise(r)).collect();
        let one = summaries
            .first()
            .and_then(|g| g.as_ref())
            .and_then(|g| g.copy_mb_per_s);
        for (i, (imp, o)) in impls.iter().zip(&s.result.outcomes).enumerate() {
            let (time, peak) = match o {
                Outcome::Failed(why) => {
                    failures.push(format!("- live {} MB on `{}`: {why}", s.live_mb, imp.label));
                    ("FAILED".to_string(), "FAILED".to_string())
                }
                _ => (opt_cell(median_of(o), 3), opt_cell(peak_mb_of(o), 1)),
            };
            let g = summaries.get(i).and_then(|g| g.as_ref());
            let ratio = match (g.and_then(|g| g.copy_mb_per_s), one) {
                (Some(c), Some(one)) if one > 0.0 => Some(c / one),
                _ => None,
            };
            let _ = writeln!(
                out,
                "| {} MB | {} | {time} | {peak} | {} | {} | {} | {} | {} | {} | {} | {} |",
                s.live_mb,
                imp.label,
                opt_cell(g.map(|g| g.live_mb), 1),
                opt_cell(g.map(|g| g.collections), 0),
                opt_cell(g.map(|g| g.alloc_mb_per_s), 0),
                opt_cell(g.and_then(|g| g.copy_mb_per_s), 0),
                opt_cell(ratio, 2),
                opt_cell(g.map(|g| g.pause_median_ms), 2),
                opt_cell(g.map(|g| g.pause_p99_ms), 2),
                opt_cell(g.map(|g| g.pause_max_ms), 2),
            );
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

    const SAMPLE: &str = "some program output\nhotpy stats:
  collections      19
  allocated        1000.7 MB
  copied           519.0 MB in 5405187 objects
  heap             89.1 MB now, 118.5 MB peak, 29.2 MB live after the last collection
  pauses           total 479.54 ms, median 19.923 ms, p99 50.332 ms, max 49.834 ms
";

    #[test]
    fn parses_hotpy_stats() {
        let s = parse_stats(SAMPLE);
        let expected = GcStats {
            collections: 19.0,
            allocated_mb: 1000.7,
            copied_mb: 519.0,
            live_mb: 29.2,
            peak_heap_mb: 118.5,
            pause_total_ms: 479.54,
            pause_median_ms: 19.923,
            pause_p99_ms: 50.332,
            pause_max_ms: 49.834,
        };
        assert_eq!(s, Some(expected));
        assert_eq!(parse_stats("no stats here"), None);
        assert_eq!(parse_stats("hotpy stats:\n  collections      x\n"), None);
    }

    #[test]
    fn summary_takes_medians_and_the_largest_maximum() {
        let Some(stats) = parse_stats(SAMPLE) else {
            panic!("sample parses");
        };
        let run = |secs: f64, max: f64| GcRun {
            secs,
            stats: GcStats {
                pause_max_ms: max,
                ..stats.clone()
            },
        };
        let runs = [run(1.0, 40.0), run(2.0, 60.0), run(4.0, 50.0)];
        let Some(s) = summarise(&runs) else {
            panic!("three runs summarise");
        };
        assert!((s.alloc_mb_per_s - 1000.7 / 2.0).abs() < 1e-9);
        assert_eq!(s.pause_max_ms, 60.0);
        let copy = s.copy_mb_per_s.unwrap_or(0.0);
        assert!((copy - 519.0 / 0.47954).abs() < 1e-6, "{copy}");
        assert_eq!(summarise(&[]), None);
    }
}
