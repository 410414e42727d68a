//! The `collections.deque` type as Python sees it: construction, methods, operators and
//! the two iterators (`_collections._deque_iterator` and `_deque_reverse_iterator`).
//!
//! Every mutation goes through the locked core writers in `deque.rs`; readers use its
//! sequence-lock reads. Operations that compare items (`count`, `index`, `remove`, `in`)
//! read one item, call `__eq__` with no lock held, and compare CPython's mutation counter
//! before and after, raising "deque mutated during iteration" as CPython does; `remove`
//! deletes only if the counter is unchanged under the lock.
//!
//! What must hold: bad arguments raise CPython's exception and message; nothing here
//! holds an object lock across a call into Python.

use super::{deque_get, deque_items, deque_len, deque_maxlen, deque_state, dq, is_deque, read};
use crate::interp::call::Args;
use crate::interp::state::{PyResult, Raised, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::record::REC_ITER;
use crate::types::slots::TypeOps;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use std::sync::atomic::Ordering;

const MUTATED: &str = "deque mutated during iteration";

/// `deque_get` under the deque's read lock (mode `rw` only; the sequence-lock read makes
/// it consistent in every mode).
fn get(vm: &mut Vm, v: Value, i: usize) -> (Option<Value>, u64) {
    let _r = vm.read_lock(v);
    deque_get(v, i)
}

/// `deque_items` under the deque's read lock (mode `rw` only).
fn items(vm: &mut Vm, v: Value) -> Vec<Value> {
    let _r = vm.read_lock(v);
    deque_items(v)
}

fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let v = if a.is_empty() { Value::NULL } else { a.get(0) };
    if !is_deque(v) {
        let got = if v.is_null() {
            "nothing".to_string()
        } else {
            format!("a '{}' object", type_name(type_of(v)))
        };
        let msg =
            format!("descriptor '{name}' for 'collections.deque' objects doesn't apply to {got}");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(v)
}

fn no_kw(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.nkw() != 0 {
        let msg = format!("deque.{name}() takes no keyword arguments");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

/// A method taking exactly one argument (`METH_O`).
fn one_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, Value)> {
    let v = recv(vm, a, name)?;
    no_kw(vm, a, name)?;
    if a.len() != 2 {
        let msg = format!(
            "deque.{name}() takes exactly one argument ({} given)",
            a.len() - 1
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok((v, a.get(1)))
}

/// A method taking no arguments (`METH_NOARGS`).
fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let v = recv(vm, a, name)?;
    if a.len() != 1 || a.nkw() != 0 {
        let msg = format!(
            "deque.{name}() takes no arguments ({} given)",
            a.len() + a.nkw() - 1
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(v)
}

/// A `Py_ssize_t` argument (`n` format).
fn ssize(vm: &mut Vm, x: Value) -> PyResult<i64> {
    if x.is_small_int() {
        return Ok(x.as_small());
    }
    let i = vm.index(x)?;
    match crate::types::int::int_to_i64(i) {
        Some(n) => Ok(n),
        None => Err(vm.raise_msg(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// A slice-index argument (`_PyEval_SliceIndexNotNone`): clamped to the i64 range.
fn slice_index(vm: &mut Vm, x: Value) -> PyResult<i64> {
    if x.is_small_int() {
        return Ok(x.as_small());
    }
    if !crate::types::int::is_int(x) && vm.lookup(type_of(x), g().names.__index__).is_null() {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "slice indices must be integers or have an __index__ method",
        ));
    }
    let i = vm.index(x)?;
    Ok(crate::types::int::int_to_i64(i).unwrap_or_else(|| {
        if crate::types::int::to_bigint(i).sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }
    }))
}

fn mutated(vm: &mut Vm, kind: ExcKind) -> Raised {
    vm.raise_msg(kind, MUTATED)
}

fn not_in_deque(vm: &mut Vm, x: Value) -> Raised {
    match vm.repr_string(x) {
        Ok(r) => {
            let msg = format!("{r} is not in deque");
            vm.raise_msg(ExcKind::ValueError, &msg)
        }
        Err(e) => e,
    }
}

// ---- construction ----

fn deque_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.new_deque(a.get(0), -1)
}

fn deque_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "__init__")?;
    let npos = a.len() - 1;
    if npos > 2 {
        let msg = format!("deque() takes at most 2 arguments ({npos} given)");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let mut iterable = a.opt(1);
    let mut maxlen_obj = a.opt(2);
    for (k, x) in a.kwargs() {
        let name = crate::obj::alloc::str_val(k);
        let (slot, pos) = match name {
            "iterable" => (&mut iterable, 1),
            "maxlen" => (&mut maxlen_obj, 2),
            other => {
                let msg = format!("'{other}' is an invalid keyword argument for deque()");
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        };
        if slot.is_some() {
            let msg = format!("argument for deque() given by name ('{name}') and position ({pos})");
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        *slot = Some(x);
    }
    let mut maxlen = -1;
    if let Some(m) = maxlen_obj.filter(|m| *m != g().none) {
        if !crate::types::int::is_int(m) {
            return Err(vm.raise_msg(ExcKind::TypeError, "an integer is required"));
        }
        maxlen = ssize(vm, m)?;
        if maxlen < 0 {
            return Err(vm.raise_msg(ExcKind::ValueError, "maxlen must be non-negative"));
        }
    }
    vm.deque_clear(v, Some(maxlen))?;
    if let Some(it) = iterable {
        extend(vm, v, it, false)?;
    }
    Ok(g().none)
}

/// `extend` / `extendleft`: items are added as the iterable produces them.
fn extend(vm: &mut Vm, v: Value, it: Value, left: bool) -> PyResult<()> {
    if it == v || (it.is_ptr() && matches!(kind_of(it), Kind::List | Kind::Tuple)) {
        let items = if it == v {
            items(vm, v)
        } else {
            vm.to_vec(it)?
        };
        return vm.deque_push_all(v, &items, left);
    }
    let iter = vm.get_iter(it)?;
    if deque_maxlen(v) == Some(0) {
        while vm.iter_next(iter)?.is_some() {}
        return Ok(());
    }
    while let Some(x) = vm.iter_next(iter)? {
        vm.deque_push(v, x, left)?;
    }
    Ok(())
}

/// `d.copy()`: an exact deque is copied directly; a subclass is called as
/// `type(d)(d)` or `type(d)(d, maxlen)`.
fn copy_of(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let typ = type_of(v);
    let maxlen = deque_maxlen(v);
    if typ == ty(T::Deque) {
        let c = vm.new_deque(typ, maxlen.map_or(-1, |m| m as i64))?;
        let items = items(vm, v);
        vm.deque_push_all(c, &items, false)?;
        return Ok(c);
    }
    let r = match maxlen {
        None => vm.call(typ, &[v])?,
        Some(m) => {
            let m = vm.new_int(m as i64)?;
            vm.call(typ, &[v, m])?
        }
    };
    if !is_deque(r) {
        let msg = format!(
            "{}() must return a deque, not {}",
            type_name(typ),
            type_name(type_of(r))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(r)
}

/// `d *= n` (`n` already clamped at 0).
fn repeat_in_place(vm: &mut Vm, v: Value, n: usize) -> PyResult<()> {
    let size = deque_len(v);
    if size == 0 || n == 1 {
        return Ok(());
    }
    if n == 0 {
        return vm.deque_clear(v, None);
    }
    let items = items(vm, v);
    let mut n = n;
    if let Some(m) = deque_maxlen(v) {
        if size.saturating_mul(n) > m {
            n = m.div_ceil(size);
        }
    } else if size.checked_mul(n).is_none_or(|t| t > 1 << 32) {
        return Err(vm.memory_error());
    }
    for _ in 1..n {
        vm.deque_push_all(v, &items, false)?;
    }
    Ok(())
}

// ---- slots ----

fn deque_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if !vm.repr_enter(v) {
        return vm.new_str("[...]");
    }
    let items = items(vm, v);
    let r = vm.new_list(&items).and_then(|l| vm.repr_string(l));
    vm.repr_leave(v);
    let inner = r?;
    let name = type_name(type_of(v));
    let s = match deque_maxlen(v) {
        None => format!("{name}({inner})"),
        Some(m) => format!("{name}({inner}, maxlen={m})"),
    };
    vm.new_str(&s)
}

fn deque_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_deque(a) || !is_deque(b) {
        return Ok(g().not_implemented);
    }
    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        if a == b {
            return Ok(vm.bool_val(op == CmpOp::Eq));
        }
        if deque_len(a) != deque_len(b) {
            return Ok(vm.bool_val(op == CmpOp::Ne));
        }
    }
    // As CPython: walk both with iterator semantics (a mutation raises), the first
    // unequal pair decides, else the lengths do.
    let (ra, na) = (deque_state(a), deque_len(a));
    let (rb, nb) = (deque_state(b), deque_len(b));
    let mut i = 0;
    let (x, y) = loop {
        let x = iter_step(vm, a, i, na, ra)?;
        let y = iter_step(vm, b, i, nb, rb)?;
        let (Some(x), Some(y)) = (x, y) else {
            break (x, y);
        };
        if !(x == y || vm.eq_bool(x, y)?) {
            let r = match op {
                CmpOp::Eq => false,
                CmpOp::Ne => true,
                _ => vm.cmp_bool(x, y, op)?,
            };
            return Ok(vm.bool_val(r));
        }
        i += 1;
    };
    let r = match op {
        CmpOp::Lt => y.is_some(),
        CmpOp::Le => x.is_none(),
        CmpOp::Eq => x.is_none() && y.is_none(),
        CmpOp::Ne => x.is_some() || y.is_some(),
        CmpOp::Gt => x.is_some(),
        CmpOp::Ge => y.is_none(),
    };
    Ok(vm.bool_val(r))
}

/// One step of a forward iterator over `v` that started with `n` items and mutation
/// counter `saved`: item `i`, None past the end, RuntimeError after a mutation.
fn iter_step(vm: &mut Vm, v: Value, i: usize, n: usize, saved: u64) -> PyResult<Option<Value>> {
    let (x, st) = if i < n {
        get(vm, v, i)
    } else {
        (None, deque_state(v))
    };
    if st != saved {
        return Err(mutated(vm, ExcKind::RuntimeError));
    }
    Ok(x)
}

fn deque_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    use crate::types::list::{defer_to_user, repeat_operand};
    match op {
        BinOp::Add if is_deque(a) => {
            if !is_deque(b) {
                if defer_to_user(vm, b, "__radd__")? {
                    return Ok(g().not_implemented);
                }
                let msg = format!(
                    "can only concatenate deque (not \"{}\") to deque",
                    type_name(type_of(b))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            let c = copy_of(vm, a)?;
            extend(vm, c, b, false)?;
            Ok(c)
        }
        BinOp::Mul => {
            let (seq, n) = if is_deque(a) { (a, b) } else { (b, a) };
            if !is_deque(seq) {
                return Ok(g().not_implemented);
            }
            let rname = if seq == a { "__rmul__" } else { "__mul__" };
            match repeat_operand(vm, n, rname)? {
                Some(n) => {
                    let c = copy_of(vm, seq)?;
                    repeat_in_place(vm, c, n)?;
                    Ok(c)
                }
                None => Ok(g().not_implemented),
            }
        }
        _ => Ok(g().not_implemented),
    }
}

fn deque_inplace(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if !is_deque(a) {
        return Ok(g().not_implemented);
    }
    match op {
        BinOp::Add => {
            extend(vm, a, b, false)?;
            Ok(a)
        }
        BinOp::Mul => match crate::types::list::repeat_operand(vm, b, "__rmul__")? {
            Some(n) => {
                repeat_in_place(vm, a, n)?;
                Ok(a)
            }
            None => Ok(g().not_implemented),
        },
        _ => Ok(g().not_implemented),
    }
}

fn deque_len_slot(_vm: &mut Vm, v: Value) -> PyResult<usize> {
    Ok(deque_len(v))
}

/// Walks the items from `start` to `stop`, calling `__eq__` unlocked, until `hit` says
/// stop; `kind` is the exception raised when the deque mutates meanwhile.
/// `a == b` when no Python code is needed to tell (small ints, exact strs, exact
/// tuples of such); `None` otherwise.
fn plain_eq(a: Value, b: Value, depth: u32) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    let plain = |v: Value| {
        if v.is_small_int() {
            Some(Kind::BigInt)
        } else if !v.is_ptr() {
            None
        } else if type_of(v) == ty(T::Str) {
            Some(Kind::Str)
        } else if type_of(v) == ty(T::Tuple) {
            Some(Kind::Tuple)
        } else {
            None
        }
    };
    match (plain(a)?, plain(b)?) {
        (Kind::Str, Kind::Str) => Some(str_bytes(a) == str_bytes(b)),
        (Kind::Tuple, Kind::Tuple) => {
            let (x, y) = (tuple_slots(a), tuple_slots(b));
            if x.len() != y.len() {
                return Some(false);
            }
            if depth == 0 {
                return None;
            }
            for (p, q) in x.iter().zip(y) {
                if !plain_eq(p.get(), q.get(), depth - 1)? {
                    return Some(false);
                }
            }
            Some(true)
        }
        // Different small ints; or values of different exact types among int, str and
        // tuple, which are never equal.
        _ => Some(false),
    }
}

/// The positions in `range` of the items equal to `x`, from one consistent snapshot, and
/// the state it was taken at; `None` when some comparison would need Python code. With
/// no Python code involved, the search is a single operation, as under CPython's GIL.
fn plain_matches(
    vm: &mut Vm,
    v: Value,
    x: Value,
    range: (usize, usize),
) -> Option<(Vec<usize>, u64)> {
    let _r = vm.read_lock(v);
    let (items, state) = crate::types::deque::deque_items_state(v);
    let mut hits = Vec::new();
    for (i, item) in items.iter().enumerate().take(range.1).skip(range.0) {
        if plain_eq(*item, x, 4)? {
            hits.push(i);
        }
    }
    Some((hits, state))
}

fn scan(
    vm: &mut Vm,
    v: Value,
    x: Value,
    range: (usize, usize),
    kind: ExcKind,
    mut hit: impl FnMut(usize) -> bool,
) -> PyResult<Option<usize>> {
    if let Some((hits, _)) = plain_matches(vm, v, x, range) {
        return Ok(hits.into_iter().find(|&i| hit(i)));
    }
    let start_state = deque_state(v);
    for i in range.0..range.1 {
        let (item, st) = get(vm, v, i);
        if st != start_state {
            return Err(mutated(vm, kind));
        }
        let Some(item) = item else { break };
        let eq = item == x || vm.eq_bool(item, x)?;
        if eq && hit(i) {
            return Ok(Some(i));
        }
        if deque_state(v) != start_state {
            return Err(mutated(vm, kind));
        }
    }
    Ok(None)
}

fn deque_contains(vm: &mut Vm, v: Value, x: Value) -> PyResult<bool> {
    let n = deque_len(v);
    Ok(scan(vm, v, x, (0, n), ExcKind::RuntimeError, |_| true)?.is_some())
}

fn item_index(vm: &mut Vm, v: Value, k: Value) -> PyResult<usize> {
    if !crate::types::int::is_int(k) && vm.lookup(type_of(k), g().names.__index__).is_null() {
        let msg = format!(
            "sequence index must be integer, not '{}'",
            type_name(type_of(k))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let i = vm.index_i64(k)?;
    let n = deque_len(v) as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.raise_msg(ExcKind::IndexError, "deque index out of range"));
    }
    Ok(j as usize)
}

fn deque_getitem(vm: &mut Vm, v: Value, k: Value) -> PyResult<Value> {
    let i = item_index(vm, v, k)?;
    match get(vm, v, i).0 {
        Some(x) => Ok(x),
        None => Err(vm.raise_msg(ExcKind::IndexError, "deque index out of range")),
    }
}

fn deque_setitem(vm: &mut Vm, v: Value, k: Value, x: Value) -> PyResult<()> {
    let i = item_index(vm, v, k)?;
    let ok = if x.is_null() {
        !vm.deque_del(v, i, None).is_null()
    } else {
        vm.deque_set(v, i, x)
    };
    if !ok {
        return Err(vm.raise_msg(ExcKind::IndexError, "deque index out of range"));
    }
    Ok(())
}

fn deque_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    new_iter(vm, v, false)
}

pub static DEQUE_OPS: TypeOps = TypeOps {
    repr: Some(deque_repr),
    richcmp: Some(deque_richcmp),
    binop: Some(deque_binop),
    inplace: Some(deque_inplace),
    len: Some(deque_len_slot),
    contains: Some(deque_contains),
    getitem: Some(deque_getitem),
    setitem: Some(deque_setitem),
    iter: Some(deque_iter),
    new: Some(deque_new),
    init: Some(deque_init),
    ..TypeOps::EMPTY
};

// ---- methods ----

fn m_append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (v, x) = one_arg(vm, a, "append")?;
    vm.deque_push(v, x, false)?;
    Ok(g().none)
}

fn m_appendleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (v, x) = one_arg(vm, a, "appendleft")?;
    vm.deque_push(v, x, true)?;
    Ok(g().none)
}

fn pop_end(vm: &mut Vm, a: &Args, name: &str, left: bool) -> PyResult<Value> {
    let v = no_args(vm, a, name)?;
    let x = vm.deque_pop(v, left);
    if x.is_null() {
        return Err(vm.raise_msg(ExcKind::IndexError, "pop from an empty deque"));
    }
    Ok(x)
}

fn m_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pop_end(vm, a, "pop", false)
}

fn m_popleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pop_end(vm, a, "popleft", true)
}

