//! bytearray's mutation: item and slice assignment and deletion, `+=`, `*=`, and the
//! methods `append`, `extend`, `insert`, `pop`, `remove`, `clear`, `reverse`, `copy`.
//!
//! Every change first runs any Python code the arguments need (`__index__`, iteration),
//! then edits the bytes in one locked step (`bytearray_edit`, `bytearray_extend_from`):
//! no Python code runs mid-update and a racing writer's change is never lost. Slice
//! indices are recomputed if the length changed before the lock was taken.
//!
//! What must hold: messages and exception types are CPython 3.11's.

use super::{byte_value, bytearray_data, bytearray_edit, bytearray_extend_from, bytearray_set};
use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::BinOp;
use crate::types::str::support::{buffer, parse, Sig, Style};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

const RANGE_MSG: &str = "byte must be in range(0, 256)";

fn sig(name: &'static str, min: usize, max: usize, style: Style) -> Sig {
    Sig {
        owner: "bytearray",
        name,
        min,
        max,
        style,
        kw: &[],
    }
}

/// An index argument: IndexError when it cannot fit (CPython passes IndexError to
/// `PyNumber_AsSsize_t`).
fn index_arg(vm: &mut Vm, k: Value) -> PyResult<i64> {
    if k.is_small_int() {
        return Ok(k.as_small());
    }
    vm.index_i64(k)
}

/// The bytes a slice assignment stores: `values` must be bytes-like or an iterable of
/// ints (not a number or a str).
fn assigned_bytes(vm: &mut Vm, values: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(values) {
        return Ok(b.to_vec());
    }
    let t = type_of(values);
    let names = &g().names;
    let number = crate::types::int::is_int(values)
        || (values.is_ptr() && matches!(kind_of(values), Kind::Float | Kind::Complex))
        || [names.__index__, names.__int__, names.__float__]
            .iter()
            .any(|&n| !vm.lookup(t, n).is_null());
    if number || crate::types::str::is_str(values) {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    super::bytes_from_iterable(vm, values, RANGE_MSG, "bytearray")
}

/// `ba[k] = v`, or `del ba[k]` when `v` is NULL.
pub fn setitem(vm: &mut Vm, ba: Value, k: Value, v: Value) -> PyResult<()> {
    if k.is_ptr() && kind_of(k) == Kind::Slice {
        let assigned = if v.is_null() {
            None
        } else {
            let n = bytearray_data(ba).len();
            crate::types::tuple::slice_indices(vm, k, n)?;
            Some(assigned_bytes(vm, v)?)
        };
        // Indices are computed for the current length and applied under the lock only
        // if the length is still that one.
        loop {
            let n = bytearray_data(ba).len();
            let (start, stop, step, count) = crate::types::tuple::slice_indices(vm, k, n)?;
            // CPython deletes an extended slice assigned from an empty sequence.
            let new = assigned.clone().filter(|b| step == 1 || !b.is_empty());
            if let Some(new) = &new {
                if step != 1 && new.len() != count {
                    let msg = format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        new.len(),
                        count
                    );
                    return Err(vm.raise_msg(ExcKind::ValueError, &msg));
                }
            }
            let edit = |data: &mut Vec<u8>| slice_edit(data, new, (start, stop, step, count));
            if bytearray_edit(vm, ba, Some(n), edit)?.is_some() {
                return Ok(());
            }
        }
    }
    if !crate::types::int::is_int(k) && vm.lookup(type_of(k), g().names.__index__).is_null() {
        let msg = format!(
            "bytearray indices must be integers or slices, not {}",
            type_name(type_of(k))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let i = index_arg(vm, k)?;
    let b = if v.is_null() {
        None
    } else {
        Some(byte_value(vm, v, RANGE_MSG)?)
    };
    let ok = bytearray_edit(vm, ba, None, |data| {
        let n = data.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return false;
        }
        match b {
            None => {
                data.remove(j as usize);
            }
            Some(b) => data[j as usize] = b,
        }
        true
    })?;
    if ok != Some(true) {
        return Err(vm.raise_msg(ExcKind::IndexError, "bytearray index out of range"));
    }
    Ok(())
}

/// Applies a slice assignment (`new` Some) or deletion to `data`.
fn slice_edit(data: &mut Vec<u8>, new: Option<Vec<u8>>, sl: (i64, i64, i64, usize)) {
    let (start, stop, step, count) = sl;
    {
        let idx = |i: usize| (start + i as i64 * step) as usize;
        match new {
            None => {
                let mut drop = vec![false; data.len()];
                for i in 0..count {
                    if let Some(d) = drop.get_mut(idx(i)) {
                        *d = true;
                    }
                }
                let mut it = drop.iter();
                data.retain(|_| !it.next().copied().unwrap_or(false));
            }
            Some(new) if step == 1 => {
                let s = (start.max(0) as usize).min(data.len());
                let e = (stop.max(start).max(0) as usize).min(data.len());
                data.splice(s..e, new);
            }
            Some(new) => {
                for (i, b) in new.into_iter().enumerate() {
                    if let Some(d) = data.get_mut(idx(i)) {
                        *d = b;
                    }
                }
            }
        }
    }
}

/// `ba += x` and `ba *= n`.
pub fn inplace(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            let Some(extra) = buffer(b) else {
                let msg = format!(
                    "can't concat {} to {}",
                    type_name(type_of(b)),
                    type_name(type_of(a))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            };
            let extra = extra.to_vec();
            bytearray_extend_from(vm, a, &extra)?;
            Ok(a)
        }
        BinOp::Mul => {
            let Some(n) = crate::types::str::repeat_count(vm, b)? else {
                return Ok(g().not_implemented);
            };
            // Size check first (MemoryError), then the repeat under the lock.
            let n = usize::try_from(n).unwrap_or(0);
            let len = bytearray_data(a).len();
            if len
                .checked_mul(n)
                .is_none_or(|t| t > crate::obj::alloc::MAX_OBJECT)
            {
                return Err(vm.memory_error());
            }
            bytearray_edit(vm, a, None, |data| *data = data.repeat(n))?;
            Ok(a)
        }
        _ => Ok(g().not_implemented),
    }
}

