//! `set` and `frozenset`: CPython's open-addressed hash table.
//!
//! A `SetObj` (len = live entries, CPython's `used`) points to a `SetTable` of `cap`
//! (a power of two, at least 8) entries of (hash, key). An entry is empty (key NULL,
//! hash 0), a dummy left by a deletion (key = `g().dummy`, hash -1), or active. `fill`
//! counts active and dummy entries. Probing is CPython's: from `hash & mask`, look at up
//! to `LINEAR_PROBES` following entries (when they do not wrap), then jump with the
//! perturbed recurrence `i = 5i + 1 + perturb` (perturb shifted right by 5 each time).
//! Tables grow exactly as CPython's do (to the smallest power of two above
//! `used*4`, or `used*2` past 50,000 entries, whenever `fill*5 >= mask*3`), and merging
//! one set into another follows `set_merge`, so iteration order equals CPython's
//! wherever CPython's order is deterministic (small ints, tuples of them...).
//!
//! Equality of keys may run Python code that mutates the set; a lookup then restarts
//! when the table or the entry it was comparing changed (CPython's rule). No collection
//! can happen while native code runs, so table pointers held in locals stay valid; a
//! resize publishes a freshly filled table with one release store.
//!
//! `SetObj::finger` holds `pop`'s search position, kept across resizes as CPython does.
//!
//! What must hold: `fill < cap` (there is always an empty entry to end a failed probe);
//! `len <= fill`; only sets (never frozensets already handed to Python) are mutated.

use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, T};
use crate::types::typeobj::{is_subtype, type_of};
use crate::value::Value;
use std::mem::size_of;
use std::sync::atomic::Ordering;

mod methods;
pub use methods::{set_repr_string, SET_ITER_OPS};

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MINSIZE: usize = 8;

#[inline(always)]
fn so(v: Value) -> &'static SetObj {
    // SAFETY: callers pass set objects (kind Set).
    unsafe { obj::<SetObj>(v) }
}

#[inline(always)]
fn st(t: Value) -> &'static SetTableObj {
    // SAFETY: set tables are kind SetTable.
    unsafe { obj::<SetTableObj>(t) }
}

/// True for instances of set, frozenset and their subclasses.
#[inline]
pub fn is_anyset(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Set
}

/// True for instances of set (not frozenset) and its subclasses.
pub fn is_mutable_set(v: Value) -> bool {
    is_anyset(v) && is_subtype(type_of(v), ty(T::Set))
}

#[inline]
pub fn set_len(s: Value) -> usize {
    so(s).len.load(Ordering::Acquire)
}

#[inline]
fn table(s: Value) -> Value {
    so(s).table.get()
}

#[inline]
fn mask_of(t: Value) -> usize {
    st(t).cap - 1
}

#[inline]
fn fill_of(t: Value) -> usize {
    st(t).fill.load(Ordering::Acquire)
}

#[inline(always)]
fn is_dummy(k: Value) -> bool {
    k == g().dummy
}

#[inline(always)]
fn is_live(k: Value) -> bool {
    !k.is_null() && !is_dummy(k)
}

/// Keys whose equality needs no Python code when hashes match: identical small ints and
/// exact strs compared by content.
#[inline(always)]
fn quick_eq(a: Value, b: Value) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    let sty = ty(T::Str);
    if a.is_ptr() && b.is_ptr() && header(a).ty.get() == sty && header(b).ty.get() == sty {
        return Some(str_bytes(a) == str_bytes(b));
    }
    None
}

