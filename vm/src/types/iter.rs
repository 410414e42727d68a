//! Iterators of the built-in sequences (list, tuple, str, and the `__getitem__`
//! protocol), as records: s0 = the sequence, a = the next index (a byte offset for
//! str). `list_reverseiterator` counts `a` down from the last index.
//!
//! What must hold: an exhausted iterator stays exhausted (s0 is cleared).

use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::{is_ascii_str, str_val};
use crate::obj::layout::*;
use crate::runtime::{ty, ExcKind, T};
use crate::types::record::REC_SEQ_ITER;
use crate::types::slots::TypeOps;
use crate::value::Value;
use std::sync::atomic::Ordering;

fn rec(v: Value) -> &'static RecordObj {
    // SAFETY: iterator records are kind Record.
    unsafe { obj::<RecordObj>(v) }
}

pub fn new_seq_iter(vm: &mut Vm, seq: Value) -> PyResult<Value> {
    let t = match kind_of(seq) {
        Kind::List => ty(T::ListIter),
        Kind::Tuple => ty(T::TupleIter),
        _ => ty(T::SeqIter),
    };
    vm.new_record(
        t,
        REC_SEQ_ITER,
        [seq, Value::NULL, Value::NULL, Value::NULL],
        0,
        0,
    )
}

pub fn new_str_iter(vm: &mut Vm, s: Value) -> PyResult<Value> {
    vm.new_record(
        ty(T::StrIter),
        REC_SEQ_ITER,
        [s, Value::NULL, Value::NULL, Value::NULL],
        0,
        0,
    )
}

/// `reversed(list)`: walks indices down from the end, re-checking the length each step.
pub fn new_list_rev_iter(vm: &mut Vm, list: Value) -> PyResult<Value> {
    let n = crate::types::list::list_len(list) as i64;
    vm.new_record(
        ty(T::ListRevIter),
        REC_SEQ_ITER,
        [list, Value::NULL, Value::NULL, Value::NULL],
        n - 1,
        0,
    )
}

fn list_rev_next(_vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let r = rec(it);
    let l = r.s[0].get();
    if l.is_null() {
        return Ok(None);
    }
    let i = r.a.load(Ordering::Relaxed);
    if i >= 0 && (i as usize) < crate::types::list::list_len(l) {
        r.a.store(i - 1, Ordering::Relaxed);
        let v = crate::types::list::list_get(l, i as usize);
        if !v.is_null() {
            return Ok(Some(v));
        }
    }
    r.a.store(-1, Ordering::Relaxed);
    r.s[0].set(Value::NULL);
    Ok(None)
}

/// `__length_hint__` of the sequence iterators.
fn length_hint(vm: &mut Vm, a: &crate::interp::call::Args) -> PyResult<Value> {
    let it = a.get(0);
    let r = rec(it);
    let s = r.s[0].get();
    if s.is_null() {
        return Ok(Value::small(0));
    }
    let i = r.a.load(Ordering::Relaxed);
    let n = match kind_of(s) {
        Kind::List => crate::types::list::list_len(s) as i64,
        Kind::Tuple => tuple_slots(s).len() as i64,
        Kind::Str => {
            if type_of_is(it, T::ListRevIter) {
                0
            } else {
                let b = str_bytes(s);
                let off = (i.max(0) as usize).min(b.len());
                return vm.new_int(str_val(s)[off..].chars().count() as i64);
            }
        }
        _ => return Ok(Value::small(0)),
    };
    if type_of_is(it, T::ListRevIter) {
        return Ok(Value::small(if i < n { i + 1 } else { 0 }));
    }
    Ok(Value::small((n - i).max(0)))
}

fn type_of_is(v: Value, t: T) -> bool {
    crate::types::typeobj::type_of(v) == ty(t)
}

fn iter_self(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v)
}

#[inline]
pub fn list_iter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let r = rec(it);
    let l = r.s[0].get();
    if l.is_null() {
        return Ok(None);
    }
    let _r = vm.read_lock(l);
    let i = r.a.load(Ordering::Relaxed) as usize;
    if i < crate::types::list::list_len(l) {
        r.a.store(i as i64 + 1, Ordering::Relaxed);
        let v = crate::types::list::list_get(l, i);
        // NULL: another thread shrank the list under us; the iteration ends.
        if !v.is_null() {
            return Ok(Some(v));
        }
    }
    r.s[0].set(Value::NULL);
    Ok(None)
}

fn tuple_iter_next(_vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let r = rec(it);
    let t = r.s[0].get();
    if t.is_null() {
        return Ok(None);
    }
    let i = r.a.load(Ordering::Relaxed) as usize;
    if let Some(s) = tuple_slots(t).get(i) {
        r.a.store(i as i64 + 1, Ordering::Relaxed);
        return Ok(Some(s.get()));
    }
    r.s[0].set(Value::NULL);
    Ok(None)
}

fn str_iter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let r = rec(it);
    let s = r.s[0].get();
    if s.is_null() {
        return Ok(None);
    }
    // `a` is a byte offset.
    let off = r.a.load(Ordering::Relaxed) as usize;
    let b = str_bytes(s);
    if off >= b.len() {
        r.s[0].set(Value::NULL);
        return Ok(None);
    }
    if is_ascii_str(s) {
        r.a.store(off as i64 + 1, Ordering::Relaxed);
        return Ok(Some(crate::runtime::g().chars[b[off] as usize]));
    }
    let c = str_val(s)[off..].chars().next().unwrap_or(' ');
    r.a.store((off + c.len_utf8()) as i64, Ordering::Relaxed);
    let mut buf = [0u8; 4];
    vm.new_str(c.encode_utf8(&mut buf)).map(Some)
}

fn seq_iter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let r = rec(it);
    let s = r.s[0].get();
    if s.is_null() {
        return Ok(None);
    }
    let i = r.a.load(Ordering::Relaxed);
    match vm.getitem(s, Value::small(i)) {
        Ok(v) => {
            rec(it).a.store(i + 1, Ordering::Relaxed);
            Ok(Some(v))
        }
        Err(e) => {
            if vm.exc_is(ExcKind::IndexError) || vm.exc_is(ExcKind::StopIteration) {
                vm.exc = Value::NULL;
                rec(it).s[0].set(Value::NULL);
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

pub static LIST_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(list_iter_next),
    ..TypeOps::EMPTY
};
pub static TUPLE_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(tuple_iter_next),
    ..TypeOps::EMPTY
};
pub static STR_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(str_iter_next),
    ..TypeOps::EMPTY
};
pub static LIST_REV_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(list_rev_next),
    ..TypeOps::EMPTY
};
pub static SEQ_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(seq_iter_next),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    vm.install_slots(ty(T::ListIter), &LIST_ITER_OPS)?;
    vm.install_slots(ty(T::TupleIter), &TUPLE_ITER_OPS)?;
    vm.install_slots(ty(T::StrIter), &STR_ITER_OPS)?;
    vm.install_slots(ty(T::SeqIter), &SEQ_ITER_OPS)?;
    vm.install_slots(ty(T::ListRevIter), &LIST_REV_ITER_OPS)?;
    for t in [T::ListIter, T::TupleIter, T::StrIter, T::ListRevIter] {
        vm.def_methods(ty(t), &[("__length_hint__", length_hint)])?;
    }
    Ok(())
}
