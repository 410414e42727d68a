//! Multi-thread and collector torture runs: Python programs in which many threads mutate
//! shared lists, dicts, sets, bytearrays, instances and module globals, with and without
//! Python locks, run under every locking mode and under collection stress.
//!
//! How it works
//! - The workloads are Python programs the project owns, in `stress/programs`
//!   (`workloads.rs` lists them): lock-protected counters, unlocked races on shared
//!   containers, producers and consumers through `queue` and `concurrent.futures`, and
//!   an object graph that threads build, rewire, trade and walk, and a shared deque; a
//!   workload that finds a VM bug nobody has fixed yet names it (`known_bug`) and runs
//!   only when asked for by name. Each takes
//!   `THREADS ITERATIONS SEED` and checks its own invariants, which hold under any
//!   interleaving of single operations (CPython's atomicity), and prints a verdict line:
//!   `OK <name> ...`, or `FAIL ...` lines and exit status 1. They pass under CPython
//!   (`python3 stress/programs/races.py 4 2000 7`), which is the oracle.
//! - The driver (`driver.rs`) runs each job as a child process: this same executable
//!   with `--child`, which runs the `hotpy` command line in-process
//!   (`runtime::main_with_args`), with the mode's environment (`HOTPY_LOCKING`,
//!   `HOTPY_GC_STRESS`, and any `--env K=V`). One process per run: the VM's state is
//!   process-wide, and a crash must not take the driver down.
//! - Short mode (the default; `cargo test` runs it through `tests/short.rs`) runs every
//!   workload once in every mode with fixed seeds and small sizes. Long mode
//!   (`--duration 10m`) cycles through workloads, modes and seeds until the time is up,
//!   printing a line per run and a summary at the end.
//!
//! What must hold: a run passes only when the child exits with status 0 within its
//! timeout, its stderr is empty (no panic message, no traceback, no warning), and its
//! last stdout line is the workload's `OK` verdict. Anything else is a failure: the
//! driver records the rerun command, the exit status and both outputs in a file under
//! the failure folder and ends with a non-zero status.

pub mod child;
pub mod driver;
pub mod options;
pub mod workloads;

pub use driver::run;
pub use options::Options;
