//! The `sys` module.
//!
//! What must hold: `sys.modules` is the dict the import system uses (`g().sys_modules`).

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::runtime::{g, ExcKind};
use crate::value::Value;

fn sys_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args: Vec<Value> = (0..a.len()).map(|i| a.get(i)).collect();
    let t = crate::ops::exc::exc_type(ExcKind::SystemExit);
    let e = vm.call(t, &args)?;
    vm.exc = e;
    Err(crate::interp::state::Raised)
}

fn sys_getrecursionlimit(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_int(vm.recursion_limit as i64)
}

fn sys_setrecursionlimit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = vm.index_i64(a.get(0))?;
    if n < 1 {
        return Err(vm.raise_msg(
            ExcKind::ValueError,
            "recursion limit must be greater or equal than 1",
        ));
    }
    vm.recursion_limit = (n as usize).min(crate::interp::state::MAX_FRAMES);
    Ok(g().none)
}

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let d = vm.dict_of(g().sys);
    vm.def_module_fns(
        d,
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
        ],
    )?;
    let n = vm.new_str("sys")?;
    vm.dict_set(d, g().names.__name__, n)?;
    vm.dict_set(d, g().names.modules, g().sys_modules)?;
    let argv = vm.new_list(&[])?;
    vm.dict_set(d, g().names.argv, argv)?;
    let path = vm.new_list(&[])?;
    vm.dict_set(d, g().names.path, path)?;
    let maxsize = vm.intern("maxsize")?;
    let ms = vm.new_int(i64::MAX)?;
    vm.dict_set(d, maxsize, ms)?;
    let v = vm.intern("version")?;
    let vs = vm.new_str("3.11.7 (hotpy 0.1.0)")?;
    vm.dict_set(d, v, vs)?;
    Ok(())
}
