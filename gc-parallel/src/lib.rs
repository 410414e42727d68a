//! gc-parallel: the hotpy heap. Chunked memory, per-thread bump allocation and a copying
//! collector that knows nothing of Python.
//!
//! How it fits together: `heap` (the `Heap` handle, `Mutator` allocation contexts and the
//! shared state behind one mutex), `chunk` (raw memory blocks and their pool), `collector`
//! (Cheney-style evacuation), `forward` (the header-word state machine the copying race
//! runs on; also checked by loom in `loom-tests`), `safepoint` (the stop-the-world
//! handshake between mutator threads and the collecting thread; also checked by loom),
//! `sync` (the only source of atomics and locks for the primitives), `object` (the traits
//! the VM implements) and `stats`.
//!
//! What must hold: see `docs/gc-api.md` for the contract with the VM; each module's own
//! comment states its invariants. Collections happen only when the caller says so
//! (stop-the-world, every mutator flushed); allocation never collects.

#![warn(clippy::undocumented_unsafe_blocks)]
#![deny(unsafe_op_in_unsafe_fn)]

mod chunk;
mod collector;
pub mod forward;
mod heap;
mod object;
pub mod safepoint;
pub mod stats;
mod sync;
pub mod terminate;

pub use heap::{
    AllocError, Heap, HeapConfig, Mutator, MAX_CHUNK_SIZE, MIN_CHUNK_SIZE, MIN_OBJECT_SIZE,
};
pub use object::{is_pinned, object_size, GcHeader, ObjectModel, Tracer};
pub use safepoint::{
    Census, MutatorState, SafepointHandle, SafepointStats, Safepoints, WorldStopped,
};
pub use stats::{exact_quantile, CollectStats, HeapStats, PauseHistogram};