fn m_extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (v, it) = one_arg(vm, a, "extend")?;
    extend(vm, v, it, false)?;
    Ok(g().none)
}

fn m_extendleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (v, it) = one_arg(vm, a, "extendleft")?;
    extend(vm, v, it, true)?;
    Ok(g().none)
}

fn m_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = no_args(vm, a, "clear")?;
    vm.deque_clear(v, None)?;
    Ok(g().none)
}

fn m_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = no_args(vm, a, "copy")?;
    copy_of(vm, v)
}

fn m_dunder_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = no_args(vm, a, "__copy__")?;
    copy_of(vm, v)
}

fn m_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (v, x) = one_arg(vm, a, "count")?;
    let mut n = 0;
    let len = deque_len(v);
    scan(vm, v, x, (0, len), ExcKind::RuntimeError, |_| {
        n += 1;
        false
    })?;
    vm.new_int(n)
}

fn m_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "index")?;
    no_kw(vm, a, "index")?;
    let npos = a.len() - 1;
    if npos == 0 {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "index() takes at least 1 argument (0 given)",
        ));
    }
    if npos > 3 {
        let msg = format!("index() takes at most 3 arguments ({npos} given)");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let x = a.get(1);
    let mut start = match a.opt(2) {
        Some(s) => slice_index(vm, s)?,
        None => 0,
    };
    let n = deque_len(v) as i64;
    let mut stop = match a.opt(3) {
        Some(s) => slice_index(vm, s)?,
        None => n,
    };
    if start < 0 {
        start = (start.saturating_add(n)).max(0);
    }
    if stop < 0 {
        stop = (stop.saturating_add(n)).max(0);
    }
    stop = stop.min(n);
    start = start.min(stop);
    match scan(
        vm,
        v,
        x,
        (start as usize, stop as usize),
        ExcKind::RuntimeError,
        |_| true,
    )? {
        Some(i) => vm.new_int(i as i64),
        None => Err(not_in_deque(vm, x)),
    }
}

