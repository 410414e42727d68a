//! The `list` type: slots (repr, comparison, `+ * += *=`, item and slice access,
//! iteration, construction) and methods.
//!
//! Items are read live through `list_get`/`list_len` rather than copied, so that a
//! comparison calling back into Python and mutating the list sees CPython's behaviour
//! (bounds re-checked on every step) and hot paths (indexing, `in`, slicing) copy
//! nothing they do not return.
//!
//! What must hold: every index is checked against the current length before use;
//! repetition sizes are checked before allocating (MemoryError, OverflowError).

use super::{l, list_get, list_items, list_len};
use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::slots::TypeOps;
use crate::types::tuple::{repeat_count, seq_richcmp, slice_indices};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

fn is_list(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::List
}

fn item_at(v: Value, i: usize) -> Option<Value> {
    (i < list_len(v))
        .then(|| list_get(v, i))
        .filter(|x| !x.is_null())
}

fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let v = if a.is_empty() { Value::NULL } else { a.get(0) };
    if !is_list(v) {
        let got = if v.is_null() {
            "nothing".to_string()
        } else {
            format!("a '{}' object", type_name(type_of(v)))
        };
        let msg = format!("descriptor '{name}' for 'list' objects doesn't apply to {got}");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(v)
}

/// Positional-only argument count check with CPython's wording.
fn check_pos(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.len().saturating_sub(1);
    if a.nkw() != 0 {
        let msg = format!("{name}() takes no keyword arguments");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if n < min || n > max {
        let msg = if min == max {
            format!(
                "{name}() takes exactly {} argument{} ({n} given)",
                if min == 1 {
                    "one".to_string()
                } else {
                    min.to_string()
                },
                if min == 1 { "" } else { "s" }
            )
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

fn check_noargs(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.len() != 1 || a.nkw() != 0 {
        let msg = format!(
            "{name}() takes no arguments ({} given)",
            (a.len() + a.nkw()).saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

/// `list.extend(iterable)` semantics (errors as `list.extend`, items appended as they
/// are produced).
pub fn extend_from(vm: &mut Vm, list: Value, it: Value) -> PyResult<()> {
    if it.is_ptr() && matches!(kind_of(it), Kind::List | Kind::Tuple) {
        let items = vm.to_vec(it)?;
        vm.list_reserve(list, list_len(list) + items.len())?;
        for x in items {
            vm.list_append(list, x)?;
        }
        return Ok(());
    }
    if let Some(items) = vm.snapshot_items(it)? {
        vm.list_reserve(list, list_len(list) + items.len())?;
        for x in items {
            vm.list_append(list, x)?;
        }
        return Ok(());
    }
    // Preallocate what a built-in's length promises, as CPython does from the length
    // hint: an impossible size is a MemoryError before any item is made.
    let hint = vm.builtin_len_hint(it);
    if hint > 0 {
        vm.list_reserve(list, list_len(list).saturating_add(hint))?;
    }
    let iter = vm.get_iter(it)?;
    while let Some(x) = vm.iter_next(iter)? {
        vm.list_append(list, x)?;
    }
    Ok(())
}

fn list_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if list_len(v) == 0 {
        return vm.new_str("[]");
    }
    if !vm.repr_enter(v) {
        return vm.new_str("[...]");
    }
    let mut s = String::from("[");
    let mut i = 0;
    let mut r = Ok(());
    while let Some(x) = item_at(v, i) {
        if i > 0 {
            s.push_str(", ");
        }
        match vm.repr_string(x) {
            Ok(t) => s.push_str(&t),
            Err(e) => {
                r = Err(e);
                break;
            }
        }
        i += 1;
    }
    vm.repr_leave(v);
    r?;
    s.push(']');
    vm.new_str(&s)
}

fn list_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_list(a) || !is_list(b) {
        return Ok(g().not_implemented);
    }
    if list_len(a) != list_len(b) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.bool_val(op == CmpOp::Ne));
    }
    seq_richcmp(vm, a, b, item_at, list_len, op)
}

/// True when `b` is a user object that may handle the operator itself (`__radd__`).
pub(crate) fn defer_to_user(vm: &mut Vm, b: Value, name: &str) -> PyResult<bool> {
    let t = type_of(b);
    if !crate::ops::attr::is_heap_type(t) {
        return Ok(false);
    }
    let nm = vm.intern(name)?;
    Ok(!vm.lookup(t, nm).is_null())
}

/// The repeat count of `seq * n`, or None when `n` is not an integer and a user type
/// may still handle the operator (then NotImplemented is returned).
pub(crate) fn repeat_operand(vm: &mut Vm, n: Value, rname: &str) -> PyResult<Option<usize>> {
    if !crate::types::int::is_int(n) && vm.lookup(type_of(n), g().names.__index__).is_null() {
        if defer_to_user(vm, n, rname)? {
            return Ok(None);
        }
        let msg = format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(type_of(n))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    repeat_count(vm, n).map(Some)
}

fn list_repeat(vm: &mut Vm, src: Value, n: usize, typ: Value) -> PyResult<Value> {
    let s = list_items(src);
    let total = match s.len().checked_mul(n) {
        Some(t) if t <= 1 << 32 => t,
        _ => return Err(vm.memory_error()),
    };
    let arr = vm.new_array(total.max(4))?;
    let d = array_slots(arr);
    if !s.is_empty() {
        for (i, slot) in d[..total].iter().enumerate() {
            slot.set(s[i % s.len()]);
        }
    }
    let out = vm.new_list_typed(&[], typ)?;
    super::replace_locked(out, arr, total);
    Ok(out)
}

fn list_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add if is_list(a) => {
            if !is_list(b) {
                if defer_to_user(vm, b, "__radd__")? {
                    return Ok(g().not_implemented);
                }
                let msg = format!(
                    "can only concatenate list (not \"{}\") to list",
                    crate::types::typeobj::tp_name(type_of(b))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            let mut v = list_items(a);
            v.extend(list_items(b));
            vm.new_list(&v)
        }
        BinOp::Mul => {
            let (seq, n) = if is_list(a) { (a, b) } else { (b, a) };
            if !is_list(seq) {
                return Ok(g().not_implemented);
            }
            let rname = if seq == a { "__rmul__" } else { "__mul__" };
            match repeat_operand(vm, n, rname)? {
                Some(n) => list_repeat(vm, seq, n, ty(T::List)),
                None => Ok(g().not_implemented),
            }
        }
        _ => Ok(g().not_implemented),
    }
}

fn list_inplace(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if !is_list(a) {
        return Ok(g().not_implemented);
    }
    match op {
        BinOp::Add => {
            extend_from(vm, a, b)?;
            Ok(a)
        }
        BinOp::Mul => match repeat_operand(vm, b, "__rmul__")? {
            Some(n) => {
                let r = list_repeat(vm, a, n, ty(T::List))?;
                let arr = l(r).items.get();
                let len = list_len(r);
                let _g = vm.write_lock(a);
                super::replace_locked(a, arr, len);
                Ok(a)
            }
            None => Ok(g().not_implemented),
        },
        _ => Ok(g().not_implemented),
    }
}

fn list_len_slot(_vm: &mut Vm, v: Value) -> PyResult<usize> {
    Ok(list_len(v))
}

fn list_contains(vm: &mut Vm, v: Value, x: Value) -> PyResult<bool> {
    let mut i = 0;
    while let Some(y) = read_item(vm, v, i) {
        if vm.eq_bool(y, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn index_type_error(vm: &mut Vm, k: Value) -> crate::interp::state::Raised {
    let msg = format!(
        "list indices must be integers or slices, not {}",
        type_name(type_of(k))
    );
    vm.raise_msg(ExcKind::TypeError, &msg)
}

fn is_index(vm: &mut Vm, k: Value) -> bool {
    crate::types::int::is_int(k) || !vm.lookup(type_of(k), g().names.__index__).is_null()
}

/// `item_at` under the list's read lock (mode `rw` only), released before the caller
/// compares the item.
fn read_item(vm: &mut Vm, v: Value, i: usize) -> Option<Value> {
    let _r = vm.read_lock(v);
    item_at(v, i)
}

fn list_getitem(vm: &mut Vm, v: Value, k: Value) -> PyResult<Value> {
    let r = vm.read_lock(v);
    let n = list_len(v);
    if k.is_small_int() {
        let i = k.as_small();
        let j = if i < 0 { i + n as i64 } else { i };
        if j >= 0 && (j as usize) < n {
            let x = list_get(v, j as usize);
            if !x.is_null() {
                return Ok(x);
            }
        }
        drop(r);
        return Err(vm.raise_msg(ExcKind::IndexError, "list index out of range"));
    }
    drop(r);
    if k.is_ptr() && kind_of(k) == Kind::Slice {
        let (start, _, step, len) = slice_indices(vm, k, n)?;
        let r = vm.read_lock(v);
        let arr = l(v).items.get();
        let slots = array_slots(arr);
        let mut out = Vec::with_capacity(len);
        for i in 0..len {
            let j = (start + i as i64 * step) as usize;
            if let Some(x) = slots.get(j).map(|s| s.get()).filter(|x| !x.is_null()) {
                out.push(x);
            }
        }
        drop(r);
        return vm.new_list(&out);
    }
    if !is_index(vm, k) {
        return Err(index_type_error(vm, k));
    }
    let i = crate::types::tuple::seq_index(vm, k, list_len(v), "list")?;
    let _r = vm.read_lock(v);
    Ok(list_get(v, i))
}

/// Slice assignment and deletion. The new items are collected first (that may run
/// Python code); the indices are computed against the current length, and the edit is
/// applied under the list's lock only if the length is still that one (else recomputed),
/// so a racing append or pop is never lost.
fn assign_slice(vm: &mut Vm, v: Value, k: Value, x: Value) -> PyResult<()> {
    let new = if x.is_null() {
        None
    } else {
        let simple = {
            let n = list_len(v);
            slice_indices(vm, k, n)?.2 == 1
        };
        match vm.to_vec(x) {
            Ok(nv) => Some(nv),
            Err(e) => {
                if vm.exc_is(ExcKind::TypeError) && vm.get_iter(x).is_err() {
                    let msg = if simple {
                        "can only assign an iterable"
                    } else {
                        "must assign iterable to extended slice"
                    };
                    vm.exc = Value::NULL;
                    return Err(vm.raise_msg(ExcKind::TypeError, msg));
                }
                return Err(e);
            }
        }
    };
    loop {
        let n = list_len(v);
        let (start, stop, step, len) = slice_indices(vm, k, n)?;
        if let Some(new) = &new {
            if step != 1 && new.len() != len {
                let msg = format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new.len(),
                    len
                );
                return Err(vm.raise_msg(ExcKind::ValueError, &msg));
            }
        }
        if let Some(new) = &new {
            // Same number of items in and out: store in place (no new storage).
            let replaced = if step == 1 {
                let s = (start.max(0) as usize).min(n);
                (stop.max(start).max(0) as usize).min(n) - s
            } else {
                len
            };
            if replaced == new.len() {
                let s = if step == 1 {
                    (start.max(0) as usize).min(n)
                } else {
                    start as usize
                };
                if vm.list_store_strided(v, n, s, step, new) {
                    return Ok(());
                }
                continue;
            }
        }
        let edit = |it: &mut Vec<Value>| match &new {
            None => {
                if step == 1 || len == 0 {
                    let s = (start as usize).min(it.len());
                    let e = (stop.max(start) as usize).min(it.len());
                    it.drain(s..e);
                } else {
                    let mut idx: Vec<usize> = (0..len)
                        .map(|i| (start + i as i64 * step) as usize)
                        .collect();
                    idx.sort_unstable();
                    for i in idx.into_iter().rev() {
                        if i < it.len() {
                            it.remove(i);
                        }
                    }
                }
            }
            Some(new) if step == 1 => {
                let s = (start as usize).min(it.len());
                let e = (stop.max(start) as usize).min(it.len()).max(s);
                it.splice(s..e, new.iter().copied());
            }
            Some(new) => {
                for (i, y) in new.iter().enumerate() {
                    let j = (start + i as i64 * step) as usize;
                    if let Some(slot) = it.get_mut(j) {
                        *slot = *y;
                    }
                }
            }
        };
        if vm.list_edit(v, n, edit)?.is_some() {
            return Ok(());
        }
    }
}

fn list_setitem(vm: &mut Vm, v: Value, k: Value, x: Value) -> PyResult<()> {
    if k.is_ptr() && kind_of(k) == Kind::Slice {
        return assign_slice(vm, v, k, x);
    }
    if !is_index(vm, k) {
        return Err(index_type_error(vm, k));
    }
    let i = crate::types::tuple::seq_index(vm, k, list_len(v), "list assignment")?;
    let done = if x.is_null() {
        !vm.list_pop_at(v, i).is_null()
    } else {
        vm.list_set(v, i, x)
    };
    if !done {
        // Another thread shrank the list between the index check and the store.
        return Err(vm.raise_msg(ExcKind::IndexError, "list assignment index out of range"));
    }
    Ok(())
}

fn list_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    crate::types::iter::new_seq_iter(vm, v)
}

fn list_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let v = vm.new_list_typed(&[], cls)?;
    if cls != ty(T::List)
        && crate::types::typeobj::type_flags(cls) & crate::types::typeobj::TF_HAS_DICT != 0
    {
        let d = vm.new_dict()?;
        l(v).dict.set(d);
    }
    Ok(v)
}

fn list_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "__init__")?;
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "list() takes no keyword arguments"));
    }
    if a.len() > 2 {
        let msg = format!("list expected at most 1 argument, got {}", a.len() - 1);
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let src = a.opt(1);
    // Read a list/tuple source before clearing (`l.__init__(l)` empties l in CPython
    // too, since it clears first; keep that).
    vm.list_replace(v, &[])?;
    if let Some(x) = src {
        extend_from(vm, v, x)?;
    }
    Ok(g().none)
}

