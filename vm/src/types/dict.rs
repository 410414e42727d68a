//! dict: an insertion-ordered hash table (CPython's compact layout).
//!
//! A `DictObj` points to a `DictTable`: an index array (power-of-two size, open addressing
//! with CPython's perturbed probing; words of 1 byte for small tables, 4 or 8 for larger
//! ones, as in CPython) whose entries point into a dense, insertion-ordered
//! entry array of (hash, key, value). Deleting leaves a hole (key NULL) in the entries and
//! a DUMMY in the index. When the entry array is full, a new table sized for the live
//! entries is built, filled, and published with one release store.
//!
//! Equality of keys may run Python code (`__eq__`), which can reach a safepoint and move
//! the table or mutate the dict. Lookups therefore re-read the table through the rooted
//! dict after such a call and restart if the dict's mutation counter changed.
//!
//! The Python-visible type (slots, methods, `fromkeys`, mappingproxy) is in
//! `dict/methods.rs`; views and iterators are in `views.rs`. Keys are hashed with
//! `hash_key`, which refuses built-in types whose `__hash__` is None.
//!
//! What must hold: `len` counts live entries; `used` counts filled entry slots; an index
//! word is EMPTY (-1), DUMMY (-2) or an entry number below `used`; entries are written
//! before the index word and `used` that make them reachable.

use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{ty, T};
use crate::value::Value;
use std::mem::size_of;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

const EMPTY: i64 = -1;
const DUMMY: i64 = -2;
const PERTURB_SHIFT: u32 = 5;

#[inline(always)]
fn d(v: Value) -> &'static DictObj {
    // SAFETY: callers pass dict objects (kind Dict).
    unsafe { obj::<DictObj>(v) }
}

#[inline(always)]
fn tbl(t: Value) -> &'static DictTableObj {
    // SAFETY: dict tables are kind DictTable.
    unsafe { obj::<DictTableObj>(t) }
}

pub fn dict_len(dict: Value) -> usize {
    d(dict).len.load(Ordering::Acquire)
}

fn bump_version(dict: Value) {
    // Only the holder of the dict's write lock (or the only thread, while locks are
    // elided) changes `version` and `len`, so a load and a store cannot lose an update;
    // a locked read-modify-write would cost a full fence on every insert.
    let v = d(dict).version.load(Ordering::Relaxed);
    d(dict).version.store(v.wrapping_add(1), Ordering::Release);
    d(dict).keys_version.store(0, Ordering::Release);
}

/// `len += delta`, by the holder of the dict's write lock (see `bump_version`).
#[inline(always)]
fn add_len(dict: Value, delta: isize) {
    let n = d(dict).len.load(Ordering::Relaxed);
    d(dict)
        .len
        .store(n.wrapping_add_signed(delta), Ordering::Release);
}

/// Source of keys versions; 64 bits, so they are never reused.
static NEXT_KEYS_VERSION: AtomicU64 = AtomicU64::new(1);

/// The dict's keys version, assigned on first request. While it is unchanged the dict
/// has the same table and the same keys at the same entry numbers (values may change).
pub fn keys_version(dict: Value) -> u64 {
    let kv = &d(dict).keys_version;
    let v = kv.load(Ordering::Acquire);
    if v != 0 {
        return v;
    }
    let fresh = NEXT_KEYS_VERSION.fetch_add(1, Ordering::Relaxed);
    match kv.compare_exchange(0, fresh, Ordering::AcqRel, Ordering::Acquire) {
        Ok(_) => fresh,
        Err(other) => other,
    }
}

/// The keys version if one is assigned (0 otherwise); never assigns.
#[inline(always)]
pub fn current_keys_version(dict: Value) -> u64 {
    d(dict).keys_version.load(Ordering::Acquire)
}

/// The value at entry `ix` (valid while the keys version a cache recorded it under holds).
#[inline(always)]
pub fn entry_value(dict: Value, ix: usize) -> Value {
    dict_entries(d(dict).table.get())[ix].value.get()
}

