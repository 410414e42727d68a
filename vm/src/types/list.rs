//! list: a length and a backing array.
//!
//! Readers load `items` (acquire) and then `len`, and bound-check the index against the
//! array's capacity, so a reader racing a grow sees the old or the new array, never freed
//! memory (old arrays are reclaimed only by the collector). A grow fills a new array
//! completely before publishing it with a release store.
//!
//! What must hold: `len <= cap(items)`; slots at and above `len` are NULL or stale values
//! nobody reads.

use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::value::Value;
use std::sync::atomic::Ordering;

#[inline(always)]
fn l(v: Value) -> &'static ListObj {
    // SAFETY: callers pass list objects (kind List).
    unsafe { obj::<ListObj>(v) }
}

#[inline(always)]
pub fn list_len(v: Value) -> usize {
    l(v).len.load(Ordering::Acquire)
}

/// Item `i`; NULL if out of range (a racing shrink).
#[inline(always)]
pub fn list_get(v: Value, i: usize) -> Value {
    let arr = l(v).items.get();
    array_slots(arr)
        .get(i)
        .map(|s| s.get())
        .unwrap_or(Value::NULL)
}

#[inline(always)]
pub fn list_set(v: Value, i: usize, x: Value) {
    let arr = l(v).items.get();
    if let Some(s) = array_slots(arr).get(i) {
        s.set(x);
    }
}

/// A snapshot of the items.
pub fn list_items(v: Value) -> Vec<Value> {
    let arr = l(v).items.get();
    let n = list_len(v).min(array_slots(arr).len());
    array_slots(arr)[..n].iter().map(|s| s.get()).collect()
}

impl Vm {
    /// Ensures room for `need` items, publishing a larger array if required.
    pub fn list_reserve(&mut self, list: Value, need: usize) -> PyResult<()> {
        let arr = l(list).items.get();
        let cap = array_slots(arr).len();
        if need <= cap {
            return Ok(());
        }
        let newcap = need.max(cap + (cap >> 1) + 4);
        let na = self.new_array(newcap)?;
        let n = list_len(list);
        let old = array_slots(l(list).items.get());
        for (d, s) in array_slots(na).iter().zip(&old[..n]) {
            d.set(s.get());
        }
        l(list).items.set(na);
        Ok(())
    }

    pub fn list_append(&mut self, list: Value, x: Value) -> PyResult<()> {
        let n = list_len(list);
        if n >= array_slots(l(list).items.get()).len() {
            let mark = self.roots.len();
            self.root(x);
            let r = self.list_reserve(list, n + 1);
            self.unroot_to(mark);
            r?;
        }
        array_slots(l(list).items.get())[n].set(x);
        l(list).len.store(n + 1, Ordering::Release);
        Ok(())
    }

    /// Replaces the whole contents.
    pub fn list_replace(&mut self, list: Value, items: &[Value]) -> PyResult<()> {
        let na = self.new_array(items.len().max(4))?;
        for (d, s) in array_slots(na).iter().zip(items) {
            d.set(*s);
        }
        l(list).len.store(0, Ordering::Release);
        l(list).items.set(na);
        l(list).len.store(items.len(), Ordering::Release);
        Ok(())
    }

    pub fn list_truncate(&mut self, list: Value, n: usize) {
        let arr = l(list).items.get();
        let old = list_len(list);
        l(list).len.store(n, Ordering::Release);
        for s in &array_slots(arr)[n..old] {
            s.set(Value::NULL);
        }
    }

    pub fn list_pop_at(&mut self, list: Value, i: usize) -> Value {
        let n = list_len(list);
        let arr = l(list).items.get();
        let s = array_slots(arr);
        let v = s[i].get();
        for j in i..n - 1 {
            s[j].set(s[j + 1].get());
        }
        s[n - 1].set(Value::NULL);
        l(list).len.store(n - 1, Ordering::Release);
        v
    }

    pub fn list_insert(&mut self, list: Value, i: usize, x: Value) -> PyResult<()> {
        let n = list_len(list);
        let mark = self.roots.len();
        self.root(x);
        let r = self.list_reserve(list, n + 1);
        self.unroot_to(mark);
        r?;
        let s = array_slots(l(list).items.get());
        let mut j = n;
        while j > i {
            s[j].set(s[j - 1].get());
            j -= 1;
        }
        s[i].set(x);
        l(list).len.store(n + 1, Ordering::Release);
        Ok(())
    }
}

// ---- the list type (operators and methods) ----

