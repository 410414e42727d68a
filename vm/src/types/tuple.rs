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

fn tuple_repr(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let it = items(t);
    if !vm.repr_enter(t) {
        return vm.new_str("(...)");
    }
    let r = if it.len() == 1 {
        seq_repr(vm, &it, "(", ",)")
    } else {
        seq_repr(vm, &it, "(", ")")
    };
    vm.repr_leave(t);
    let s = r?;
    vm.new_str(&s)
}

fn tuple_hash(vm: &mut Vm, t: Value) -> PyResult<i64> {
    // xxHash-based tuple hash of CPython 3.8+.
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let it = items(t);
    let mut acc: u64 = P5;
    for x in &it {
        let h = vm.hash(*x)? as u64;
        acc = acc.wrapping_add(h.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((it.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn tuple_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_tuple(a) || !is_tuple(b) {
        return Ok(g().not_implemented);
    }
    let r = seq_compare(vm, &items(a), &items(b), op)?;
    Ok(vm.bool_val(r))
}

fn tuple_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add if is_tuple(a) => {
            if !is_tuple(b) {
                let msg = format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    type_name(type_of(b))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            let mut v = items(a);
            v.extend(items(b));
            vm.new_tuple(&v)
        }
        BinOp::Mul => {
            let (t, n) = if is_tuple(a) { (a, b) } else { (b, a) };
            if !is_tuple(t) || !crate::types::int::is_int(n) {
                return Ok(g().not_implemented);
            }
            let n = vm.index_i64(n)?.max(0) as usize;
            let it = items(t);
            if it.len().checked_mul(n).is_none_or(|x| x > 1 << 36) {
                return Err(vm.memory_error());
            }
            let mut v = Vec::with_capacity(it.len() * n);
            for _ in 0..n {
                v.extend_from_slice(&it);
            }
            vm.new_tuple(&v)
        }
        _ => Ok(g().not_implemented),
    }
}

fn tuple_len(_vm: &mut Vm, t: Value) -> PyResult<usize> {
    Ok(tuple_slots(t).len())
}

fn tuple_contains(vm: &mut Vm, t: Value, x: Value) -> PyResult<bool> {
    for v in items(t) {
        if vm.eq_bool(v, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_getitem(vm: &mut Vm, t: Value, k: Value) -> PyResult<Value> {
    let n = tuple_slots(t).len();
    if k.is_ptr() && kind_of(k) == Kind::Slice {
        let (start, _, step, len) = slice_indices(vm, k, n)?;
        let it = items(t);
        let v: Vec<Value> = (0..len)
            .map(|i| it[(start + i as i64 * step) as usize])
            .collect();
        return vm.new_tuple(&v);
    }
    if !crate::types::int::is_int(k) && vm.lookup(type_of(k), g().names.__index__).is_null() {
        let msg = format!(
            "tuple indices must be integers or slices, not {}",
            type_name(type_of(k))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let i = seq_index(vm, k, n, "tuple")?;
    Ok(tuple_slots(t)[i].get())
}

fn tuple_iter(vm: &mut Vm, t: Value) -> PyResult<Value> {
    crate::types::iter::new_seq_iter(vm, t)
}

fn tuple_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let v = match a.opt(1).or_else(|| a.kw("iterable")) {
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

fn tuple_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut n = 0;
    for v in items(a.get(0)) {
        if vm.eq_bool(v, a.get(1))? {
            n += 1;
        }
    }
    vm.new_int(n)
}

fn tuple_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    for (i, v) in items(a.get(0)).into_iter().enumerate() {
        if vm.eq_bool(v, a.get(1))? {
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
