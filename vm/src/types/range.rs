//! The `range` type and its iterator.
//!
//! A `RangeObj` holds start, stop, step and the length as exact ints (any size).
//! Arithmetic is done in i128 when all four fit in i64 and with big integers otherwise,
//! so `range(10**20)` works (its `len()` raises OverflowError, as in CPython).
//!
//! The iterator is a record. Fast form (every value fits in i64): a = next value,
//! b = items left, s0 = step (small int). Big form: b = -1, s0 = next value, s1 = step,
//! s2 = items left (ints). `for i in range(n)` thus costs one add and one store per
//! step.
//!
//! What must hold: start/stop/step/len are exact ints and step != 0; `len` equals
//! CPython's `compute_range_length`.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::CmpOp;
use crate::types::int::{int_to_i64, to_bigint};
use crate::types::record::REC_RANGE_ITER;
use crate::types::slots::TypeOps;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::mem::size_of;
use std::sync::atomic::Ordering;

fn ro(v: Value) -> &'static RangeObj {
    // SAFETY: callers pass range objects (kind Range).
    unsafe { obj::<RangeObj>(v) }
}

fn is_range(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Range
}

/// (start, stop, step, len) of a range.
fn parts(r: Value) -> (Value, Value, Value, Value) {
    let o = ro(r);
    (o.start.get(), o.stop.get(), o.step.get(), o.len.get())
}

/// The four parts as i64 when they all fit.
fn small_parts(r: Value) -> Option<(i64, i64, i64, i64)> {
    let (a, b, c, d) = parts(r);
    Some((
        int_to_i64(a)?,
        int_to_i64(b)?,
        int_to_i64(c)?,
        int_to_i64(d)?,
    ))
}

fn big_parts(r: Value) -> (BigInt, BigInt, BigInt, BigInt) {
    let (a, b, c, d) = parts(r);
    (to_bigint(a), to_bigint(b), to_bigint(c), to_bigint(d))
}

/// CPython's `compute_range_length`.
fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, st) = if step.is_positive() {
        (start.clone(), stop.clone(), step.clone())
    } else {
        (stop.clone(), start.clone(), -step)
    };
    if lo >= hi {
        BigInt::zero()
    } else {
        (hi - lo - 1u32) / st + 1u32
    }
}

fn small_len(start: i64, stop: i64, step: i64) -> i128 {
    let (lo, hi, st) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if lo >= hi {
        0
    } else {
        (hi - lo - 1) / st + 1
    }
}

/// `operator.index(v)` as an exact int (bools become ints).
fn as_int(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_small_int() {
        return Ok(v);
    }
    let i = vm.index(v)?;
    if type_of(i) == ty(T::Int) {
        Ok(i)
    } else {
        vm.new_bigint(&to_bigint(i))
    }
}

fn big(vm: &mut Vm, b: &BigInt) -> PyResult<Value> {
    vm.new_bigint(b)
}

impl Vm {
    /// A range from exact ints (`step` nonzero).
    pub fn new_range(&mut self, start: Value, stop: Value, step: Value) -> PyResult<Value> {
        let len = match (int_to_i64(start), int_to_i64(stop), int_to_i64(step)) {
            (Some(a), Some(b), Some(c)) => self.new_int_i128(small_len(a, b, c))?,
            _ => {
                let l = big_len(&to_bigint(start), &to_bigint(stop), &to_bigint(step));
                self.new_bigint(&l)?
            }
        };
        let r = self.alloc(Kind::Range, ty(T::Range), size_of::<RangeObj>())?;
        let o = ro(r);
        o.start.set(start);
        o.stop.set(stop);
        o.step.set(step);
        o.len.set(len);
        Ok(r)
    }
}

fn range_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "range() takes no keyword arguments"));
    }
    let n = a.len() - 1;
    let (start, stop, step) = match n {
        1 => (Value::small(0), as_int(vm, a.get(1))?, Value::small(1)),
        2 => (
            as_int(vm, a.get(1))?,
            as_int(vm, a.get(2))?,
            Value::small(1),
        ),
        3 => {
            let (s, e, st) = (
                as_int(vm, a.get(1))?,
                as_int(vm, a.get(2))?,
                as_int(vm, a.get(3))?,
            );
            if st == Value::small(0) {
                return Err(vm.raise_msg(ExcKind::ValueError, "range() arg 3 must not be zero"));
            }
            (s, e, st)
        }
        0 => {
            return Err(vm.raise_msg(
                ExcKind::TypeError,
                "range expected at least 1 argument, got 0",
            ))
        }
        _ => {
            let msg = format!("range expected at most 3 arguments, got {n}");
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    };
    vm.new_range(start, stop, step)
}