fn m_append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "append")?;
    check_pos(vm, a, "list.append", 1, 1)?;
    vm.list_append(v, a.get(1))?;
    Ok(g().none)
}

fn m_extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "extend")?;
    check_pos(vm, a, "list.extend", 1, 1)?;
    let src = a.get(1);
    let plain = src.is_ptr() && matches!(kind_of(src), Kind::List | Kind::Tuple);
    let ok = a.from_interp();
    if plain || !ok {
        extend_from(vm, v, src)?;
        return Ok(g().none);
    }
    // An iterator: items are appended as they come (the iterator may look at the list),
    // with native safepoints between them; the list and the iterator are all this holds.
    let hint = vm.builtin_len_hint(src);
    if hint > 0 {
        vm.list_reserve(v, list_len(v).saturating_add(hint))?;
    }
    let it = vm.get_iter(src)?;
    vm.add_each(v, it, ok, |vm, v, x| vm.list_append(v, x))?;
    Ok(g().none)
}

fn m_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "pop")?;
    check_pos(vm, a, "pop", 0, 1)?;
    let i = match a.opt(1) {
        None => None,
        Some(k) => Some(vm.index_i64(k)?),
    };
    // The index is normalised under the lock, so `pop()` always takes the last item.
    vm.list_pop_index(v, i)
        .map_err(|msg| vm.raise_msg(ExcKind::IndexError, msg))
}

