//! The one door through which this crate reaches atomics, locks and thread hints.
//!
//! Concurrency primitives (the forwarding state machine in `forward.rs`, the safepoint
//! handshake in `safepoint.rs`) import atomics, `Arc`, `Mutex`, `Condvar` and spin hints
//! only from `crate::sync`. The `loom-tests` crate compiles those same source files with
//! its own `sync` module that re-exports loom's types and turns `spin_hint` into
//! `loom::thread::yield_now`, so loom checks the code the VM runs.
//!
//! What must hold: anything a leaf primitive needs is re-exported here and in
//! `loom-tests/src/lib.rs` under the same name; the primitives never name `std::sync`.
//! Only the API loom also offers is used (no `const` constructors, no `Condvar::wait_while`).

#![forbid(unsafe_code)]

pub(crate) use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
pub(crate) use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// Hint to the CPU that we are busy-waiting on another worker (loom: yield the thread).
#[inline(always)]
pub(crate) fn spin_hint() {
    std::hint::spin_loop();
}

/// Give the CPU up for a moment while waiting on other workers (loom: yield the thread).
#[inline]
pub(crate) fn yield_now() {
    std::thread::yield_now();
}
