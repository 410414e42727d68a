//! Instance attributes stored by shape: per-class shared keys and inline values.
//!
//! How it works (CPython 3.11's key-sharing dicts with inline values, in HotPy's spirit of
//! hidden classes): every user class has an append-only list of attribute names, its
//! *keys* (`TypeObj::keys`, a tuple of `MAX_KEYS` slots of which the first `nkeys` are
//! filled). An instance of the class starts in *values mode*: its `__dict__` slot is NULL
//! and its attributes live in `cap` value slots inline in the object, after its
//! `__slots__`. In values mode the instance's attributes, in insertion order, are exactly
//! `keys[0..count]`: storing the attribute `keys[count]` (or a new name, appended to the
//! keys while `count == nkeys`) extends the instance, storing an existing one overwrites it.
//! Anything else (a name out of order, a deletion other than the last attribute, more
//! attributes than `cap`, a non-str name, `__class__` assignment, asking for `__dict__`)
//! *materialises* a real dict holding the attributes in order; from then on the instance
//! is in *dict mode* for good and behaves exactly as before shapes existed.
//!
//! Because keys are only ever appended, the index of a name in a class's keys never
//! changes: an inline cache may remember it (checked against the key at that index, one
//! pointer comparison, since keys are interned).
//!
//! What must hold:
//! - Values mode: `dict` NULL, `FLAG_HAS_DICT` set, `values[i]` non-NULL for `i < count`
//!   and NULL beyond; `count <= cap` and `count <= nkeys` of the instance's class.
//! - A writer fills a key or value slot before it publishes the count that covers it
//!   (release stores); readers load the count first. A racing reader sees the old or the
//!   new state; a NULL value read by a fast path is a miss that takes the slow path.
//! - Materialising publishes the dict before it clears the values, so a reader that still
//!   believes in values mode reads an older value or NULL (a miss), never a wrong one.
//! - Writers hold the instance's object lock (and, to append a key, then the class's),
//!   overwrites included: an unlocked overwrite racing `materialise_dict` (which copies
//!   the values under the lock) would be lost. Each writer re-checks the mode under the
//!   lock. While locks are elided (one thread) the fast paths store directly.

use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{ty, T};
use crate::types::typeobj::{str_hash, t, type_of};
use crate::value::Value;
use std::sync::atomic::Ordering;

/// Most names a class's shared keys hold (CPython's limit for shared-key dicts).
pub const MAX_KEYS: usize = 30;
/// Inline value slots of an instance made before its class has keys enough.
const MIN_CAP: usize = 4;

/// Inline value slots for a new instance of `typ` (which has a `__dict__`).
pub fn initial_cap(typ: Value) -> usize {
    t(typ).nkeys.load(Ordering::Acquire).max(MIN_CAP)
}

/// The inline value slots of an instance.
#[inline(always)]
pub fn values<'a>(o: Value) -> &'a [Slot] {
    let n = instance_slots(o).len();
    // SAFETY: `o` is an Instance; `cap` value slots follow its `nslots` slots.
    unsafe {
        let i = obj::<InstanceObj>(o);
        std::slice::from_raw_parts(
            tail::<Slot>(o, std::mem::size_of::<InstanceObj>() + n * 8),
            i.cap as usize,
        )
    }
}

#[inline(always)]
fn inst<'a>(o: Value) -> &'a InstanceObj {
    // SAFETY: callers pass instances (kind checked).
    unsafe { obj::<InstanceObj>(o) }
}

/// True when the instance keeps its attributes inline (see the module comment).
#[inline(always)]
pub fn in_values_mode(o: Value) -> bool {
    inst(o).dict.get().is_null() && header(o).flags.load(Ordering::Relaxed) & FLAG_HAS_DICT != 0
}

/// The filled part of a class's keys.
#[inline(always)]
fn keys<'a>(typ: Value) -> &'a [Slot] {
    let to = t(typ);
    let n = to.nkeys.load(Ordering::Acquire);
    let k = to.keys.get();
    if n == 0 || k.is_null() {
        return &[];
    }
    &tuple_slots(k)[..n]
}

/// Index of `name` (a str) in the keys of `typ`.
pub fn key_index(typ: Value, name: Value) -> Option<usize> {
    let ks = keys(typ);
    if let Some(i) = ks.iter().position(|k| k.get() == name) {
        return Some(i);
    }
    // A str equal to an interned key but not the same object.
    let h = str_hash(name);
    let b = str_bytes(name);
    ks.iter()
        .position(|k| str_hash(k.get()) == h && str_bytes(k.get()) == b)
}

/// The value of `name` in a values-mode instance whose cache hint is `hint` (a key
/// index): checked against the key, so a stale hint is only a miss.
#[inline(always)]
pub fn hinted_get(o: Value, name: Value, hint: usize) -> Option<Value> {
    let i = inst(o);
    if hint >= i.count.load(Ordering::Acquire) as usize {
        return None;
    }
    // `hint < count <= nkeys`: the class's keys exist and slot `hint` is filled.
    let ks = t(type_of(o)).keys.get();
    if tuple_slots(ks).get(hint)?.get() != name {
        return None;
    }
    let v = values(o).get(hint)?.get();
    (!v.is_null()).then_some(v)
}

