//! `memoryview` over `bytes` and `bytearray` (one dimension, format 'B').
//!
//! There is no built-in type slot for it, so the type is made at start-up with
//! `type_new` and given native methods. An instance is an object with five slots:
//! the exported object, the first index, the length, the step, and a flags int
//! (1 = read-only, 2 = released). Slicing makes a new view of the same object, so
//! writes through any view land in the bytearray.
//!
//! What must hold: every access re-checks the index against the object's current size
//! (a bytearray may shrink under a view; hotpy does not lock exports), so no access
//! goes out of bounds; a released view raises ValueError.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::record::REC_STATICMETHOD;
use crate::types::typeobj::{t, type_flags, type_name, type_of, TF_BASETYPE};
use crate::value::Value;
use std::sync::atomic::Ordering;

const F_READONLY: i64 = 1;
const F_RELEASED: i64 = 2;

struct View {
    obj: Value,
    start: i64,
    len: i64,
    step: i64,
    flags: i64,
}

fn small(v: Value) -> i64 {
    if v.is_small_int() {
        v.as_small()
    } else {
        0
    }
}

fn view(vm: &mut Vm, m: Value) -> PyResult<View> {
    let s = instance_slots(m);
    if s.len() < 5 {
        return Err(vm.raise_msg(ExcKind::TypeError, "not a memoryview"));
    }
    let v = View {
        obj: s[0].get(),
        start: small(s[1].get()),
        len: small(s[2].get()),
        step: small(s[3].get()),
        flags: small(s[4].get()),
    };
    if v.flags & F_RELEASED != 0 || v.obj.is_null() {
        return Err(vm.raise_msg(
            ExcKind::ValueError,
            "operation forbidden on released memoryview object",
        ));
    }
    Ok(v)
}

/// The current bytes of a bytes-like object (a copy).
fn data_of(v: Value) -> Option<Vec<u8>> {
    if !v.is_ptr() {
        return None;
    }
    match kind_of(v) {
        Kind::Bytes => Some(bytes_data(v).to_vec()),
        Kind::ByteArray => {
            // SAFETY: kind checked.
            let o = unsafe { obj::<ByteArrayObj>(v) };
            let n = load(&o.len);
            let buf = o.buf.get();
            if buf.is_null() {
                return Some(Vec::new());
            }
            let raw = raw_data(buf);
            Some(raw[..n.min(raw.len())].to_vec())
        }
        _ => None,
    }
}

/// The bytes a view shows.
fn contents(vm: &mut Vm, v: &View) -> PyResult<Vec<u8>> {
    let data = data_of(v.obj).unwrap_or_default();
    let mut out = Vec::with_capacity(v.len.max(0) as usize);
    for k in 0..v.len {
        let i = v.start + k * v.step;
        match usize::try_from(i).ok().and_then(|i| data.get(i)) {
            Some(b) => out.push(*b),
            None => {
                return Err(vm.raise_msg(
                    ExcKind::IndexError,
                    "memoryview: underlying buffer has shrunk",
                ))
            }
        }
    }
    Ok(out)
}

fn new_view(vm: &mut Vm, cls: Value, v: &View) -> PyResult<Value> {
    let m = crate::types::usertype::object_new_inst(vm, cls)?;
    let s = instance_slots(m);
    if s.len() < 5 {
        return Err(vm.raise_msg(ExcKind::SystemError, "memoryview layout"));
    }
    s[0].set(v.obj);
    s[1].set(Value::small(v.start));
    s[2].set(Value::small(v.len));
    s[3].set(Value::small(v.step));
    s[4].set(Value::small(v.flags));
    Ok(m)
}

fn mv_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let src = match (a.opt(1), a.kw("object")) {
        (Some(o), None) if a.len() == 2 => o,
        (None, Some(o)) => o,
        _ => {
            return Err(vm.raise_msg(
                ExcKind::TypeError,
                "memoryview() missing required argument 'object' (pos 1)",
            ))
        }
    };
    if type_of(src) == cls {
        let v = view(vm, src)?;
        return new_view(vm, cls, &v);
    }
    let (readonly, len) = match data_of(src) {
        Some(d) => (kind_of(src) == Kind::Bytes, d.len()),
        None => {
            let msg = format!(
                "memoryview: a bytes-like object is required, not '{}'",
                type_name(type_of(src))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    };
    let v = View {
        obj: src,
        start: 0,
        len: len as i64,
        step: 1,
        flags: if readonly { F_READONLY } else { 0 },
    };
    new_view(vm, cls, &v)
}

fn this(vm: &mut Vm, a: &Args) -> PyResult<(Value, View)> {
    let m = a.get(0);
    let v = view(vm, m)?;
    Ok((m, v))
}

fn mv_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, v) = this(vm, a)?;
    vm.new_int(v.len)
}