fn range_repr(vm: &mut Vm, r: Value) -> PyResult<Value> {
    let (a, b, c, _) = parts(r);
    let sa = vm.repr_string(a)?;
    let sb = vm.repr_string(b)?;
    let s = if c == Value::small(1) {
        format!("range({sa}, {sb})")
    } else {
        let sc = vm.repr_string(c)?;
        format!("range({sa}, {sb}, {sc})")
    };
    vm.new_str(&s)
}

fn int_eq(a: Value, b: Value) -> bool {
    a == b || (!a.is_small_int() || !b.is_small_int()) && to_bigint(a) == to_bigint(b)
}

fn range_eq(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    let (sa, _, ta, la) = parts(a);
    let (sb, _, tb, lb) = parts(b);
    if !int_eq(la, lb) {
        return false;
    }
    if la == Value::small(0) {
        return true;
    }
    if !int_eq(sa, sb) {
        return false;
    }
    la == Value::small(1) || int_eq(ta, tb)
}

fn range_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_range(a) || !is_range(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(g().not_implemented);
    }
    Ok(vm.bool_val(range_eq(a, b) == (op == CmpOp::Eq)))
}

fn range_hash(vm: &mut Vm, r: Value) -> PyResult<i64> {
    let (start, _, step, len) = parts(r);
    let none = g().none;
    let t = if len == Value::small(0) {
        vm.new_tuple(&[len, none, none])?
    } else if len == Value::small(1) {
        vm.new_tuple(&[len, start, none])?
    } else {
        vm.new_tuple(&[len, start, step])?
    };
    vm.hash(t)
}

fn range_bool(_vm: &mut Vm, r: Value) -> PyResult<bool> {
    Ok(ro(r).len.get() != Value::small(0))
}

