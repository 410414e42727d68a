//! The object protocols: hashing, `repr`/`str`/`format`, length, item access,
//! iteration and unpacking, integer conversion, interning.
//!
//! Each operation tries the slot of a built-in type first and falls back to the dunder
//! looked up on the type (never on the instance), as CPython does.
//!
//! What must hold: results of user dunders are type-checked with CPython's messages
//! (`__repr__` must return str, `__hash__` an int, `__iter__` an iterator...).

use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::{float_val, str_val};
use crate::obj::layout::*;
use crate::runtime::{g, shared, ty, ExcKind, T};
use crate::types::slots::find_slot;
use crate::types::typeobj::{is_type, type_name, type_of};
use crate::value::Value;

/// CPython's hash modulus (2**61 - 1).
pub const HASH_MODULUS: i64 = (1 << 61) - 1;

/// Hash of a machine integer, as CPython computes it.
#[inline]
pub fn hash_i64(n: i64) -> i64 {
    let m = n.unsigned_abs() % HASH_MODULUS as u64;
    let h = if n < 0 { -(m as i64) } else { m as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

impl Vm {
    /// `hash(v)`.
    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        if v.is_small_int() {
            return Ok(hash_i64(v.as_small()));
        }
        let typ = type_of(v);
        if typ == ty(T::Str) {
            return Ok(crate::types::typeobj::str_hash(v));
        }
        let h = self.lookup(typ, g().names.__hash__);
        if !crate::ops::attr::is_heap_type(typ) && h != g().none {
            if let Some(f) = find_slot(typ, |o| o.hash) {
                return f(self, v);
            }
        }
        if h.is_null() || h == g().none {
            let msg = format!("unhashable type: '{}'", crate::types::typeobj::tp_name(typ));
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        let r = self.call_bound0(h, v)?;
        if r.is_small_int() {
            let n = r.as_small();
            return Ok(if n == -1 { -2 } else { n });
        }
        if crate::types::typeobj::isinstance(r, ty(T::Int)) {
            // An int that fits a machine word is the hash as it is (`str.__hash__` of a
            // str subclass, say); bigger ones are reduced like CPython does.
            let b = crate::types::int::to_bigint(r);
            if let Some(n) = num_traits::ToPrimitive::to_i64(&b) {
                return Ok(if n == -1 { -2 } else { n });
            }
            let m = num_bigint::BigInt::from(HASH_MODULUS);
            let mut x: i64 = num_traits::ToPrimitive::to_i64(&(&b % &m)).unwrap_or(0);
            if x == -1 {
                x = -2;
            }
            return Ok(x);
        }
        Err(self.raise_msg(
            ExcKind::TypeError,
            "__hash__ method should return an integer",
        ))
    }

    /// Calls descriptor `d` of `type(o)` bound to `o` with no arguments.
    pub fn call_bound0(&mut self, d: Value, o: Value) -> PyResult<Value> {
        if d.is_ptr() && matches!(kind_of(d), Kind::Function | Kind::Native) {
            return self.call(d, &[o]);
        }
        let f = self.bind_descriptor(d, o, type_of(o))?;
        self.call(f, &[])
    }

    /// `repr(v)` as a str object.
    pub fn repr(&mut self, v: Value) -> PyResult<Value> {
        let typ = type_of(v);
        if !crate::ops::attr::is_heap_type(typ) {
            if let Some(f) = find_slot(typ, |o| o.repr) {
                return f(self, v);
            }
        }
        let d = self.lookup(typ, g().names.__repr__);
        if d.is_null() {
            return crate::types::object::object_repr(self, v);
        }
        if !self.enter_repr()? {
            return Err(crate::interp::state::Raised);
        }
        let r = self.call_bound0(d, v);
        self.native_depth -= 1;
        let r = r?;
        if !crate::types::typeobj::isinstance(r, ty(T::Str)) {
            let msg = format!(
                "__repr__ returned non-string (type {})",
                type_name(type_of(r))
            );
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        Ok(r)
    }

    /// Guards recursion in `repr` of user objects (counts as native depth).
    fn enter_repr(&mut self) -> PyResult<bool> {
        if self.native_depth >= crate::interp::state::MAX_NATIVE_DEPTH {
            let _ = self.raise_msg(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            );
            return Ok(false);
        }
        self.native_depth += 1;
        Ok(true)
    }

    /// `repr(v)` as a Rust string.
    pub fn repr_string(&mut self, v: Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(str_val(r).to_string())
    }

    /// `str(v)` as a str object.
    pub fn str_of(&mut self, v: Value) -> PyResult<Value> {
        let typ = type_of(v);
        if typ == ty(T::Str) {
            return Ok(v);
        }
        if !crate::ops::attr::is_heap_type(typ) {
            if let Some(f) = find_slot(typ, |o| o.str) {
                return f(self, v);
            }
            if let Some(f) = find_slot(typ, |o| o.repr) {
                return f(self, v);
            }
        }
        let d = self.lookup(typ, g().names.__str__);
        if d.is_null() {
            return self.repr(v);
        }
        let r = self.call_bound0(d, v)?;
        if !crate::types::typeobj::isinstance(r, ty(T::Str)) {
            let msg = format!(
                "__str__ returned non-string (type {})",
                type_name(type_of(r))
            );
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        Ok(r)
    }

    /// `str(v)` as a Rust string.
    pub fn str_string(&mut self, v: Value) -> PyResult<String> {
        let r = self.str_of(v)?;
        Ok(str_val(r).to_string())
    }

    /// `ascii(v)`: `repr(v)` with non-ASCII chars escaped (`text::repr::ascii_escape`).
    pub fn ascii(&mut self, v: Value) -> PyResult<Value> {
        let r = self.repr(v)?;
        let s = str_val(r);
        if s.is_ascii() {
            return Ok(r);
        }
        let out = crate::text::repr::ascii_escape(s);
        self.new_str(&out)
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        let typ = type_of(v);
        if typ == ty(T::Str) && str_bytes(spec).is_empty() {
            return Ok(v);
        }
        let d = self.lookup(typ, g().names.__format__);
        if d.is_null() {
            let msg = format!("Type {} doesn't define __format__", type_name(typ));
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        let f = self.bind_descriptor(d, v, typ)?;
        let r = self.call(f, &[spec])?;
        if !crate::types::typeobj::isinstance(r, ty(T::Str)) {
            let msg = format!(
                "__format__ must return a str, not {}",
                type_name(type_of(r))
            );
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        Ok(r)
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        let typ = type_of(v);
        if !crate::ops::attr::is_heap_type(typ) {
            if let Some(f) = find_slot(typ, |o| o.len) {
                return f(self, v);
            }
        } else if let Some(r) = self.call_special(v, g().names.__len__, &[])? {
            return self.len_result(r);
        }
        let msg = format!("object of type '{}' has no len()", type_name(typ));
        Err(self.raise_msg(ExcKind::TypeError, &msg))
    }

    /// `c[k]`.
    pub fn getitem(&mut self, c: Value, k: Value) -> PyResult<Value> {
        let typ = type_of(c);
        if !crate::ops::attr::is_heap_type(typ) {
            if let Some(f) = find_slot(typ, |o| o.getitem) {
                return f(self, c, k);
            }
        } else if let Some(r) = self.call_special(c, g().names.__getitem__, &[k])? {
            return Ok(r);
        }
        if is_type(c) {
            let cg = self.lookup(c, g().names.__class_getitem__);
            if !cg.is_null() {
                let f = self.descr_get(cg, Value::NULL, c)?;
                return self.call(f, &[k]);
            }
            let msg = format!("type '{}' is not subscriptable", type_name(c));
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        let msg = format!("'{}' object is not subscriptable", type_name(typ));
        Err(self.raise_msg(ExcKind::TypeError, &msg))
    }

    /// `c[k] = v`.
    pub fn setitem(&mut self, c: Value, k: Value, v: Value) -> PyResult<()> {
        let typ = type_of(c);
        if !crate::ops::attr::is_heap_type(typ) {
            if let Some(f) = find_slot(typ, |o| o.setitem) {
                return f(self, c, k, v);
            }
        } else if self
            .call_special(c, g().names.__setitem__, &[k, v])?
            .is_some()
        {
            return Ok(());
        }
        let msg = format!(
            "'{}' object does not support item assignment",
            type_name(typ)
        );
        Err(self.raise_msg(ExcKind::TypeError, &msg))
    }

    /// `del c[k]`.
    pub fn delitem(&mut self, c: Value, k: Value) -> PyResult<()> {
        let typ = type_of(c);
        if !crate::ops::attr::is_heap_type(typ) {
            if let Some(f) = find_slot(typ, |o| o.setitem) {
                return f(self, c, k, Value::NULL);
            }
        } else if self.call_special(c, g().names.__delitem__, &[k])?.is_some() {
            return Ok(());
        }
        let msg = format!("'{}' object doesn't support item deletion", type_name(typ));
        Err(self.raise_msg(ExcKind::TypeError, &msg))
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let typ = type_of(v);
        if !crate::ops::attr::is_heap_type(typ) {
            if let Some(f) = find_slot(typ, |o| o.iter) {
                return f(self, v);
            }
        } else {
            let d = self.lookup(typ, g().names.__iter__);
            if d == g().none {
                let msg = format!("'{}' object is not iterable", type_name(typ));
                return Err(self.raise_msg(ExcKind::TypeError, &msg));
            }
            if !d.is_null() {
                let it = self.call_bound0(d, v)?;
                let itt = type_of(it);
                let has_next = find_slot(itt, |o| o.next).is_some()
                    || !self.lookup(itt, g().names.__next__).is_null();
                if !has_next {
                    let msg = format!("iter() returned non-iterator of type '{}'", type_name(itt));
                    return Err(self.raise_msg(ExcKind::TypeError, &msg));
                }
                return Ok(it);
            }
        }
        let gi = self.lookup(typ, g().names.__getitem__);
        if !gi.is_null() && !is_type(v) {
            return crate::types::iter::new_seq_iter(self, v);
        }
        let msg = format!("'{}' object is not iterable", type_name(typ));
        Err(self.raise_msg(ExcKind::TypeError, &msg))
    }

    /// `next(it)`; `Ok(None)` when exhausted.
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let typ = type_of(it);
        if !crate::ops::attr::is_heap_type(typ) {
            if let Some(f) = find_slot(typ, |o| o.next) {
                return f(self, it);
            }
        }
        let d = self.lookup(typ, g().names.__next__);
        if d.is_null() {
            let msg = format!("'{}' object is not an iterator", type_name(typ));
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        match self.call_bound0(d, it) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                if self.exc_is(ExcKind::StopIteration) {
                    self.exc = Value::NULL;
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// Passes each item of the iterator `it` to `add(vm, target, item)` as it comes,
    /// with native safepoints between items (`ok`: the caller's `Args::from_interp`; see
    /// `Vm::native_safepoint`): `target` and `it` are all it holds across them, rooted.
    /// Returns `target`, whose address a collection may have changed.
    pub fn add_each(
        &mut self,
        target: Value,
        it: Value,
        ok: bool,
        mut add: impl FnMut(&mut Vm, Value, Value) -> PyResult<()>,
    ) -> PyResult<Value> {
        let mut live = [target, it];
        loop {
            self.native_safepoint(ok, &mut live);
            let Some(x) = self.iter_next(live[1])? else {
                return Ok(live[0]);
            };
            add(self, live[0], x)?;
        }
    }

    /// All items of an iterable.
    pub fn to_vec(&mut self, v: Value) -> PyResult<Vec<Value>> {
        self.gather(v, false)
    }

    /// `to_vec` for a native function that CALL called (`ok`: its `Args::from_interp`;
    /// see `Vm::native_safepoint`): between items of an iterator the heap may collect,
    /// with the iterator and the items gathered so far rooted. A safepoint, so the
    /// caller may hold no heap value across it but its `Args`. Without `ok` it is
    /// `to_vec`.
    pub fn to_vec_collecting(&mut self, v: Value, ok: bool) -> PyResult<Vec<Value>> {
        self.gather(v, ok)
    }

    /// `to_vec` and `to_vec_collecting`: an iterator's items are gathered on the roots
    /// stack (`roots[mark]` is the iterator, the items follow), so that a native
    /// safepoint between them (`collecting`) finds them rooted.
    fn gather(&mut self, v: Value, collecting: bool) -> PyResult<Vec<Value>> {
        if v.is_ptr() {
            let typ = type_of(v);
            if typ == ty(T::Tuple) {
                return Ok(tuple_slots(v).iter().map(|s| s.get()).collect());
            }
            if typ == ty(T::List) {
                let _r = self.read_lock(v);
                return Ok(crate::types::list::list_items(v));
            }
        }
        if let Some(items) = self.snapshot_items(v)? {
            return Ok(items);
        }
        // Reserve what a built-in's length promises (as CPython preallocates from the
        // length hint): an impossible size is a MemoryError at once, not a long fill
        // that ends in an abort. Growth past the reservation is checked too.
        let hint = self.builtin_len_hint(v);
        let it = self.get_iter(v)?;
        let mark = self.roots.len();
        if self.roots.try_reserve(hint.saturating_add(1)).is_err() {
            return Err(self.memory_error());
        }
        self.roots.push(it);
        loop {
            if collecting {
                self.native_safepoint(true, &mut []);
            }
            let it = self.roots[mark];
            match self.iter_next(it) {
                Ok(Some(x)) => {
                    if self.roots.len() == self.roots.capacity()
                        && self.roots.try_reserve(self.roots.len()).is_err()
                    {
                        self.unroot_to(mark);
                        return Err(self.memory_error());
                    }
                    self.roots.push(x);
                }
                Ok(None) => break,
                Err(e) => {
                    self.unroot_to(mark);
                    return Err(e);
                }
            }
        }
        let items = self.roots.split_off(mark + 1);
        self.unroot_to(mark);
        Ok(items)
    }

    /// The items of an exact dict, set, frozenset or deque, or of a dict view, read under the
    /// container's lock: `list(d)`, `sorted(s)`, `tuple(d.items())` are single
    /// operations, as under CPython's GIL, and never see a size change half-way (another
    /// thread's writer waits). No Python code runs while the lock is held; item tuples are
    /// made after it is released. `None` for every other value.
    pub fn snapshot_items(&mut self, v: Value) -> PyResult<Option<Vec<Value>>> {
        if !v.is_ptr() {
            return Ok(None);
        }
        let typ = type_of(v);
        if typ == ty(T::Dict) {
            let _g = self.write_lock(v);
            return Ok(Some(
                self.dict_items_vec(v).into_iter().map(|(k, _)| k).collect(),
            ));
        }
        if typ == ty(T::Set) || typ == ty(T::FrozenSet) {
            let _g = self.write_lock(v);
            return Ok(Some(crate::types::set::set_keys(v)));
        }
        if typ == ty(T::Deque) {
            // A consistent snapshot (the deque's readers never see half an operation).
            let _r = self.read_lock(v);
            return Ok(Some(crate::types::deque::deque_items(v)));
        }
        crate::types::views::view_snapshot(self, v)
    }

    /// The length of a value whose built-in type knows it without running Python code
    /// (range, dict, set, str, ...); 0 when unknown.
    pub fn builtin_len_hint(&mut self, v: Value) -> usize {
        if !v.is_ptr() || crate::ops::attr::is_heap_type(type_of(v)) {
            return 0;
        }
        match find_slot(type_of(v), |o| o.len) {
            Some(len) => match len(self, v) {
                Ok(n) => n,
                Err(_) => {
                    self.exc = Value::NULL;
                    0
                }
            },
            None => 0,
        }
    }

    /// Unpacks `seq` into exactly `before` values, or with a starred target: `before`
    /// values, a list, then `after` values.
    pub fn unpack(
        &mut self,
        seq: Value,
        before: usize,
        after: Option<usize>,
    ) -> PyResult<Vec<Value>> {
        let items = match self.to_vec(seq) {
            Ok(v) => v,
            Err(e) => {
                if self.exc_is(ExcKind::TypeError) && self.get_iter_fails(seq) {
                    let msg = format!(
                        "cannot unpack non-iterable {} object",
                        type_name(type_of(seq))
                    );
                    return Err(self.raise_msg(ExcKind::TypeError, &msg));
                }
                return Err(e);
            }
        };
        match after {
            None => {
                if items.len() != before {
                    let msg = if items.len() < before {
                        format!(
                            "not enough values to unpack (expected {}, got {})",
                            before,
                            items.len()
                        )
                    } else {
                        format!("too many values to unpack (expected {})", before)
                    };
                    return Err(self.raise_msg(ExcKind::ValueError, &msg));
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < before + after {
                    let msg = format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    );
                    return Err(self.raise_msg(ExcKind::ValueError, &msg));
                }
                let mid = self.new_list(&items[before..items.len() - after])?;
                let mut out = Vec::with_capacity(before + after + 1);
                out.extend_from_slice(&items[..before]);
                out.push(mid);
                out.extend_from_slice(&items[items.len() - after..]);
                Ok(out)
            }
        }
    }

    fn get_iter_fails(&mut self, v: Value) -> bool {
        let typ = type_of(v);
        find_slot(typ, |o| o.iter).is_none()
            && self.lookup(typ, g().names.__iter__).is_null()
            && self.lookup(typ, g().names.__getitem__).is_null()
    }

    /// `list.extend(it)` for the interpreter (`[*a, *b]`).
    pub fn list_extend(&mut self, l: Value, it: Value) -> PyResult<()> {
        let items = match self.to_vec(it) {
            Ok(v) => v,
            Err(e) => {
                if self.exc_is(ExcKind::TypeError) && self.get_iter_fails(it) {
                    let msg = format!(
                        "Value after * must be an iterable, not {}",
                        type_name(type_of(it))
                    );
                    return Err(self.raise_msg(ExcKind::TypeError, &msg));
                }
                return Err(e);
            }
        };
        for x in items {
            self.list_append(l, x)?;
        }
        Ok(())
    }

    /// `m[k]` returning `None` on KeyError (for namespaces that are any mapping).
    pub fn mapping_get(&mut self, m: Value, k: Value) -> PyResult<Option<Value>> {
        if m.is_ptr() && type_of(m) == ty(T::Dict) {
            return self.dict_get(m, k);
        }
        match self.getitem(m, k) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                if self.exc_is(ExcKind::KeyError) {
                    self.exc = Value::NULL;
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// `operator.index(v)` as an int object.
    pub fn index(&mut self, v: Value) -> PyResult<Value> {
        if v.is_small_int() {
            return Ok(v);
        }
        let typ = type_of(v);
        if typ == ty(T::Int) {
            return Ok(v);
        }
        if let Some(f) = find_slot(typ, |o| o.index) {
            if !crate::ops::attr::is_heap_type(typ)
                || self.lookup(typ, g().names.__index__).is_null()
            {
                return f(self, v);
            }
        }
        if let Some(r) = self.call_special(v, g().names.__index__, &[])? {
            if !crate::types::typeobj::isinstance(r, ty(T::Int)) {
                let msg = format!(
                    "__index__ returned non-int (type {})",
                    type_name(type_of(r))
                );
                return Err(self.raise_msg(ExcKind::TypeError, &msg));
            }
            return Ok(r);
        }
        let msg = format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(typ)
        );
        Err(self.raise_msg(ExcKind::TypeError, &msg))
    }

    /// `operator.index(v)` as an i64 (OverflowError when it does not fit).
    pub fn index_i64(&mut self, v: Value) -> PyResult<i64> {
        if v.is_small_int() {
            return Ok(v.as_small());
        }
        let r = self.index(v)?;
        match crate::types::int::int_to_i64(r) {
            Some(n) => Ok(n),
            None => {
                let msg = format!(
                    "cannot fit '{}' into an index-sized integer",
                    type_name(type_of(v))
                );
                Err(self.raise_msg(ExcKind::IndexError, &msg))
            }
        }
    }

    /// A float from an int or float (or `__float__`/`__index__`), for math functions.
    pub fn as_f64(&mut self, v: Value) -> PyResult<f64> {
        if v.is_small_int() {
            return Ok(v.as_small() as f64);
        }
        if v.is_ptr() && kind_of(v) == Kind::Float {
            return Ok(float_val(v));
        }
        let typ = type_of(v);
        if crate::types::typeobj::is_subtype(typ, ty(T::Int)) {
            return crate::types::int::int_to_f64(self, v);
        }
        if let Some(r) = self.call_special(v, g().names.__float__, &[])? {
            if r.is_ptr() && kind_of(r) == Kind::Float {
                return Ok(float_val(r));
            }
            let msg = format!(
                "{}.__float__ returned non-float (type {})",
                type_name(typ),
                type_name(type_of(r))
            );
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        if !self.lookup(typ, g().names.__index__).is_null() {
            let i = self.index(v)?;
            return crate::types::int::int_to_f64(self, i);
        }
        let msg = format!("must be real number, not {}", type_name(typ));
        Err(self.raise_msg(ExcKind::TypeError, &msg))
    }

    /// The interned (pinned) str with this text.
    pub fn intern(&mut self, s: &str) -> PyResult<Value> {
        let sh = shared();
        if let Some(v) = sh.interned.lock().get(s) {
            return Ok(*v);
        }
        let v = self.new_str_typed(s, ty(T::Str), true)?;
        header(v)
            .flags
            .fetch_or(FLAG_INTERNED, std::sync::atomic::Ordering::Relaxed);
        let mut m = sh.interned.lock();
        Ok(*m.entry(s.into()).or_insert(v))
    }

    /// The interned str equal to the str `v` (attribute names must be interned so that
    /// method-cache keys compare by address).
    pub fn intern_value(&mut self, v: Value) -> PyResult<Value> {
        if !v.is_ptr() || kind_of(v) != Kind::Str {
            let msg = format!(
                "attribute name must be string, not '{}'",
                type_name(type_of(v))
            );
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        if header(v).flags.load(std::sync::atomic::Ordering::Relaxed) & FLAG_INTERNED != 0 {
            return Ok(v);
        }
        let s = str_val(v).to_string();
        self.intern(&s)
    }

    /// An attribute name as `setattr` receives it: an exact str is interned, an instance
    /// of a str subclass is kept (CPython interns exact strs only, so the subclass object
    /// becomes the instance dict's key); TypeError for a non-str.
    pub fn attr_name_arg(&mut self, v: Value) -> PyResult<Value> {
        if v.is_ptr() && kind_of(v) == Kind::Str && type_of(v) != ty(T::Str) {
            return Ok(v);
        }
        self.intern_value(v)
    }
}
