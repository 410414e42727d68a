//! `str % args` (printf-style formatting), driven by `text::percent` once it lands.
//!
//! What must hold: errors carry CPython's exception types and messages.

use crate::interp::state::{PyResult, Vm};
use crate::runtime::ExcKind;
use crate::value::Value;

pub fn percent_format(vm: &mut Vm, _fmt: Value, _args: Value) -> PyResult<Value> {
    Err(vm.raise_msg(ExcKind::NotImplementedError, "str % is not implemented yet"))
}
