//! The one door through which the VM's concurrency primitives reach atomics and thread
//! hints (the mirror of `gc-parallel`'s `sync`).
//!
//! Leaf primitives of this crate (`obj/objlock.rs`, `obj/publish.rs`) import atomics,
//! `spin_hint` and `yield_now` only from `crate::sync`. The `loom-tests` crate compiles
//! those same files with its own `sync` module that re-exports loom's atomics and turns
//! both hints into `loom::thread::yield_now`, so loom checks the code the VM runs.
//!
//! What must hold: every name a leaf primitive needs is re-exported here and in
//! `loom-tests/src/lib.rs` under the same name and meaning; the primitives never name
//! `std::sync` and use only API loom also has (no `const` constructors, no `from_ptr`).
//! The rest of the VM may keep using `std::sync` directly.

#![forbid(unsafe_code)]

pub(crate) use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// Hint to the CPU that we are busy-waiting on another thread (loom: yield the thread).
#[inline(always)]
pub(crate) fn spin_hint() {
    std::hint::spin_loop();
}

/// Give the rest of the time slice to another thread (loom: yield the thread).
#[inline]
pub(crate) fn yield_now() {
    std::thread::yield_now();
}