/// The value at entry `ix` if that entry's key is `key` itself (identity, so no code
/// runs): the check behind attribute caches' entry hints.
#[inline(always)]
pub fn hinted_value(dict: Value, ix: usize, key: Value) -> Option<Value> {
    let t = d(dict).table.get();
    if ix < tbl(t).used.load(Ordering::Acquire) {
        let e = &dict_entries(t)[ix];
        if e.key.get() == key {
            return Some(e.value.get());
        }
    }
    None
}

impl Vm {
    /// Stores `value` at entry `ix` if that entry's key is `key` itself (an existing key:
    /// the keys version does not change). False when the hint does not hold. Under the
    /// dict's lock: a resize racing an unlocked store could copy the old value and lose
    /// the new one.
    #[inline(always)]
    pub fn dict_set_hinted(&mut self, dict: Value, ix: usize, key: Value, value: Value) -> bool {
        let _g = self.write_lock(dict);
        let t = d(dict).table.get();
        if ix < tbl(t).used.load(Ordering::Acquire) {
            let e = &dict_entries(t)[ix];
            if e.key.get() == key {
                e.value.set(value);
                return true;
            }
        }
        false
    }

    /// Stores the value of entry `ix` if the dict's keys version is still `kv` (checked
    /// under the lock, which every writer that changes the keys or the table holds);
    /// false when it moved.
    #[inline(always)]
    pub fn dict_set_entry_if(&mut self, dict: Value, kv: u64, ix: usize, value: Value) -> bool {
        let _g = self.write_lock(dict);
        if current_keys_version(dict) != kv {
            return false;
        }
        dict_entries(d(dict).table.get())[ix].value.set(value);
        true
    }
}

/// Entry number of a string key in the dict's current table, with no Python code run
/// (`None` when absent).
pub fn entry_index_str(dict: Value, key: Value, h: i64) -> Option<usize> {
    find_str_in(d(dict).table.get(), key, h)
}

