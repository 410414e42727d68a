//! hotpy's virtual machine: front end, compiler, instruction spec, object model and
//! interpreter.
//!
//! Data flows source -> parser (ruff_python_parser) -> compiler (`compiler`) -> code
//! units run by the base interpreter. Objects live on the `gc-parallel` heap, laid out
//! as described in `obj::layout`.
//!
//! Status: the value word, the instruction spec, the compiler's output types and the
//! object layout are wired in. The interpreter (`interp/{state,call,run,handlers}.rs`),
//! the runtime tables (`runtime.rs`) and the built-in types (`types/`, `obj/alloc.rs`)
//! are in progress and not yet part of the module tree (issue 2).

pub mod compiler;
pub mod interp;
pub mod num;
pub mod obj;
pub mod spec;
pub mod value;
