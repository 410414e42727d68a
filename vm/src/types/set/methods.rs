//! The `set` and `frozenset` types: slots (operators, comparisons, repr, hash,
//! construction), methods, and the set iterator.
//!
//! Each method mirrors its CPython counterpart in `Objects/setobject.c` (argument
//! checking, which operand is iterated, result types via `make_new_set_basetype`), so
//! results and errors match CPython's.
//!
//! The iterator is a record: s0 = the set (NULL once exhausted), s1 = items left (a small
//! int, for `__length_hint__`); a = table position; b = the set's length when iteration
//! started (-1 after a size change was reported, so that the error sticks).
//!
//! What must hold: frozensets are never mutated once returned to Python code.

use super::{is_anyset, set_len, set_next};
use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::record::REC_SET_ITER;
use crate::types::slots::TypeOps;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use std::sync::atomic::Ordering;

fn no_kw(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.nkw() != 0 {
        let msg = format!("{name}() takes no keyword arguments");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

/// METH_O methods: exactly one argument after self.
fn one(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.nkw() != 0 {
        let msg = format!("{name}() takes no keyword arguments");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if a.len() != 2 {
        let msg = format!(
            "{name}() takes exactly one argument ({} given)",
            a.len().saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(a.get(1))
}

/// METH_NOARGS methods.
fn none(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.len() != 1 || a.nkw() != 0 {
        let msg = format!(
            "{name}() takes no arguments ({} given)",
            (a.len() + a.nkw()).saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

/// The receiver of a set method, checked (methods may be called unbound).
fn recv(vm: &mut Vm, a: &Args, mutable: bool, name: &str) -> PyResult<Value> {
    let s = if a.is_empty() { Value::NULL } else { a.get(0) };
    let ok = if mutable {
        super::is_mutable_set(s)
    } else {
        is_anyset(s)
    };
    if !ok {
        let want = if mutable { "set" } else { "frozenset" };
        let got = if s.is_null() {
            "nothing".to_string()
        } else {
            format!("a '{}' object", type_name(type_of(s)))
        };
        let msg = format!("descriptor '{name}' for '{want}' objects doesn't apply to {got}");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(s)
}

/// Runs `f`; if it fails with TypeError and `key` is a set, retries with
/// `frozenset(key)` (sets are looked up in sets by value).
fn with_frozen_retry<R>(
    vm: &mut Vm,
    key: Value,
    f: impl Fn(&mut Vm, Value) -> PyResult<R>,
) -> PyResult<R> {
    match f(vm, key) {
        Ok(r) => Ok(r),
        Err(e) => {
            if !(super::is_mutable_set(key) && vm.exc_is(ExcKind::TypeError)) {
                return Err(e);
            }
            vm.exc = Value::NULL;
            let tmp = vm.make_new_set(ty(T::FrozenSet), Some(key))?;
            f(vm, tmp)
        }
    }
}

// ---- slots ----

/// The repr text of a set (shared with dict views' set results).
pub fn set_repr_string(vm: &mut Vm, s: Value) -> PyResult<String> {
    let typ = type_of(s);
    let name = type_name(typ);
    if !vm.repr_enter(s) {
        return Ok(format!("{name}(...)"));
    }
    if set_len(s) == 0 {
        vm.repr_leave(s);
        return Ok(format!("{name}()"));
    }
    let keys = super::set_keys(s);
    let r = crate::types::tuple::seq_repr(vm, &keys, "{", "}");
    vm.repr_leave(s);
    let body = r?;
    if typ == ty(T::Set) {
        Ok(body)
    } else {
        Ok(format!("{name}({body})"))
    }
}

fn set_repr(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let r = set_repr_string(vm, s)?;
    vm.new_str(&r)
}

fn frozenset_hash_slot(vm: &mut Vm, s: Value) -> PyResult<i64> {
    Ok(vm.frozenset_hash(s))
}

fn set_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(g().not_implemented);
    }
    let (la, lb) = (set_len(a), set_len(b));
    let r = match op {
        CmpOp::Eq => la == lb && vm.set_issubset(a, b)?,
        CmpOp::Ne => !(la == lb && vm.set_issubset(a, b)?),
        CmpOp::Le => vm.set_issubset(a, b)?,
        CmpOp::Ge => vm.set_issuperset(a, b)?,
        CmpOp::Lt => la < lb && vm.set_issubset(a, b)?,
        CmpOp::Gt => la > lb && vm.set_issuperset(a, b)?,
    };
    Ok(vm.bool_val(r))
}

fn set_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(g().not_implemented);
    }
    match op {
        BinOp::Or => {
            let r = vm.set_copy(a)?;
            if a != b {
                vm.set_update(r, b)?;
            }
            Ok(r)
        }
        BinOp::And => vm.set_intersection(a, b),
        BinOp::Sub => vm.set_difference(a, b),
        BinOp::Xor => vm.set_symmetric_difference(a, b),
        _ => Ok(g().not_implemented),
    }
}

fn set_inplace(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if !super::is_mutable_set(a) || !is_anyset(b) {
        return Ok(g().not_implemented);
    }
    match op {
        BinOp::Or => vm.set_update(a, b)?,
        BinOp::And => vm.set_replace_with(a, |vm| vm.set_intersection(a, b))?,
        BinOp::Sub => vm.set_difference_update(a, b)?,
        BinOp::Xor => vm.set_symmetric_difference_update(a, b)?,
        _ => return Ok(g().not_implemented),
    }
    Ok(a)
}

fn set_len_slot(_vm: &mut Vm, s: Value) -> PyResult<usize> {
    Ok(set_len(s))
}

fn set_contains_slot(vm: &mut Vm, s: Value, k: Value) -> PyResult<bool> {
    with_frozen_retry(vm, k, |vm, k| vm.set_contains_key(s, k))
}

fn set_iter(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let n = set_len(s) as i64;
    vm.new_record(
        ty(T::SetIter),
        REC_SET_ITER,
        [s, Value::small(n), Value::NULL, Value::NULL],
        0,
        n,
    )
}

fn set_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    if cls == ty(T::Set) {
        no_kw(vm, a, "set")?;
    }
    vm.new_set_typed(cls)
}

fn set_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, true, "__init__")?;
    no_kw(vm, a, "set")?;
    if a.len() > 2 {
        let msg = format!(
            "{} expected at most 1 argument, got {}",
            type_name(type_of(s)),
            a.len() - 1
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if set_len(s) != 0 || super::fill_of(super::table(s)) != 0 {
        vm.set_clear(s)?;
    }
    if let Some(it) = a.opt(1) {
        vm.set_update(s, it)?;
    }
    Ok(g().none)
}

fn frozenset_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    if cls == ty(T::FrozenSet) {
        no_kw(vm, a, "frozenset")?;
    }
    if a.len() > 2 {
        let msg = format!(
            "{} expected at most 1 argument, got {}",
            type_name(cls),
            a.len() - 1
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let it = a.opt(1);
    if let Some(x) = it {
        if cls == ty(T::FrozenSet) && type_of(x) == ty(T::FrozenSet) {
            return Ok(x);
        }
    }
    vm.make_new_set(cls, it)
}

// ---- methods ----

fn m_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, true, "add")?;
    let x = one(vm, a, "set.add")?;
    vm.set_add(s, x)?;
    Ok(g().none)
}

fn m_discard(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, true, "discard")?;
    let x = one(vm, a, "set.discard")?;
    with_frozen_retry(vm, x, |vm, k| vm.set_discard_key(s, k))?;
    Ok(g().none)
}

fn m_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, true, "remove")?;
    let x = one(vm, a, "set.remove")?;
    if !with_frozen_retry(vm, x, |vm, k| vm.set_discard_key(s, k))? {
        return Err(vm.key_error(x));
    }
    Ok(g().none)
}

