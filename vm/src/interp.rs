//! The interpreter. Only the caches are wired in so far (see `lib.rs`).

pub mod cache;
