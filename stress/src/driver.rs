//! The driver: builds the jobs of a short or long run, runs them as child processes
//! (`--jobs` at a time), prints a line per run and a summary, and records failures.

use crate::child::{judge, run_job, Outcome};
use crate::options::Options;
use crate::workloads::{Job, Mode, Workload, MODES, WORKLOADS};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Runs what `o` asks; true when every run passed.
pub fn run(o: &Options) -> bool {
    if o.list {
        list();
        return true;
    }
    let exe = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("stress: cannot find this executable: {e}");
            return false;
        }
    };
    for w in &o.workloads {
        let p = o.programs.join(format!("{}.py", w.name));
        if !p.is_file() {
            eprintln!("stress: no program {}", p.display());
            return false;
        }
    }
    let combos: Vec<(Workload, Mode)> = o
        .workloads
        .iter()
        .flat_map(|w| o.modes.iter().map(move |m| (*w, *m)))
        .collect();
    let start = Instant::now();
    let deadline = o.duration.map(|d| start + d);
    // Each driver run records its failures in a folder of its own.
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let out_dir = o.out.join(format!("run-{secs}-{}", std::process::id()));
    let o = &Options {
        out: out_dir,
        ..o.clone()
    };
    for w in WORKLOADS {
        if let Some(bug) = w.known_bug {
            if !o.workloads.iter().any(|x| x.name == w.name) {
                println!("stress: left out: {} ({bug})", w.name);
            }
        }
    }
    match o.duration {
        None => println!(
            "stress: short run, {} jobs, threads={} seed={}",
            combos.len(),
            o.threads,
            o.seed
        ),
        Some(d) => println!(
            "stress: long run for {} s, threads={} first seed={} scale={} jobs={}",
            d.as_secs(),
            o.threads,
            o.seed,
            o.scale,
            o.jobs
        ),
    }
    // The next job: each combination once (short), or cycling until the deadline (long).
    let next = Mutex::new(0u64);
    let take = || -> Option<(u64, Job)> {
        let mut n = next.lock().unwrap_or_else(|e| e.into_inner());
        match deadline {
            None if *n as usize >= combos.len() => return None,
            Some(d) if Instant::now() >= d => return None,
            _ => {}
        }
        let (w, m) = combos[*n as usize % combos.len()];
        let job = Job {
            workload: w,
            mode: m,
            threads: o.threads,
            iters: Job::size(&w, &m, o.scale),
            seed: o.seed + *n,
            env: o.env.clone(),
        };
        *n += 1;
        Some((*n, job))
    };
    let summary = Mutex::new(Summary::default());
    std::thread::scope(|s| {
        let jobs = if deadline.is_some() {
            o.jobs
        } else {
            o.jobs.min(combos.len())
        };
        for _ in 0..jobs.max(1) {
            s.spawn(|| {
                while let Some((n, job)) = take() {
                    let out = run_job(&exe, &o.programs, &job, o.timeout);
                    let verdict = judge(job.workload.name, &out, o.timeout);
                    let record = match &verdict {
                        Some(why) => record_failure(o, n, &job, &out, why),
                        None => None,
                    };
                    let mut sum = summary.lock().unwrap_or_else(|e| e.into_inner());
                    report(
                        start,
                        n,
                        &job,
                        &out,
                        verdict.as_deref(),
                        record.as_deref(),
                        o,
                    );
                    sum.add(&job, &out, verdict.is_some());
                }
            });
        }
    });
    let sum = summary.into_inner().unwrap_or_else(|e| e.into_inner());
    sum.print(start.elapsed(), o);
    sum.failures == 0
}