fn m_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, true, "pop")?;
    none(vm, a, "set.pop")?;
    match vm.set_pop(s) {
        Some(v) => Ok(v),
        None => {
            let m = vm.new_str("pop from an empty set")?;
            Err(vm.raise_args(ExcKind::KeyError, &[m]))
        }
    }
}

fn m_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, true, "clear")?;
    none(vm, a, "set.clear")?;
    vm.set_clear(s)?;
    Ok(g().none)
}

fn m_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, false, "copy")?;
    none(vm, a, "set.copy")?;
    if type_of(s) == ty(T::FrozenSet) {
        return Ok(s);
    }
    vm.set_copy(s)
}

fn varargs(vm: &mut Vm, a: &Args, mutable: bool, name: &str) -> PyResult<(Value, Vec<Value>)> {
    let short = name.rsplit('.').next().unwrap_or(name);
    let s = recv(vm, a, mutable, short)?;
    no_kw(vm, a, name)?;
    Ok((s, (1..a.len()).map(|i| a.get(i)).collect()))
}

fn m_union(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, others) = varargs(vm, a, false, "set.union")?;
    let r = vm.make_new_set_basetype(type_of(s), Some(s))?;
    for o in others {
        if o != s {
            vm.set_update(r, o)?;
        }
    }
    Ok(r)
}

