//! `super`: a record (REC_SUPER) with s0 = the class named in the call (where the MRO
//! search starts, exclusive), s1 = the object (NULL for an unbound `super(T)`), s2 =
//! the type whose MRO is searched (`type(obj)`, or `obj` itself when it is a class).
//!
//! `super()` with no arguments reads the calling frame (`vm.frames.last()`: natives
//! push no frame): its first argument (through its cell when a closure captured it)
//! and its `__class__` free variable, found by name. Attribute lookup is a native
//! `__getattribute__` (the type has `TF_CUSTOM_GETATTR`): it walks the MRO of s2 after
//! s0, looking in each class's own dict, and binds what it finds with `__get__(obj,
//! s2)` (obj NULL when the object is the class itself, so classmethods bind to it).
//!
//! What must hold: names not found along the MRO fall back to the super object's own
//! attributes (`__class__`, `__thisclass__`, `__self__`, `__self_class__`).

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::record::REC_SUPER;
use crate::types::slots::TypeOps;
use crate::types::typeobj::{is_subtype, is_type, isinstance, mro, t, type_name, type_of};
use crate::value::Value;
use std::sync::atomic::Ordering;

fn rec(v: Value) -> &'static RecordObj {
    // SAFETY: super objects are records (checked by `is_super`).
    unsafe { obj::<RecordObj>(v) }
}

fn is_super(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Record && header(v).rec_kind == REC_SUPER
}

/// The type whose MRO `super(typ, o)` searches.
fn check_obj(vm: &mut Vm, typ: Value, o: Value) -> PyResult<Value> {
    if is_type(o) && is_subtype(o, typ) {
        return Ok(o);
    }
    if isinstance(o, typ) {
        return Ok(type_of(o));
    }
    // A proxy whose `__class__` claims to be a subclass.
    if let Some(c) = vm.getattr_opt(o, g().names.__class__)? {
        if is_type(c) && c != type_of(o) && is_subtype(c, typ) {
            return Ok(c);
        }
    }
    vm.exc = Value::NULL;
    Err(vm.raise_msg(
        ExcKind::TypeError,
        "super(type, obj): obj must be an instance or subtype of type",
    ))
}

/// `(class, first argument)` of the calling function for `super()`.
fn implicit_args(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(f) = vm.frames.last() else {
        return Err(vm.raise_msg(ExcKind::RuntimeError, "super(): no arguments"));
    };
    let info = f.info();
    let base = f.base;
    if info.unit.argcount == 0 && info.unit.flags & crate::spec::co::VARARGS == 0 {
        return Err(vm.raise_msg(ExcKind::RuntimeError, "super(): no arguments"));
    }
    let nv = info.unit.varnames.len();
    let cell_of_arg0 = info.cell2arg.iter().position(|a| *a == Some(0));
    let first = match cell_of_arg0 {
        Some(j) => {
            let c = vm.at(base + nv + j);
            if c.is_ptr() && kind_of(c) == Kind::Cell {
                // SAFETY: kind checked.
                unsafe { obj::<CellObj>(c) }.value.get()
            } else {
                Value::NULL
            }
        }
        None => vm.at(base),
    };
    if first.is_null() {
        return Err(vm.raise_msg(ExcKind::RuntimeError, "super(): arg[0] deleted"));
    }
    let ncell = info.unit.cellvars.len();
    let class_name = g().names.__class__;
    let pos = info
        .localsplus_names
        .iter()
        .enumerate()
        .skip(nv + ncell)
        .find(|(_, n)| **n == class_name || str_val(**n) == "__class__")
        .map(|(i, _)| i);
    let Some(i) = pos else {
        return Err(vm.raise_msg(ExcKind::RuntimeError, "super(): __class__ cell not found"));
    };
    let c = vm.at(base + i);
    let cls = if c.is_ptr() && kind_of(c) == Kind::Cell {
        // SAFETY: kind checked.
        unsafe { obj::<CellObj>(c) }.value.get()
    } else {
        c
    };
    if cls.is_null() {
        return Err(vm.raise_msg(ExcKind::RuntimeError, "super(): empty __class__ cell"));
    }
    if !is_type(cls) {
        let msg = format!(
            "super(): __class__ is not a type ({})",
            type_name(type_of(cls))
        );
        return Err(vm.raise_msg(ExcKind::RuntimeError, &msg));
    }
    Ok((cls, first))
}

