//! loom models of hotpy's concurrency primitives, compiled from the very source files the
//! VM crates build.
//!
//! How it works: each primitive lives in a leaf module that reaches atomics only through
//! `crate::sync`. This crate includes those files with `#[path = ...]` and supplies its own
//! `sync` module re-exporting loom's atomics, with `spin_hint` turned into
//! `loom::thread::yield_now` so spin loops let loom schedule the other threads. The tests
//! in `tests/` run the models under `loom::model`.
//!
//! What must hold: every name a primitive imports from `crate::sync` exists here with the
//! same meaning as in its home crate; no cargo feature or `cfg(loom)` is involved.

/// loom stand-ins for the `sync` modules of the VM crates.
pub mod sync {
    pub use loom::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

    /// Spin loops yield to loom's scheduler.
    pub fn spin_hint() {
        loom::thread::yield_now();
    }
}

/// The collector's forwarding state machine (`gc-parallel/src/forward.rs`).
#[path = "../../gc-parallel/src/forward.rs"]
pub mod forward;
