//! The workloads (Python programs in `stress/programs`), the modes they run in, and a
//! job: one workload in one mode with a thread count, a size and a seed.
//!
//! Sizes are iterations per thread for a short run; collection stress collects at every
//! safepoint, so its sizes are far smaller. Long runs multiply them by `--scale`.

use std::path::{Path, PathBuf};

/// A workload program and its short-run sizes.
#[derive(Clone, Copy, Debug)]
pub struct Workload {
    /// The program is `<name>.py`; its `OK` verdict line starts with `OK <name>`.
    pub name: &'static str,
    /// Iterations per thread in a short run without collection stress.
    pub iters: u64,
    /// Iterations per thread in a short run under collection stress.
    pub gc_iters: u64,
    /// What it checks (for `--list`).
    pub about: &'static str,
    /// A VM bug this workload finds and nobody has fixed yet: it is left out of the
    /// default runs (short and long) and runs only when named with `--workload`.
    pub known_bug: Option<&'static str>,
}

pub const WORKLOADS: &[Workload] = &[
    Workload {
        name: "counters",
        iters: 30_000,
        gc_iters: 400,
        about: "counters of every kind under Python locks end exact",
        known_bug: None,
    },
    Workload {
        name: "races",
        iters: 15_000,
        gc_iters: 100,
        about: "unlocked list/dict/set/bytearray/instance/global races keep their invariants",
        known_bug: None,
    },
    Workload {
        name: "pipeline",
        iters: 2_000,
        gc_iters: 80,
        about: "queue.Queue and ThreadPoolExecutor deliver every item exactly once",
        known_bug: None,
    },
    Workload {
        name: "graph",
        iters: 10_000,
        gc_iters: 60,
        about: "trees of instances, lists and dicts built, rewired and traded stay intact",
        known_bug: None,
    },
    Workload {
        name: "deques",
        iters: 25_000,
        gc_iters: 100,
        about: "unlocked races on a collections.deque lose and duplicate nothing",
        known_bug: None,
    },
];

/// A locking mode, with or without collection stress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mode {
    pub name: &'static str,
    /// `HOTPY_LOCKING`.
    pub locking: &'static str,
    /// `HOTPY_GC_STRESS=1`.
    pub gc_stress: bool,
    /// `HOTPY_GC_THREADS` (0: not set). Given with collection stress, every
    /// collection runs on that many parallel copying workers.
    pub gc_workers: usize,
}

pub const MODES: &[Mode] = &[
    Mode {
        name: "auto",
        locking: "auto",
        gc_stress: false,
        gc_workers: 0,
    },
    Mode {
        name: "write",
        locking: "write",
        gc_stress: false,
        gc_workers: 0,
    },
    Mode {
        name: "rw",
        locking: "rw",
        gc_stress: false,
        gc_workers: 0,
    },
    Mode {
        name: "gc-auto",
        locking: "auto",
        gc_stress: true,
        gc_workers: 0,
    },
    Mode {
        name: "gc-write",
        locking: "write",
        gc_stress: true,
        gc_workers: 2,
    },
    Mode {
        name: "gc-rw",
        locking: "rw",
        gc_stress: true,
        gc_workers: 2,
    },
];

/// The modes of the short run: each locking mode once, and collection stress with the
/// default and the always-locking mode.
pub const SHORT_MODES: &[&str] = &["auto", "write", "rw", "gc-auto", "gc-write"];

pub fn workload(name: &str) -> Option<Workload> {
    WORKLOADS.iter().copied().find(|w| w.name == name)
}

pub fn mode(name: &str) -> Option<Mode> {
    MODES.iter().copied().find(|m| m.name == name)
}

/// The folder of the workload programs in the source tree.
pub fn default_programs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("programs")
}

/// One run of one workload.
#[derive(Clone, Debug)]
pub struct Job {
    pub workload: Workload,
    pub mode: Mode,
    pub threads: u32,
    pub iters: u64,
    pub seed: u64,
    /// Extra environment variables (`--env K=V`).
    pub env: Vec<(String, String)>,
}

impl Job {
    /// Iterations for `w` in mode `m`, scaled.
    pub fn size(w: &Workload, m: &Mode, scale: f64) -> u64 {
        let base = if m.gc_stress { w.gc_iters } else { w.iters };
        ((base as f64 * scale).round() as u64).max(1)
    }

    pub fn program(&self, programs: &Path) -> PathBuf {
        programs.join(format!("{}.py", self.workload.name))
    }

    /// The child's arguments after `--child` (a `hotpy` command line).
    pub fn args(&self, programs: &Path) -> Vec<String> {
        vec![
            self.program(programs).display().to_string(),
            self.threads.to_string(),
            self.iters.to_string(),
            self.seed.to_string(),
        ]
    }

    /// The environment the child runs with.
    pub fn envs(&self) -> Vec<(String, String)> {
        let mut v = vec![("HOTPY_LOCKING".to_string(), self.mode.locking.to_string())];
        if self.mode.gc_stress {
            v.push(("HOTPY_GC_STRESS".to_string(), "1".to_string()));
        }
        if self.mode.gc_workers > 0 {
            v.push((
                "HOTPY_GC_THREADS".to_string(),
                self.mode.gc_workers.to_string(),
            ));
        }
        v.extend(self.env.iter().cloned());
        v
    }

    /// A shell command that reruns this job with `hotpy` (or any interpreter).
    pub fn rerun(&self, programs: &Path) -> String {
        let mut s = String::new();
        for (k, v) in self.envs() {
            s.push_str(&format!("{k}={v} "));
        }
        s.push_str("hotpy ");
        s.push_str(&self.args(programs).join(" "));
        s
    }

    /// `graph gc-write threads=4 iters=60 seed=3`
    pub fn describe(&self) -> String {
        format!(
            "{} {} threads={} iters={} seed={}",
            self.workload.name, self.mode.name, self.threads, self.iters, self.seed
        )
    }
}