fn m_insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "insert")?;
    check_pos(vm, a, "insert", 2, 2)?;
    let i = vm.index_i64(a.get(1))?;
    vm.list_insert_index(v, i, a.get(2))?;
    Ok(g().none)
}

fn m_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "clear")?;
    check_noargs(vm, a, "list.clear")?;
    vm.list_replace(v, &[])?;
    Ok(g().none)
}

fn m_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "copy")?;
    check_noargs(vm, a, "list.copy")?;
    let it = list_items(v);
    vm.new_list(&it)
}

fn m_reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "reverse")?;
    check_noargs(vm, a, "list.reverse")?;
    let _g = vm.write_lock(v);
    let n = list_len(v);
    let slots = array_slots(l(v).items.get());
    let n = n.min(slots.len());
    for i in 0..n / 2 {
        let (x, y) = (slots[i].get(), slots[n - 1 - i].get());
        slots[i].set(y);
        slots[n - 1 - i].set(x);
    }
    Ok(g().none)
}

fn m_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "__reversed__")?;
    check_noargs(vm, a, "list.__reversed__")?;
    crate::types::iter::new_list_rev_iter(vm, v)
}

/// A `start`/`stop` argument of `index`, clamped like a slice bound.
pub fn clamp_bound(vm: &mut Vm, x: Option<Value>, len: usize, dflt: usize) -> PyResult<usize> {
    let Some(x) = x else { return Ok(dflt) };
    let i = match vm.index_i64(x) {
        Ok(i) => i,
        Err(e) => {
            if vm.exc_is(ExcKind::IndexError) {
                vm.exc = Value::NULL;
                let neg =
                    crate::types::int::to_bigint(vm.index(x)?).sign() == num_bigint::Sign::Minus;
                if neg {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }
            } else {
                return Err(e);
            }
        }
    };
    let n = len as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    Ok(j as usize)
}

