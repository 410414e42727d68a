//! Numeric helpers shared by the number types: formatting with CPython's rules.

pub mod fmt;