fn range_len(vm: &mut Vm, r: Value) -> PyResult<usize> {
    match int_to_i64(ro(r).len.get()) {
        Some(n) => Ok(n as usize),
        None => Err(vm.raise_msg(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// Item `i` (already an exact int) of the range, or IndexError.
fn item(vm: &mut Vm, r: Value, i: Value) -> PyResult<Value> {
    if let (Some((start, _, step, len)), Some(i)) = (small_parts(r), int_to_i64(i)) {
        let j = if i < 0 { i + len } else { i };
        if j < 0 || j >= len {
            return Err(vm.raise_msg(ExcKind::IndexError, "range object index out of range"));
        }
        return vm.new_int_i128(start as i128 + j as i128 * step as i128);
    }
    let (start, _, step, len) = big_parts(r);
    let mut j = to_bigint(i);
    if j.is_negative() {
        j += &len;
    }
    if j.is_negative() || j >= len {
        return Err(vm.raise_msg(ExcKind::IndexError, "range object index out of range"));
    }
    big(vm, &(start + j * step))
}

/// A slice bound or step as a big int (CPython's `_PySlice_GetLongIndices` input).
fn slice_part(vm: &mut Vm, v: Value) -> PyResult<Option<BigInt>> {
    if v == g().none {
        return Ok(None);
    }
    if !crate::types::int::is_int(v) && vm.lookup(type_of(v), g().names.__index__).is_null() {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "slice indices must be integers or None or have an __index__ method",
        ));
    }
    let i = vm.index(v)?;
    Ok(Some(to_bigint(i)))
}

fn range_slice(vm: &mut Vm, r: Value, s: Value) -> PyResult<Value> {
    // SAFETY: `s` is a slice (kind checked by the caller).
    let so = unsafe { obj::<SliceObj>(s) };
    let (sstart, sstop, sstep) = (so.start.get(), so.stop.get(), so.step.get());
    let step = slice_part(vm, sstep)?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(vm.raise_msg(ExcKind::ValueError, "slice step cannot be zero"));
    }
    let (rstart, _, rstep, length) = big_parts(r);
    let neg = step.is_negative();
    let lower = if neg {
        BigInt::from(-1)
    } else {
        BigInt::zero()
    };
    let upper = if neg { &length - 1u32 } else { length.clone() };
    let clamp = |x: BigInt| -> BigInt {
        if x.is_negative() {
            let y = x + &length;
            if y < lower {
                lower.clone()
            } else {
                y
            }
        } else if x > upper {
            upper.clone()
        } else {
            x
        }
    };
    let start = match slice_part(vm, sstart)? {
        Some(x) => clamp(x),
        None => {
            if neg {
                upper.clone()
            } else {
                lower.clone()
            }
        }
    };
    let stop = match slice_part(vm, sstop)? {
        Some(x) => clamp(x),
        None => {
            if neg {
                lower.clone()
            } else {
                upper.clone()
            }
        }
    };
    let substart = &rstart + &start * &rstep;
    let substop = &rstart + &stop * &rstep;
    let substep = &rstep * &step;
    let a = big(vm, &substart)?;
    let b = big(vm, &substop)?;
    let c = big(vm, &substep)?;
    vm.new_range(a, b, c)
}

fn range_getitem(vm: &mut Vm, r: Value, k: Value) -> PyResult<Value> {
    if k.is_small_int() {
        return item(vm, r, k);
    }
    if k.is_ptr() && kind_of(k) == Kind::Slice {
        return range_slice(vm, r, k);
    }
    if !crate::types::int::is_int(k) && vm.lookup(type_of(k), g().names.__index__).is_null() {
        let msg = format!(
            "range indices must be integers or slices, not {}",
            type_name(type_of(k))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let i = as_int(vm, k)?;
    item(vm, r, i)
}

/// Whether the exact int `x` is in the range (arithmetically).
fn contains_int(r: Value, x: Value) -> bool {
    if let (Some((start, stop, step, _)), Some(x)) = (small_parts(r), int_to_i64(x)) {
        let (x, start, stop, step) = (x as i128, start as i128, stop as i128, step as i128);
        let inside = if step > 0 {
            start <= x && x < stop
        } else {
            stop < x && x <= start
        };
        return inside && (x - start) % step == 0;
    }
    let (start, stop, step, _) = big_parts(r);
    let x = to_bigint(x);
    let inside = if step.is_positive() {
        start <= x && x < stop
    } else {
        stop < x && x <= start
    };
    inside && (x - start).mod_floor(&step).is_zero()
}

fn is_exact_int(x: Value) -> bool {
    x.is_small_int()
        || (x.is_ptr() && matches!(type_of(x), t if t == ty(T::Int) || t == ty(T::Bool)))
}

/// Linear search by equality (for non-int needles), as `_PySequence_IterSearch`.
fn search(vm: &mut Vm, r: Value, x: Value, count: bool) -> PyResult<(i64, Option<i64>)> {
    let it = range_iter(vm, r)?;
    let mut n = 0i64;
    let mut i = 0i64;
    while let Some(v) = range_iter_next(vm, it)? {
        if vm.eq_bool(v, x)? {
            if !count {
                return Ok((0, Some(i)));
            }
            n += 1;
        }
        i += 1;
    }
    Ok((n, None))
}

fn range_contains(vm: &mut Vm, r: Value, x: Value) -> PyResult<bool> {
    if is_exact_int(x) {
        return Ok(contains_int(r, x));
    }
    Ok(search(vm, r, x, false)?.1.is_some())
}

fn m_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_one(vm, a, "index")?;
    let (r, x) = (a.get(0), a.get(1));
    if is_exact_int(x) {
        if !contains_int(r, x) {
            let s = vm.repr_string(x)?;
            let msg = format!("{s} is not in range");
            return Err(vm.raise_msg(ExcKind::ValueError, &msg));
        }
        let (start, _, step, _) = big_parts(r);
        let i = (to_bigint(x) - start) / step;
        return big(vm, &i);
    }
    match search(vm, r, x, false)?.1 {
        Some(i) => vm.new_int(i),
        None => Err(vm.raise_msg(ExcKind::ValueError, "sequence.index(x): x not in sequence")),
    }
}

fn m_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_one(vm, a, "count")?;
    let (r, x) = (a.get(0), a.get(1));
    if is_exact_int(x) {
        return Ok(Value::small(contains_int(r, x) as i64));
    }
    let n = search(vm, r, x, true)?.0;
    vm.new_int(n)
}

fn check_one(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.len() != 2 || a.nkw() != 0 || !is_range(a.get(0)) {
        let msg = format!(
            "range.{name}() takes exactly one argument ({} given)",
            (a.len() + a.nkw()).saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

fn m_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = a.get(0);
    if let Some((start, _, step, len)) = small_parts(r) {
        let last = start as i128 + (len as i128 - 1) * step as i128;
        if let (Ok(last), Some(nstep)) = (i64::try_from(last), step.checked_neg()) {
            if Value::try_small(nstep).is_some() {
                return new_iter_small(vm, last, nstep, len);
            }
        }
    }
    let (start, _, step, len) = big_parts(r);
    let last = if len.is_zero() {
        start.clone()
    } else {
        &start + (&len - 1u32) * &step
    };
    new_iter_big(vm, &last, &(-step), &len)
}

fn m_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (s, e, st, _) = parts(a.get(0));
    let args = vm.new_tuple(&[s, e, st])?;
    vm.new_tuple(&[ty(T::Range), args])
}

fn get_start(_vm: &mut Vm, r: Value) -> PyResult<Value> {
    Ok(ro(r).start.get())
}
fn get_stop(_vm: &mut Vm, r: Value) -> PyResult<Value> {
    Ok(ro(r).stop.get())
}
fn get_step(_vm: &mut Vm, r: Value) -> PyResult<Value> {
    Ok(ro(r).step.get())
}

// ---- the iterator ----

fn irec(v: Value) -> &'static RecordObj {
    // SAFETY: range iterators are records.
    unsafe { obj::<RecordObj>(v) }
}

fn new_iter_small(vm: &mut Vm, start: i64, step: i64, len: i64) -> PyResult<Value> {
    vm.new_record(
        ty(T::RangeIter),
        REC_RANGE_ITER,
        [Value::small(step), Value::NULL, Value::NULL, Value::NULL],
        start,
        len,
    )
}

fn new_iter_big(vm: &mut Vm, start: &BigInt, step: &BigInt, len: &BigInt) -> PyResult<Value> {
    let a = big(vm, start)?;
    let b = big(vm, step)?;
    let c = big(vm, len)?;
    vm.new_record(
        ty(T::RangeIter),
        REC_RANGE_ITER,
        [a, b, c, Value::NULL],
        0,
        -1,
    )
}

fn range_iter(vm: &mut Vm, r: Value) -> PyResult<Value> {
    if let Some((start, stop, step, len)) = small_parts(r) {
        // Every value lies between start and stop, so it fits in i64.
        let _ = stop;
        if Value::try_small(step).is_some() {
            return new_iter_small(vm, start, step, len);
        }
    }
    let (start, _, step, len) = big_parts(r);
    new_iter_big(vm, &start, &step, &len)
}

#[inline]
pub fn range_iter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let r = irec(it);
    let left = r.b.load(Ordering::Relaxed);
    if left > 0 {
        let v = r.a.load(Ordering::Relaxed);
        let step = r.s[0].get().as_small();
        r.a.store(v.wrapping_add(step), Ordering::Relaxed);
        r.b.store(left - 1, Ordering::Relaxed);
        return match Value::try_small(v) {
            Some(x) => Ok(Some(x)),
            None => vm.new_int(v).map(Some),
        };
    }
    if left == 0 {
        return Ok(None);
    }
    // Big form.
    let rem = to_bigint(r.s[2].get());
    if !rem.is_positive() {
        return Ok(None);
    }
    let cur = r.s[0].get();
    let next = to_bigint(cur) + to_bigint(r.s[1].get());
    let nv = big(vm, &next)?;
    let nr = big(vm, &(rem - 1u32))?;
    let r = irec(it);
    r.s[0].set(nv);
    r.s[2].set(nr);
    Ok(Some(cur))
}