fn m_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, others) = varargs(vm, a, true, "set.update")?;
    for o in others {
        vm.set_update(s, o)?;
    }
    Ok(g().none)
}

fn intersection_multi(vm: &mut Vm, s: Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return vm.set_copy(s);
    }
    let mut r = s;
    for o in others {
        r = vm.set_intersection(r, *o)?;
    }
    Ok(r)
}

fn m_intersection(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, others) = varargs(vm, a, false, "set.intersection")?;
    intersection_multi(vm, s, &others)
}

fn m_intersection_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, others) = varargs(vm, a, true, "set.intersection_update")?;
    vm.set_replace_with(s, |vm| intersection_multi(vm, s, &others))?;
    Ok(g().none)
}

fn m_difference(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, others) = varargs(vm, a, false, "set.difference")?;
    if others.is_empty() {
        return vm.set_copy(s);
    }
    let r = vm.set_difference(s, others[0])?;
    for o in &others[1..] {
        vm.set_difference_update(r, *o)?;
    }
    Ok(r)
}

fn m_difference_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, others) = varargs(vm, a, true, "set.difference_update")?;
    for o in others {
        vm.set_difference_update(s, o)?;
    }
    Ok(g().none)
}

fn m_symmetric_difference(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, false, "symmetric_difference")?;
    let o = one(vm, a, "set.symmetric_difference")?;
    vm.set_symmetric_difference(s, o)
}

fn m_symmetric_difference_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, true, "symmetric_difference_update")?;
    let o = one(vm, a, "set.symmetric_difference_update")?;
    vm.set_symmetric_difference_update(s, o)?;
    Ok(g().none)
}

fn m_issubset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, false, "issubset")?;
    let o = one(vm, a, "set.issubset")?;
    let r = vm.set_issubset(s, o)?;
    Ok(vm.bool_val(r))
}

fn m_issuperset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, false, "issuperset")?;
    let o = one(vm, a, "set.issuperset")?;
    let r = vm.set_issuperset(s, o)?;
    Ok(vm.bool_val(r))
}

fn m_isdisjoint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, false, "isdisjoint")?;
    let o = one(vm, a, "set.isdisjoint")?;
    let r = vm.set_isdisjoint(s, o)?;
    Ok(vm.bool_val(r))
}

fn m_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, false, "__reduce__")?;
    let keys = super::set_keys(s);
    let l = vm.new_list(&keys)?;
    let args = vm.new_tuple(&[l])?;
    let d = so_dict(s);
    let d = if d.is_null() { g().none } else { d };
    vm.new_tuple(&[type_of(s), args, d])
}

fn so_dict(s: Value) -> Value {
    // SAFETY: `s` is a set (checked by `recv`).
    unsafe { obj::<SetObj>(s) }.dict.get()
}