fn index_of(vm: &mut Vm, v: &View, k: Value) -> PyResult<i64> {
    let i = vm.index_i64(k)?;
    let j = if i < 0 { i + v.len } else { i };
    if j < 0 || j >= v.len {
        return Err(vm.raise_msg(ExcKind::IndexError, "index out of bounds on dimension 1"));
    }
    Ok(v.start + j * v.step)
}

fn is_slice(k: Value) -> bool {
    k.is_ptr() && kind_of(k) == Kind::Slice
}

fn sliced(vm: &mut Vm, v: &View, k: Value) -> PyResult<View> {
    let (start, _stop, step, n) = crate::types::tuple::slice_indices(vm, k, v.len as usize)?;
    Ok(View {
        obj: v.obj,
        start: v.start + start * v.step,
        len: n as i64,
        step: v.step * step,
        flags: v.flags,
    })
}

fn mv_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (m, v) = this(vm, a)?;
    let k = a.get(1);
    if is_slice(k) {
        let s = sliced(vm, &v, k)?;
        return new_view(vm, type_of(m), &s);
    }
    let i = index_of(vm, &v, k)?;
    let data = data_of(v.obj).unwrap_or_default();
    match usize::try_from(i).ok().and_then(|i| data.get(i)) {
        Some(b) => Ok(Value::small(*b as i64)),
        None => Err(vm.raise_msg(ExcKind::IndexError, "index out of bounds on dimension 1")),
    }
}

/// Writes `byte` at absolute index `i` of a bytearray.
fn store(vm: &mut Vm, target: Value, i: i64, byte: u8) -> PyResult<()> {
    if !(target.is_ptr() && kind_of(target) == Kind::ByteArray) {
        return Err(vm.raise_msg(ExcKind::TypeError, "cannot modify read-only memory"));
    }
    // SAFETY: kind checked.
    let o = unsafe { obj::<ByteArrayObj>(target) };
    // Under the bytearray's lock: a racing resize copies the buffer.
    let _g = vm.write_lock(target);
    let n = load(&o.len);
    let buf = o.buf.get();
    match usize::try_from(i) {
        Ok(i) if i < n && !buf.is_null() && i < raw_data(buf).len() => {
            raw_data(buf)[i] = byte;
            Ok(())
        }
        _ => Err(vm.raise_msg(
            ExcKind::IndexError,
            "memoryview: underlying buffer has shrunk",
        )),
    }
}

fn mv_setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, v) = this(vm, a)?;
    if a.len() != 3 {
        return Err(vm.raise_msg(ExcKind::TypeError, "expected 2 arguments"));
    }
    if v.flags & F_READONLY != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "cannot modify read-only memory"));
    }
    let (k, x) = (a.get(1), a.get(2));
    if is_slice(k) {
        let s = sliced(vm, &v, k)?;
        let src = if type_of(x) == type_of(a.get(0)) {
            let xv = view(vm, x)?;
            contents(vm, &xv)?
        } else {
            match data_of(x) {
                Some(d) => d,
                None => {
                    let msg = format!(
                        "a bytes-like object is required, not '{}'",
                        type_name(type_of(x))
                    );
                    return Err(vm.raise_msg(ExcKind::TypeError, &msg));
                }
            }
        };
        if src.len() as i64 != s.len {
            return Err(vm.raise_msg(
                ExcKind::ValueError,
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        for (k, b) in src.into_iter().enumerate() {
            store(vm, s.obj, s.start + k as i64 * s.step, b)?;
        }
        return Ok(g().none);
    }
    let i = index_of(vm, &v, k)?;
    if !crate::types::int::is_int(x) {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "memoryview: invalid type for format 'B'",
        ));
    }
    let b = match crate::types::int::int_to_i64(x).and_then(|n| u8::try_from(n).ok()) {
        Some(b) => b,
        None => {
            return Err(vm.raise_msg(
                ExcKind::ValueError,
                "memoryview: invalid value for format 'B'",
            ))
        }
    };
    store(vm, v.obj, i, b)?;
    Ok(g().none)
}

fn mv_tobytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, v) = this(vm, a)?;
    let d = contents(vm, &v)?;
    vm.new_bytes(&d)
}

fn mv_tolist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, v) = this(vm, a)?;
    let d = contents(vm, &v)?;
    let items: Vec<Value> = d.iter().map(|b| Value::small(*b as i64)).collect();
    vm.new_list(&items)
}

fn mv_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, v) = this(vm, a)?;
    let d = contents(vm, &v)?;
    let items: Vec<Value> = d.iter().map(|b| Value::small(*b as i64)).collect();
    let l = vm.new_tuple(&items)?;
    vm.get_iter(l)
}

fn mv_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (_, v) = this(vm, a)?;
    let d = contents(vm, &v)?;
    let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
    vm.new_str(&s)
}

fn mv_release(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = instance_slots(a.get(0));
    if s.len() >= 5 {
        let f = small(s[4].get());
        s[4].set(Value::small(f | F_RELEASED));
    }
    Ok(g().none)
}

