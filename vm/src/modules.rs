//! Native modules (`sys`, `math`, `time`, `random`, `gc`...) and hotpy's own library
//! modules written in Python (built into the executable).
//!
//! What must hold: `sys` exists from start-up (the CLI fills `argv` and `path`); other
//! native modules are created on first import and cached in `sys.modules`.

use crate::interp::state::{PyResult, Vm};
use crate::runtime::g;
use crate::value::Value;

pub mod gc;
pub mod math;
pub mod random;
pub mod sys;
pub mod time;

/// Creates the modules that exist from start-up (`builtins`, `sys`).
pub fn init_core(vm: &mut Vm) -> PyResult<()> {
    let k = vm.intern("builtins")?;
    vm.dict_set(g().sys_modules, k, g().builtins)?;
    let k = vm.intern("sys")?;
    vm.dict_set(g().sys_modules, k, g().sys)?;
    sys::init(vm)
}

/// The native module `name`, created on first import; `None` if there is no such module.
pub fn native_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = match name {
        "math" => math::make(vm)?,
        "random" => random::make(vm)?,
        "time" => time::make(vm)?,
        "gc" => gc::make(vm)?,
        _ => return Ok(None),
    };
    Ok(Some(m))
}

/// Source of a library module written in Python and shipped inside hotpy.
pub fn library_source(_name: &str) -> Option<&'static str> {
    None
}

/// `sys.stdout` when a program replaced it (NULL while it is the original stream).
pub fn sys_stdout(_vm: &mut Vm) -> PyResult<Value> {
    Ok(Value::NULL)
}