/// What `hinted_set` did.
pub enum Hinted {
    Stored,
    /// `name` is an attribute the instance has, or the next one in order and fits, but
    /// writers lock: store with `Vm::append_locked`, which re-checks under the lock.
    NeedsLock,
    /// The hint is not `name`'s key, or the store does not fit the shape.
    Miss,
}

/// Stores `v` as `name` of a values-mode instance at key index `hint` when that is the
/// key of `name` and the store keeps the instance in values mode.
#[inline(always)]
pub fn hinted_set(o: Value, name: Value, hint: usize, v: Value) -> Hinted {
    hinted_set_as(o, name, hint, v, false)
}

/// `hinted_set` for an instance no other thread can reach yet (`Vm::fresh_obj`): no
/// store needs the lock, since nothing can race it.
#[inline(always)]
pub fn hinted_set_unshared(o: Value, name: Value, hint: usize, v: Value) -> Hinted {
    hinted_set_as(o, name, hint, v, true)
}

#[inline(always)]
fn hinted_set_as(o: Value, name: Value, hint: usize, v: Value, unshared: bool) -> Hinted {
    match keys(type_of(o)).get(hint) {
        Some(k) if k.get() == name => {}
        _ => return Hinted::Miss,
    }
    let io = inst(o);
    let n = io.count.load(Ordering::Acquire) as usize;
    if hint < n || (hint == n && hint < io.cap as usize) {
        // Even an overwrite locks when writers lock: an unlocked store racing a move to
        // dict mode (which copies the values under the lock) would be lost.
        if !unshared && crate::obj::lockmode::writers_must_lock() {
            return Hinted::NeedsLock;
        }
    }
    if hint < n {
        values(o)[hint].set(v);
        Hinted::Stored
    } else if hint == n && hint < io.cap as usize {
        values(o)[hint].set(v);
        io.count.store(n as u16 + 1, Ordering::Release);
        Hinted::Stored
    } else {
        Hinted::Miss
    }
}

/// Stores value `v` at key index `i` of a values-mode instance when `i` is an attribute
/// it has or (with `may_append`) the next one in order and fits; false otherwise.
/// Overwriting is one word store; appending changes the count, so a caller that does not
/// hold the instance's lock may append only while locks are elided (one thread).
#[inline(always)]
fn store_at(o: Value, i: usize, v: Value, may_append: bool) -> bool {
    let io = inst(o);
    let n = io.count.load(Ordering::Acquire) as usize;
    let vals = values(o);
    if i < n {
        vals[i].set(v);
        true
    } else if i == n && i < vals.len() && may_append {
        vals[i].set(v);
        io.count.store(n as u16 + 1, Ordering::Release);
        true
    } else {
        false
    }
}

/// `name` of a values-mode instance, with its key index.
pub fn values_get(o: Value, name: Value) -> Option<(usize, Value)> {
    let i = key_index(type_of(o), name)?;
    if i >= inst(o).count.load(Ordering::Acquire) as usize {
        return None;
    }
    let v = values(o)[i].get();
    (!v.is_null()).then_some((i, v))
}

/// The instance's own attribute `name` (values or dict), running no Python code:
/// None when absent or when the dict is not a plain dict keyed by the exact str. In
/// mode `rw` the values are read under the instance's lock and the dict under its own
/// (one at a time).
pub fn own_attr(vm: &mut Vm, o: Value, name: Value) -> Option<Value> {
    let mut d = inst(o).dict.get();
    if d.is_null() {
        if header(o).flags.load(Ordering::Relaxed) & FLAG_HAS_DICT == 0 {
            return None;
        }
        let _r = vm.read_lock(o);
        if let Some((_, v)) = values_get(o, name) {
            return Some(v);
        }
        // A racing move to dict mode publishes the dict before it clears the values:
        // a miss here may mean the attribute is in the dict now.
        d = inst(o).dict.get();
        if d.is_null() {
            return None;
        }
    }
    if kind_of(d) == Kind::Dict {
        let _r = vm.read_lock(d);
        return crate::types::dict::dict_get_str(d, name, str_hash(name));
    }
    None
}

/// The (name, value) pairs of a values-mode instance, in order.
pub fn values_items(o: Value) -> Vec<(Value, Value)> {
    let n = inst(o).count.load(Ordering::Acquire) as usize;
    let ks = keys(type_of(o));
    let vals = values(o);
    (0..n.min(ks.len()))
        .map(|i| (ks[i].get(), vals[i].get()))
        .filter(|(_, v)| !v.is_null())
        .collect()
}

fn exact_str(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Str && type_of(v) == ty(T::Str)
}