fn m_insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "insert")?;
    no_kw(vm, a, "insert")?;
    if a.len() != 3 {
        let msg = format!("insert() takes exactly 2 arguments ({} given)", a.len() - 1);
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let i = ssize(vm, a.get(1))?;
    if !vm.deque_insert(v, i, a.get(2))? {
        return Err(vm.raise_msg(ExcKind::IndexError, "deque already at its maximum size"));
    }
    Ok(g().none)
}

fn m_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (v, x) = one_arg(vm, a, "remove")?;
    // No Python code in the comparisons: find and delete as one operation (retried if
    // another thread changed the deque between the snapshot and the delete).
    while let Some((hits, state)) = plain_matches(vm, v, x, (0, usize::MAX)) {
        let Some(&i) = hits.first() else {
            return Err(not_in_deque(vm, x));
        };
        if !vm.deque_del(v, i, Some(state)).is_null() {
            return Ok(g().none);
        }
    }
    let start_state = deque_state(v);
    let n = deque_len(v);
    match scan(vm, v, x, (0, n), ExcKind::IndexError, |_| true)? {
        Some(i) => {
            if vm.deque_del(v, i, Some(start_state)).is_null() {
                return Err(mutated(vm, ExcKind::IndexError));
            }
            Ok(g().none)
        }
        None => Err(not_in_deque(vm, x)),
    }
}

