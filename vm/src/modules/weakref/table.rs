//! The back-list of weak references: for every object that has weakrefs, the weakrefs
//! to it, in CPython's order. It answers `getweakrefcount`/`getweakrefs`, finds the
//! callback-less `ref` that `ref(obj)` reuses, and orders the callbacks of a dead
//! object as CPython calls them.
//!
//! How it works
//! - A process-wide table maps an object's identity number (`object_id`, stable while
//!   the object moves) to the addresses of the weakrefs to it. CPython's list order is
//!   kept: the basic ref (exact `ref` type, no callback) first, every other weakref
//!   inserted just after it (or at the head), so those come newest first.
//! - The addresses are *weak roots*: `Vm::collect_now` holds the table's lock for the
//!   whole collection and lets `trace` report every address with `Tracer::trace_weak`,
//!   so the collector rewrites each one when its weakref moves and writes 0 when the
//!   weakref itself died. `sweep`, still in the pause, then drops the dead weakrefs and
//!   those whose referent died, returning the latter in table order (ascending object
//!   identity, list order within an object): the order their callbacks run in.
//!
//! What must hold: the lock is never held across a safepoint or Python code (the
//! functions here only read record words and allocate nothing), so a thread stopping
//! the world always finds it free; an address in the table is a live weakref record
//! whenever a mutator can look at it (only collections change addresses, and each
//! collection updates the table).

use crate::obj::layout::{header, kind_of, Kind, RecordObj, FLAG_HAS_ID};
use crate::runtime::{g, ty, T};
use crate::types::object::object_id;
use crate::types::record::REC_WEAKREF;
use crate::types::typeobj::type_of;
use crate::value::Value;
use parking_lot::{Mutex, MutexGuard};
use std::collections::BTreeMap;
use std::sync::atomic::Ordering;

/// Object identity -> weakrefs to it (addresses of `REC_WEAKREF` records).
pub struct Table {
    lists: BTreeMap<u64, Vec<usize>>,
}

static TABLE: Mutex<Table> = parking_lot::const_mutex(Table {
    lists: BTreeMap::new(),
});

fn rec<'a>(w: Value) -> &'a RecordObj {
    // SAFETY: the table holds only weakref records (`Kind::Record`), kept at their
    // current addresses by every collection (see the module comment).
    unsafe { crate::obj::layout::obj::<RecordObj>(w) }
}

/// A basic ref: of type `ref` itself, without a callback (CPython reuses it).
fn is_basic(w: Value) -> bool {
    let cb = rec(w).s[1].get();
    type_of(w) == ty(T::WeakRef) && (cb.is_null() || cb == g().none)
}

/// The identity number of `o` if it has one (an object never asked for one has no
/// weakrefs: making a weakref asks).
fn known_id(o: Value) -> Option<u64> {
    (o.is_ptr() && header(o).flags.load(Ordering::Acquire) & FLAG_HAS_ID != 0).then(|| object_id(o))
}

/// Registers the new weakref `w` to `o`, unless `w` is basic and `o` has a basic ref
/// already: then that one is returned instead (and `w` is left to the collector).
pub fn insert_or_reuse(o: Value, w: Value) -> Value {
    debug_assert!(kind_of(w) == Kind::Record && header(w).rec_kind == REC_WEAKREF);
    let id = object_id(o);
    let basic = is_basic(w);
    let mut t = TABLE.lock();
    let list = t.lists.entry(id).or_default();
    let head_basic = list.first().is_some_and(|&h| is_basic(Value(h)));
    if basic && head_basic {
        return Value(list[0]);
    }
    let at = usize::from(!basic && head_basic);
    list.insert(at, w.0);
    w
}

/// The weakrefs to `o` (alive or not yet collected), in CPython's order.
pub fn refs_to(o: Value) -> Vec<Value> {
    let Some(id) = known_id(o) else {
        return Vec::new();
    };
    let t = TABLE.lock();
    t.lists
        .get(&id)
        .map(|l| l.iter().map(|&w| Value(w)).collect())
        .unwrap_or_default()
}

/// The table, locked for a collection (see the module comment).
pub fn lock_for_collection() -> MutexGuard<'static, Table> {
    TABLE.lock()
}

impl Table {
    /// Reports every address as a weak root.
    pub fn trace(&mut self, t: &mut dyn gc_parallel::Tracer) {
        for list in self.lists.values_mut() {
            for w in list.iter_mut() {
                // Roots have no owning object: 0 is reported back (and ignored) if
                // the weakref died.
                t.trace_weak(0, w);
            }
        }
    }

    /// After a collection (world still stopped): forgets weakrefs that died and
    /// weakrefs whose referent died; returns the latter in callback order.
    pub fn sweep(&mut self) -> Vec<Value> {
        let mut dead = Vec::new();
        self.lists.retain(|_, list| {
            list.retain(|&w| {
                if w == 0 {
                    return false;
                }
                if rec(Value(w)).s[0].get().is_null() {
                    dead.push(Value(w));
                    return false;
                }
                true
            });
            !list.is_empty()
        });
        dead
    }
}