fn iter_self(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn iter_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = irec(a.get(0));
    let left = r.b.load(Ordering::Relaxed);
    if left >= 0 {
        return vm.new_int(left);
    }
    let n = to_bigint(r.s[2].get());
    match n.to_i64() {
        Some(n) => vm.new_int(n.max(0)),
        None => Err(vm.raise_msg(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

pub static RANGE_OPS: TypeOps = TypeOps {
    repr: Some(range_repr),
    hash: Some(range_hash),
    richcmp: Some(range_richcmp),
    bool: Some(range_bool),
    len: Some(range_len),
    getitem: Some(range_getitem),
    contains: Some(range_contains),
    iter: Some(range_iter),
    new: Some(range_new),
    ..TypeOps::EMPTY
};

pub static RANGE_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(range_iter_next),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::Range);
    vm.install_slots(t, &RANGE_OPS)?;
    vm.def_methods(
        t,
        &[
            ("index", m_index),
            ("count", m_count),
            ("__reversed__", m_reversed),
            ("__reduce__", m_reduce),
        ],
    )?;
    vm.def_getters(
        t,
        &[("start", get_start), ("stop", get_stop), ("step", get_step)],
    )?;
    let it = ty(T::RangeIter);
    vm.install_slots(it, &RANGE_ITER_OPS)?;
    vm.def_methods(it, &[("__length_hint__", iter_length_hint)])?;
    Ok(())
}
