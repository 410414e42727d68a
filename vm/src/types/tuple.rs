//! `tuple` and `slice` helpers shared by the sequence types.
//!
//! What must hold: tuples are immutable once published; `slice_indices` clamps exactly
//! as CPython's `PySlice_AdjustIndices`.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::slots::TypeOps;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

pub fn items(t: Value) -> Vec<Value> {
    tuple_slots(t).iter().map(|s| s.get()).collect()
}

/// `(start, stop, step, length)` of a slice applied to a sequence of `len` items.
pub fn slice_indices(vm: &mut Vm, s: Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    // SAFETY: callers pass slice objects.
    let o = unsafe { obj::<SliceObj>(s) };
    let none = g().none;
    let step = if o.step.get() == none {
        1
    } else {
        vm.index_i64(o.step.get())?
    };
    if step == 0 {
        return Err(vm.raise_msg(ExcKind::ValueError, "slice step cannot be zero"));
    }
    let n = len as i64;
    let clamp = |vm: &mut Vm, v: Value, dflt: i64| -> PyResult<i64> {
        if v == none {
            return Ok(dflt);
        }
        let mut i = vm.index_i64(v).or_else(|e| {
            if vm.exc_is(ExcKind::IndexError) {
                vm.exc = Value::NULL;
                let neg = crate::types::int::to_bigint(v) < num_bigint::BigInt::from(0);
                Ok(if neg { i64::MIN / 2 } else { i64::MAX / 2 })
            } else {
                Err(e)
            }
        })?;
        if i < 0 {
            i += n;
            if i < 0 {
                i = if step < 0 { -1 } else { 0 };
            }
        } else if i >= n {
            i = if step < 0 { n - 1 } else { n };
        }
        Ok(i)
    };
    let start = clamp(vm, o.start.get(), if step < 0 { n - 1 } else { 0 })?;
    let stop = clamp(vm, o.stop.get(), if step < 0 { -1 } else { n })?;
    let count = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, stop, step, count as usize))
}

/// Normalises a sequence index (negative from the end); IndexError with `what`.
pub fn seq_index(vm: &mut Vm, k: Value, len: usize, what: &str) -> PyResult<usize> {
    let i = vm.index_i64(k)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        let msg = format!("{what} index out of range");
        return Err(vm.raise_msg(ExcKind::IndexError, &msg));
    }
    Ok(j as usize)
}

/// Lexicographic comparison of two item vectors.
pub fn seq_compare(vm: &mut Vm, a: &[Value], b: &[Value], op: CmpOp) -> PyResult<bool> {
    let n = a.len().min(b.len());
    for i in 0..n {
        if !vm.eq_bool(a[i], b[i])? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => vm.cmp_bool(a[i], b[i], op),
            };
        }
    }
    Ok(op.test(a.len().cmp(&b.len())))
}

/// CPython's list/tuple rich comparison over live items: the first differing pair
/// decides (its own comparison's result object is returned for ordering operators);
/// otherwise the lengths do. `get` returns None past the current end.
pub fn seq_richcmp(
    vm: &mut Vm,
    a: Value,
    b: Value,
    get: fn(Value, usize) -> Option<Value>,
    len: fn(Value) -> usize,
    op: CmpOp,
) -> PyResult<Value> {
    let mut i = 0;
    while let (Some(x), Some(y)) = (get(a, i), get(b, i)) {
        if x != y && !vm.eq_bool(x, y)? {
            return match op {
                CmpOp::Eq => Ok(g().false_),
                CmpOp::Ne => Ok(g().true_),
                _ => vm.compare(x, y, op),
            };
        }
        i += 1;
    }
    Ok(vm.bool_val(op.test(len(a).cmp(&len(b)))))
}

/// The count `n` of `seq * n` (negative counts are 0; counts beyond an index-sized
/// integer are OverflowError, as in CPython).
pub fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<usize> {
    let i = vm.index(n)?;
    match crate::types::int::int_to_i64(i) {
        Some(k) => Ok(k.max(0) as usize),
        None => {
            if crate::types::int::to_bigint(i).sign() == num_bigint::Sign::Minus {
                return Ok(0);
            }
            let msg = format!(
                "cannot fit '{}' into an index-sized integer",
                type_name(type_of(n))
            );
            Err(vm.raise_msg(ExcKind::OverflowError, &msg))
        }
    }
}

pub fn seq_repr(vm: &mut Vm, items: &[Value], open: &str, close: &str) -> PyResult<String> {
    let mut s = String::from(open);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&vm.repr_string(*x)?);
    }
    s.push_str(close);
    Ok(s)
}

