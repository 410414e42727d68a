//! Struct sequences (`sys.version_info`, `sys.float_info`, `time.struct_time`...): tuple
//! subclasses whose items are also readable by name.
//!
//! The type is a heap subclass of `tuple` made with `type_new`; each field is a
//! `property` whose getter is a built-in function bound to the field's index (a small
//! int receiver), so reading `v.major` is `v[0]`. `__match_args__` holds the field
//! names; `__repr__` prints `module.name(field=value, ...)`.
//!
//! What must hold: instances are real tuples (`Kind::Tuple`), so comparison, slicing
//! and unpacking are the tuple type's.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::record::REC_PROPERTY;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

fn field_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 2 {
        return Err(vm.raise_msg(ExcKind::TypeError, "expected 1 argument"));
    }
    let i = a.get(0);
    let o = a.get(1);
    let is_tuple = o.is_ptr() && kind_of(o) == Kind::Tuple;
    if !is_tuple || !i.is_small_int() {
        return Err(vm.raise_msg(ExcKind::TypeError, "struct sequence field of a non-tuple"));
    }
    let s = tuple_slots(o);
    match s.get(i.as_small() as usize) {
        Some(v) => Ok(v.get()),
        None => Ok(g().none),
    }
}

fn structseq_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = a.get(0);
    let typ = type_of(o);
    let nm = vm.intern("__match_args__")?;
    let fields = vm.getattr(typ, nm)?;
    let fields = vm.to_vec(fields)?;
    let module = vm.getattr(typ, g().names.__module__)?;
    let mut s = String::new();
    if crate::types::str::is_str(module) && str_val(module) != "builtins" {
        s.push_str(str_val(module));
        s.push('.');
    }
    s.push_str(type_name(typ));
    s.push('(');
    let items: Vec<Value> = if o.is_ptr() && kind_of(o) == Kind::Tuple {
        tuple_slots(o).iter().map(|x| x.get()).collect()
    } else {
        Vec::new()
    };
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        if let Some(f) = fields.get(i) {
            s.push_str(&vm.str_string(*f)?);
            s.push('=');
        }
        s.push_str(&vm.repr_string(*v)?);
    }
    s.push(')');
    vm.new_str(&s)
}

/// A new struct sequence type `module.name` with these fields.
pub fn new_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult<Value> {
    let ns = vm.new_dict()?;
    let m = vm.new_str(module)?;
    vm.dict_set(ns, g().names.__module__, m)?;
    let empty = vm.new_tuple(&[])?;
    let slots = vm.intern("__slots__")?;
    vm.dict_set(ns, slots, empty)?;
    let mut names = Vec::with_capacity(fields.len());
    for (i, f) in fields.iter().enumerate() {
        let fname = vm.intern(f)?;
        names.push(fname);
        let getter = vm.new_native(fname, field_get, Value::NULL, Value::small(i as i64), false)?;
        let p = vm.new_record(
            ty(T::Property),
            REC_PROPERTY,
            [getter, Value::NULL, Value::NULL, g().none],
            crate::types::descr::PROPERTY_READONLY_FIELD,
            0,
        )?;
        vm.dict_set(ns, fname, p)?;
    }
    let ma = vm.new_tuple(&names)?;
    let k = vm.intern("__match_args__")?;
    vm.dict_set(ns, k, ma)?;
    for k in ["n_sequence_fields", "n_fields"] {
        let kk = vm.intern(k)?;
        vm.dict_set(ns, kk, Value::small(fields.len() as i64))?;
    }
    let kk = vm.intern("n_unnamed_fields")?;
    vm.dict_set(ns, kk, Value::small(0))?;
    let n = vm.intern(name)?;
    let bases = vm.new_tuple(&[ty(T::Tuple)])?;
    let typ = crate::types::usertype::type_new(vm, ty(T::Type), n, bases, ns)?;
    vm.def_method(typ, "__repr__", structseq_repr)?;
    Ok(typ)
}

/// An instance of struct sequence type `typ`.
pub fn new(vm: &mut Vm, typ: Value, values: &[Value]) -> PyResult<Value> {
    let t = vm.new_tuple_n(values.len(), typ)?;
    for (s, v) in tuple_slots(t).iter().zip(values) {
        s.set(*v);
    }
    Ok(t)
}

/// Shorthand: a one-off struct sequence value.
pub fn make(vm: &mut Vm, module: &str, name: &str, fields: &[(&str, Value)]) -> PyResult<Value> {
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    let typ = new_type(vm, module, name, &names)?;
    let vals: Vec<Value> = fields.iter().map(|(_, v)| *v).collect();
    new(vm, typ, &vals)
}
