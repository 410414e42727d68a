//! Pure text algorithms behind `str`, `bytes` and `bytearray`: searching, splitting,
//! case mapping, reprs, `%`-formatting, `str.format` templates and the built-in codecs.
//!
//! Nothing here knows the VM's objects: functions take `&str`/`&[u8]` and return Rust
//! values or a `TextError` naming the Python exception and CPython's message. The VM's
//! type modules (`types::str`, `types::bytes`, ...) wrap them; where a function needs
//! objects (`%` arguments, `format` fields) it goes through a trait the VM implements.
//!
//! What must hold: every function returns what CPython 3.11 returns and never panics.

pub mod bytesmethods;
pub mod case_tables;
pub mod codecs;
pub mod error;
pub mod format;
pub mod indices;
pub mod percent;
pub mod repr;
pub mod strcase;
pub mod strmethods;
pub mod unicode;
pub mod unicode_tables;
