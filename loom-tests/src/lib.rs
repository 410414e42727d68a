//! loom models of hotpy's concurrency primitives, compiled from the very source files the
//! VM crates build.
//!
//! How it works: each primitive lives in a leaf module that reaches atomics (and `Arc`,
//! `Mutex`, `Condvar`, spin and yield hints) only through `crate::sync`. This crate
//! includes those files with `#[path = ...]` and supplies its own `sync` module
//! re-exporting loom's types, with `spin_hint` and `yield_now` turned into
//! `loom::thread::yield_now` so spin loops let loom schedule the other threads. The tests
//! in `tests/` run the models under `loom::model` (or a `loom::model::Builder` with a
//! preemption bound, set in code, when a model is too large to explore exhaustively).
//!
//! What must hold: every name a primitive imports from `crate::sync` exists here with the
//! same meaning as in its home crate; no cargo feature or `cfg(loom)` is involved. One
//! `sync` module serves the leaf modules of both `gc-parallel` and `vm`.

/// loom stand-ins for the `sync` modules of the VM crates.
pub mod sync {
    pub use loom::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, AtomicUsize, Ordering};
    pub use loom::sync::{Arc, Condvar, Mutex, MutexGuard};

    /// Spin loops yield to loom's scheduler.
    pub fn spin_hint() {
        loom::thread::yield_now();
    }

    /// Giving up the CPU is a yield to loom's scheduler.
    pub fn yield_now() {
        loom::thread::yield_now();
    }
}

/// The collector's forwarding state machine (`gc-parallel/src/forward.rs`).
#[path = "../../gc-parallel/src/forward.rs"]
pub mod forward;

/// The stop-the-world handshake (`gc-parallel/src/safepoint.rs`).
#[path = "../../gc-parallel/src/safepoint.rs"]
pub mod safepoint;

/// The object write lock (`vm/src/obj/objlock.rs`).
#[path = "../../vm/src/obj/objlock.rs"]
pub mod objlock;

/// Publication of growable storage to lock-free readers (`vm/src/obj/publish.rs`).
#[path = "../../vm/src/obj/publish.rs"]
pub mod publish;

/// Termination detection of the parallel copying workers (`gc-parallel/src/terminate.rs`).
#[path = "../../gc-parallel/src/terminate.rs"]
pub mod terminate;