fn super_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "super() takes no keyword arguments"));
    }
    let (typ, o) = match a.len() {
        1 => implicit_args(vm)?,
        2 => (a.get(1), Value::NULL),
        3 => (a.get(1), a.get(2)),
        n => {
            let msg = format!("super() takes at most 2 arguments ({} given)", n - 1);
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    };
    if !is_type(typ) {
        let msg = format!(
            "super() argument 1 must be a type, not {}",
            type_name(type_of(typ))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let (o, ot) = if o.is_null() {
        (Value::NULL, Value::NULL)
    } else {
        let ot = check_obj(vm, typ, o)?;
        (o, ot)
    };
    let st = if is_type(cls) && cls != ty(T::Super) && is_subtype(cls, ty(T::Super)) {
        cls
    } else {
        ty(T::Super)
    };
    vm.new_record(st, REC_SUPER, [typ, o, ot, Value::NULL], 0, 0)
}

fn super_init(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(g().none)
}

/// Looks `name` up along the MRO of s2 after s0 and binds it.
fn super_lookup(vm: &mut Vm, s: Value, name: Value) -> PyResult<Option<Value>> {
    let r = rec(s);
    let (start, o, ot) = (r.s[0].get(), r.s[1].get(), r.s[2].get());
    if ot.is_null() || str_val(name) == "__class__" {
        return Ok(None);
    }
    let m: Vec<Value> = mro(ot).iter().map(|x| x.get()).collect();
    let Some(i) = m.iter().position(|x| *x == start) else {
        return Ok(None);
    };
    for c in &m[i + 1..] {
        let d = t(*c).dict.get();
        if let Some(v) = vm.dict_get(d, name)? {
            let inst = if o == ot { Value::NULL } else { o };
            return vm.descr_get(v, inst, ot).map(Some);
        }
    }
    Ok(None)
}

fn super_getattribute(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 2 {
        let msg = format!("expected 1 argument, got {}", a.len().saturating_sub(1));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let s = a.get(0);
    let name = a.get(1);
    if !crate::types::str::is_str(name) {
        let msg = format!(
            "attribute name must be string, not '{}'",
            type_name(type_of(name))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let name = vm.intern_value(name)?;
    if is_super(s) {
        if let Some(v) = super_lookup(vm, s, name)? {
            return Ok(v);
        }
    }
    match vm.generic_getattr(s, name, type_of(s))? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(s, name)),
    }
}

fn super_repr(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let r = rec(s);
    let tr = format!("<class '{}'>", type_name(r.s[0].get()));
    let ot = r.s[2].get();
    let txt = if ot.is_null() {
        format!("<super: {tr}, NULL>")
    } else {
        format!("<super: {tr}, <{} object>>", type_name(ot))
    };
    vm.new_str(&txt)
}

fn or_none(v: Value) -> Value {
    if v.is_null() {
        g().none
    } else {
        v
    }
}

fn g_thisclass(_vm: &mut Vm, s: Value) -> PyResult<Value> {
    Ok(or_none(rec(s).s[0].get()))
}

fn g_self(_vm: &mut Vm, s: Value) -> PyResult<Value> {
    Ok(or_none(rec(s).s[1].get()))
}

fn g_self_class(_vm: &mut Vm, s: Value) -> PyResult<Value> {
    Ok(or_none(rec(s).s[2].get()))
}

/// `super(T).__get__(obj)`: binds an unbound super to `obj`.
fn super_get(vm: &mut Vm, s: Value, o: Value, _typ: Value) -> PyResult<Value> {
    let r = rec(s);
    if o.is_null() || o == g().none || !r.s[1].get().is_null() {
        return Ok(s);
    }
    let start = r.s[0].get();
    let ot = check_obj(vm, start, o)?;
    vm.new_record(ty(T::Super), REC_SUPER, [start, o, ot, Value::NULL], 0, 0)
}

static SUPER_OPS: TypeOps = TypeOps {
    repr: Some(super_repr),
    new: Some(super_new),
    init: Some(super_init),
    descr_get: Some(super_get),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let st = ty(T::Super);
    vm.install_slots(st, &SUPER_OPS)?;
    vm.def_method(st, "__getattribute__", super_getattribute)?;
    vm.def_getters(
        st,
        &[
            ("__thisclass__", g_thisclass),
            ("__self__", g_self),
            ("__self_class__", g_self_class),
        ],
    )?;
    // Last: defining dunders above recomputes the flags.
    t(st)
        .type_flags
        .fetch_or(crate::types::typeobj::TF_CUSTOM_GETATTR, Ordering::Relaxed);
    Ok(())
}
