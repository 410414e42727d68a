//! list: a length and a backing array.
//!
//! `len` and `items` are a published pair as in `obj/publish.rs`, and every load and
//! store of them goes through that module (the one its loom model checks): readers load
//! `len` and then `items` and bound-check the index against both, so a reader racing a
//! grow sees the old or the new array, never freed memory (old arrays are reclaimed only
//! by the collector). A grow fills a new array completely before publishing it with a
//! release store; a shrink stores the smaller length first.
//!
//! The Python-visible type is in `list/methods.rs`; `list.sort` (also the core of
//! `sorted`) is in `list/sort.rs`.
//!
//! Writers take the list's object lock (`Vm::write_lock`, elided while one thread runs)
//! around the Rust code that changes `items` and `len`; nothing in those sections runs
//! Python code or reaches a safepoint (a grow allocates, which never collects).
//!
//! What must hold: `len <= cap(items)`; slots at and above `len` are NULL or stale values
//! nobody reads.

use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::obj::publish;
use crate::value::Value;

#[inline(always)]
fn l(v: Value) -> &'static ListObj {
    // SAFETY: callers pass list objects (kind List).
    unsafe { obj::<ListObj>(v) }
}

#[inline(always)]
pub fn list_len(v: Value) -> usize {
    publish::load_len(&l(v).len)
}

/// The capacity of the item array at address `s` (a list's `items` is never NULL).
#[inline(always)]
fn cap_of(s: usize) -> usize {
    array_slots(Value(s)).len()
}

/// Item `i` of the item array at address `s` (`i < cap_of(s)`).
#[inline(always)]
fn load(s: usize, i: usize) -> Value {
    array_slots(Value(s))[i].get()
}

/// Item `i`; NULL if out of range, or if another thread shrank the list meanwhile: every
/// caller treats NULL as "no such item" and never stores or pushes it.
#[inline(always)]
pub fn list_get(v: Value, i: usize) -> Value {
    publish::read_at(&l(v).len, &l(v).items, i, cap_of, load).unwrap_or(Value::NULL)
}

/// A snapshot of the items (without the slots a racing shrink has cleared).
pub fn list_items(v: Value) -> Vec<Value> {
    let view = publish::view(&l(v).len, &l(v).items, cap_of);
    array_slots(Value(view.storage))[..view.len]
        .iter()
        .map(|s| s.get())
        .filter(|v| !v.is_null())
        .collect()
}

/// Publishes `arr`, filled with `n` items, as the whole contents of `list` (whose lock
/// the caller holds, or which no other thread can reach yet).
fn replace_locked(list: Value, arr: Value, n: usize) {
    publish::replace(&l(list).len, &l(list).items, arr.0, n);
}

impl Vm {
    /// Ensures room for `need` items, publishing a larger array if required.
    pub fn list_reserve(&mut self, list: Value, need: usize) -> PyResult<()> {
        let _g = self.write_lock(list);
        self.reserve_locked(list, need)
    }

    /// `list_reserve` for a caller that holds the list's lock.
    fn reserve_locked(&mut self, list: Value, need: usize) -> PyResult<()> {
        if need <= cap_of(l(list).items.get().0) {
            return Ok(());
        }
        let na = self.grown_items(list, need)?;
        publish::publish(&l(list).items, na);
        Ok(())
    }

    /// A new item array for `list` (whose lock the caller holds) with room for `need`
    /// items, holding copies of the current ones; not yet published.
    fn grown_items(&mut self, list: Value, need: usize) -> PyResult<usize> {
        let cap = cap_of(l(list).items.get().0);
        let na = self.new_array(need.max(cap + (cap >> 1) + 4))?;
        let n = publish::writer_len(&l(list).len);
        let old = array_slots(l(list).items.get());
        for (d, s) in array_slots(na).iter().zip(&old[..n]) {
            d.set(s.get());
        }
        Ok(na.0)
    }

    pub fn list_append(&mut self, list: Value, x: Value) -> PyResult<()> {
        let _g = self.write_lock(list);
        self.list_append_locked(list, x)
    }

    /// `list_append` for a list no other thread can reach: one the interpreter is
    /// building on its value stack (a display or comprehension, LIST_APPEND). No lock.
    pub fn list_append_unshared(&mut self, list: Value, x: Value) -> PyResult<()> {
        self.list_append_locked(list, x)
    }

