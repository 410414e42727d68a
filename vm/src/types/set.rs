//! `set` and `frozenset` (work in progress).
//!
//! What must hold: see `slots.rs` for the slot contract.

use crate::interp::state::{PyResult, Vm};
use crate::runtime::ExcKind;
use crate::value::Value;

impl Vm {
    pub fn new_set(&mut self, _frozen: bool) -> PyResult<Value> {
        Err(self.raise_msg(ExcKind::NotImplementedError, "sets are not implemented yet"))
    }
    pub fn set_add(&mut self, _s: Value, _x: Value) -> PyResult<()> {
        Err(self.raise_msg(ExcKind::NotImplementedError, "sets are not implemented yet"))
    }
    pub fn set_update(&mut self, _s: Value, _it: Value) -> PyResult<()> {
        Err(self.raise_msg(ExcKind::NotImplementedError, "sets are not implemented yet"))
    }
}

pub fn init(_vm: &mut Vm) -> PyResult<()> {
    Ok(())
}
