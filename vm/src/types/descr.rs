//! Descriptor types: `property`, `classmethod`, `staticmethod`, and the native
//! getset/member descriptors.
//!
//! What must hold: property and the native descriptors are data descriptors; class and
//! static methods are not (see `ops::attr::classify`).

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::record::*;
use crate::types::slots::TypeOps;
use crate::types::typeobj::type_name;
use crate::value::Value;

fn rec(v: Value) -> &'static RecordObj {
    // SAFETY: descriptor objects are records.
    unsafe { obj::<RecordObj>(v) }
}

fn arg_or_none(a: &Args, i: usize, name: &str) -> Value {
    a.opt(i).or_else(|| a.kw(name)).unwrap_or(g().none)
}

fn property_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    vm.new_record(
        cls,
        REC_PROPERTY,
        [g().none, g().none, g().none, g().none],
        0,
        0,
    )
}

fn property_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = a.get(0);
    let r = rec(p);
    let fget = arg_or_none(a, 1, "fget");
    r.s[0].set(fget);
    r.s[1].set(arg_or_none(a, 2, "fset"));
    r.s[2].set(arg_or_none(a, 3, "fdel"));
    let mut doc = arg_or_none(a, 4, "doc");
    if doc == g().none && fget != g().none {
        if let Some(d) = vm.getattr_opt(fget, g().names.__doc__)? {
            doc = d;
        }
        vm.exc = Value::NULL;
    }
    r.s[3].set(doc);
    Ok(g().none)
}

fn property_copy(vm: &mut Vm, p: Value, which: usize, f: Value) -> PyResult<Value> {
    let r = rec(p);
    let mut s = [r.s[0].get(), r.s[1].get(), r.s[2].get(), r.s[3].get()];
    s[which] = f;
    let typ = crate::types::typeobj::type_of(p);
    let named = r.a.load(std::sync::atomic::Ordering::Relaxed);
    vm.new_record(typ, REC_PROPERTY, s, named, 0)
}

/// `property.__set_name__`: marks the property as named (its `a` word), so that a
/// missing setter or deleter is reported with the attribute's name, as CPython does.
fn property_set_name(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let _ = rec(a.get(0)).a.compare_exchange(
        0,
        1,
        std::sync::atomic::Ordering::Relaxed,
        std::sync::atomic::Ordering::Relaxed,
    );
    Ok(g().none)
}

/// The `a` word of a struct-sequence field (a read-only member in CPython).
pub const PROPERTY_READONLY_FIELD: i64 = 2;

/// The message for assigning or deleting through a property that lacks the function.
pub fn property_missing_message(p: Value, name: &str, owner: &str, what: &str) -> String {
    match rec(p).a.load(std::sync::atomic::Ordering::Relaxed) {
        0 => format!("property of '{owner}' object has no {what}"),
        PROPERTY_READONLY_FIELD => "readonly attribute".to_string(),
        _ => format!("property '{name}' of '{owner}' object has no {what}"),
    }
}

fn property_getter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    property_copy(vm, a.get(0), 0, a.get(1))
}
fn property_setter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    property_copy(vm, a.get(0), 1, a.get(1))
}
fn property_deleter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    property_copy(vm, a.get(0), 2, a.get(1))
}

fn property_get(vm: &mut Vm, d: Value, o: Value, t: Value) -> PyResult<Value> {
    vm.descr_get(d, o, t)
}

fn property_set(vm: &mut Vm, d: Value, o: Value, v: Value) -> PyResult<()> {
    let r = rec(d);
    let f = if v.is_null() {
        r.s[2].get()
    } else {
        r.s[1].get()
    };
    if f == g().none || f.is_null() {
        let what = if v.is_null() {
            "can't delete attribute"
        } else {
            "can't set attribute"
        };
        return Err(vm.raise_msg(ExcKind::AttributeError, what));
    }
    if v.is_null() {
        vm.call(f, &[o])?;
    } else {
        vm.call(f, &[o, v])?;
    }
    Ok(())
}

fn p_fget(_vm: &mut Vm, p: Value) -> PyResult<Value> {
    Ok(rec(p).s[0].get())
}
fn p_fset(_vm: &mut Vm, p: Value) -> PyResult<Value> {
    Ok(rec(p).s[1].get())
}
fn p_fdel(_vm: &mut Vm, p: Value) -> PyResult<Value> {
    Ok(rec(p).s[2].get())
}
fn p_doc(_vm: &mut Vm, p: Value) -> PyResult<Value> {
    Ok(rec(p).s[3].get())
}
fn p_isabstract(vm: &mut Vm, p: Value) -> PyResult<Value> {
    for i in 0..3 {
        let f = rec(p).s[i].get();
        if f != g().none {
            if let Some(v) = vm.getattr_opt(f, g().names.__isabstractmethod__)? {
                if vm.truthy(v)? {
                    return Ok(g().true_);
                }
            }
            vm.exc = Value::NULL;
        }
    }
    Ok(g().false_)
}