    /// `list_append` for a caller that holds the list's lock (or owns the list).
    fn list_append_locked(&mut self, list: Value, x: Value) -> PyResult<()> {
        let lo = l(list);
        publish::push(
            &lo.len,
            &lo.items,
            cap_of,
            |_, n| {
                let mark = self.roots.len();
                self.root(x);
                let r = self.grown_items(list, n + 1);
                self.unroot_to(mark);
                r
            },
            |s, n| array_slots(Value(s))[n].set(x),
        )
    }

    /// Replaces the whole contents.
    pub fn list_replace(&mut self, list: Value, items: &[Value]) -> PyResult<()> {
        self.list_replace_from(list, items, None).map(|_| ())
    }

    /// Replaces the whole contents; with `marker` (the empty array `list.sort` left in
    /// the list), also tells whether the list changed since: the test and the swap happen
    /// under one hold of the lock, so a racing writer's change is either seen or made
    /// after the swap, never silently overwritten.
    pub(crate) fn list_replace_from(
        &mut self,
        list: Value,
        items: &[Value],
        marker: Option<Value>,
    ) -> PyResult<bool> {
        let na = self.new_array(items.len().max(4))?;
        for (d, s) in array_slots(na).iter().zip(items) {
            d.set(*s);
        }
        let _g = self.write_lock(list);
        let changed = marker
            .is_some_and(|m| l(list).items.get() != m || publish::writer_len(&l(list).len) != 0);
        replace_locked(list, na, items.len());
        Ok(changed)
    }

    pub fn list_truncate(&mut self, list: Value, n: usize) {
        let _g = self.write_lock(list);
        let arr = l(list).items.get();
        let old = publish::writer_len(&l(list).len);
        if n >= old {
            return;
        }
        publish::set_len(&l(list).len, n);
        for s in &array_slots(arr)[n..old] {
            s.set(Value::NULL);
        }
    }

    /// Stores item `i`; false when `i` is no longer in range. Under the lock: a grow
    /// racing an unlocked store could copy the old value and drop the new one.
    #[inline(always)]
    pub fn list_set(&mut self, list: Value, i: usize, x: Value) -> bool {
        let _g = self.write_lock(list);
        if i < list_len(list) {
            if let Some(s) = array_slots(l(list).items.get()).get(i) {
                s.set(x);
                return true;
            }
        }
        false
    }