fn m_append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig("append", 1, 1, Style::One))?;
    let b = byte_value(vm, a.get(1), RANGE_MSG)?;
    bytearray_extend_from(vm, a.get(0), &[b])?;
    Ok(g().none)
}

fn m_extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig("extend", 1, 1, Style::One))?;
    let x = a.get(1);
    let extra = match buffer(x) {
        Some(b) => b.to_vec(),
        None => {
            if crate::types::str::is_str(x) {
                return Err(vm.raise_msg(
                    ExcKind::TypeError,
                    "'str' object cannot be interpreted as an integer",
                ));
            }
            let t = type_of(x);
            if vm.lookup(t, g().names.__iter__).is_null()
                && vm.lookup(t, g().names.__getitem__).is_null()
            {
                let msg = format!("can't extend bytearray with {}", type_name(t));
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            super::bytes_from_iterable(vm, x, RANGE_MSG, "bytearray")?
        }
    };
    bytearray_extend_from(vm, a.get(0), &extra)?;
    Ok(g().none)
}

fn m_insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig("insert", 2, 2, Style::Range))?;
    let i = index_arg(vm, a.get(1))?;
    let b = byte_value(vm, a.get(2), RANGE_MSG)?;
    bytearray_edit(vm, a.get(0), None, |data| {
        let n = data.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        data.insert(at, b);
    })?;
    Ok(g().none)
}

fn m_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig("pop", 0, 1, Style::Range))?;
    let this = a.get(0);
    let i = match a.opt(1) {
        Some(k) => index_arg(vm, k)?,
        None => -1,
    };
    let r = bytearray_edit(vm, this, None, |data| {
        if data.is_empty() {
            return Err("pop from empty bytearray");
        }
        let n = data.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err("pop index out of range");
        }
        Ok(data.remove(j as usize))
    })?;
    match r {
        Some(Ok(b)) => Ok(Value::small(b as i64)),
        Some(Err(msg)) => Err(vm.raise_msg(ExcKind::IndexError, msg)),
        None => Err(vm.raise_msg(ExcKind::IndexError, "pop from empty bytearray")),
    }
}

fn m_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig("remove", 1, 1, Style::One))?;
    let b = byte_value(vm, a.get(1), RANGE_MSG)?;
    let found = bytearray_edit(vm, a.get(0), None, |data| {
        let p = data.iter().position(|&x| x == b);
        if let Some(p) = p {
            data.remove(p);
        }
        p.is_some()
    })?;
    if found != Some(true) {
        return Err(vm.raise_msg(ExcKind::ValueError, "value not found in bytearray"));
    }
    Ok(g().none)
}

fn m_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig("clear", 0, 0, Style::NoArgs))?;
    bytearray_set(vm, a.get(0), &[])?;
    Ok(g().none)
}

fn m_reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig("reverse", 0, 0, Style::NoArgs))?;
    bytearray_edit(vm, a.get(0), None, |data| data.reverse())?;
    Ok(g().none)
}

fn m_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig("copy", 0, 0, Style::NoArgs))?;
    let data = bytearray_data(a.get(0)).to_vec();
    vm.new_bytearray(&data, ty(T::ByteArray))
}

fn m_alloc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig("__alloc__", 0, 0, Style::NoArgs))?;
    let n = super::bytearray_cap(a.get(0)).max(bytearray_data(a.get(0)).len() + 1);
    vm.new_int(n as i64)
}

pub fn init(vm: &mut Vm, t: Value) -> PyResult<()> {
    vm.def_methods(
        t,
        &[
            ("append", m_append),
            ("extend", m_extend),
            ("insert", m_insert),
            ("pop", m_pop),
            ("remove", m_remove),
            ("clear", m_clear),
            ("reverse", m_reverse),
            ("copy", m_copy),
            ("__alloc__", m_alloc),
        ],
    )
}
