//! Numeric algorithms shared by the number types, independent of the object model:
//! formatting (`fmt`), int and float arithmetic with CPython's rules and messages
//! (`int`, `float`), complex arithmetic and parsing (`complex`), numeric hashes
//! (`hash`), the `math` module's computations (`math`) and the Mersenne Twister
//! behind `random` (`mt`).
//!
//! What must hold: every function returns a `NumResult` (or a plain value) and never
//! panics on any input; the object layer only converts `NumError`s into exceptions.

pub mod complex;
pub mod float;
pub mod fmt;
pub mod hash;
pub mod int;
pub mod math;
pub mod mt;
