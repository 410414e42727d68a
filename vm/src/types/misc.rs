//! Small built-in types: None, NotImplemented, Ellipsis, module, traceback, cell.
//!
//! What must hold: the singletons are unique; `type(None)()` returns None.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::slots::TypeOps;
use crate::value::Value;
use std::sync::atomic::Ordering;

fn none_repr(vm: &mut Vm, _v: Value) -> PyResult<Value> {
    vm.new_str("None")
}
fn none_bool(_vm: &mut Vm, _v: Value) -> PyResult<bool> {
    Ok(false)
}
fn none_new(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(g().none)
}
fn ni_repr(vm: &mut Vm, _v: Value) -> PyResult<Value> {
    vm.new_str("NotImplemented")
}
fn ni_new(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(g().not_implemented)
}
fn ell_repr(vm: &mut Vm, _v: Value) -> PyResult<Value> {
    vm.new_str("Ellipsis")
}
fn ell_new(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(g().ellipsis)
}

fn module_repr(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let d = vm.dict_of(m);
    let name = vm.dict_get(d, g().names.__name__)?;
    let name = match name {
        Some(n) if crate::types::str::is_str(n) => str_val(n).to_string(),
        _ => "?".to_string(),
    };
    let file = vm.dict_get(d, g().names.__file__)?;
    let s = match file {
        Some(f) if crate::types::str::is_str(f) => {
            format!("<module '{}' from '{}'>", name, str_val(f))
        }
        _ => format!("<module '{}' (built-in)>", name),
    };
    vm.new_str(&s)
}

fn module_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = a.opt(1).or_else(|| a.kw("name"));
    let Some(name) = name else {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "module() missing required argument 'name' (pos 1)",
        ));
    };
    let s = str_val(name).to_string();
    let m = vm.new_module_named(&s)?;
    if a.get(0) != ty(T::Module) {
        header(m).ty.set(a.get(0));
    }
    if let Some(doc) = a.opt(2).or_else(|| a.kw("doc")) {
        let d = vm.dict_of(m);
        vm.dict_set(d, g().names.__doc__, doc)?;
    }
    Ok(m)
}

fn module_init(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(g().none)
}

fn module_dict(vm: &mut Vm, m: Value) -> PyResult<Value> {
    Ok(vm.dict_of(m))
}

fn rec(v: Value) -> &'static RecordObj {
    // SAFETY: traceback objects are records.
    unsafe { obj::<RecordObj>(v) }
}

fn tb_next(_vm: &mut Vm, t: Value) -> PyResult<Value> {
    let n = rec(t).s[0].get();
    Ok(if n.is_null() { g().none } else { n })
}
fn tb_lineno(vm: &mut Vm, t: Value) -> PyResult<Value> {
    vm.new_int(rec(t).a.load(Ordering::Relaxed))
}
fn tb_code(_vm: &mut Vm, t: Value) -> PyResult<Value> {
    Ok(rec(t).s[1].get())
}

fn sl(v: Value) -> &'static SliceObj {
    // SAFETY: slice objects are kind Slice.
    unsafe { obj::<SliceObj>(v) }
}

fn slice_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let none = g().none;
    let (start, stop, step) = match a.len() {
        2 => (none, a.get(1), none),
        3 => (a.get(1), a.get(2), none),
        4 => (a.get(1), a.get(2), a.get(3)),
        n => {
            let msg = if n < 2 {
                "slice expected at least 1 argument, got 0".to_string()
            } else {
                format!("slice expected at most 3 arguments, got {}", n - 1)
            };
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    };
    vm.new_slice(start, stop, step)
}

fn slice_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let o = sl(v);
    let a = vm.repr_string(o.start.get())?;
    let b = vm.repr_string(o.stop.get())?;
    let c = vm.repr_string(o.step.get())?;
    vm.new_str(&format!("slice({a}, {b}, {c})"))
}

fn slice_richcmp(vm: &mut Vm, a: Value, b: Value, op: crate::spec::CmpOp) -> PyResult<Value> {
    if !(b.is_ptr() && kind_of(b) == Kind::Slice) {
        return Ok(g().not_implemented);
    }
    let x = [sl(a).start.get(), sl(a).stop.get(), sl(a).step.get()];
    let y = [sl(b).start.get(), sl(b).stop.get(), sl(b).step.get()];
    let r = crate::types::tuple::seq_compare(vm, &x, &y, op)?;
    Ok(vm.bool_val(r))
}

fn slice_hash(vm: &mut Vm, _v: Value) -> PyResult<i64> {
    Err(vm.raise_msg(ExcKind::TypeError, "unhashable type: 'slice'"))
}

fn slice_start(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(sl(v).start.get())
}
fn slice_stop(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(sl(v).stop.get())
}
fn slice_step(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(sl(v).step.get())
}

fn slice_indices_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = vm.index_i64(a.get(1))?;
    if n < 0 {
        return Err(vm.raise_msg(ExcKind::ValueError, "length should not be negative"));
    }
    let (start, stop, step, _) = crate::types::tuple::slice_indices(vm, a.get(0), n as usize)?;
    let (x, y, z) = (vm.new_int(start)?, vm.new_int(stop)?, vm.new_int(step)?);
    vm.new_tuple(&[x, y, z])
}

pub static SLICE_OPS: TypeOps = TypeOps {
    repr: Some(slice_repr),
    richcmp: Some(slice_richcmp),
    hash: Some(slice_hash),
    new: Some(slice_new),
    ..TypeOps::EMPTY
};

pub static NONE_OPS: TypeOps = TypeOps {
    repr: Some(none_repr),
    bool: Some(none_bool),
    new: Some(none_new),
    ..TypeOps::EMPTY
};
pub static NI_OPS: TypeOps = TypeOps {
    repr: Some(ni_repr),
    new: Some(ni_new),
    ..TypeOps::EMPTY
};
pub static ELL_OPS: TypeOps = TypeOps {
    repr: Some(ell_repr),
    new: Some(ell_new),
    ..TypeOps::EMPTY
};
pub static MODULE_OPS: TypeOps = TypeOps {
    repr: Some(module_repr),
    new: Some(module_new),
    init: Some(module_init),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    vm.install_slots(ty(T::NoneType), &NONE_OPS)?;
    vm.install_slots(ty(T::NotImplementedType), &NI_OPS)?;
    vm.install_slots(ty(T::Ellipsis), &ELL_OPS)?;
    let m = ty(T::Module);
    vm.install_slots(m, &MODULE_OPS)?;
    vm.def_getters(m, &[("__dict__", module_dict)])?;
    let s = ty(T::Slice);
    vm.install_slots(s, &SLICE_OPS)?;
    vm.def_getters(
        s,
        &[
            ("start", slice_start),
            ("stop", slice_stop),
            ("step", slice_step),
        ],
    )?;
    vm.def_methods(s, &[("indices", slice_indices_m)])?;
    let t = ty(T::Traceback);
    vm.def_getters(
        t,
        &[
            ("tb_next", tb_next),
            ("tb_lineno", tb_lineno),
            ("tb_code", tb_code),
        ],
    )?;
    Ok(())
}