fn is_tuple(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Tuple
}

fn slot_at(t: Value, i: usize) -> Option<Value> {
    tuple_slots(t).get(i).map(|s| s.get())
}

fn slot_len(t: Value) -> usize {
    tuple_slots(t).len()
}

fn tuple_repr(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let n = slot_len(t);
    if n == 0 {
        return vm.new_str("()");
    }
    if !vm.repr_enter(t) {
        return vm.new_str("(...)");
    }
    let mut s = String::from("(");
    let mut r = Ok(());
    for (i, x) in tuple_slots(t).iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        match vm.repr_string(x.get()) {
            Ok(a) => s.push_str(&a),
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.repr_leave(t);
    r?;
    s.push_str(if n == 1 { ",)" } else { ")" });
    vm.new_str(&s)
}

/// CPython 3.8+'s xxHash-based tuple hash.
fn tuple_hash(vm: &mut Vm, t: Value) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let slots = tuple_slots(t);
    let mut acc: u64 = P5;
    for x in slots {
        let h = vm.hash_key(x.get())? as u64;
        acc = acc.wrapping_add(h.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((slots.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn tuple_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_tuple(a) || !is_tuple(b) {
        return Ok(g().not_implemented);
    }
    seq_richcmp(vm, a, b, slot_at, slot_len, op)
}

fn defer_to_user(vm: &mut Vm, b: Value, name: &str) -> PyResult<bool> {
    let t = type_of(b);
    if !crate::ops::attr::is_heap_type(t) {
        return Ok(false);
    }
    let nm = vm.intern(name)?;
    Ok(!vm.lookup(t, nm).is_null())
}

fn tuple_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add if is_tuple(a) => {
            if !is_tuple(b) {
                if defer_to_user(vm, b, "__radd__")? {
                    return Ok(g().not_implemented);
                }
                let msg = format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    type_name(type_of(b))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            if slot_len(b) == 0 && type_of(a) == ty(T::Tuple) {
                return Ok(a);
            }
            if slot_len(a) == 0 && type_of(b) == ty(T::Tuple) {
                return Ok(b);
            }
            let (sa, sb) = (tuple_slots(a), tuple_slots(b));
            let t = vm.new_tuple_n(sa.len() + sb.len(), ty(T::Tuple))?;
            for (d, s) in tuple_slots(t).iter().zip(sa.iter().chain(sb)) {
                d.set(s.get());
            }
            Ok(t)
        }
        BinOp::Mul => {
            let (t, n) = if is_tuple(a) { (a, b) } else { (b, a) };
            if !is_tuple(t) {
                return Ok(g().not_implemented);
            }
            if !crate::types::int::is_int(n) && vm.lookup(type_of(n), g().names.__index__).is_null()
            {
                let rname = if t == a { "__rmul__" } else { "__mul__" };
                if defer_to_user(vm, n, rname)? {
                    return Ok(g().not_implemented);
                }
                let msg = format!(
                    "can't multiply sequence by non-int of type '{}'",
                    type_name(type_of(n))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            let n = repeat_count(vm, n)?;
            let src = tuple_slots(t);
            if n == 1 && type_of(t) == ty(T::Tuple) {
                return Ok(t);
            }
            let total = match src.len().checked_mul(n) {
                Some(x) if x <= 1 << 32 => x,
                _ => return Err(vm.memory_error()),
            };
            let r = vm.new_tuple_n(total, ty(T::Tuple))?;
            if !src.is_empty() {
                for (i, d) in tuple_slots(r).iter().enumerate() {
                    d.set(src[i % src.len()].get());
                }
            }
            Ok(r)
        }
        _ => Ok(g().not_implemented),
    }
}

fn tuple_len(_vm: &mut Vm, t: Value) -> PyResult<usize> {
    Ok(slot_len(t))
}

fn tuple_contains(vm: &mut Vm, t: Value, x: Value) -> PyResult<bool> {
    for s in tuple_slots(t) {
        if vm.eq_bool(s.get(), x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_getitem(vm: &mut Vm, t: Value, k: Value) -> PyResult<Value> {
    let slots = tuple_slots(t);
    let n = slots.len();
    if k.is_small_int() {
        let i = k.as_small();
        let j = if i < 0 { i + n as i64 } else { i };
        if j >= 0 && (j as usize) < n {
            return Ok(slots[j as usize].get());
        }
        return Err(vm.raise_msg(ExcKind::IndexError, "tuple index out of range"));
    }
    if k.is_ptr() && kind_of(k) == Kind::Slice {
        let (start, _, step, len) = slice_indices(vm, k, n)?;
        if step == 1 && len == n && type_of(t) == ty(T::Tuple) {
            return Ok(t);
        }
        let r = vm.new_tuple_n(len, ty(T::Tuple))?;
        for (i, d) in tuple_slots(r).iter().enumerate() {
            d.set(slots[(start + i as i64 * step) as usize].get());
        }
        return Ok(r);
    }
    if !crate::types::int::is_int(k) && vm.lookup(type_of(k), g().names.__index__).is_null() {
        let msg = format!(
            "tuple indices must be integers or slices, not {}",
            type_name(type_of(k))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let i = seq_index(vm, k, n, "tuple")?;
    Ok(slots[i].get())
}

fn tuple_iter(vm: &mut Vm, t: Value) -> PyResult<Value> {
    crate::types::iter::new_seq_iter(vm, t)
}

fn tuple_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    if cls == ty(T::Tuple) && a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "tuple() takes no keyword arguments"));
    }
    if a.len() > 2 {
        let msg = format!("tuple expected at most 1 argument, got {}", a.len() - 1);
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let v = match a.opt(1) {
        None => Vec::new(),
        Some(x) => {
            if cls == ty(T::Tuple) && type_of(x) == ty(T::Tuple) {
                return Ok(x);
            }
            vm.to_vec(x)?
        }
    };
    if cls == ty(T::Tuple) {
        return vm.new_tuple(&v);
    }
    let t = vm.new_tuple_n(v.len(), cls)?;
    for (s, x) in tuple_slots(t).iter().zip(&v) {
        s.set(*x);
    }
    Ok(t)
}

fn check_args(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.len().saturating_sub(1);
    if a.nkw() != 0 {
        let msg = format!("{name}() takes no keyword arguments");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if n < min || n > max {
        let msg = if min == max {
            format!("{name}() takes exactly one argument ({n} given)")
        } else if n < min {
            format!("{name} expected at least {min} argument, got {n}")
        } else {
            format!("{name} expected at most {max} arguments, got {n}")
        };
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if a.is_empty() || !is_tuple(a.get(0)) {
        return Err(vm.raise_msg(ExcKind::TypeError, "descriptor requires a 'tuple' object"));
    }
    Ok(())
}

fn tuple_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_args(vm, a, "tuple.count", 1, 1)?;
    let mut n = 0;
    for s in tuple_slots(a.get(0)) {
        if vm.eq_bool(s.get(), a.get(1))? {
            n += 1;
        }
    }
    vm.new_int(n)
}

fn tuple_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_args(vm, a, "index", 1, 3)?;
    let t = a.get(0);
    let n = slot_len(t);
    let start = crate::types::list::clamp_bound(vm, a.opt(2), n, 0)?;
    let stop = crate::types::list::clamp_bound(vm, a.opt(3), n, n)?;
    for i in start..stop.min(n) {
        if vm.eq_bool(tuple_slots(t)[i].get(), a.get(1))? {
            return vm.new_int(i as i64);
        }
    }
    Err(vm.raise_msg(ExcKind::ValueError, "tuple.index(x): x not in tuple"))
}

fn tuple_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = vm.new_tuple(&items(a.get(0)))?;
    vm.new_tuple(&[t])
}

pub static TUPLE_OPS: TypeOps = TypeOps {
    repr: Some(tuple_repr),
    hash: Some(tuple_hash),
    richcmp: Some(tuple_richcmp),
    binop: Some(tuple_binop),
    len: Some(tuple_len),
    contains: Some(tuple_contains),
    getitem: Some(tuple_getitem),
    iter: Some(tuple_iter),
    new: Some(tuple_new),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::Tuple);
    vm.install_slots(t, &TUPLE_OPS)?;
    vm.def_methods(
        t,
        &[
            ("count", tuple_count),
            ("index", tuple_index),
            ("__getnewargs__", tuple_getnewargs),
        ],
    )?;
    Ok(())
}

impl Vm {
    /// Guards `repr` of containers against self-reference: false if `v` is already
    /// being printed.
    pub fn repr_enter(&mut self, v: Value) -> bool {
        if self.repr_stack.contains(&v) {
            return false;
        }
        self.repr_stack.push(v);
        true
    }

    pub fn repr_leave(&mut self, v: Value) {
        if let Some(p) = self.repr_stack.iter().rposition(|x| *x == v) {
            self.repr_stack.remove(p);
        }
    }
}
