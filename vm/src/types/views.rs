//! Dict views (`dict_keys`, `dict_values`, `dict_items`) and dict iterators (forward and
//! reversed, over keys, values or items).
//!
//! A view is a record whose s0 is the dict; it reads the dict live. Keys and items
//! views are set-like: comparisons, `& | ^ -` (results are sets, computed as CPython's
//! `dictviews_*` functions do) and `isdisjoint`.
//!
//! An iterator is a record: s0 = the dict (NULL once exhausted), s1 = items left (small
//! int); a = entry position (the next one forward, or the current one backward);
//! b = the dict's length when iteration started, or -1 once a size change has been
//! reported (the error then repeats, as in CPython).
//!
//! The reversed iterator types (`dict_reversekeyiterator`, ...) are not in the built-in
//! type table; they are created here at start-up, pinned, and their addresses kept in
//! `REV_TYPES` (a pinned object never moves, so the word stays valid, like `ty()`).
//!
//! What must hold: an iterator reports "dictionary changed size during iteration" when
//! the length differs from the starting one, and "dictionary keys changed during
//! iteration" when it finds more entries than it started with.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::dict::{dict_len, dict_next, dict_prev, dict_used};
use crate::types::record::{REC_DICT_ITER, REC_DICT_VIEW};
use crate::types::set::is_anyset;
use crate::types::slots::TypeOps;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// Pinned type objects of the three reversed dict iterators (keys, values, items).
static REV_TYPES: [AtomicUsize; 3] = [const { AtomicUsize::new(0) }; 3];

fn rev_type(k: ViewKind) -> Value {
    Value(REV_TYPES[k as usize].load(Ordering::Relaxed))
}

fn rec(v: Value) -> &'static RecordObj {
    // SAFETY: views and dict iterators are records.
    unsafe { obj::<RecordObj>(v) }
}

fn view_dict(v: Value) -> Value {
    rec(v).s[0].get()
}

fn view_kind(v: Value) -> Option<ViewKind> {
    if !v.is_ptr() || kind_of(v) != Kind::Record || header(v).rec_kind != REC_DICT_VIEW {
        return None;
    }
    let t = type_of(v);
    if crate::types::typeobj::is_subtype(t, ty(T::DictKeys)) {
        Some(ViewKind::Keys)
    } else if crate::types::typeobj::is_subtype(t, ty(T::DictItems)) {
        Some(ViewKind::Items)
    } else if crate::types::typeobj::is_subtype(t, ty(T::DictValues)) {
        Some(ViewKind::Values)
    } else {
        None
    }
}