    /// `list.pop(i)` (`None`: the last item) with the index normalised under the lock;
    /// `Err` carries CPython's IndexError message.
    pub fn list_pop_index(&mut self, list: Value, i: Option<i64>) -> Result<Value, &'static str> {
        let _g = self.write_lock(list);
        let n = list_len(list);
        if n == 0 {
            return Err("pop from empty list");
        }
        let j = match i {
            None => n as i64 - 1,
            Some(i) if i < 0 => i + n as i64,
            Some(i) => i,
        };
        if j < 0 || j >= n as i64 {
            return Err("pop index out of range");
        }
        Ok(pop_locked(list, j as usize))
    }

    /// Removes item `i` if it is still `x` itself (`list.remove` found it unlocked);
    /// false when another thread moved it meanwhile.
    pub fn list_remove_if(&mut self, list: Value, i: usize, x: Value) -> bool {
        let _g = self.write_lock(list);
        if i < list_len(list) && list_get(list, i) == x {
            pop_locked(list, i);
            return true;
        }
        false
    }

    /// `list.remove(x)` done entirely under the lock while every comparison needs no
    /// Python code (the item is `x` itself, or both are small ints or exact strs): so a
    /// racing writer cannot make the scan skip `x`. `None` as soon as an item needs
    /// `__eq__`: the caller then scans unlocked.
    pub fn list_remove_simple(&mut self, list: Value, x: Value) -> Option<bool> {
        if !simple_value(x) {
            return None;
        }
        let _g = self.write_lock(list);
        let n = list_len(list);
        for i in 0..n {
            let y = list_get(list, i);
            let eq = if y == x {
                true
            } else if simple_value(y) {
                !x.is_small_int() && !y.is_small_int() && str_bytes(x) == str_bytes(y)
            } else {
                return None;
            };
            if eq {
                pop_locked(list, i);
                return Some(true);
            }
        }
        Some(false)
    }

    /// Replaces the contents by `f(items)` if the list still has `expected` items, all
    /// under the lock (slice assignment and deletion: `f` runs no Python code). `None`
    /// when the length changed since the caller computed its indices: recompute, retry.
    pub fn list_edit<R>(
        &mut self,
        list: Value,
        expected: usize,
        f: impl FnOnce(&mut Vec<Value>) -> R,
    ) -> PyResult<Option<R>> {
        let _g = self.write_lock(list);
        let old = list_len(list);
        if old != expected {
            return Ok(None);
        }
        let mut items = list_items(list);
        let r = f(&mut items);
        let na = self.new_array(items.len().max(4))?;
        for (d, s) in array_slots(na).iter().zip(&items) {
            d.set(*s);
        }
        replace_locked(list, na, items.len());
        Ok(Some(r))
    }

    /// Stores `values[i]` at index `start + i * step` for every `i`, in place and under
    /// the lock, if the list still has `expected` items (a slice assignment that keeps
    /// the length: no new storage). False when the length changed: recompute, retry.
    pub fn list_store_strided(
        &mut self,
        list: Value,
        expected: usize,
        start: usize,
        step: i64,
        values: &[Value],
    ) -> bool {
        let _g = self.write_lock(list);
        if list_len(list) != expected {
            return false;
        }
        let slots = array_slots(l(list).items.get());
        for (i, y) in values.iter().enumerate() {
            let j = start as i64 + i as i64 * step;
            if let Some(slot) = usize::try_from(j).ok().and_then(|j| slots.get(j)) {
                slot.set(*y);
            }
        }
        true
    }

    /// Removes and returns item `i`; NULL when a racing writer left fewer than `i + 1`.
    pub fn list_pop_at(&mut self, list: Value, i: usize) -> Value {
        let _g = self.write_lock(list);
        pop_locked(list, i)
    }

    /// `list.insert(i, x)` with the index normalised (and clamped) under the lock.
    pub fn list_insert_index(&mut self, list: Value, i: i64, x: Value) -> PyResult<()> {
        let _g = self.write_lock(list);
        let n = list_len(list) as i64;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        self.insert_locked(list, i as usize, x)
    }
}

/// A small int or an exact str: equality with another such value runs no Python code.
fn simple_value(v: Value) -> bool {
    v.is_small_int()
        || (v.is_ptr() && header(v).ty.get() == crate::runtime::ty(crate::runtime::T::Str))
}

/// `Vm::list_pop_at` for a caller that holds the list's lock.
fn pop_locked(list: Value, i: usize) -> Value {
    {
        let n = list_len(list);
        if i >= n {
            return Value::NULL;
        }
        let arr = l(list).items.get();
        let s = array_slots(arr);
        let v = s[i].get();
        // A shrink: the smaller length first. A reader meanwhile sees each slot below it
        // before or after its shift (an item twice, never one that was not there).
        publish::set_len(&l(list).len, n - 1);
        for j in i..n - 1 {
            s[j].set(s[j + 1].get());
        }
        s[n - 1].set(Value::NULL);
        v
    }
}

impl Vm {
    pub fn list_insert(&mut self, list: Value, i: usize, x: Value) -> PyResult<()> {
        let _g = self.write_lock(list);
        self.insert_locked(list, i, x)
    }

    /// `list_insert` for a caller that holds the list's lock.
    fn insert_locked(&mut self, list: Value, i: usize, x: Value) -> PyResult<()> {
        let n = list_len(list);
        let i = i.min(n);
        let mark = self.roots.len();
        self.root(x);
        let r = self.reserve_locked(list, n + 1);
        self.unroot_to(mark);
        r?;
        let s = array_slots(l(list).items.get());
        let mut j = n;
        while j > i {
            s[j].set(s[j - 1].get());
            j -= 1;
        }
        s[i].set(x);
        publish::set_len(&l(list).len, n + 1);
        Ok(())
    }
}

// ---- the list type (operators and methods): see `list/methods.rs` ----

mod methods;
mod sort;
pub use methods::{clamp_bound, extend_from, LIST_OPS};
pub(crate) use methods::{defer_to_user, repeat_operand};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    methods::init(vm)
}