use crate::interp::call::Args;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::slots::TypeOps;
use crate::types::typeobj::{type_name, type_of};

fn is_list(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::List
}

fn list_repr(vm: &mut Vm, l: Value) -> PyResult<Value> {
    if !vm.repr_enter(l) {
        return vm.new_str("[...]");
    }
    let items = list_items(l);
    let r = crate::types::tuple::seq_repr(vm, &items, "[", "]");
    vm.repr_leave(l);
    let s = r?;
    vm.new_str(&s)
}

fn list_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_list(a) || !is_list(b) {
        return Ok(g().not_implemented);
    }
    let r = crate::types::tuple::seq_compare(vm, &list_items(a), &list_items(b), op)?;
    Ok(vm.bool_val(r))
}

fn list_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add if is_list(a) => {
            if !is_list(b) {
                let msg = format!(
                    "can only concatenate list (not \"{}\") to list",
                    type_name(type_of(b))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            let mut v = list_items(a);
            v.extend(list_items(b));
            vm.new_list(&v)
        }
        BinOp::Mul => {
            let (l, n) = if is_list(a) { (a, b) } else { (b, a) };
            if !is_list(l) || !crate::types::int::is_int(n) {
                return Ok(g().not_implemented);
            }
            let n = vm.index_i64(n)?.max(0) as usize;
            let it = list_items(l);
            if it.len().checked_mul(n).is_none_or(|x| x > 1 << 32) {
                return Err(vm.memory_error());
            }
            let mut v = Vec::with_capacity(it.len() * n);
            for _ in 0..n {
                v.extend_from_slice(&it);
            }
            vm.new_list(&v)
        }
        _ => Ok(g().not_implemented),
    }
}

fn list_inplace(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            vm.list_extend(a, b)?;
            Ok(a)
        }
        BinOp::Mul => {
            if !crate::types::int::is_int(b) {
                return Ok(g().not_implemented);
            }
            let n = vm.index_i64(b)?.max(0) as usize;
            let it = list_items(a);
            let mut v = Vec::with_capacity(it.len() * n);
            for _ in 0..n {
                v.extend_from_slice(&it);
            }
            vm.list_replace(a, &v)?;
            Ok(a)
        }
        _ => Ok(g().not_implemented),
    }
}

fn list_len_slot(_vm: &mut Vm, l: Value) -> PyResult<usize> {
    Ok(list_len(l))
}