fn m_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "index")?;
    check_pos(vm, a, "index", 1, 3)?;
    let x = a.get(1);
    let start = clamp_bound(vm, a.opt(2), list_len(v), 0)?;
    let stop = clamp_bound(vm, a.opt(3), list_len(v), usize::MAX)?;
    let mut i = start;
    while i < stop {
        let Some(y) = item_at(v, i) else { break };
        if vm.eq_bool(y, x)? {
            return vm.new_int(i as i64);
        }
        i += 1;
    }
    let r = vm.repr_string(x)?;
    let msg = format!("{r} is not in list");
    Err(vm.raise_msg(ExcKind::ValueError, &msg))
}

fn m_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "count")?;
    check_pos(vm, a, "list.count", 1, 1)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(y) = item_at(v, i) {
        if vm.eq_bool(y, a.get(1))? {
            n += 1;
        }
        i += 1;
    }
    vm.new_int(n)
}

fn m_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "remove")?;
    check_pos(vm, a, "list.remove", 1, 1)?;
    match vm.list_remove_simple(v, a.get(1)) {
        Some(true) => return Ok(g().none),
        Some(false) => {
            return Err(vm.raise_msg(ExcKind::ValueError, "list.remove(x): x not in list"))
        }
        None => {}
    }
    let mut i = 0;
    while let Some(y) = item_at(v, i) {
        if vm.eq_bool(y, a.get(1))? {
            // Compared unlocked: remove it only if it is still there, else rescan.
            if vm.list_remove_if(v, i, y) {
                return Ok(g().none);
            }
            i = 0;
            continue;
        }
        i += 1;
    }
    Err(vm.raise_msg(ExcKind::ValueError, "list.remove(x): x not in list"))
}

fn m_sort(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "sort")?;
    if a.len() > 1 {
        return Err(vm.raise_msg(ExcKind::TypeError, "sort() takes no positional arguments"));
    }
    let mut key = None;
    let mut reverse = false;
    for (k, x) in a.kwargs() {
        match crate::obj::alloc::str_val(k) {
            "key" => {
                if x != g().none {
                    key = Some(x);
                }
            }
            "reverse" => reverse = vm.index_i64(x)? != 0,
            other => {
                let msg = format!("'{other}' is an invalid keyword argument for sort()");
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        }
    }
    vm.list_sort(v, key, reverse)?;
    Ok(g().none)
}

fn m_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "__sizeof__")?;
    let cap = array_slots(l(v).items.get()).len();
    vm.new_int(40 + 8 * cap as i64)
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
            ("__reversed__", m_reversed),
            ("index", m_index),
            ("count", m_count),
            ("remove", m_remove),
            ("sort", m_sort),
            ("__sizeof__", m_sizeof),
        ],
    )?;
    Ok(())
}
