//! hotpy's virtual machine: front end, compiler, instruction spec, object model and
//! interpreter.
//!
//! Data flows source -> parser (ruff_python_parser) -> compiler (`compiler`) -> code
//! units run by the base interpreter. Objects live on the `gc-parallel` heap, laid out
//! as described in `obj::layout`.
//!
//! Concurrency primitives (`obj::objlock`, `obj::publish`) are leaf modules that reach
//! atomics only through `sync`, so `loom-tests` can check the same files under loom.
pub mod bootstrap;
pub mod builtins;
pub mod builtins_more;
pub mod compiler;
pub mod interp;
pub mod modules;
pub mod num;
pub mod obj;
pub mod ops;
pub mod runtime;
pub mod spec;
mod sync;
pub mod text;
pub mod types;
pub mod value;