fn wrapper_new(vm: &mut Vm, a: &Args, kind: u8) -> PyResult<Value> {
    let cls = a.get(0);
    if a.len() != 2 {
        let msg = format!(
            "{} expected 1 argument, got {}",
            type_name(cls),
            a.len().saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    vm.new_record(
        cls,
        kind,
        [a.get(1), Value::NULL, Value::NULL, Value::NULL],
        0,
        0,
    )
}

fn classmethod_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper_new(vm, a, REC_CLASSMETHOD)
}
fn staticmethod_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    wrapper_new(vm, a, REC_STATICMETHOD)
}
fn wrapper_init(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(g().none)
}
fn wrapped_func(_vm: &mut Vm, w: Value) -> PyResult<Value> {
    Ok(rec(w).s[0].get())
}
fn wrapper_get(vm: &mut Vm, d: Value, o: Value, t: Value) -> PyResult<Value> {
    vm.descr_get(d, o, t)
}
fn wrapper_isabstract(vm: &mut Vm, w: Value) -> PyResult<Value> {
    let f = rec(w).s[0].get();
    match vm.getattr_opt(f, g().names.__isabstractmethod__)? {
        Some(v) => Ok(v),
        None => {
            vm.exc = Value::NULL;
            Ok(g().false_)
        }
    }
}
fn staticmethod_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = rec(a.get(0)).s[0].get();
    let n = a.len() + a.nkw();
    let args: Vec<Value> = (1..n).map(|i| a.get(i)).collect();
    vm.call_kw(f, &args, a.kwnames)
}

fn getset_get(vm: &mut Vm, d: Value, o: Value, t: Value) -> PyResult<Value> {
    vm.descr_get(d, o, t)
}

fn getset_repr(vm: &mut Vm, d: Value) -> PyResult<Value> {
    let r = rec(d);
    let s = format!(
        "<attribute '{}' of '{}' objects>",
        str_val(r.s[0].get()),
        type_name(r.s[1].get())
    );
    vm.new_str(&s)
}

fn member_repr(vm: &mut Vm, d: Value) -> PyResult<Value> {
    let r = rec(d);
    let s = format!(
        "<member '{}' of '{}' objects>",
        str_val(r.s[0].get()),
        type_name(r.s[1].get())
    );
    vm.new_str(&s)
}

pub static PROPERTY_OPS: TypeOps = TypeOps {
    new: Some(property_new),
    init: Some(property_init),
    descr_get: Some(property_get),
    descr_set: Some(property_set),
    ..TypeOps::EMPTY
};
pub static CLASSMETHOD_OPS: TypeOps = TypeOps {
    new: Some(classmethod_new),
    init: Some(wrapper_init),
    descr_get: Some(wrapper_get),
    ..TypeOps::EMPTY
};
pub static STATICMETHOD_OPS: TypeOps = TypeOps {
    new: Some(staticmethod_new),
    init: Some(wrapper_init),
    descr_get: Some(wrapper_get),
    call: Some(staticmethod_call),
    ..TypeOps::EMPTY
};
pub static GETSET_OPS: TypeOps = TypeOps {
    repr: Some(getset_repr),
    descr_get: Some(getset_get),
    ..TypeOps::EMPTY
};
pub static MEMBER_OPS: TypeOps = TypeOps {
    repr: Some(member_repr),
    descr_get: Some(getset_get),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let p = ty(T::Property);
    vm.install_slots(p, &PROPERTY_OPS)?;
    vm.def_methods(
        p,
        &[
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__set_name__", property_set_name),
        ],
    )?;
    vm.def_getters(
        p,
        &[
            ("fget", p_fget),
            ("fset", p_fset),
            ("fdel", p_fdel),
            ("__doc__", p_doc),
            ("__isabstractmethod__", p_isabstract),
        ],
    )?;
    for (t, ops) in [
        (T::ClassMethod, &CLASSMETHOD_OPS),
        (T::StaticMethod, &STATICMETHOD_OPS),
    ] {
        let tv = ty(t);
        vm.install_slots(tv, ops)?;
        vm.def_getters(
            tv,
            &[
                ("__func__", wrapped_func),
                ("__wrapped__", wrapped_func),
                ("__isabstractmethod__", wrapper_isabstract),
            ],
        )?;
    }
    vm.install_slots(ty(T::GetSetDescriptor), &GETSET_OPS)?;
    vm.install_slots(ty(T::MemberDescriptor), &MEMBER_OPS)?;
    Ok(())
}