#[inline]
fn find_str_in(t: Value, key: Value, h: i64) -> Option<usize> {
    let mask = tbl(t).nindex - 1;
    let idx = dict_indices(t);
    let ents = dict_entries(t);
    let mut i = (h as u64 as usize) & mask;
    let mut perturb = h as u64;
    loop {
        let ix = idx.load(i);
        if ix == EMPTY {
            return None;
        }
        if ix >= 0 {
            let e = &ents[ix as usize];
            let ek = e.key.get();
            if ek == key
                || (!ek.is_null()
                    && e.hash.load(Ordering::Acquire) == h
                    && ek.is_ptr()
                    && kind_of(ek) == Kind::Str
                    && str_bytes(ek) == str_bytes(key))
            {
                return Some(ix as usize);
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb as usize) & mask;
    }
}

fn version(dict: Value) -> u32 {
    d(dict).version.load(Ordering::Acquire)
}

/// Entry capacity for an index of `n` words.
fn usable(n: usize) -> usize {
    (n << 1) / 3
}

impl Vm {
    pub fn new_dict(&mut self) -> PyResult<Value> {
        self.new_dict_typed(ty(T::Dict), 8)
    }

    pub fn new_dict_typed(&mut self, typ: Value, nindex: usize) -> PyResult<Value> {
        let t = self.new_dict_table(nindex)?;
        let v = self.alloc(Kind::Dict, typ, size_of::<DictObj>())?;
        d(v).table.set(t);
        Ok(v)
    }

    pub fn new_dict_pinned(&mut self) -> PyResult<Value> {
        let t = self.new_dict_table(8)?;
        let v = self.alloc_pinned(Kind::Dict, ty(T::Dict), size_of::<DictObj>())?;
        d(v).table.set(t);
        Ok(v)
    }

    fn new_dict_table(&mut self, nindex: usize) -> PyResult<Value> {
        let nindex = nindex.max(8).next_power_of_two();
        let cap = usable(nindex);
        let size = self.var_size(
            size_of::<DictTableObj>() + dict_index_bytes(nindex),
            cap,
            size_of::<DictEntry>(),
        )?;
        let t = self.alloc(Kind::DictTable, ty(T::DictTable), size)?;
        // SAFETY: fresh table; sizes written before use.
        unsafe {
            let o = t.0 as *mut DictTableObj;
            (*o).nindex = nindex;
            (*o).cap = cap;
            (*o).entries_at = size_of::<DictTableObj>() + dict_index_bytes(nindex);
            (*o).index_width = dict_index_width(nindex);
        }
        let idx = dict_indices(t);
        for i in 0..idx.len() {
            idx.store(i, EMPTY);
        }
        Ok(t)
    }

    /// `hash(key)` for use as a dict or set key. Built-in types that set `__hash__` to
    /// None (list, dict, set, ...) are refused here even though `object`'s hash slot is
    /// inherited along their MRO.
    #[inline]
    pub fn hash_key(&mut self, key: Value) -> PyResult<i64> {
        if key.is_ptr() {
            let typ = header(key).ty.get();
            if typ != ty(T::Str)
                && !crate::ops::attr::is_heap_type(typ)
                && self.lookup(typ, crate::runtime::g().names.__hash__) == crate::runtime::g().none
            {
                let msg = format!(
                    "unhashable type: '{}'",
                    crate::types::typeobj::type_name(typ)
                );
                return Err(self.raise_msg(crate::runtime::ExcKind::TypeError, &msg));
            }
        }
        self.hash(key)
    }

    /// Looks `key` up; `Ok(None)` when missing.
    pub fn dict_get(&mut self, dict: Value, key: Value) -> PyResult<Option<Value>> {
        if key.is_ptr() && header(key).ty.get() == ty(T::Str) {
            let h = crate::types::typeobj::str_hash(key);
            if let Some(v) = self.str_probe(dict, key, h) {
                return Ok(v);
            }
            return self.dict_get_h(dict, key, h);
        }
        let h = self.hash_key(key)?;
        self.dict_get_h(dict, key, h)
    }

    /// Lookup with a precomputed hash.
    pub fn dict_get_h(&mut self, dict: Value, key: Value, h: i64) -> PyResult<Option<Value>> {
        match self.dict_find(dict, key, h)? {
            Some((t, e)) => {
                let _r = self.read_lock(dict);
                Ok(Some(dict_entries(t)[e].value.get()))
            }
            None => Ok(None),
        }
    }

    /// Finds the entry of `key`: (table, entry index). The returned table is current as of
    /// return (no Python code runs after it was read).
    fn dict_find(&mut self, dict: Value, key: Value, h: i64) -> PyResult<Option<(Value, usize)>> {
        loop {
            // Mode `rw`: the probe (no Python code) runs under the read lock; the
            // slow path's `__eq__` calls never do.
            let (t, found) = {
                let _r = self.read_lock(dict);
                let t = d(dict).table.get();
                (t, probe(t, key, h))
            };
            match found {
                Probe::Found(e) => return Ok(Some((t, e))),
                Probe::Missing => return Ok(None),
                Probe::NeedEq(start) => {
                    // Slow path: keys that need Python-level equality.
                    let mark = self.roots.len();
                    let rd = self.root(dict);
                    let rk = self.root(key);
                    let r = self.dict_find_slow(rd, rk, h, start);
                    self.unroot_to(mark);
                    match r? {
                        Some(x) => return Ok(x),
                        None => continue, // mutated during __eq__: restart
                    }
                }
            }
        }
    }

    /// Returns Ok(None) when the dict changed under us and the lookup must restart.
    #[allow(clippy::type_complexity)]
    fn dict_find_slow(
        &mut self,
        rd: usize,
        rk: usize,
        h: i64,
        _start: usize,
    ) -> PyResult<Option<Option<(Value, usize)>>> {
        // Mode `rw`: the entries are read under the read lock, which is let go around
        // each `__eq__` call (no Python code runs under an object lock).
        let mut r = self.read_lock(self.rooted(rd));
        let dict = self.rooted(rd);
        let ver = version(dict);
        let t = d(dict).table.get();
        let mask = tbl(t).nindex - 1;
        let mut i = (h as u64 as usize) & mask;
        let mut perturb = h as u64;
        loop {
            let t = d(self.rooted(rd)).table.get();
            let ix = dict_indices(t).load(i);
            if ix == EMPTY {
                return Ok(Some(None));
            }
            if ix >= 0 {
                let e = &dict_entries(t)[ix as usize];
                let ek = e.key.get();
                let key = self.rooted(rk);
                if ek == key {
                    return Ok(Some(Some((t, ix as usize))));
                }
                if !ek.is_null() && e.hash.load(Ordering::Acquire) == h {
                    drop(r.take());
                    let eq = self.eq_bool(ek, key)?;
                    let dict = self.rooted(rd);
                    r = self.read_lock(dict);
                    if version(dict) != ver {
                        return Ok(None);
                    }
                    if eq {
                        return Ok(Some(Some((d(dict).table.get(), ix as usize))));
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb as usize) & mask;
        }
    }

    /// `dict[key] = value`.
    pub fn dict_set(&mut self, dict: Value, key: Value, value: Value) -> PyResult<()> {
        let h = self.hash_key(key)?;
        self.dict_set_h(dict, key, h, value)
    }

    /// `dict[key] = value` into a dict no other thread can reach: one the interpreter is
    /// building on its value stack (BUILD_MAP, BUILD_CONST_KEY_MAP, MAP_ADD). No lock.
    pub fn dict_set_unshared(&mut self, dict: Value, key: Value, value: Value) -> PyResult<()> {
        let h = self.hash_key(key)?;
        // As in `dict_set_at`, `__eq__` runs with collection inhibited: nothing moves.
        let found = self.dict_find(dict, key, h)?;
        self.store_found_locked(dict, key, h, value, found)
            .map(|_| ())
    }

    /// `dict_set_unshared` for an exact str key into a dict none of whose keys can equal
    /// a str unless it is one (BUILD_CONST_KEY_MAP: constant keys, of exact types). The
    /// probe compares strs only, so no Python code runs.
    pub fn dict_set_str_unshared(&mut self, dict: Value, key: Value, value: Value) -> PyResult<()> {
        let h = crate::types::typeobj::str_hash(key);
        let t = d(dict).table.get();
        match find_str_in(t, key, h) {
            Some(e) => {
                dict_entries(t)[e].value.set(value);
                Ok(())
            }
            None => self.insert_new_locked(dict, key, h, value),
        }
    }

    /// `dict[key]` for an exact str key when that needs no Python code: `None` when the
    /// key is missing or the dict holds a key of another type with the same hash (whose
    /// `__eq__` the general lookup must ask). Readers lock in mode `rw`.
    pub fn dict_get_exact_str(&mut self, dict: Value, key: Value) -> Option<Value> {
        let h = crate::types::typeobj::str_hash(key);
        self.str_probe(dict, key, h).flatten()
    }

    /// The lookup of an exact str key with hash `h` that runs no Python code:
    /// `Some(found or not)`, or `None` when a key of another type with the same hash
    /// is met (its `__eq__` decides). Readers lock in mode `rw`.
    fn str_probe(&mut self, dict: Value, key: Value, h: i64) -> Option<Option<Value>> {
        let _r = self.read_lock(dict);
        // One table throughout: a resize publishes a new one, the old stays readable.
        let t = d(dict).table.get();
        match probe(t, key, h) {
            Probe::Found(e) => Some(Some(dict_entries(t)[e].value.get())),
            Probe::Missing => Some(None),
            Probe::NeedEq(_) => None,
        }
    }

    pub fn dict_set_h(&mut self, dict: Value, key: Value, h: i64, value: Value) -> PyResult<()> {
        self.dict_set_at(dict, key, h, value).map(|_| ())
    }

    /// `dict[key] = value`, returning the entry number where the value now is.
    pub fn dict_set_at(
        &mut self,
        dict: Value,
        key: Value,
        h: i64,
        value: Value,
    ) -> PyResult<usize> {
        // No rooting needed: `__eq__` calls from here run with collection inhibited
        // (see interp/state.rs), so `dict`, `key` and `value` cannot move.
        loop {
            // The probe may run `__eq__`, so it runs unlocked; the writer then locks and,
            // if another thread added or removed a key meanwhile, probes again.
            let ver = version(dict);
            let found = self.dict_find(dict, key, h)?;
            let g = self.write_lock(dict);
            if g.is_some() && version(dict) != ver {
                continue;
            }
            return self.store_found_locked(dict, key, h, value, found);
        }
    }

    /// Stores `value` under `key` where a probe found it (`found`: its table and entry),
    /// or inserts it if the probe found nothing; the entry number. The caller holds the
    /// dict's lock, or owns the dict, and the keys have not changed since the probe.
    fn store_found_locked(
        &mut self,
        dict: Value,
        key: Value,
        h: i64,
        value: Value,
        found: Option<(Value, usize)>,
    ) -> PyResult<usize> {
        match found {
            Some((t, e)) => {
                dict_entries(t)[e].value.set(value);
                Ok(e)
            }
            None => {
                self.insert_new_locked(dict, key, h, value)?;
                Ok(tbl(d(dict).table.get()).used.load(Ordering::Acquire) - 1)
            }
        }
    }

    /// Inserts a key known to be absent. Runs no Python code.
    fn dict_insert_new(&mut self, dict: Value, key: Value, h: i64, value: Value) -> PyResult<()> {
        let _g = self.write_lock(dict);
        self.insert_new_locked(dict, key, h, value)
    }

    /// `dict_insert_new` for a caller that holds the dict's lock.
    fn insert_new_locked(&mut self, dict: Value, key: Value, h: i64, value: Value) -> PyResult<()> {
        let mut t = d(dict).table.get();
        if tbl(t).used.load(Ordering::Acquire) >= tbl(t).cap {
            self.dict_resize(dict, dict_len(dict) + 1)?;
            t = d(dict).table.get();
        }
        let o = tbl(t);
        let n = o.used.load(Ordering::Acquire);
        let e = &dict_entries(t)[n];
        e.hash.store(h, Ordering::Relaxed);
        e.key.set(key);
        e.value.set(value);
        o.used.store(n + 1, Ordering::Release);
        let slot = free_slot(t, h);
        dict_indices(t).store(slot, n as i64);
        add_len(dict, 1);
        bump_version(dict);
        Ok(())
    }

    /// Rebuilds the table with room for at least `need` entries, dropping holes.
    fn dict_resize(&mut self, dict: Value, need: usize) -> PyResult<()> {
        let mut nindex = 8;
        while usable(nindex) < need * 2 {
            nindex *= 2;
        }
        let nt = self.new_dict_table(nindex)?;
        let old = d(dict).table.get();
        let used = tbl(old).used.load(Ordering::Acquire);
        let mut n = 0;
        for e in &dict_entries(old)[..used] {
            let k = e.key.get();
            if k.is_null() {
                continue;
            }
            let h = e.hash.load(Ordering::Relaxed);
            let ne = &dict_entries(nt)[n];
            ne.hash.store(h, Ordering::Relaxed);
            ne.key.set(k);
            ne.value.set(e.value.get());
            let slot = free_slot(nt, h);
            dict_indices(nt).store(slot, n as i64);
            n += 1;
        }
        tbl(nt).used.store(n, Ordering::Release);
        // The filled table is published as `obj/publish.rs` publishes storage (its loom
        // model checks this function): a reader sees the old table or this complete one.
        crate::obj::publish::publish(&d(dict).table, nt.0);
        Ok(())
    }

    /// Removes `key`; returns its value or None when missing.
    pub fn dict_del(&mut self, dict: Value, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash_key(key)?;
        self.dict_del_h(dict, key, h)
    }

    pub fn dict_del_h(&mut self, dict: Value, key: Value, h: i64) -> PyResult<Option<Value>> {
        loop {
            let mark = self.roots.len();
            let rd = self.root(dict);
            let ver = version(dict);
            let found = self.dict_find(dict, key, h);
            let dict = self.rooted(rd);
            self.unroot_to(mark);
            let found = found?;
            // As in `dict_set_at`: probe unlocked, lock, re-probe if the keys changed.
            let g = self.write_lock(dict);
            if g.is_some() && version(dict) != ver {
                continue;
            }
            return Ok(self.delete_found_locked(dict, h, found));
        }
    }

    /// Removes the entry a probe found (the caller holds the dict's lock).
    fn delete_found_locked(
        &mut self,
        dict: Value,
        h: i64,
        found: Option<(Value, usize)>,
    ) -> Option<Value> {
        match found {
            None => None,
            Some((t, e)) => {
                let ent = &dict_entries(t)[e];
                let v = ent.value.get();
                // Find the index word pointing at entry e and mark it DUMMY.
                let mask = tbl(t).nindex - 1;
                let mut i = (h as u64 as usize) & mask;
                let mut perturb = h as u64;
                loop {
                    let ix = dict_indices(t).load(i);
                    if ix == e as i64 {
                        dict_indices(t).store(i, DUMMY);
                        break;
                    }
                    if ix == EMPTY {
                        break;
                    }
                    perturb >>= PERTURB_SHIFT;
                    i = (i * 5 + 1 + perturb as usize) & mask;
                }
                ent.key.set(Value::NULL);
                ent.value.set(Value::NULL);
                add_len(dict, -1);
                bump_version(dict);
                Some(v)
            }
        }
    }

    /// `dict.setdefault(key, default)` as one operation: the value stored under `key`
    /// (inserting `default` if absent). The probe runs unlocked (it may call `__eq__`),
    /// then the writer locks and probes again if the keys changed meanwhile.
    pub fn dict_setdefault(&mut self, dict: Value, key: Value, default: Value) -> PyResult<Value> {
        let h = self.hash_key(key)?;
        loop {
            let ver = version(dict);
            let found = self.dict_find(dict, key, h)?;
            let g = self.write_lock(dict);
            if g.is_some() && version(dict) != ver {
                continue;
            }
            return match found {
                Some((t, e)) => Ok(dict_entries(t)[e].value.get()),
                None => {
                    self.insert_new_locked(dict, key, h, default)?;
                    Ok(default)
                }
            };
        }
    }

    /// `dict.popitem()` as one operation: removes and returns the last live (key, value),
    /// or None when empty. Runs no Python code (the stored hash finds the index word).
    pub fn dict_popitem(&mut self, dict: Value) -> Option<(Value, Value)> {
        let _g = self.write_lock(dict);
        if dict_len(dict) == 0 {
            return None;
        }
        let t = d(dict).table.get();
        let used = tbl(t).used.load(Ordering::Acquire);
        let ents = dict_entries(t);
        let e = (0..used).rev().find(|&e| !ents[e].key.get().is_null())?;
        let k = ents[e].key.get();
        let h = ents[e].hash.load(Ordering::Relaxed);
        let v = self.delete_found_locked(dict, h, Some((t, e)))?;
        Some((k, v))
    }

    pub fn dict_clear(&mut self, dict: Value) -> PyResult<()> {
        let t = self.new_dict_table(8)?;
        let _g = self.write_lock(dict);
        crate::obj::publish::publish(&d(dict).table, t.0);
        d(dict).len.store(0, Ordering::Release);
        bump_version(dict);
        Ok(())
    }

    /// A snapshot of the live (key, value) pairs, in order.
    pub fn dict_items_vec(&self, dict: Value) -> Vec<(Value, Value)> {
        let t = d(dict).table.get();
        let used = tbl(t).used.load(Ordering::Acquire);
        dict_entries(t)[..used]
            .iter()
            .filter_map(|e| {
                let k = e.key.get();
                (!k.is_null()).then(|| (k, e.value.get()))
            })
            .collect()
    }

    /// Copies `src` into a new dict of type dict.
    pub fn dict_copy(&mut self, src: Value) -> PyResult<Value> {
        let items = self.dict_items_vec(src);
        let nd = self.new_dict_typed(ty(T::Dict), (items.len() * 3 / 2 + 1).next_power_of_two())?;
        let t = d(src).table.get();
        let used = tbl(t).used.load(Ordering::Acquire);
        for e in &dict_entries(t)[..used] {
            let k = e.key.get();
            if !k.is_null() {
                let h = e.hash.load(Ordering::Relaxed);
                self.dict_insert_new(nd, k, h, e.value.get())?;
            }
        }
        Ok(nd)
    }
}

/// Entry at position `pos` or later that is live: (next position, key, value).
pub fn dict_next(dict: Value, pos: usize) -> Option<(usize, Value, Value)> {
    let t = d(dict).table.get();
    let used = tbl(t).used.load(Ordering::Acquire);
    let ents = dict_entries(t);
    let mut p = pos;
    while p < used {
        let e = &ents[p];
        let k = e.key.get();
        if !k.is_null() {
            return Some((p + 1, k, e.value.get()));
        }
        p += 1;
    }
    None
}

/// Like `dict_next`, with the stored hash: (next position, key, hash).
pub fn dict_next_hash(dict: Value, pos: usize) -> Option<(usize, Value, i64)> {
    let t = d(dict).table.get();
    let used = tbl(t).used.load(Ordering::Acquire);
    let ents = dict_entries(t);
    let mut p = pos;
    while p < used {
        let e = &ents[p];
        let k = e.key.get();
        if !k.is_null() {
            return Some((p + 1, k, e.hash.load(Ordering::Relaxed)));
        }
        p += 1;
    }
    None
}

/// The live entry at position `pos` or before it (reverse iteration): (position, key,
/// value).
pub fn dict_prev(dict: Value, pos: usize) -> Option<(usize, Value, Value)> {
    let t = d(dict).table.get();
    let used = tbl(t).used.load(Ordering::Acquire);
    if used == 0 {
        return None;
    }
    let ents = dict_entries(t);
    let mut p = pos.min(used - 1);
    loop {
        let e = &ents[p];
        let k = e.key.get();
        if !k.is_null() {
            return Some((p, k, e.value.get()));
        }
        if p == 0 {
            return None;
        }
        p -= 1;
    }
}

/// The stored hash of the entry at `pos` (a live entry found by `dict_next`/`dict_prev`).
pub fn dict_entry_hash(dict: Value, pos: usize) -> i64 {
    let t = d(dict).table.get();
    dict_entries(t)
        .get(pos)
        .map(|e| e.hash.load(Ordering::Relaxed))
        .unwrap_or(0)
}

/// Entry slots in use (live and deleted): the end of the iteration range.
pub fn dict_used(dict: Value) -> usize {
    tbl(d(dict).table.get()).used.load(Ordering::Acquire)
}

/// Version counter, for iterators that detect mutation.
pub fn dict_version(dict: Value) -> u32 {
    version(dict)
}

enum Probe {
    Found(usize),
    Missing,
    NeedEq(usize),
}

/// Fast probe: identity, and content equality for exact str and int keys.
#[inline]
fn probe(t: Value, key: Value, h: i64) -> Probe {
    let mask = tbl(t).nindex - 1;
    let idx = dict_indices(t);
    let ents = dict_entries(t);
    let mut i = (h as u64 as usize) & mask;
    let mut perturb = h as u64;
    let key_simple = is_simple_key(key);
    loop {
        let ix = idx.load(i);
        if ix == EMPTY {
            return Probe::Missing;
        }
        if ix >= 0 {
            let e = &ents[ix as usize];
            let ek = e.key.get();
            if ek == key {
                return Probe::Found(ix as usize);
            }
            if !ek.is_null() && e.hash.load(Ordering::Acquire) == h {
                if key_simple && is_simple_key(ek) {
                    if simple_eq(ek, key) {
                        return Probe::Found(ix as usize);
                    }
                } else {
                    return Probe::NeedEq(i);
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb as usize) & mask;
    }
}

/// Keys whose equality needs no Python code: small ints and exact str.
#[inline(always)]
fn is_simple_key(k: Value) -> bool {
    k.is_small_int() || (k.is_ptr() && header(k).ty.get() == ty(T::Str))
}

#[inline(always)]
fn simple_eq(a: Value, b: Value) -> bool {
    if a.is_small_int() || b.is_small_int() {
        return a == b;
    }
    str_bytes(a) == str_bytes(b)
}

fn free_slot(t: Value, h: i64) -> usize {
    let mask = tbl(t).nindex - 1;
    let idx = dict_indices(t);
    let mut i = (h as u64 as usize) & mask;
    let mut perturb = h as u64;
    loop {
        if idx.load(i) < 0 {
            return i;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb as usize) & mask;
    }
}

/// Exact-str-key lookup that runs no Python code (globals, attribute dicts).
#[inline]
pub fn dict_get_str(dict: Value, key: Value, h: i64) -> Option<Value> {
    let t = d(dict).table.get();
    find_str_in(t, key, h).map(|ix| dict_entries(t)[ix].value.get())
}

pub fn new_atomic_i64(v: i64) -> AtomicI64 {
    AtomicI64::new(v)
}

// ---- the dict type (operators and methods): see `dict/methods.rs` ----

mod methods;
pub use methods::{dict_repr_string, new_mappingproxy, DICT_OPS};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    methods::init(vm)
}
