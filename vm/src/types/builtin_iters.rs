//! The iterator types of the builtins: `enumerate`, `zip`, `map`, `filter`,
//! `reversed`, and `iter(callable, sentinel)` (`callable_iterator`).
//!
//! Each is a record (rec kind `REC_ITER`; the type says which):
//! - enumerate: s0 = iterator, s1 = next count (int of any size);
//! - zip: s0 = tuple of iterators (NULL once exhausted); a = strict flag;
//! - map: s0 = function, s1 = tuple of iterators;
//! - filter: s0 = function (None for truthiness), s1 = iterator;
//! - reversed: s0 = sequence (NULL once exhausted); a = next index;
//! - callable_iterator: s0 = callable (NULL once exhausted), s1 = sentinel.
//!
//! Construction checks arguments with CPython's messages; `reversed` uses the object's
//! `__reversed__` when it has one (list, range, dict and views do).
//!
//! What must hold: an exhausted iterator stays exhausted.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::record::REC_ITER;
use crate::types::slots::TypeOps;
use crate::types::typeobj::{is_subtype, type_name, type_of};
use crate::value::Value;
use std::sync::atomic::Ordering;

fn rec(v: Value) -> &'static RecordObj {
    // SAFETY: builtin iterator objects are records.
    unsafe { obj::<RecordObj>(v) }
}

fn new_rec(vm: &mut Vm, typ: Value, s: [Value; 4], a: i64) -> PyResult<Value> {
    vm.new_record(typ, REC_ITER, s, a, 0)
}

fn iter_self(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v)
}

