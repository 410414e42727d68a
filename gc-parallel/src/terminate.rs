//! Termination detection for the parallel copying workers.
//!
//! Workers share gray work through work-stealing deques. A worker is *active* while it
//! may hold or make work; `active` counts them and starts at the number of workers. A
//! worker that has drained its own deque and failed to steal calls [`Termination::idle`]:
//! it stops counting itself, then waits until either every worker is idle (all work is
//! done: it returns `true`) or some deque looks non-empty (it counts itself active again
//! *before* it tries to steal, and returns `false` so that the caller goes back to
//! stealing). The hot path (copying and scanning) never touches `active`; there is no
//! lock anywhere.
//!
//! Why it is right: work is made only by active workers, which push it on their own
//! deques; a worker leaves the active count only with an empty deque, and re-enters it
//! before it takes any work from others. So when `active` reads zero, no worker holds
//! work and every deque is empty (the global queue of root work is filled before the
//! workers start): the collection's tracing is complete. A stale "work visible" costs
//! one trip back through `idle`; it can never end the loop early.
//!
//! This file is compiled twice: by `gc-parallel` against std atomics and by `loom-tests`
//! against loom (`loom-tests/tests/terminate.rs`). It reaches atomics only through
//! `crate::sync`.

#![forbid(unsafe_code)]

use crate::sync::{spin_hint, yield_now, AtomicUsize, Ordering};

/// The active-worker count of one parallel phase.
#[derive(Debug)]
pub struct Termination {
    active: AtomicUsize,
}

impl Termination {
    /// A phase with `workers` workers, all active.
    pub fn new(workers: usize) -> Self {
        Termination {
            active: AtomicUsize::new(workers),
        }
    }

    /// The calling worker has no work and could steal none. Returns `true` when every
    /// worker is idle (the phase is over), `false` when `work_visible` reported work
    /// somewhere: the caller is active again and should try to steal.
    pub fn idle(&self, mut work_visible: impl FnMut() -> bool) -> bool {
        // Release: the work this worker did (copies, forwarding) happens before another
        // worker's Acquire load that sees the count reach zero.
        self.active.fetch_sub(1, Ordering::AcqRel);
        let mut spins = 0u32;
        loop {
            if self.active.load(Ordering::Acquire) == 0 {
                return true;
            }
            if work_visible() {
                self.active.fetch_add(1, Ordering::AcqRel);
                return false;
            }
            // Spin briefly, then yield: the machine may have more threads than cores.
            spins += 1;
            if spins.is_multiple_of(64) {
                yield_now();
            } else {
                spin_hint();
            }
        }
    }
}