/// The items of a dict view (`Vm::snapshot_items`): its dict's entries read under the
/// dict's lock, then keys, values or (key, value) tuples. `None` for other values.
pub fn view_snapshot(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<Value>>> {
    let Some(kind) = view_kind(v) else {
        return Ok(None);
    };
    let d = view_dict(v);
    let pairs = {
        let _g = vm.write_lock(d);
        vm.dict_items_vec(d)
    };
    Ok(Some(match kind {
        ViewKind::Keys => pairs.into_iter().map(|(k, _)| k).collect(),
        ViewKind::Values => pairs.into_iter().map(|(_, x)| x).collect(),
        ViewKind::Items => {
            let mut out = Vec::with_capacity(pairs.len());
            for (k, x) in pairs {
                out.push(vm.new_tuple(&[k, x])?);
            }
            out
        }
    }))
}

/// Keys and items views (the set-like ones).
fn is_setlike_view(v: Value) -> bool {
    matches!(view_kind(v), Some(ViewKind::Keys | ViewKind::Items))
}

pub fn new_view(vm: &mut Vm, d: Value, k: ViewKind) -> PyResult<Value> {
    let t = match k {
        ViewKind::Keys => ty(T::DictKeys),
        ViewKind::Values => ty(T::DictValues),
        ViewKind::Items => ty(T::DictItems),
    };
    vm.new_record(
        t,
        REC_DICT_VIEW,
        [d, Value::NULL, Value::NULL, Value::NULL],
        0,
        0,
    )
}

pub fn new_dict_iter(vm: &mut Vm, d: Value, k: ViewKind, reverse: bool) -> PyResult<Value> {
    let n = dict_len(d) as i64;
    let (t, pos) = if reverse {
        (rev_type(k), dict_used(d) as i64 - 1)
    } else {
        let t = match k {
            ViewKind::Keys => ty(T::DictKeyIter),
            ViewKind::Values => ty(T::DictValueIter),
            ViewKind::Items => ty(T::DictItemIter),
        };
        (t, 0)
    };
    let pos = if n == 0 { -1 } else { pos };
    vm.new_record(
        t,
        REC_DICT_ITER,
        [d, Value::small(n), Value::NULL, Value::NULL],
        pos,
        n,
    )
}

// ---- iterators ----

/// The next live entry for the iterator `it`, with the size checks: (key, value).
fn iter_step(vm: &mut Vm, it: Value, reverse: bool) -> PyResult<Option<(Value, Value)>> {
    let r = rec(it);
    let d = r.s[0].get();
    if d.is_null() {
        return Ok(None);
    }
    if r.b.load(Ordering::Relaxed) != dict_len(d) as i64 {
        r.b.store(-1, Ordering::Relaxed);
        return Err(vm.raise_msg(
            ExcKind::RuntimeError,
            "dictionary changed size during iteration",
        ));
    }
    let pos = r.a.load(Ordering::Relaxed);
    let found = if pos < 0 {
        None
    } else {
        let _r = vm.read_lock(d);
        if reverse {
            dict_prev(d, pos as usize).map(|(p, k, v)| (p as i64 - 1, k, v))
        } else {
            dict_next(d, pos as usize).map(|(p, k, v)| (p as i64, k, v))
        }
    };
    let Some((next, k, v)) = found else {
        r.s[0].set(Value::NULL);
        return Ok(None);
    };
    let left = r.s[1].get().as_small();
    if left <= 0 {
        r.s[0].set(Value::NULL);
        return Err(vm.raise_msg(
            ExcKind::RuntimeError,
            "dictionary keys changed during iteration",
        ));
    }
    r.a.store(next, Ordering::Relaxed);
    r.s[1].set(Value::small(left - 1));
    Ok(Some((k, v)))
}

fn key_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    Ok(iter_step(vm, it, false)?.map(|(k, _)| k))
}
fn value_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    Ok(iter_step(vm, it, false)?.map(|(_, v)| v))
}
fn item_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    match iter_step(vm, it, false)? {
        Some((k, v)) => vm.new_tuple(&[k, v]).map(Some),
        None => Ok(None),
    }
}
fn rkey_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    Ok(iter_step(vm, it, true)?.map(|(k, _)| k))
}
fn rvalue_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    Ok(iter_step(vm, it, true)?.map(|(_, v)| v))
}
fn ritem_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    match iter_step(vm, it, true)? {
        Some((k, v)) => vm.new_tuple(&[k, v]).map(Some),
        None => Ok(None),
    }
}

fn iter_self(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn iter_length_hint(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = rec(a.get(0));
    let d = r.s[0].get();
    if d.is_null() || r.b.load(Ordering::Relaxed) != dict_len(d) as i64 {
        return Ok(Value::small(0));
    }
    Ok(r.s[1].get())
}

// ---- views ----

fn view_len(_vm: &mut Vm, v: Value) -> PyResult<usize> {
    Ok(dict_len(view_dict(v)))
}

fn keys_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    new_dict_iter(vm, view_dict(v), ViewKind::Keys, false)
}
fn values_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    new_dict_iter(vm, view_dict(v), ViewKind::Values, false)
}
fn items_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    new_dict_iter(vm, view_dict(v), ViewKind::Items, false)
}

fn view_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0);
    match view_kind(v) {
        Some(k) => new_dict_iter(vm, view_dict(v), k, true),
        None => Err(vm.raise_msg(ExcKind::TypeError, "expected a dict view")),
    }
}

fn keys_contains(vm: &mut Vm, v: Value, k: Value) -> PyResult<bool> {
    Ok(vm.dict_get(view_dict(v), k)?.is_some())
}