fn m_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = recv(vm, a, false, "__sizeof__")?;
    let cap = set_entries(super::table(s)).len();
    let n = if cap <= 8 { 200 } else { 200 + 16 * cap };
    vm.new_int(n as i64)
}

// ---- the iterator ----

fn rec(v: Value) -> &'static RecordObj {
    // SAFETY: set iterators are records.
    unsafe { obj::<RecordObj>(v) }
}

fn iter_self(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn setiter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let r = rec(it);
    let s = r.s[0].get();
    if s.is_null() {
        return Ok(None);
    }
    if r.b.load(Ordering::Relaxed) != set_len(s) as i64 {
        r.b.store(-1, Ordering::Relaxed);
        return Err(vm.raise_msg(ExcKind::RuntimeError, "Set changed size during iteration"));
    }
    let pos = r.a.load(Ordering::Relaxed) as usize;
    match set_next(s, pos) {
        Some((p, k, _)) => {
            r.a.store(p as i64, Ordering::Relaxed);
            let left = r.s[1].get();
            if left.is_small_int() {
                r.s[1].set(Value::small((left.as_small() - 1).max(0)));
            }
            Ok(Some(k))
        }
        None => {
            r.s[0].set(Value::NULL);
            Ok(None)
        }
    }
}

fn setiter_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = a.get(0);
    let r = rec(it);
    let s = r.s[0].get();
    if s.is_null() || r.b.load(Ordering::Relaxed) != set_len(s) as i64 {
        return Ok(Value::small(0));
    }
    let _ = vm;
    Ok(r.s[1].get())
}

pub static SET_OPS: TypeOps = TypeOps {
    repr: Some(set_repr),
    richcmp: Some(set_richcmp),
    binop: Some(set_binop),
    inplace: Some(set_inplace),
    len: Some(set_len_slot),
    contains: Some(set_contains_slot),
    iter: Some(set_iter),
    new: Some(set_new),
    init: Some(set_init),
    ..TypeOps::EMPTY
};

pub static FROZENSET_OPS: TypeOps = TypeOps {
    repr: Some(set_repr),
    hash: Some(frozenset_hash_slot),
    richcmp: Some(set_richcmp),
    binop: Some(set_binop),
    len: Some(set_len_slot),
    contains: Some(set_contains_slot),
    iter: Some(set_iter),
    new: Some(frozenset_new),
    ..TypeOps::EMPTY
};

pub static SET_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(setiter_next),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::Set);
    vm.install_slots(t, &SET_OPS)?;
    vm.type_set_attr(t, g().names.__hash__, g().none)?;
    vm.def_methods(
        t,
        &[
            ("add", m_add),
            ("discard", m_discard),
            ("remove", m_remove),
            ("pop", m_pop),
            ("clear", m_clear),
            ("copy", m_copy),
            ("union", m_union),
            ("update", m_update),
            ("intersection", m_intersection),
            ("intersection_update", m_intersection_update),
            ("difference", m_difference),
            ("difference_update", m_difference_update),
            ("symmetric_difference", m_symmetric_difference),
            ("symmetric_difference_update", m_symmetric_difference_update),
            ("issubset", m_issubset),
            ("issuperset", m_issuperset),
            ("isdisjoint", m_isdisjoint),
            ("__reduce__", m_reduce),
            ("__sizeof__", m_sizeof),
        ],
    )?;
    let f = ty(T::FrozenSet);
    vm.install_slots(f, &FROZENSET_OPS)?;
    vm.def_methods(
        f,
        &[
            ("copy", m_copy),
            ("union", m_union),
            ("intersection", m_intersection),
            ("difference", m_difference),
            ("symmetric_difference", m_symmetric_difference),
            ("issubset", m_issubset),
            ("issuperset", m_issuperset),
            ("isdisjoint", m_isdisjoint),
            ("__reduce__", m_reduce),
            ("__sizeof__", m_sizeof),
        ],
    )?;
    let i = ty(T::SetIter);
    vm.install_slots(i, &SET_ITER_OPS)?;
    vm.def_methods(i, &[("__length_hint__", setiter_length_hint)])?;
    Ok(())
}