fn m_reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = no_args(vm, a, "reverse")?;
    vm.deque_reverse(v);
    Ok(g().none)
}

fn m_rotate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a, "rotate")?;
    no_kw(vm, a, "rotate")?;
    if a.len() > 2 {
        let msg = format!(
            "deque.rotate expected at most 1 argument, got {}",
            a.len() - 1
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let n = match a.opt(1) {
        Some(x) => ssize(vm, x)?,
        None => 1,
    };
    vm.deque_rotate(v, n);
    Ok(g().none)
}

fn m_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = no_args(vm, a, "__reversed__")?;
    new_iter(vm, v, true)
}

fn m_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = no_args(vm, a, "__reduce__")?;
    let d = vm.dict_of(v);
    let state = if d.is_null() { g().none } else { d };
    let args = match deque_maxlen(v) {
        None => g().empty_tuple,
        Some(m) => {
            let m = vm.new_int(m as i64)?;
            vm.new_tuple(&[g().empty_tuple, m])?
        }
    };
    let it = new_iter(vm, v, false)?;
    vm.new_tuple(&[type_of(v), args, state, it])
}

fn m_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = no_args(vm, a, "__sizeof__")?;
    let cap = array_slots(dq(v).items.get()).len();
    vm.new_int((std::mem::size_of::<DequeObj>() + 8 * cap) as i64)
}

