//! The `range` type (work in progress: operators and methods are being filled in).
//!
//! What must hold: see `slots.rs` for the slot contract.

use crate::interp::state::{PyResult, Vm};

pub fn init(_vm: &mut Vm) -> PyResult<()> {
    Ok(())
}
