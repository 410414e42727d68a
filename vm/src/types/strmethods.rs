//! The methods of `str` (split, strip, find, replace, format...).
//!
//! What must hold: indices are code-point indices; behaviour matches CPython 3.11.

use crate::interp::state::{PyResult, Vm};
use crate::value::Value;

pub fn init(_vm: &mut Vm, _t: Value) -> PyResult<()> {
    Ok(())
}
