//! The `time` module (work in progress).
//!
//! What must hold: behaviour matches CPython 3.11's module of the same name.

use crate::interp::state::{PyResult, Vm};
use crate::value::Value;

/// Creates the module object.
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    vm.new_module_named("time")
}