fn list() {
    println!("workloads (stress/programs/NAME.py THREADS ITERATIONS SEED):");
    for w in WORKLOADS {
        println!(
            "  {:9} {:>6} iters ({:>4} under gc stress)  {}",
            w.name, w.iters, w.gc_iters, w.about
        );
        if let Some(bug) = w.known_bug {
            println!("            not run unless named: {bug}");
        }
    }
    println!("modes:");
    for m in MODES {
        let gc = if m.gc_stress {
            " HOTPY_GC_STRESS=1"
        } else {
            ""
        };
        println!("  {:9} HOTPY_LOCKING={}{}", m.name, m.locking, gc);
    }
}

fn report(
    start: Instant,
    n: u64,
    job: &Job,
    out: &Outcome,
    verdict: Option<&str>,
    record: Option<&Path>,
    o: &Options,
) {
    let t = start.elapsed().as_secs_f64();
    let took = out.elapsed.as_secs_f64();
    match verdict {
        None => println!("[{t:8.1}s] #{n} {}  ok {took:.1}s", job.describe()),
        Some(why) => {
            println!("[{t:8.1}s] #{n} {}  FAIL {took:.1}s: {why}", job.describe());
            println!("    rerun: {}", job.rerun(&o.programs));
            if let Some(p) = record {
                println!("    output: {}", p.display());
            }
        }
    }
}

/// Writes what a failed run did to `<out>/run-<time>-<pid>/<n>-<workload>-<mode>-seed<seed>.txt`.
fn record_failure(o: &Options, n: u64, job: &Job, out: &Outcome, why: &str) -> Option<PathBuf> {
    let name = format!(
        "{n:04}-{}-{}-seed{}.txt",
        job.workload.name, job.mode.name, job.seed
    );
    let path = o.out.join(name);
    let status = match out.status {
        Some(s) => s.to_string(),
        None => "killed at the timeout".to_string(),
    };
    let text = format!(
        "job: {}\nfailure: {why}\nrerun: {}\n  (or: {} --child {})\nstatus: {status}\n\
         elapsed: {:.2} s\n--- stdout ---\n{}\n--- stderr ---\n{}\n",
        job.describe(),
        job.rerun(&o.programs),
        std::env::current_exe().unwrap_or_default().display(),
        job.args(&o.programs).join(" "),
        out.elapsed.as_secs_f64(),
        out.stdout,
        out.stderr,
    );
    let ok = std::fs::create_dir_all(&o.out).and_then(|_| std::fs::write(&path, text));
    match ok {
        Ok(()) => Some(path),
        Err(e) => {
            eprintln!("stress: cannot write {}: {e}", path.display());
            None
        }
    }
}

#[derive(Default)]
struct Stat {
    runs: u64,
    failures: u64,
    total: Duration,
    max: Duration,
}

#[derive(Default)]
struct Summary {
    by: BTreeMap<(&'static str, &'static str), Stat>,
    runs: u64,
    failures: u64,
}

impl Summary {
    fn add(&mut self, job: &Job, out: &Outcome, failed: bool) {
        let s = self
            .by
            .entry((job.workload.name, job.mode.name))
            .or_default();
        s.runs += 1;
        s.failures += failed as u64;
        s.total += out.elapsed;
        s.max = s.max.max(out.elapsed);
        self.runs += 1;
        self.failures += failed as u64;
    }

    fn print(&self, elapsed: Duration, o: &Options) {
        println!("\nworkload  mode       runs  failed  mean s   max s");
        for ((w, m), s) in &self.by {
            let mean = s.total.as_secs_f64() / s.runs.max(1) as f64;
            println!(
                "{w:9} {m:9} {:5} {:7} {mean:7.2} {:7.2}",
                s.runs,
                s.failures,
                s.max.as_secs_f64()
            );
        }
        let verdict = if self.failures == 0 { "OK" } else { "FAILED" };
        println!(
            "stress: {verdict}: {} runs, {} failed, {:.1} s",
            self.runs,
            self.failures,
            elapsed.as_secs_f64()
        );
        if self.failures > 0 {
            println!("stress: failed runs are recorded in {}", o.out.display());
        }
    }
}
