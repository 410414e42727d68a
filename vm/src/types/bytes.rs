//! `bytes` and `bytearray` (work in progress).
//!
//! What must hold: see `slots.rs` for the slot contract.

use crate::interp::state::{PyResult, Vm};
use crate::runtime::ExcKind;
use crate::value::Value;

/// `str(obj, encoding, errors)`.
pub fn decode(
    vm: &mut Vm,
    _obj: Value,
    _enc: Option<Value>,
    _errors: Option<Value>,
) -> PyResult<Value> {
    Err(vm.raise_msg(
        ExcKind::NotImplementedError,
        "decoding is not implemented yet",
    ))
}

pub fn init(_vm: &mut Vm) -> PyResult<()> {
    Ok(())
}