fn list_contains(vm: &mut Vm, l: Value, x: Value) -> PyResult<bool> {
    let mut i = 0;
    while i < list_len(l) {
        let v = list_get(l, i);
        if vm.eq_bool(v, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_getitem(vm: &mut Vm, l: Value, k: Value) -> PyResult<Value> {
    let n = list_len(l);
    if k.is_small_int() {
        let i = k.as_small();
        let j = if i < 0 { i + n as i64 } else { i };
        if j >= 0 && (j as usize) < n {
            return Ok(list_get(l, j as usize));
        }
        return Err(vm.raise_msg(ExcKind::IndexError, "list index out of range"));
    }
    if k.is_ptr() && kind_of(k) == Kind::Slice {
        let (start, _, step, len) = crate::types::tuple::slice_indices(vm, k, n)?;
        let it = list_items(l);
        let v: Vec<Value> = (0..len)
            .map(|i| it[(start + i as i64 * step) as usize])
            .collect();
        return vm.new_list(&v);
    }
    if !crate::types::int::is_int(k) && vm.lookup(type_of(k), g().names.__index__).is_null() {
        let msg = format!(
            "list indices must be integers or slices, not {}",
            type_name(type_of(k))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let i = crate::types::tuple::seq_index(vm, k, n, "list")?;
    Ok(list_get(l, i))
}

fn list_setitem(vm: &mut Vm, l: Value, k: Value, v: Value) -> PyResult<()> {
    let n = list_len(l);
    if k.is_ptr() && kind_of(k) == Kind::Slice {
        let (start, stop, step, len) = crate::types::tuple::slice_indices(vm, k, n)?;
        let mut it = list_items(l);
        if v.is_null() {
            let mut idx: Vec<usize> = (0..len)
                .map(|i| (start + i as i64 * step) as usize)
                .collect();
            idx.sort_unstable();
            for i in idx.into_iter().rev() {
                it.remove(i);
            }
            return vm.list_replace(l, &it);
        }
        let new = vm.to_vec(v)?;
        if step == 1 {
            let s = start as usize;
            let e = (stop.max(start)) as usize;
            it.splice(s..e, new);
            return vm.list_replace(l, &it);
        }
        if new.len() != len {
            let msg = format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                len
            );
            return Err(vm.raise_msg(ExcKind::ValueError, &msg));
        }
        for (i, x) in new.into_iter().enumerate() {
            it[(start + i as i64 * step) as usize] = x;
        }
        return vm.list_replace(l, &it);
    }
    if !crate::types::int::is_int(k) && vm.lookup(type_of(k), g().names.__index__).is_null() {
        let msg = format!(
            "list indices must be integers or slices, not {}",
            type_name(type_of(k))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let i = crate::types::tuple::seq_index(vm, k, n, "list assignment")?;
    if v.is_null() {
        vm.list_pop_at(l, i);
    } else {
        list_set(l, i, v);
    }
    Ok(())
}

fn list_iter(vm: &mut Vm, l: Value) -> PyResult<Value> {
    crate::types::iter::new_seq_iter(vm, l)
}

fn list_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.new_list_typed(&[], a.get(0))
}

fn list_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = a.get(0);
    let items = match a.opt(1) {
        Some(x) => vm.to_vec(x)?,
        None => Vec::new(),
    };
    vm.list_replace(l, &items)?;
    Ok(g().none)
}

fn m_append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::types::object::check_n(vm, a, 2, "list.append")?;
    vm.list_append(a.get(0), a.get(1))?;
    Ok(g().none)
}

fn m_extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.list_extend(a.get(0), a.get(1))?;
    Ok(g().none)
}

fn m_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = a.get(0);
    let n = list_len(l);
    if n == 0 {
        return Err(vm.raise_msg(ExcKind::IndexError, "pop from empty list"));
    }
    let i = match a.opt(1) {
        None => n - 1,
        Some(k) => crate::types::tuple::seq_index(vm, k, n, "pop")?,
    };
    Ok(vm.list_pop_at(l, i))
}

fn m_insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = a.get(0);
    let n = list_len(l) as i64;
    let mut i = vm.index_i64(a.get(1))?;
    if i < 0 {
        i = (i + n).max(0);
    }
    vm.list_insert(l, i.min(n) as usize, a.get(2))?;
    Ok(g().none)
}

fn m_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.list_truncate(a.get(0), 0);
    Ok(g().none)
}

fn m_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = list_items(a.get(0));
    vm.new_list(&it)
}

fn m_reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut it = list_items(a.get(0));
    it.reverse();
    vm.list_replace(a.get(0), &it)?;
    Ok(g().none)
}

fn m_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = a.get(0);
    let mut i = 0;
    while i < list_len(l) {
        if vm.eq_bool(list_get(l, i), a.get(1))? {
            return vm.new_int(i as i64);
        }
        i += 1;
    }
    let r = vm.repr_string(a.get(1))?;
    let msg = format!("{r} is not in list");
    Err(vm.raise_msg(ExcKind::ValueError, &msg))
}

fn m_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut n = 0;
    for v in list_items(a.get(0)) {
        if vm.eq_bool(v, a.get(1))? {
            n += 1;
        }
    }
    vm.new_int(n)
}

fn m_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let l = a.get(0);
    let mut i = 0;
    while i < list_len(l) {
        if vm.eq_bool(list_get(l, i), a.get(1))? {
            vm.list_pop_at(l, i);
            return Ok(g().none);
        }
        i += 1;
    }
    Err(vm.raise_msg(ExcKind::ValueError, "list.remove(x): x not in list"))
}

pub static LIST_OPS: TypeOps = TypeOps {
    repr: Some(list_repr),
    richcmp: Some(list_richcmp),
    binop: Some(list_binop),
    inplace: Some(list_inplace),
    len: Some(list_len_slot),
    contains: Some(list_contains),
    getitem: Some(list_getitem),
    setitem: Some(list_setitem),
    iter: Some(list_iter),
    new: Some(list_new),
    init: Some(list_init),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::List);
    vm.install_slots(t, &LIST_OPS)?;
    vm.type_set_attr(t, g().names.__hash__, g().none)?;
    vm.def_methods(
        t,
        &[
            ("append", m_append),
            ("extend", m_extend),
            ("pop", m_pop),
            ("insert", m_insert),
            ("clear", m_clear),
            ("copy", m_copy),
            ("reverse", m_reverse),
            ("index", m_index),
            ("count", m_count),
            ("remove", m_remove),
        ],
    )?;
    Ok(())
}