impl Vm {
    /// Stores `name = v` in a values-mode instance if the shape allows it, appending
    /// `name` to the class's keys when the instance holds all of them; returns the key
    /// index, or None when the instance must go to dict mode (or already has).
    pub fn values_set(&mut self, o: Value, name: Value, v: Value) -> PyResult<Option<usize>> {
        if !exact_str(name) {
            return Ok(None);
        }
        let typ = type_of(o);
        if let Some(i) = key_index(typ, name) {
            let _g = self.write_lock(o);
            if !inst(o).dict.get().is_null() {
                return Ok(None);
            }
            return Ok(store_at(o, i, v, true).then_some(i));
        }
        let name = self.intern_value(name)?;
        // Lock order: the instance, then its class.
        let _g = self.write_lock(o);
        if !inst(o).dict.get().is_null() {
            return Ok(None);
        }
        let _tg = self.write_lock(typ);
        if let Some(i) = key_index(typ, name) {
            // Another thread appended it meanwhile.
            return Ok(store_at(o, i, v, true).then_some(i));
        }
        let to = t(typ);
        let nk = to.nkeys.load(Ordering::Acquire);
        let n = inst(o).count.load(Ordering::Acquire) as usize;
        if n != nk || nk >= MAX_KEYS {
            return Ok(None);
        }
        // Appended even when this instance has no room left, so that instances made
        // later are given room for it.
        if to.keys.get().is_null() {
            let k = self.new_tuple_n(MAX_KEYS, ty(T::Tuple))?;
            to.keys.set(k);
        }
        tuple_slots(to.keys.get())[nk].set(name);
        to.nkeys.store(nk + 1, Ordering::Release);
        Ok(store_at(o, nk, v, true).then_some(nk))
    }

    /// Stores (overwrites or appends) value `v` at key index `i` (the key `hinted_set`
    /// checked) holding the instance's lock; false when another thread changed the
    /// instance meanwhile.
    #[inline(always)]
    pub fn append_locked(&mut self, o: Value, i: usize, v: Value) -> bool {
        let _g = self.write_lock(o);
        inst(o).dict.get().is_null() && store_at(o, i, v, true)
    }

    /// Moves a values-mode instance to dict mode: a new dict with its attributes in
    /// order, published in the instance; returns the instance's dict (the one another
    /// thread published first, if it did).
    pub fn materialise_dict(&mut self, o: Value) -> PyResult<Value> {
        let d = self.new_dict()?;
        let _g = self.write_lock(o);
        let cur = inst(o).dict.get();
        if !cur.is_null() {
            return Ok(cur);
        }
        // Filling the fresh dict takes only its own lock (nobody else can see it yet).
        for (k, v) in values_items(o) {
            self.dict_set_h(d, k, str_hash(k), v)?;
        }
        publish_dict_locked(o, d);
        Ok(d)
    }

    /// Makes `d` the instance's `__dict__` and retires its inline values.
    pub fn publish_dict(&mut self, o: Value, d: Value) {
        let _g = self.write_lock(o);
        publish_dict_locked(o, d);
    }

    /// `o.name = v` (v non-NULL) into an instance's own attributes.
    pub fn instance_store(&mut self, o: Value, name: Value, v: Value) -> PyResult<()> {
        let mut d = inst(o).dict.get();
        if d.is_null() {
            if self.values_set(o, name, v)?.is_some() {
                return Ok(());
            }
            d = self.materialise_dict(o)?;
        }
        if kind_of(d) == Kind::Dict {
            if exact_str(name) {
                return self.dict_set_h(d, name, str_hash(name), v);
            }
            self.dict_set(d, name, v)
        } else {
            self.setitem(d, name, v)
        }
    }

    /// `del o.name` from an instance's own attributes; false when it has no such one.
    pub fn instance_delete(&mut self, o: Value, name: Value) -> PyResult<bool> {
        let mut d = inst(o).dict.get();
        if d.is_null() {
            let g = self.write_lock(o);
            if inst(o).dict.get().is_null() {
                let Some((i, _)) = values_get(o, name) else {
                    return Ok(false);
                };
                let io = inst(o);
                let n = io.count.load(Ordering::Acquire) as usize;
                if i + 1 == n {
                    io.count.store(i as u16, Ordering::Release);
                    values(o)[i].set(Value::NULL);
                    return Ok(true);
                }
            }
            drop(g);
            d = self.materialise_dict(o)?;
        }
        if kind_of(d) == Kind::Dict {
            Ok(self.dict_del(d, name)?.is_some())
        } else {
            self.delitem(d, name)?;
            Ok(true)
        }
    }
}

/// `Vm::publish_dict` for a caller that holds the instance's lock. The dict is published
/// before the values are cleared (see the module comment).
fn publish_dict_locked(o: Value, d: Value) {
    let io = inst(o);
    io.dict.set(d);
    header(o).flags.fetch_or(FLAG_HAS_DICT, Ordering::Relaxed);
    io.count.store(0, Ordering::Release);
    for s in values(o) {
        s.set(Value::NULL);
    }
}