/// Keyword arguments are refused by the exact built-in type (subclasses may take them).
fn no_kw(vm: &mut Vm, a: &Args, cls: Value, t: T) -> PyResult<()> {
    if a.nkw() != 0 && cls == ty(t) {
        let msg = format!("{}() takes no keyword arguments", t.name());
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

/// `PyArg_UnpackTuple`'s count check.
fn unpack_check(vm: &mut Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min || n > max {
        let (how, lim) = if min == max {
            ("", min)
        } else if n < min {
            ("at least ", min)
        } else {
            ("at most ", max)
        };
        let msg = format!(
            "{name} expected {how}{lim} argument{}, got {n}",
            if lim == 1 { "" } else { "s" }
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

// ---- enumerate ----

fn enumerate_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let mut iterable = a.opt(1);
    let mut start = a.opt(2);
    if a.len() > 3 {
        let msg = format!(
            "enumerate() takes at most 2 arguments ({} given)",
            a.len() - 1 + a.nkw()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    for (k, v) in a.kwargs() {
        match str_val(k) {
            "iterable" if iterable.is_none() => iterable = Some(v),
            "start" if start.is_none() => start = Some(v),
            "iterable" | "start" => {
                let msg = format!(
                    "argument for enumerate() given by name ('{}') and position ({})",
                    str_val(k),
                    if str_val(k) == "iterable" { 1 } else { 2 }
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            other => {
                let msg = format!("'{other}' is an invalid keyword argument for enumerate()");
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        }
    }
    let Some(iterable) = iterable else {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "enumerate() missing required argument 'iterable'",
        ));
    };
    let start = match start {
        None => Value::small(0),
        Some(s) => {
            if !crate::types::int::is_int(s) && vm.lookup(type_of(s), g().names.__index__).is_null()
            {
                let msg = format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(type_of(s))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            let i = vm.index(s)?;
            if type_of(i) == ty(T::Int) || i.is_small_int() {
                i
            } else {
                vm.new_bigint(&crate::types::int::to_bigint(i))?
            }
        }
    };
    let it = vm.get_iter(iterable)?;
    new_rec(vm, cls, [it, start, Value::NULL, Value::NULL], 0)
}

fn enumerate_next(vm: &mut Vm, e: Value) -> PyResult<Option<Value>> {
    let r = rec(e);
    let Some(x) = vm.iter_next(r.s[0].get())? else {
        return Ok(None);
    };
    let r = rec(e);
    let n = r.s[1].get();
    let next = if n.is_small_int() {
        vm.new_int_i128(n.as_small() as i128 + 1)?
    } else {
        let b = crate::types::int::to_bigint(n) + 1u32;
        vm.new_bigint(&b)?
    };
    rec(e).s[1].set(next);
    vm.new_tuple(&[n, x]).map(Some)
}

// ---- zip ----

fn zip_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let mut strict = false;
    for (k, v) in a.kwargs() {
        if str_val(k) == "strict" {
            strict = vm.truthy(v)?;
        } else {
            let msg = format!("'{}' is an invalid keyword argument for zip()", str_val(k));
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    let mut its = Vec::with_capacity(a.len().saturating_sub(1));
    for i in 1..a.len() {
        let x = a.get(i);
        its.push(vm.get_iter(x)?);
    }
    let t = vm.new_tuple(&its)?;
    new_rec(
        vm,
        cls,
        [t, Value::NULL, Value::NULL, Value::NULL],
        strict as i64,
    )
}

fn zip_next(vm: &mut Vm, z: Value) -> PyResult<Option<Value>> {
    let t = rec(z).s[0].get();
    if t.is_null() {
        return Ok(None);
    }
    let its: Vec<Value> = tuple_slots(t).iter().map(|s| s.get()).collect();
    if its.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        match vm.iter_next(*it)? {
            Some(x) => out.push(x),
            None => {
                rec(z).s[0].set(Value::NULL);
                if rec(z).a.load(Ordering::Relaxed) != 0 {
                    return zip_strict_check(vm, &its, i);
                }
                return Ok(None);
            }
        }
    }
    vm.new_tuple(&out).map(Some)
}

fn zip_strict_check(vm: &mut Vm, its: &[Value], i: usize) -> PyResult<Option<Value>> {
    let plural = |i: usize| {
        if i == 1 {
            " ".to_string()
        } else {
            "s 1-".to_string()
        }
    };
    if i > 0 {
        let msg = format!(
            "zip() argument {} is shorter than argument{}{}",
            i + 1,
            plural(i),
            i
        );
        return Err(vm.raise_msg(ExcKind::ValueError, &msg));
    }
    for (j, it) in its.iter().enumerate().skip(1) {
        if vm.iter_next(*it)?.is_some() {
            let msg = format!(
                "zip() argument {} is longer than argument{}{}",
                j + 1,
                plural(j),
                j
            );
            return Err(vm.raise_msg(ExcKind::ValueError, &msg));
        }
    }
    Ok(None)
}

// ---- map ----

fn map_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    no_kw(vm, a, cls, T::Map)?;
    if a.len() < 3 {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "map() must have at least two arguments.",
        ));
    }
    let mut its = Vec::with_capacity(a.len() - 2);
    for i in 2..a.len() {
        its.push(vm.get_iter(a.get(i))?);
    }
    let t = vm.new_tuple(&its)?;
    new_rec(vm, cls, [a.get(1), t, Value::NULL, Value::NULL], 0)
}

fn map_next(vm: &mut Vm, m: Value) -> PyResult<Option<Value>> {
    let f = rec(m).s[0].get();
    let t = rec(m).s[1].get();
    let its: Vec<Value> = tuple_slots(t).iter().map(|s| s.get()).collect();
    let mut args = Vec::with_capacity(its.len());
    for it in its {
        match vm.iter_next(it)? {
            Some(x) => args.push(x),
            None => return Ok(None),
        }
    }
    let r = vm.call(f, &args);
    stop_is_end(vm, r)
}

/// A StopIteration raised by the function of `map`/`filter` ends the iteration (the
/// consumer of a C iterator treats it so in CPython).
fn stop_is_end(vm: &mut Vm, r: PyResult<Value>) -> PyResult<Option<Value>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            if vm.exc_is(ExcKind::StopIteration) {
                vm.exc = Value::NULL;
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

// ---- filter ----

fn filter_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    no_kw(vm, a, cls, T::Filter)?;
    unpack_check(vm, "filter", a.len() - 1, 2, 2)?;
    let it = vm.get_iter(a.get(2))?;
    new_rec(vm, cls, [a.get(1), it, Value::NULL, Value::NULL], 0)
}

fn filter_next(vm: &mut Vm, fo: Value) -> PyResult<Option<Value>> {
    let f = rec(fo).s[0].get();
    let it = rec(fo).s[1].get();
    let plain = f == g().none || f == ty(T::Bool);
    loop {
        let Some(x) = vm.iter_next(it)? else {
            return Ok(None);
        };
        let ok = if plain {
            vm.truthy(x)?
        } else {
            let r = vm.call(f, &[x]);
            let Some(r) = stop_is_end(vm, r)? else {
                return Ok(None);
            };
            vm.truthy(r)?
        };
        if ok {
            return Ok(Some(x));
        }
    }
}

// ---- reversed ----

fn reversed_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    no_kw(vm, a, cls, T::Reversed)?;
    unpack_check(vm, "reversed", a.len() - 1, 1, 1)?;
    let seq = a.get(1);
    let typ = type_of(seq);
    let rv = vm.lookup(typ, g().names.__reversed__);
    if rv == g().none {
        let msg = format!("'{}' object is not reversible", type_name(typ));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if !rv.is_null() {
        return vm.call_bound0(rv, seq);
    }
    let is_seq = !vm.lookup(typ, g().names.__getitem__).is_null()
        && !is_subtype(typ, ty(T::Dict))
        && !crate::types::typeobj::is_type(seq);
    if !is_seq {
        let msg = format!("'{}' object is not reversible", type_name(typ));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let n = vm.len(seq)?;
    new_rec(
        vm,
        cls,
        [seq, Value::NULL, Value::NULL, Value::NULL],
        n as i64 - 1,
    )
}

fn reversed_next(vm: &mut Vm, r: Value) -> PyResult<Option<Value>> {
    let o = rec(r);
    let seq = o.s[0].get();
    let i = o.a.load(Ordering::Relaxed);
    if seq.is_null() || i < 0 {
        o.s[0].set(Value::NULL);
        return Ok(None);
    }
    match vm.getitem(seq, Value::small(i)) {
        Ok(x) => {
            rec(r).a.store(i - 1, Ordering::Relaxed);
            Ok(Some(x))
        }
        Err(e) => {
            if vm.exc_is(ExcKind::IndexError) || vm.exc_is(ExcKind::StopIteration) {
                vm.exc = Value::NULL;
                rec(r).s[0].set(Value::NULL);
                rec(r).a.store(-1, Ordering::Relaxed);
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn reversed_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = rec(a.get(0));
    let seq = o.s[0].get();
    if seq.is_null() {
        return Ok(Value::small(0));
    }
    let n = vm.len(seq)? as i64;
    let i = o.a.load(Ordering::Relaxed);
    Ok(Value::small(if i < n { i + 1 } else { 0 }))
}

// ---- iter(callable, sentinel) ----

/// `iter(callable, sentinel)`.
pub fn new_call_iter(vm: &mut Vm, callable: Value, sentinel: Value) -> PyResult<Value> {
    if !is_callable(vm, callable) {
        return Err(vm.raise_msg(ExcKind::TypeError, "iter(v, w): v must be callable"));
    }
    new_rec(
        vm,
        ty(T::CallIter),
        [callable, sentinel, Value::NULL, Value::NULL],
        0,
    )
}

fn call_iter_next(vm: &mut Vm, c: Value) -> PyResult<Option<Value>> {
    let f = rec(c).s[0].get();
    if f.is_null() {
        return Ok(None);
    }
    let r = match vm.call(f, &[]) {
        Ok(r) => r,
        Err(e) => {
            if vm.exc_is(ExcKind::StopIteration) {
                vm.exc = Value::NULL;
                rec(c).s[0].set(Value::NULL);
                return Ok(None);
            }
            return Err(e);
        }
    };
    let sentinel = rec(c).s[1].get();
    if vm.eq_bool(r, sentinel)? {
        rec(c).s[0].set(Value::NULL);
        rec(c).s[1].set(Value::NULL);
        return Ok(None);
    }
    Ok(Some(r))
}

/// `callable(v)`.
pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    if v.is_small_int() {
        return false;
    }
    if v.is_ptr()
        && matches!(
            kind_of(v),
            Kind::Function | Kind::Native | Kind::BoundMethod | Kind::Type
        )
    {
        return true;
    }
    !vm.lookup(type_of(v), g().names.__call__).is_null()
}

static ENUMERATE_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(enumerate_next),
    new: Some(enumerate_new),
    ..TypeOps::EMPTY
};
static ZIP_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(zip_next),
    new: Some(zip_new),
    ..TypeOps::EMPTY
};
static MAP_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(map_next),
    new: Some(map_new),
    ..TypeOps::EMPTY
};
static FILTER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(filter_next),
    new: Some(filter_new),
    ..TypeOps::EMPTY
};
static REVERSED_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(reversed_next),
    new: Some(reversed_new),
    ..TypeOps::EMPTY
};
static CALL_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(call_iter_next),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    vm.install_slots(ty(T::Enumerate), &ENUMERATE_OPS)?;
    vm.install_slots(ty(T::Zip), &ZIP_OPS)?;
    vm.install_slots(ty(T::Map), &MAP_OPS)?;
    vm.install_slots(ty(T::Filter), &FILTER_OPS)?;
    vm.install_slots(ty(T::Reversed), &REVERSED_OPS)?;
    vm.def_methods(
        ty(T::Reversed),
        &[("__length_hint__", reversed_length_hint)],
    )?;
    vm.install_slots(ty(T::CallIter), &CALL_ITER_OPS)?;
    Ok(())
}
