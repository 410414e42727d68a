//! Runtime statistics printed by `hotpy --stats`: collections are counted by the heap
//! itself (`Heap::stats`); the interpreter adds its own counters here.
//!
//! What must hold: counters are monotonic and updated with relaxed atomics (they are
//! reports, not synchronisation).

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Default)]
pub struct Stats {
    pub safepoint_collections: AtomicU64,
    pub nested_calls: AtomicU64,
}

impl Stats {
    pub fn bump(c: &AtomicU64) {
        c.fetch_add(1, Ordering::Relaxed);
    }
}