fn mv_enter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (m, _) = this(vm, a)?;
    Ok(m)
}

fn mv_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = a.get(0);
    let o = a.get(1);
    if o == m {
        return Ok(g().true_);
    }
    let s = instance_slots(m);
    if s.len() >= 5 && small(s[4].get()) & F_RELEASED != 0 {
        return Ok(g().false_);
    }
    let mine = {
        let v = view(vm, m)?;
        contents(vm, &v)?
    };
    let other = if type_of(o) == type_of(m) {
        let ov = instance_slots(o);
        if ov.len() >= 5 && small(ov[4].get()) & F_RELEASED != 0 {
            return Ok(g().false_);
        }
        let v = view(vm, o)?;
        contents(vm, &v)?
    } else {
        match data_of(o) {
            Some(d) => d,
            None => return Ok(g().not_implemented),
        }
    };
    Ok(vm.bool_val(mine == other))
}

fn mv_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = a.get(0);
    let s = instance_slots(m);
    let released = s.len() >= 5 && small(s[4].get()) & F_RELEASED != 0;
    let txt = format!(
        "<{}memory at {:#x}>",
        if released { "released " } else { "" },
        crate::types::object::object_id(m)
    );
    vm.new_str(&txt)
}

fn g_readonly(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let v = view(vm, m)?;
    Ok(vm.bool_val(v.flags & F_READONLY != 0))
}

fn g_nbytes(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let v = view(vm, m)?;
    vm.new_int(v.len)
}

fn g_format(vm: &mut Vm, m: Value) -> PyResult<Value> {
    view(vm, m)?;
    vm.new_str("B")
}

fn g_one(vm: &mut Vm, m: Value) -> PyResult<Value> {
    view(vm, m)?;
    Ok(Value::small(1))
}

fn g_shape(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let v = view(vm, m)?;
    vm.new_tuple(&[Value::small(v.len)])
}

fn g_strides(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let v = view(vm, m)?;
    vm.new_tuple(&[Value::small(v.step)])
}

fn g_obj(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let v = view(vm, m)?;
    Ok(v.obj)
}

fn g_contiguous(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let v = view(vm, m)?;
    Ok(vm.bool_val(v.step == 1 || v.len <= 1))
}

pub fn init(vm: &mut Vm, dict: Value) -> PyResult<()> {
    let ns = vm.new_dict()?;
    let module = vm.new_str("builtins")?;
    vm.dict_set(ns, g().names.__module__, module)?;
    let mut names = Vec::new();
    for n in ["_obj", "_start", "_len", "_step", "_flags"] {
        names.push(vm.intern(n)?);
    }
    let slots = vm.new_tuple(&names)?;
    let k = vm.intern("__slots__")?;
    vm.dict_set(ns, k, slots)?;
    let name = vm.intern("memoryview")?;
    let bases = vm.new_tuple(&[ty(T::Object)])?;
    let typ = crate::types::usertype::type_new(vm, ty(T::Type), name, bases, ns)?;
    let nm = vm.intern("__new__")?;
    let f = vm.new_native(nm, mv_new, Value::NULL, Value::NULL, false)?;
    let sm = vm.new_record(
        ty(T::StaticMethod),
        REC_STATICMETHOD,
        [f, Value::NULL, Value::NULL, Value::NULL],
        0,
        0,
    )?;
    vm.type_set_attr(typ, nm, sm)?;
    vm.def_methods(
        typ,
        &[
            ("__len__", mv_len),
            ("__getitem__", mv_getitem),
            ("__setitem__", mv_setitem),
            ("__iter__", mv_iter),
            ("__eq__", mv_eq),
            ("__repr__", mv_repr),
            ("__enter__", mv_enter),
            ("__exit__", mv_release),
            ("tobytes", mv_tobytes),
            ("tolist", mv_tolist),
            ("hex", mv_hex),
            ("release", mv_release),
        ],
    )?;
    vm.def_getters(
        typ,
        &[
            ("readonly", g_readonly),
            ("nbytes", g_nbytes),
            ("format", g_format),
            ("itemsize", g_one),
            ("ndim", g_one),
            ("shape", g_shape),
            ("strides", g_strides),
            ("obj", g_obj),
            ("contiguous", g_contiguous),
            ("c_contiguous", g_contiguous),
        ],
    )?;
    // The slots are reached natively only; drop their member descriptors.
    for n in names {
        vm.type_set_attr(typ, n, Value::NULL)?;
    }
    let hash_nm = vm.intern("__hash__")?;
    vm.type_set_attr(typ, hash_nm, g().none)?;
    // Not subclassable, as in CPython.
    let f = type_flags(typ) & !TF_BASETYPE;
    t(typ).type_flags.store(f, Ordering::Relaxed);
    vm.dict_set(dict, name, typ)?;
    Ok(())
}