/// Membership decided without Python code (identity, small ints, exact strs), following
/// `set_look`'s probe sequence; `None` when an entry with the same hash needs `__eq__`.
fn quick_contains(s: Value, key: Value, h: i64) -> Option<bool> {
    let t = table(s);
    let ents = set_entries(t);
    let mask = mask_of(t);
    let mut perturb = h as u64 as usize;
    let mut i = (h as u64 as usize) & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        for e in &ents[i..=i + probes] {
            let k = e.key.get();
            if k.is_null() {
                return Some(false);
            }
            if e.hash.load(Ordering::Relaxed) == h && !is_dummy(k) && quick_eq(k, key)? {
                return Some(true);
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

/// Marks a change of the contents (the caller holds the set's lock, or runs alone).
/// `len += delta`, by the holder of the set's write lock (or the only thread): a load
/// and a store cannot lose an update there, and are cheaper than a locked
/// read-modify-write.
#[inline(always)]
fn add_len(s: Value, delta: isize) {
    let n = so(s).len.load(Ordering::Relaxed);
    so(s)
        .len
        .store(n.wrapping_add_signed(delta), Ordering::Release);
}

fn bump_version(s: Value) {
    let v = so(s).version.load(Ordering::Relaxed);
    so(s).version.store(v + 1, Ordering::Release);
}

/// The contents' version (see `SetObj::version`).
pub fn set_version(s: Value) -> u64 {
    so(s).version.load(Ordering::Acquire)
}

/// Next live entry at or after `pos`: (next position, key, hash).
pub fn set_next(s: Value, pos: usize) -> Option<(usize, Value, i64)> {
    let t = table(s);
    let ents = set_entries(t);
    let mut i = pos;
    while i < ents.len() {
        let k = ents[i].key.get();
        if is_live(k) {
            return Some((i + 1, k, ents[i].hash.load(Ordering::Relaxed)));
        }
        i += 1;
    }
    None
}

/// A snapshot of the keys in table order.
pub fn set_keys(s: Value) -> Vec<Value> {
    let t = table(s);
    set_entries(t)
        .iter()
        .map(|e| e.key.get())
        .filter(|k| is_live(*k))
        .collect()
}

/// Snapshot of (key, hash) pairs in table order.
pub fn set_entries_vec(s: Value) -> Vec<(Value, i64)> {
    let t = table(s);
    set_entries(t)
        .iter()
        .filter_map(|e| {
            let k = e.key.get();
            is_live(k).then(|| (k, e.hash.load(Ordering::Relaxed)))
        })
        .collect()
}

/// `set_insert_clean`: stores a key known to be absent into a table with no dummies in
/// the way of its probe sequence (a fresh table).
fn insert_clean(t: Value, key: Value, h: i64) {
    let ents = set_entries(t);
    let mask = mask_of(t);
    let mut perturb = h as u64 as usize;
    let mut i = (h as u64 as usize) & mask;
    // As CPython: the linear probes look at i+1..=i+LINEAR_PROBES but the next round
    // starts from `i` itself, the same sequence `set_look` follows.
    let slot = 'probe: loop {
        if ents[i].key.get().is_null() {
            break i;
        }
        if i + LINEAR_PROBES <= mask {
            if let Some(d) = ents[i + 1..=i + LINEAR_PROBES]
                .iter()
                .position(|e| e.key.get().is_null())
            {
                break 'probe i + 1 + d;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    };
    ents[slot].hash.store(h, Ordering::Relaxed);
    ents[slot].key.set(key);
}

/// Outcome of a probe that may need Python equality.
enum Look {
    /// Active entry with an equal key (table, index, the key compared).
    Found(Value, usize, Value),
    /// Absent; for an insertion, the slot to use (first dummy seen, or the empty entry)
    /// and whether it is a dummy.
    Absent(Value, usize, bool),
}

impl Vm {
    fn new_set_table(&mut self, cap: usize) -> PyResult<Value> {
        let size = self.var_size(size_of::<SetTableObj>(), cap, size_of::<SetEntry>())?;
        let t = self.alloc(Kind::SetTable, ty(T::SetTable), size)?;
        // SAFETY: fresh table (zeroed: every entry is empty); the size is written before
        // the table is published.
        unsafe { (*(t.0 as *mut SetTableObj)).cap = cap };
        Ok(t)
    }

    /// An empty set of type `typ` (set, frozenset or a subclass of either).
    pub fn new_set_typed(&mut self, typ: Value) -> PyResult<Value> {
        let t = self.new_set_table(MINSIZE)?;
        let s = self.alloc(Kind::Set, typ, size_of::<SetObj>())?;
        so(s).table.set(t);
        if crate::types::typeobj::type_flags(typ) & crate::types::typeobj::TF_HAS_DICT != 0 {
            let d = self.new_dict()?;
            so(s).dict.set(d);
        }
        Ok(s)
    }

    pub fn new_set(&mut self, frozen: bool) -> PyResult<Value> {
        self.new_set_typed(ty(if frozen { T::FrozenSet } else { T::Set }))
    }

    /// `set_lookkey` (with `for_insert`, the slot `set_add_entry` would fill).
    fn set_look(&mut self, s: Value, key: Value, h: i64, for_insert: bool) -> PyResult<Look> {
        // Mode `rw`: the entries are read under the read lock, which is let go around
        // each `__eq__` call (no Python code runs under an object lock). Callers hold no
        // lock of `s`.
        let mut r = self.read_lock(s);
        'restart: loop {
            let t = table(s);
            let ents = set_entries(t);
            let mut mask = mask_of(t);
            let mut perturb = h as u64 as usize;
            let mut i = (h as u64 as usize) & mask;
            let mut freeslot: Option<usize> = None;
            loop {
                let mut probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                let mut j = i;
                loop {
                    let e = &ents[j];
                    let k = e.key.get();
                    if k.is_null() {
                        return Ok(match freeslot {
                            Some(f) if for_insert => Look::Absent(t, f, true),
                            _ => Look::Absent(t, j, false),
                        });
                    }
                    let eh = e.hash.load(Ordering::Relaxed);
                    if eh == h && !is_dummy(k) {
                        match quick_eq(k, key) {
                            Some(true) => return Ok(Look::Found(t, j, k)),
                            Some(false) => {}
                            None => {
                                drop(r.take());
                                let eq = self.eq_bool(k, key)?;
                                r = self.read_lock(s);
                                if table(s) != t || ents[j].key.get() != k {
                                    continue 'restart;
                                }
                                if eq {
                                    return Ok(Look::Found(t, j, k));
                                }
                                mask = mask_of(t);
                            }
                        }
                    } else if eh == -1 {
                        // CPython remembers the last dummy on the probe path.
                        freeslot = Some(j);
                    }
                    if probes == 0 {
                        break;
                    }
                    probes -= 1;
                    j += 1;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            }
        }
    }

    /// `set_add_entry`.
    pub fn set_add_entry(&mut self, s: Value, key: Value, h: i64) -> PyResult<()> {
        let locked = loop {
            // The probe may run `__eq__`, so it runs unlocked; under the lock the writer
            // re-probes if the table or the chosen slot changed meanwhile.
            let look = self.set_look(s, key, h, true)?;
            let guard = self.write_lock(s);
            if let Look::Absent(t, i, dummy) = look {
                let seen = if dummy { g().dummy } else { Value::NULL };
                if guard.is_some() && (table(s) != t || set_entries(t)[i].key.get() != seen) {
                    continue;
                }
            }
            break (guard, look);
        };
        match locked.1 {
            Look::Found(..) => Ok(()),
            Look::Absent(t, i, dummy) => {
                let e = &set_entries(t)[i];
                e.hash.store(h, Ordering::Relaxed);
                e.key.set(key);
                add_len(s, 1);
                bump_version(s);
                if dummy {
                    return Ok(());
                }
                let fill = st(t).fill.load(Ordering::Relaxed) + 1;
                st(t).fill.store(fill, Ordering::Release);
                let mask = mask_of(t);
                if fill * 5 < mask * 3 {
                    return Ok(());
                }
                let used = set_len(s);
                self.set_table_resize(s, if used > 50000 { used * 2 } else { used * 4 })
            }
        }
    }

    /// `set_table_resize`: a new table of the smallest power of two above `minused`,
    /// holding the live keys (dummies dropped).
    fn set_table_resize(&mut self, s: Value, minused: usize) -> PyResult<()> {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize = match newsize.checked_mul(2) {
                Some(n) => n,
                None => return Err(self.memory_error()),
            };
        }
        let old = table(s);
        if newsize == MINSIZE && st(old).cap == MINSIZE && fill_of(old) == set_len(s) {
            // CPython keeps its small table as it is when there are no dummies.
            return Ok(());
        }
        let nt = self.new_set_table(newsize)?;
        for e in set_entries(old) {
            let k = e.key.get();
            if is_live(k) {
                insert_clean(nt, k, e.hash.load(Ordering::Relaxed));
            }
        }
        st(nt).fill.store(set_len(s), Ordering::Release);
        so(s).table.set(nt);
        Ok(())
    }

    /// A frozenset constant of a code object, built as CPython's compiler builds it:
    /// `PyFrozenSet_New` of the folded items, then again from that set's iteration order
    /// (`merge_consts_recursive`), so that `{8, 16, 24, 1}` iterates in CPython's order.
    pub fn new_frozenset_const(&mut self, items: &[Value]) -> PyResult<Value> {
        let first = self.new_set(true)?;
        for &x in items {
            self.set_add(first, x)?;
        }
        let s = self.new_set(true)?;
        for (k, h) in set_entries_vec(first) {
            self.set_add_entry(s, k, h)?;
        }
        Ok(s)
    }

    /// `s.add(x)` (BUILD_SET, SET_ADD, frozenset constants).
    pub fn set_add(&mut self, s: Value, x: Value) -> PyResult<()> {
        let h = self.hash_key(x)?;
        self.set_add_entry(s, x, h)
    }

    /// Membership with a known hash.
    pub fn set_contains_entry(&mut self, s: Value, key: Value, h: i64) -> PyResult<bool> {
        if crate::obj::lockmode::readers_must_lock() {
            // Mode `rw`: decide under the read lock when no `__eq__` is needed.
            let _r = self.read_lock(s);
            if let Some(found) = quick_contains(s, key, h) {
                return Ok(found);
            }
        }
        Ok(matches!(self.set_look(s, key, h, false)?, Look::Found(..)))
    }

    /// `x in s` without the set-to-frozenset retry.
    pub fn set_contains_key(&mut self, s: Value, key: Value) -> PyResult<bool> {
        let h = self.hash_key(key)?;
        self.set_contains_entry(s, key, h)
    }

    /// `set_discard_entry`: true when the key was present.
    pub fn set_discard_entry(&mut self, s: Value, key: Value, h: i64) -> PyResult<bool> {
        // As in `set_add_entry`: probe unlocked, lock, re-probe if the table or the
        // found entry changed meanwhile (a resize would otherwise lose the removal).
        let (_g, look) = loop {
            let look = self.set_look(s, key, h, false)?;
            let guard = self.write_lock(s);
            if let Look::Found(t, i, k) = look {
                if guard.is_some() && (table(s) != t || set_entries(t)[i].key.get() != k) {
                    continue;
                }
            }
            break (guard, look);
        };
        match look {
            Look::Found(t, i, _) => {
                let e = &set_entries(t)[i];
                e.key.set(g().dummy);
                e.hash.store(-1, Ordering::Relaxed);
                add_len(s, -1);
                bump_version(s);
                Ok(true)
            }
            Look::Absent(..) => Ok(false),
        }
    }

    pub fn set_discard_key(&mut self, s: Value, key: Value) -> PyResult<bool> {
        let h = self.hash_key(key)?;
        self.set_discard_entry(s, key, h)
    }

    /// Empties a set (a fresh minimum-size table).
    pub fn set_clear(&mut self, s: Value) -> PyResult<()> {
        let t = self.new_set_table(MINSIZE)?;
        let _g = self.write_lock(s);
        so(s).len.store(0, Ordering::Release);
        so(s).table.set(t);
        bump_version(s);
        Ok(())
    }

    /// Removes and returns an element (`set.pop`), or None when empty.
    pub fn set_pop(&mut self, s: Value) -> Option<Value> {
        let _g = self.write_lock(s);
        if set_len(s) == 0 {
            return None;
        }
        let t = table(s);
        let ents = set_entries(t);
        let mask = mask_of(t);
        let mut i = so(s).finger.load(Ordering::Relaxed) & mask;
        loop {
            let k = ents[i].key.get();
            if is_live(k) {
                ents[i].key.set(g().dummy);
                ents[i].hash.store(-1, Ordering::Relaxed);
                add_len(s, -1);
                bump_version(s);
                so(s).finger.store(i + 1, Ordering::Relaxed);
                return Some(k);
            }
            i += 1;
            if i > mask {
                i = 0;
            }
        }
    }

    /// `set_merge`: adds every key of the set or frozenset `other`.
    fn set_merge(&mut self, s: Value, other: Value) -> PyResult<()> {
        let olen = set_len(other);
        if other == s || olen == 0 {
            return Ok(());
        }
        let g = self.write_lock(s);
        let t = table(s);
        if (fill_of(t) + olen) * 5 >= mask_of(t) * 3 {
            self.set_table_resize(s, (set_len(s) + olen) * 2)?;
        }
        let t = table(s);
        let ot = table(other);
        // `other` is read unlocked: its length is re-read from its table's entries.
        if fill_of(t) == 0 && set_len(other) == olen {
            let ents = set_entries(t);
            let oents = set_entries(ot);
            if mask_of(t) == mask_of(ot) && fill_of(ot) == olen {
                // Same size, no dummies: copy entry for entry.
                for (d, e) in ents.iter().zip(oents) {
                    let k = e.key.get();
                    if !k.is_null() {
                        d.hash
                            .store(e.hash.load(Ordering::Relaxed), Ordering::Relaxed);
                        d.key.set(k);
                    }
                }
            } else {
                for e in oents {
                    let k = e.key.get();
                    if is_live(k) {
                        insert_clean(t, k, e.hash.load(Ordering::Relaxed));
                    }
                }
            }
            st(t).fill.store(olen, Ordering::Release);
            so(s).len.store(olen, Ordering::Release);
            bump_version(s);
            return Ok(());
        }
        drop(g);
        for (k, h) in set_entries_vec(other) {
            self.set_add_entry(s, k, h)?;
        }
        Ok(())
    }

    /// `set_update_internal`: adds every element of an iterable.
    pub fn set_update(&mut self, s: Value, it: Value) -> PyResult<()> {
        if is_anyset(it) {
            return self.set_merge(s, it);
        }
        if it.is_ptr() && type_of(it) == ty(T::Dict) {
            let n = crate::types::dict::dict_len(it);
            let t = table(s);
            if (fill_of(t) + n) * 5 >= mask_of(t) * 3 {
                self.set_table_resize(s, (set_len(s) + n) * 2)?;
            }
            let mut pos = 0;
            while let Some((p, k, h)) = crate::types::dict::dict_next_hash(it, pos) {
                pos = p;
                self.set_add_entry(s, k, h)?;
            }
            return Ok(());
        }
        if it.is_ptr() && matches!(kind_of(it), Kind::List | Kind::Tuple) {
            let mut i = 0;
            loop {
                let x = if kind_of(it) == Kind::List {
                    if i >= crate::types::list::list_len(it) {
                        break;
                    }
                    crate::types::list::list_get(it, i)
                } else {
                    match tuple_slots(it).get(i) {
                        Some(x) => x.get(),
                        None => break,
                    }
                };
                self.set_add(s, x)?;
                i += 1;
            }
            return Ok(());
        }
        let iter = self.get_iter(it)?;
        while let Some(x) = self.iter_next(iter)? {
            self.set_add(s, x)?;
        }
        Ok(())
    }

    /// `make_new_set(type, iterable)`.
    pub fn make_new_set(&mut self, typ: Value, it: Option<Value>) -> PyResult<Value> {
        let s = self.new_set_typed(typ)?;
        if let Some(it) = it {
            self.set_update(s, it)?;
        }
        Ok(s)
    }

    /// `make_new_set_basetype`: results of set operations are plain sets or frozensets.
    pub fn make_new_set_basetype(&mut self, typ: Value, it: Option<Value>) -> PyResult<Value> {
        let base = if typ == ty(T::Set) || typ == ty(T::FrozenSet) {
            typ
        } else if is_subtype(typ, ty(T::Set)) {
            ty(T::Set)
        } else {
            ty(T::FrozenSet)
        };
        self.make_new_set(base, it)
    }

    /// Exchanges the contents of two sets (`set_swap_bodies`, used by the `_update`
    /// methods that build their result aside).
    pub fn set_swap_bodies(&mut self, a: Value, b: Value) {
        // `b` is private to the caller; `a` may be shared.
        let _g = self.write_lock(a);
        swap_locked(a, b);
    }

    /// `a &= ...` as one operation: `compute` builds the new contents aside (it may run
    /// `__eq__`/`__hash__`), and they are swapped in only if `a` did not change
    /// meanwhile (checked under the lock), else computed again. After `MAX_RECOMPUTE`
    /// tries (writers keep changing `a`, or an `__eq__` does) it removes, one atomic
    /// discard at a time, the items of a snapshot of `a` that the result lacks: items
    /// added meanwhile stay, so a racing add is never dropped.
    pub fn set_replace_with(
        &mut self,
        a: Value,
        mut compute: impl FnMut(&mut Vm) -> PyResult<Value>,
    ) -> PyResult<()> {
        const MAX_RECOMPUTE: usize = 8;
        for _ in 0..MAX_RECOMPUTE {
            let ver = set_version(a);
            let tmp = compute(self)?;
            if tmp == a {
                return Ok(());
            }
            let _g = self.write_lock(a);
            if set_version(a) == ver {
                swap_locked(a, tmp);
                return Ok(());
            }
        }
        let snapshot = set_entries_vec(a);
        let tmp = compute(self)?;
        if tmp == a {
            return Ok(());
        }
        for (k, h) in snapshot {
            if !self.set_contains_entry(tmp, k, h)? {
                self.set_discard_entry(a, k, h)?;
            }
        }
        Ok(())
    }
}

/// `Vm::set_swap_bodies` for a caller that holds `a`'s lock.
fn swap_locked(a: Value, b: Value) {
    {
        let (ta, tb) = (table(a), table(b));
        let (la, lb) = (set_len(a), set_len(b));
        so(a).table.set(tb);
        so(b).table.set(ta);
        so(a).len.store(lb, Ordering::Release);
        so(b).len.store(la, Ordering::Release);
        bump_version(a);
    }
}

impl Vm {
    /// `set_difference_update_internal`.
    pub fn set_difference_update(&mut self, s: Value, other: Value) -> PyResult<()> {
        if s == other {
            return self.set_clear(s);
        }
        if is_anyset(other) {
            let other = if (set_len(other) >> 3) > set_len(s) {
                self.set_intersection(s, other)?
            } else {
                other
            };
            for (k, h) in set_entries_vec(other) {
                self.set_discard_entry(s, k, h)?;
            }
        } else {
            let it = self.get_iter(other)?;
            while let Some(k) = self.iter_next(it)? {
                self.set_discard_key(s, k)?;
            }
        }
        let _g = self.write_lock(s);
        let t = table(s);
        if fill_of(t) - set_len(s) <= mask_of(t) / 4 {
            return Ok(());
        }
        let used = set_len(s);
        self.set_table_resize(s, if used > 50000 { used * 2 } else { used * 4 })
    }

    /// `set_intersection(so, other)`.
    pub fn set_intersection(&mut self, s: Value, other: Value) -> PyResult<Value> {
        if s == other {
            return self.set_copy(s);
        }
        let result = self.make_new_set_basetype(type_of(s), None)?;
        if is_anyset(other) {
            let (big, small) = if set_len(other) > set_len(s) {
                (other, s)
            } else {
                (s, other)
            };
            for (k, h) in set_entries_vec(small) {
                if self.set_contains_entry(big, k, h)? {
                    self.set_add_entry(result, k, h)?;
                }
            }
            return Ok(result);
        }
        let it = self.get_iter(other)?;
        while let Some(k) = self.iter_next(it)? {
            let h = self.hash_key(k)?;
            if self.set_contains_entry(s, k, h)? {
                self.set_add_entry(result, k, h)?;
            }
        }
        Ok(result)
    }

    /// A new set (or frozenset) with the elements of `s` (CPython's `set_copy`).
    pub fn set_copy(&mut self, s: Value) -> PyResult<Value> {
        self.make_new_set_basetype(type_of(s), Some(s))
    }

    /// `set_difference(so, other)`.
    pub fn set_difference(&mut self, s: Value, other: Value) -> PyResult<Value> {
        let is_dict = other.is_ptr() && type_of(other) == ty(T::Dict);
        let other_size = if is_anyset(other) {
            set_len(other)
        } else if is_dict {
            crate::types::dict::dict_len(other)
        } else {
            return self.set_copy_and_difference(s, other);
        };
        if (set_len(s) >> 2) > other_size {
            return self.set_copy_and_difference(s, other);
        }
        let result = self.make_new_set_basetype(type_of(s), None)?;
        for (k, h) in set_entries_vec(s) {
            let present = if is_dict {
                self.dict_get_h(other, k, h)?.is_some()
            } else {
                self.set_contains_entry(other, k, h)?
            };
            if !present {
                self.set_add_entry(result, k, h)?;
            }
        }
        Ok(result)
    }

    fn set_copy_and_difference(&mut self, s: Value, other: Value) -> PyResult<Value> {
        let r = self.make_new_set_basetype(type_of(s), Some(s))?;
        self.set_difference_update(r, other)?;
        Ok(r)
    }

    /// `set_symmetric_difference_update(so, other)`.
    pub fn set_symmetric_difference_update(&mut self, s: Value, other: Value) -> PyResult<()> {
        if s == other {
            return self.set_clear(s);
        }
        let pairs: Vec<(Value, i64)> = if other.is_ptr() && type_of(other) == ty(T::Dict) {
            let mut v = Vec::new();
            let mut pos = 0;
            while let Some((p, k, h)) = crate::types::dict::dict_next_hash(other, pos) {
                pos = p;
                v.push((k, h));
            }
            v
        } else if is_anyset(other) {
            set_entries_vec(other)
        } else {
            let tmp = self.make_new_set_basetype(type_of(s), Some(other))?;
            set_entries_vec(tmp)
        };
        for (k, h) in pairs {
            if !self.set_discard_entry(s, k, h)? {
                self.set_add_entry(s, k, h)?;
            }
        }
        Ok(())
    }

    /// `set_symmetric_difference(so, other)`.
    pub fn set_symmetric_difference(&mut self, s: Value, other: Value) -> PyResult<Value> {
        let r = self.make_new_set_basetype(type_of(s), Some(other))?;
        self.set_symmetric_difference_update(r, s)?;
        Ok(r)
    }

    /// `set_issubset(so, other)`.
    pub fn set_issubset(&mut self, s: Value, other: Value) -> PyResult<bool> {
        let other = if is_anyset(other) {
            other
        } else {
            self.make_new_set(ty(T::Set), Some(other))?
        };
        if set_len(s) > set_len(other) {
            return Ok(false);
        }
        for (k, h) in set_entries_vec(s) {
            if !self.set_contains_entry(other, k, h)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `set_issuperset(so, other)`.
    pub fn set_issuperset(&mut self, s: Value, other: Value) -> PyResult<bool> {
        if is_anyset(other) {
            return self.set_issubset(other, s);
        }
        let it = self.get_iter(other)?;
        while let Some(k) = self.iter_next(it)? {
            if !self.set_contains_key(s, k)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `set_isdisjoint(so, other)`.
    pub fn set_isdisjoint(&mut self, s: Value, other: Value) -> PyResult<bool> {
        if s == other {
            return Ok(set_len(s) == 0);
        }
        if is_anyset(other) {
            let (big, small) = if set_len(other) > set_len(s) {
                (other, s)
            } else {
                (s, other)
            };
            for (k, h) in set_entries_vec(small) {
                if self.set_contains_entry(big, k, h)? {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        let it = self.get_iter(other)?;
        while let Some(k) = self.iter_next(it)? {
            if self.set_contains_key(s, k)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// CPython's `frozenset_hash`.
    pub fn frozenset_hash(&mut self, s: Value) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for (_, h) in set_entries_vec(s) {
            hash ^= shuffle(h as u64);
        }
        hash ^= (set_len(s) as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }
}

pub fn init(vm: &mut Vm) -> PyResult<()> {
    methods::init(vm)
}