fn get_maxlen(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if !is_deque(v) {
        return Ok(g().none);
    }
    match deque_maxlen(v) {
        None => Ok(g().none),
        Some(m) => vm.new_int(m as i64),
    }
}

// ---- iterators: records with s0 = deque, s1 = its length at creation (small int),
// a = items left, b = the deque's mutation counter at creation ----

fn rec(v: Value) -> &'static RecordObj {
    // SAFETY: deque iterators are records (kind Record), checked by their type.
    unsafe { obj::<RecordObj>(v) }
}

fn new_iter(vm: &mut Vm, v: Value, reverse: bool) -> PyResult<Value> {
    let (n, state) = {
        let _r = vm.read_lock(v);
        read(v, |_, _, len| len)
    };
    let t = if reverse {
        ty(T::DequeRevIter)
    } else {
        ty(T::DequeIter)
    };
    vm.new_record(
        t,
        REC_ITER,
        [v, Value::small(n as i64), Value::NULL, Value::NULL],
        n as i64,
        state as i64,
    )
}

fn iter_next(vm: &mut Vm, it: Value, reverse: bool) -> PyResult<Option<Value>> {
    let r = rec(it);
    let v = r.s[0].get();
    let left = r.a.load(Ordering::Relaxed);
    if v.is_null() || (reverse && left <= 0) {
        return Ok(None);
    }
    let saved = r.b.load(Ordering::Relaxed) as u64;
    let start = r.s[1].get().as_small();
    let i = if reverse { left - 1 } else { start - left };
    let (x, st) = if left > 0 {
        get(vm, v, i.max(0) as usize)
    } else {
        (None, deque_state(v))
    };
    if st != saved {
        r.a.store(0, Ordering::Relaxed);
        return Err(mutated(vm, ExcKind::RuntimeError));
    }
    match x {
        Some(x) if left > 0 => {
            r.a.store(left - 1, Ordering::Relaxed);
            Ok(Some(x))
        }
        _ => Ok(None),
    }
}

