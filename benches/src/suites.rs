//! The suites the runner knows, and what they share.
//!
//! How it works: `main` builds one `Context` from the command line (hotpy, the peers
//! that could be found, the number of runs, per-suite choices) and runs the chosen
//! suites in order. Each suite builds its cases, measures them with `run::measure`
//! (which checks every run's output before it counts), draws its chart into the output
//! folder and returns a `SuiteOutput`: a Markdown section, a JSON value and whether
//! every run passed. `main` joins them into `results.md` and `results.json`.
//!
//! - `compare`: `classic` (benches/programs/*.py), `startup` (`-c pass` and
//!   startup/import_all.py) and `locking` (classic under `hotpy --locking=MODE`).
//! - `scaling`: threads/patterns.py at 1..=cores+1 threads.
//! - `gc`: gc/live_heap.py at several live sizes, with `hotpy --stats` figures.
//!
//! What must hold: a suite never reports a number for a run that failed; a failure is
//! shown as FAILED with its reason.

pub mod compare;
pub mod gc;
pub mod scaling;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::json::Json;
use crate::run::{Implementation, Outcome, Plan};
use crate::stats::{best, median};

/// The suites, in the order they run when several are asked for.
pub const ALL: [&str; 5] = ["classic", "startup", "scaling", "locking", "gc"];
/// What runs when no suite is named.
pub const DEFAULT: [&str; 2] = ["classic", "startup"];

/// Everything a suite needs to know.
pub struct Context {
    /// `benches/`: programs live in `benches/programs`.
    pub bench: PathBuf,
    pub hotpy: Implementation,
    /// The peers that were found (missing ones were skipped with a message).
    pub peers: Vec<Implementation>,
    pub runs: usize,
    pub timeout: Duration,
    /// Classic programs to run (all when empty).
    pub programs: Vec<String>,
    /// Scaling patterns to run (all when empty).
    pub patterns: Vec<String>,
    /// The largest thread count of the scaling suite.
    pub max_threads: usize,
    /// Nominal live heap sizes of the gc suite, in MB.
    pub gc_sizes: Vec<u32>,
    /// Where the charts go.
    pub out: PathBuf,
}

impl Context {
    pub fn programs_dir(&self) -> PathBuf {
        self.bench.join("programs")
    }

    /// hotpy followed by the peers.
    pub fn all_impls(&self) -> Vec<Implementation> {
        let mut impls = vec![self.hotpy.clone()];
        impls.extend(self.peers.iter().cloned());
        impls
    }

    pub fn plan<'a>(&self, progress: &'a str) -> Plan<'a> {
        Plan {
            runs: self.runs,
            timeout: self.timeout,
            progress,
        }
    }

    /// Draw a chart, turning a failure into a warning: the numbers matter more.
    pub fn chart(&self, file: &str, draw: impl FnOnce(&Path) -> Result<(), String>) -> String {
        let path = self.out.join(file);
        match draw(&path) {
            Ok(()) => format!("\nChart: `{file}`\n"),
            Err(e) => {
                eprintln!("benches: {e}");
                format!("\nChart `{file}` could not be drawn: {e}\n")
            }
        }
    }
}

/// What one suite hands back.
pub struct SuiteOutput {
    pub name: &'static str,
    pub markdown: String,
    pub json: Json,
    pub all_passed: bool,
}

/// An implementation as the JSON file lists it.
pub fn impl_json(imp: &Implementation) -> Json {
    Json::obj([
        ("label", Json::str(&imp.label)),
        ("command", Json::str(imp.command.display().to_string())),
        (
            "args",
            Json::Arr(imp.args.iter().map(|a| Json::str(a.as_str())).collect()),
        ),
        (
            "version",
            imp.version.as_deref().map_or(Json::Null, Json::str),
        ),
    ])
}

/// One outcome as JSON: times and memory when it passed, the reason when it failed.
pub fn outcome_json(label: &str, outcome: &Outcome) -> Json {
    match outcome {
        Outcome::Passed { times, peak_rss } => Json::obj([
            ("implementation", Json::str(label)),
            ("status", Json::str("passed")),
            ("median_s", Json::opt(median(times))),
            ("best_s", Json::opt(best(times))),
            ("times_s", Json::secs(times)),
            ("peak_rss_bytes", Json::Num(*peak_rss as f64)),
        ]),
        Outcome::Failed(why) => Json::obj([
            ("implementation", Json::str(label)),
            ("status", Json::str("failed")),
            ("reason", Json::str(why.as_str())),
        ]),
    }
}

/// Read an expected-output file, saying how to make it when it is missing.
pub fn read_expected(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| {
        format!(
            "cannot read expected output {}: {e} (run benches/programs/regen_expected.sh)",
            path.display()
        )
    })
}