fn items_contains(vm: &mut Vm, v: Value, x: Value) -> PyResult<bool> {
    if !(x.is_ptr() && kind_of(x) == Kind::Tuple && tuple_slots(x).len() == 2) {
        return Ok(false);
    }
    let (k, val) = (tuple_slots(x)[0].get(), tuple_slots(x)[1].get());
    match vm.dict_get(view_dict(v), k)? {
        Some(found) => vm.eq_bool(found, val),
        None => Ok(false),
    }
}

/// Membership in a view of any kind (used by the set operations).
fn view_contains(vm: &mut Vm, v: Value, x: Value) -> PyResult<bool> {
    match view_kind(v) {
        Some(ViewKind::Items) => items_contains(vm, v, x),
        _ => keys_contains(vm, v, x),
    }
}

fn view_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let name = type_name(type_of(v));
    if !vm.repr_enter(v) {
        return vm.new_str("...");
    }
    let r = (|| {
        let items = vm.to_vec(v)?;
        crate::types::tuple::seq_repr(vm, &items, "[", "]")
    })();
    vm.repr_leave(v);
    let body = r?;
    vm.new_str(&format!("{name}({body})"))
}

/// `all_contained_in(self, other)`.
fn all_contained_in(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let it = vm.get_iter(a)?;
    while let Some(x) = vm.iter_next(it)? {
        if !vm.contains(b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_setlike_view(a) || !(is_anyset(b) || is_setlike_view(b)) {
        return Ok(g().not_implemented);
    }
    let la = vm.len(a)?;
    let lb = vm.len(b)?;
    let r = match op {
        CmpOp::Eq => la == lb && all_contained_in(vm, a, b)?,
        CmpOp::Ne => !(la == lb && all_contained_in(vm, a, b)?),
        CmpOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CmpOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CmpOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CmpOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    };
    Ok(vm.bool_val(r))
}

/// `dictviews_to_set`: a new set from a view (or any iterable).
fn to_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let src = if view_kind(v) == Some(ViewKind::Keys) && type_of(view_dict(v)) == ty(T::Dict) {
        view_dict(v)
    } else {
        v
    };
    vm.make_new_set(ty(T::Set), Some(src))
}

/// `_PyDictView_Intersect`.
fn view_intersect(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (mut s, mut o) = if is_setlike_view(a) { (a, b) } else { (b, a) };
    let ls = vm.len(s)?;
    if o.is_ptr() && type_of(o) == ty(T::Set) && ls <= crate::types::set::set_len(o) {
        return vm.set_intersection(o, s);
    }
    if is_setlike_view(o) && vm.len(o)? > ls {
        std::mem::swap(&mut s, &mut o);
    }
    let result = vm.new_set(false)?;
    let it = vm.get_iter(o)?;
    while let Some(x) = vm.iter_next(it)? {
        if view_contains(vm, s, x)? {
            vm.set_add(result, x)?;
        }
    }
    Ok(result)
}

/// `dictitems_xor`: symmetric difference of two items views.
fn items_xor(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let d1 = view_dict(a);
    let d2 = view_dict(b);
    let tmp = vm.dict_copy(d1)?;
    let result = vm.new_set(false)?;
    let mut pos = 0;
    while let Some((p, k, v2)) = dict_next(d2, pos) {
        pos = p;
        let h = crate::types::dict::dict_entry_hash(d2, p - 1);
        let del = match vm.dict_get_h(tmp, k, h)? {
            Some(v1) => vm.eq_bool(v1, v2)?,
            None => false,
        };
        if del {
            vm.dict_del_h(tmp, k, h)?;
        } else {
            let pair = vm.new_tuple(&[k, v2])?;
            vm.set_add(result, pair)?;
        }
    }
    let rest = new_view(vm, tmp, ViewKind::Items)?;
    vm.set_update(result, rest)?;
    Ok(result)
}

fn view_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if !is_setlike_view(a) && !is_setlike_view(b) {
        return Ok(g().not_implemented);
    }
    match op {
        BinOp::Sub => {
            let r = to_set(vm, a)?;
            vm.set_difference_update(r, b)?;
            Ok(r)
        }
        BinOp::And => view_intersect(vm, a, b),
        BinOp::Or => {
            let r = to_set(vm, a)?;
            vm.set_update(r, b)?;
            Ok(r)
        }
        BinOp::Xor => {
            if view_kind(a) == Some(ViewKind::Items) && view_kind(b) == Some(ViewKind::Items) {
                return items_xor(vm, a, b);
            }
            let r = to_set(vm, a)?;
            vm.set_symmetric_difference_update(r, b)?;
            Ok(r)
        }
        _ => Ok(g().not_implemented),
    }
}

