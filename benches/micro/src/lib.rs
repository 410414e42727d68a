//! Criterion micro-benchmarks of hotpy's building blocks; the code is in `benches/`.
//!
//! How it works: `cargo bench -p micro-benches` runs
//! - `benches/gc.rs`: `Mutator::alloc` of small objects, and a collection of a fixed
//!   heap (a chain of small objects), on gc-parallel's own mock object model (the one
//!   its tests use, included by path);
//! - `benches/vm.rs`: dict get and set through the vm's Rust API, and an attribute load
//!   in a Python loop run by the vm;
//! - `benches/objlock.rs`: the object write lock, uncontended and contended by two
//!   threads.
//!
//! This library is empty so that `cargo test` builds nothing here. What must hold: no benchmark keeps a heap reference across a
//! point where the vm may collect (see `benches/vm.rs`).
