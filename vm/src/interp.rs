//! The base interpreter: per-thread state, calls, the run loop, instruction handlers,
//! generators and inline caches.

pub mod cache;
pub mod call;
pub mod gen;
pub mod handlers;
pub mod quicken;
pub mod run;
pub mod safepoint;
pub mod source;
pub mod state;
pub mod stats;