fn fwd_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    iter_next(vm, it, false)
}

fn rev_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    iter_next(vm, it, true)
}

fn iter_self(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = a.get(0);
    if !(it.is_ptr()
        && kind_of(it) == Kind::Record
        && (type_of(it) == ty(T::DequeIter) || type_of(it) == ty(T::DequeRevIter)))
    {
        return Err(vm.raise_msg(ExcKind::TypeError, "expected a deque iterator"));
    }
    vm.new_int(rec(it).a.load(Ordering::Relaxed).max(0))
}

static ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(fwd_next),
    ..TypeOps::EMPTY
};

static REV_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(rev_next),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::Deque);
    vm.install_slots(t, &DEQUE_OPS)?;
    vm.type_set_attr(t, g().names.__hash__, g().none)?;
    vm.def_methods(
        t,
        &[
            ("append", m_append),
            ("appendleft", m_appendleft),
            ("pop", m_pop),
            ("popleft", m_popleft),
            ("extend", m_extend),
            ("extendleft", m_extendleft),
            ("clear", m_clear),
            ("copy", m_copy),
            ("__copy__", m_dunder_copy),
            ("count", m_count),
            ("index", m_index),
            ("insert", m_insert),
            ("remove", m_remove),
            ("reverse", m_reverse),
            ("rotate", m_rotate),
            ("__reversed__", m_reversed),
            ("__reduce__", m_reduce),
            ("__sizeof__", m_sizeof),
        ],
    )?;
    vm.def_getters(t, &[("maxlen", get_maxlen)])?;
    for (tt, ops) in [(T::DequeIter, &ITER_OPS), (T::DequeRevIter, &REV_ITER_OPS)] {
        vm.install_slots(ty(tt), ops)?;
        vm.def_method(ty(tt), "__length_hint__", length_hint)?;
    }
    Ok(())
}

/// The native module `_collections` (the deque type and its iterators).
pub fn make_module(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module_named("_collections")?;
    let d = vm.dict_of(m);
    for (name, t) in [
        ("deque", T::Deque),
        ("_deque_iterator", T::DequeIter),
        ("_deque_reverse_iterator", T::DequeRevIter),
    ] {
        let k = vm.intern(name)?;
        vm.dict_set(d, k, ty(t))?;
    }
    Ok(m)
}
