//! The object protocols the interpreter and the built-in types share: attributes,
//! operators, conversions, iteration, exceptions, functions, imports and patterns.

pub mod arith;
pub mod attr;
pub mod exc;
pub mod func;
pub mod import;
pub mod pattern;
pub mod proto;
