//! The compiler: AST to code units (see `compiler/code.rs` for the output format).

pub mod code;