fn view_isdisjoint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 2 || a.nkw() != 0 {
        let msg = format!(
            "isdisjoint() takes exactly one argument ({} given)",
            a.len().saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let (v, other) = (a.get(0), a.get(1));
    if v == other {
        let n = vm.len(v)?;
        return Ok(vm.bool_val(n == 0));
    }
    // Iterate over the shorter object when both sizes are known.
    let (mut s, mut o) = (v, other);
    if is_anyset(o) || is_setlike_view(o) {
        let lv = vm.len(v)?;
        let lo = vm.len(o)?;
        if lo > lv {
            std::mem::swap(&mut s, &mut o);
        }
    }
    let it = vm.get_iter(o)?;
    while let Some(x) = vm.iter_next(it)? {
        if vm.contains(s, x)? {
            return Ok(g().false_);
        }
    }
    Ok(g().true_)
}

fn view_mapping(vm: &mut Vm, v: Value) -> PyResult<Value> {
    crate::types::dict::new_mappingproxy(vm, view_dict(v))
}

static KEYS_OPS: TypeOps = TypeOps {
    repr: Some(view_repr),
    richcmp: Some(view_richcmp),
    binop: Some(view_binop),
    len: Some(view_len),
    contains: Some(keys_contains),
    iter: Some(keys_iter),
    ..TypeOps::EMPTY
};
static ITEMS_OPS: TypeOps = TypeOps {
    repr: Some(view_repr),
    richcmp: Some(view_richcmp),
    binop: Some(view_binop),
    len: Some(view_len),
    contains: Some(items_contains),
    iter: Some(items_iter),
    ..TypeOps::EMPTY
};
static VALUES_OPS: TypeOps = TypeOps {
    repr: Some(view_repr),
    len: Some(view_len),
    iter: Some(values_iter),
    ..TypeOps::EMPTY
};

static KEY_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(key_next),
    ..TypeOps::EMPTY
};
static VALUE_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(value_next),
    ..TypeOps::EMPTY
};
static ITEM_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(item_next),
    ..TypeOps::EMPTY
};
static RKEY_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(rkey_next),
    ..TypeOps::EMPTY
};
static RVALUE_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(rvalue_next),
    ..TypeOps::EMPTY
};
static RITEM_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(ritem_next),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    for (t, ops) in [
        (T::DictKeys, &KEYS_OPS),
        (T::DictItems, &ITEMS_OPS),
        (T::DictValues, &VALUES_OPS),
    ] {
        let tv = ty(t);
        vm.install_slots(tv, ops)?;
        vm.def_methods(tv, &[("__reversed__", view_reversed)])?;
        vm.def_getters(tv, &[("mapping", view_mapping)])?;
        if t != T::DictValues {
            vm.type_set_attr(tv, g().names.__hash__, g().none)?;
            vm.def_methods(tv, &[("isdisjoint", view_isdisjoint)])?;
        }
    }
    for (t, ops) in [
        (T::DictKeyIter, &KEY_ITER_OPS),
        (T::DictValueIter, &VALUE_ITER_OPS),
        (T::DictItemIter, &ITEM_ITER_OPS),
    ] {
        vm.install_slots(ty(t), ops)?;
        vm.def_methods(ty(t), &[("__length_hint__", iter_length_hint)])?;
    }
    for (k, name, ops) in [
        (ViewKind::Keys, "dict_reversekeyiterator", &RKEY_ITER_OPS),
        (
            ViewKind::Values,
            "dict_reversevalueiterator",
            &RVALUE_ITER_OPS,
        ),
        (ViewKind::Items, "dict_reverseitemiterator", &RITEM_ITER_OPS),
    ] {
        let tv = vm.new_static_type(name, ty(T::Object), Kind::Record, 0)?;
        vm.install_slots(tv, ops)?;
        vm.def_methods(tv, &[("__length_hint__", iter_length_hint)])?;
        REV_TYPES[k as usize].store(tv.0, Ordering::Relaxed);
    }
    Ok(())
}
