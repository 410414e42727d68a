//! The `dict` type: slots (repr, equality, `|`, item access, iteration, construction),
//! methods, `dict.fromkeys`, and the read-only `mappingproxy` used for `type.__dict__`.
//!
//! `keys()`/`values()`/`items()` return view objects and iteration uses real dict
//! iterators (both in `views.rs`), which see later changes and detect size changes.
//!
//! What must hold: argument errors use CPython's wording; results of `copy()` and `|`
//! are exact dicts, as in CPython.

use super::{dict_entry_hash, dict_len, dict_used, Vm};
use crate::interp::call::Args;
use crate::interp::state::PyResult;
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::slots::TypeOps;
use crate::types::typeobj::{type_name, type_of};
use crate::types::views::{new_dict_iter, new_view, ViewKind};
use crate::value::Value;

fn is_dict(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Dict
}

/// CPython's `_PyArg_CheckPositional` message for `name` taking `min..=max` arguments
/// (after self).
fn check_pos(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.len().saturating_sub(1);
    if a.nkw() != 0 {
        let msg = format!("{name}() takes no keyword arguments");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if max == 0 && n > 0 {
        let msg = format!("dict.{name}() takes no arguments ({n} given)");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if n < min || n > max {
        let (how, lim) = if n < min {
            (if min == max { "" } else { "at least " }, min)
        } else {
            (if min == max { "" } else { "at most " }, max)
        };
        let msg = format!(
            "{name} expected {how}{lim} argument{}, got {n}",
            if lim == 1 { "" } else { "s" }
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let d = if a.is_empty() { Value::NULL } else { a.get(0) };
    if !is_dict(d) {
        let got = if d.is_null() {
            "nothing".to_string()
        } else {
            format!("a '{}' object", type_name(type_of(d)))
        };
        let msg = format!("descriptor '{name}' for 'dict' objects doesn't apply to {got}");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(d)
}

impl Vm {
    /// `dict.update(arg)` / `dict(arg)`: a mapping (anything with `keys`) or an
    /// iterable of pairs.
    pub fn dict_update_arg(&mut self, d: Value, m: Value) -> PyResult<()> {
        if is_dict(m) && type_of(m) == ty(T::Dict) {
            return self.dict_update(d, m, false);
        }
        let keys_nm = self.intern("keys")?;
        if self.getattr_opt(m, keys_nm)?.is_some() {
            return self.dict_update(d, m, false);
        }
        self.dict_merge_pairs(d, m, false).map(|_| ())
    }

    /// `dict(x)` called by CALL (`prepare_call`): `dict_update_arg` into a new dict, with
    /// native safepoints between the pairs of an iterable (`dict((k, v) for ...)`).
    pub fn dict_from_arg(&mut self, m: Value) -> PyResult<Value> {
        let d = self.new_dict()?;
        if is_dict(m) && type_of(m) == ty(T::Dict) {
            self.dict_update(d, m, false)?;
            return Ok(d);
        }
        let keys_nm = self.intern("keys")?;
        if self.getattr_opt(m, keys_nm)?.is_some() {
            self.dict_update(d, m, false)?;
            return Ok(d);
        }
        self.dict_merge_pairs(d, m, true)
    }

    /// Merges the mapping `m` into `d` (`{**m}`, DICT_UPDATE); with `merge` (`f(**m)`,
    /// DICT_MERGE) a duplicate key is an error. A non-mapping is a TypeError.
    pub fn dict_update(&mut self, d: Value, m: Value, merge: bool) -> PyResult<()> {
        if is_dict(m) && (type_of(m) == ty(T::Dict) || merge) {
            for (k, v) in self.dict_items_vec(m) {
                self.merge_one(d, k, v, merge)?;
            }
            return Ok(());
        }
        let keys_nm = self.intern("keys")?;
        if let Some(kf) = self.getattr_opt(m, keys_nm)? {
            let ks = self.call(kf, &[])?;
            let it = self.get_iter(ks)?;
            while let Some(k) = self.iter_next(it)? {
                let x = self.getitem(m, k)?;
                self.merge_one(d, k, x, merge)?;
            }
            return Ok(());
        }
        let msg = if merge {
            format!(
                "{} argument after ** must be a mapping, not {}",
                self.merge_callee(d),
                type_name(type_of(m))
            )
        } else {
            format!("'{}' object is not a mapping", type_name(type_of(m)))
        };
        Err(self.raise_msg(ExcKind::TypeError, &msg))
    }

    fn merge_one(&mut self, d: Value, k: Value, v: Value, merge: bool) -> PyResult<()> {
        if merge && self.dict_get(d, k)?.is_some() {
            let msg = if crate::types::str::is_str(k) {
                format!(
                    "{} got multiple values for keyword argument '{}'",
                    self.merge_callee(d),
                    str_val(k)
                )
            } else {
                "keywords must be strings".to_string()
            };
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        self.dict_set(d, k, v)
    }

    /// CPython's `_PyObject_FunctionStr` of the function being called when `d` is the
    /// keyword dict that DICT_MERGE is filling (stack: callable, NULL, args, d, m).
    fn merge_callee(&mut self, d: Value) -> String {
        let f = if self.sp >= 5 && self.peek(1) == d {
            self.peek(4)
        } else {
            Value::NULL
        };
        let f = if f.is_ptr() && kind_of(f) == Kind::BoundMethod {
            // SAFETY: kind checked.
            unsafe { obj::<BoundMethodObj>(f) }.func.get()
        } else {
            f
        };
        if f.is_ptr() && kind_of(f) == Kind::Function {
            let fo = crate::interp::call::func(f);
            let q = str_val(fo.qualname.get());
            let m = fo.module.get();
            if m.is_ptr() && kind_of(m) == Kind::Str && str_val(m) != "builtins" {
                return format!("{}.{}()", str_val(m), q);
            }
            return format!("{q}()");
        }
        if f.is_ptr() && matches!(kind_of(f), Kind::Native | Kind::Type) {
            return self.callable_name(f);
        }
        if f.is_ptr() {
            return format!("{} object", type_name(type_of(f)));
        }
        "function".to_string()
    }

    /// `PyDict_MergeFromSeq2`: adds (key, value) pairs from an iterable; returns `d`.
    /// `ok`: CALL called `dict` straight from the outermost code (`Args::from_interp`), so
    /// the heap may collect between pairs; `d` and the iterator are all it holds then.
    fn dict_merge_pairs(&mut self, d: Value, seq: Value, ok: bool) -> PyResult<Value> {
        let it = self.get_iter(seq)?;
        let mut i = 0usize;
        self.add_each(d, it, ok, |vm, d, p| {
            let kv = match vm.to_vec(p) {
                Ok(kv) => kv,
                Err(e) => {
                    if vm.exc_is(ExcKind::TypeError) {
                        let msg = format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        );
                        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
                    }
                    return Err(e);
                }
            };
            if kv.len() != 2 {
                let msg = format!(
                    "dictionary update sequence element #{} has length {}; 2 is required",
                    i,
                    kv.len()
                );
                return Err(vm.raise_msg(ExcKind::ValueError, &msg));
            }
            vm.dict_set(d, kv[0], kv[1])?;
            i += 1;
            Ok(())
        })
    }
}

/// A read-only view of a dict (`type.__dict__`).
pub fn new_mappingproxy(vm: &mut Vm, d: Value) -> PyResult<Value> {
    vm.new_record(
        ty(T::MappingProxy),
        crate::types::record::REC_OTHER,
        [d, Value::NULL, Value::NULL, Value::NULL],
        0,
        0,
    )
}

/// `repr(d)` as text (`{...}` for a dict already being printed).
pub fn dict_repr_string(vm: &mut Vm, d: Value) -> PyResult<String> {
    if !vm.repr_enter(d) {
        return Ok("{...}".to_string());
    }
    let mut s = String::from("{");
    let mut r = Ok(());
    let mut pos = 0;
    let mut first = true;
    while let Some((p, k, v)) = super::dict_next(d, pos) {
        pos = p;
        if !first {
            s.push_str(", ");
        }
        first = false;
        match vm.repr_string(k).and_then(|a| Ok((a, vm.repr_string(v)?))) {
            Ok((a, b)) => {
                s.push_str(&a);
                s.push_str(": ");
                s.push_str(&b);
            }
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.repr_leave(d);
    r?;
    s.push('}');
    Ok(s)
}

fn dict_repr(vm: &mut Vm, d: Value) -> PyResult<Value> {
    let s = dict_repr_string(vm, d)?;
    vm.new_str(&s)
}

fn dict_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_dict(a) || !is_dict(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(g().not_implemented);
    }
    let mut eq = dict_len(a) == dict_len(b);
    if eq {
        let mut pos = 0;
        while let Some((p, k, v)) = super::dict_next(a, pos) {
            pos = p;
            let h = dict_entry_hash(a, p - 1);
            match vm.dict_get_h(b, k, h)? {
                Some(w) if vm.eq_bool(v, w)? => {}
                _ => {
                    eq = false;
                    break;
                }
            }
        }
    }
    Ok(vm.bool_val(eq == (op == CmpOp::Eq)))
}

fn dict_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if op != BinOp::Or || !is_dict(a) || !is_dict(b) {
        return Ok(g().not_implemented);
    }
    let n = vm.dict_copy(a)?;
    vm.dict_update_arg(n, b)?;
    Ok(n)
}

fn dict_inplace(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if op != BinOp::Or {
        return Ok(g().not_implemented);
    }
    vm.dict_update_arg(a, b)?;
    Ok(a)
}

fn dict_len_slot(_vm: &mut Vm, d: Value) -> PyResult<usize> {
    Ok(dict_len(d))
}

fn dict_contains(vm: &mut Vm, d: Value, k: Value) -> PyResult<bool> {
    Ok(vm.dict_get(d, k)?.is_some())
}

fn dict_getitem(vm: &mut Vm, d: Value, k: Value) -> PyResult<Value> {
    if let Some(v) = vm.dict_get(d, k)? {
        return Ok(v);
    }
    if type_of(d) != ty(T::Dict) {
        if let Some(r) = vm.call_special(d, g().names.__missing__, &[k])? {
            return Ok(r);
        }
    }
    Err(vm.key_error(k))
}

fn dict_setitem(vm: &mut Vm, d: Value, k: Value, v: Value) -> PyResult<()> {
    if v.is_null() {
        if vm.dict_del(d, k)?.is_none() {
            return Err(vm.key_error(k));
        }
        return Ok(());
    }
    vm.dict_set(d, k, v)
}

fn dict_iter(vm: &mut Vm, d: Value) -> PyResult<Value> {
    new_dict_iter(vm, d, ViewKind::Keys, false)
}

fn dict_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let d = vm.new_dict_typed(cls, 8)?;
    if cls != ty(T::Dict)
        && crate::types::typeobj::type_flags(cls) & crate::types::typeobj::TF_HAS_DICT != 0
    {
        let attrs = vm.new_dict()?;
        // SAFETY: `d` is a fresh dict object.
        unsafe { obj::<DictObj>(d) }.dict.set(attrs);
    }
    Ok(d)
}

fn update_from_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let d = recv(vm, a, "update")?;
    if a.len() > 2 {
        let msg = format!("{name} expected at most 1 argument, got {}", a.len() - 1);
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if let Some(m) = a.opt(1) {
        vm.dict_update_arg(d, m)?;
    }
    for (k, v) in a.kwargs() {
        vm.dict_set(d, k, v)?;
    }
    Ok(g().none)
}

fn dict_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    update_from_args(vm, a, "dict")
}

fn m_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    update_from_args(vm, a, "update")
}

fn m_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "get")?;
    check_pos(vm, a, "get", 1, 2)?;
    Ok(vm
        .dict_get(d, a.get(1))?
        .unwrap_or(a.opt(2).unwrap_or(g().none)))
}

fn m_keys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "keys")?;
    check_pos(vm, a, "keys", 0, 0)?;
    new_view(vm, d, ViewKind::Keys)
}

fn m_values(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "values")?;
    check_pos(vm, a, "values", 0, 0)?;
    new_view(vm, d, ViewKind::Values)
}

fn m_items(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "items")?;
    check_pos(vm, a, "items", 0, 0)?;
    new_view(vm, d, ViewKind::Items)
}

fn m_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__reversed__")?;
    check_pos(vm, a, "__reversed__", 0, 0)?;
    new_dict_iter(vm, d, ViewKind::Keys, true)
}

fn m_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "pop")?;
    check_pos(vm, a, "pop", 1, 2)?;
    match vm.dict_del(d, a.get(1))? {
        Some(v) => Ok(v),
        None => match a.opt(2) {
            Some(x) => Ok(x),
            None => Err(vm.key_error(a.get(1))),
        },
    }
}

fn m_popitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "popitem")?;
    check_pos(vm, a, "popitem", 0, 0)?;
    let Some((k, v)) = vm.dict_popitem(d) else {
        let m = vm.new_str("popitem(): dictionary is empty")?;
        return Err(vm.raise_args(ExcKind::KeyError, &[m]));
    };
    vm.new_tuple(&[k, v])
}

fn m_setdefault(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "setdefault")?;
    check_pos(vm, a, "setdefault", 1, 2)?;
    let v = a.opt(2).unwrap_or(g().none);
    vm.dict_setdefault(d, a.get(1), v)
}

fn m_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "clear")?;
    check_pos(vm, a, "clear", 0, 0)?;
    vm.dict_clear(d)?;
    Ok(g().none)
}

fn m_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "copy")?;
    check_pos(vm, a, "copy", 0, 0)?;
    vm.dict_copy(d)
}

fn m_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__sizeof__")?;
    let n = 48 + 24 * dict_used(d).max(8);
    vm.new_int(n as i64)
}

/// `dict.fromkeys(iterable, value=None)` (a class method: `a.get(0)` is the class).
fn m_fromkeys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_pos(vm, a, "fromkeys", 1, 2)?;
    let cls = a.get(0);
    let value = a.opt(2).unwrap_or(g().none);
    let d = vm.call(cls, &[])?;
    let exact = type_of(d) == ty(T::Dict);
    let it = vm.get_iter(a.get(1))?;
    while let Some(k) = vm.iter_next(it)? {
        if exact {
            vm.dict_set(d, k, value)?;
        } else {
            vm.setitem(d, k, value)?;
        }
    }
    Ok(d)
}

// ---- mappingproxy ----

fn proxy_dict(p: Value) -> Value {
    // SAFETY: mappingproxy objects are records.
    unsafe { obj::<RecordObj>(p) }.s[0].get()
}

fn proxy_getitem(vm: &mut Vm, p: Value, k: Value) -> PyResult<Value> {
    dict_getitem(vm, proxy_dict(p), k)
}
fn proxy_len(_vm: &mut Vm, p: Value) -> PyResult<usize> {
    Ok(dict_len(proxy_dict(p)))
}
fn proxy_contains(vm: &mut Vm, p: Value, k: Value) -> PyResult<bool> {
    Ok(vm.dict_get(proxy_dict(p), k)?.is_some())
}
fn proxy_iter(vm: &mut Vm, p: Value) -> PyResult<Value> {
    dict_iter(vm, proxy_dict(p))
}
fn proxy_repr(vm: &mut Vm, p: Value) -> PyResult<Value> {
    let r = vm.repr_string(proxy_dict(p))?;
    vm.new_str(&format!("mappingproxy({r})"))
}
fn proxy_str(vm: &mut Vm, p: Value) -> PyResult<Value> {
    vm.str_of(proxy_dict(p))
}
fn proxy_method(vm: &mut Vm, a: &Args, f: crate::interp::call::NativeFn) -> PyResult<Value> {
    let d = proxy_dict(a.get(0));
    let mut v = vec![d];
    for i in 1..a.len() {
        v.push(a.get(i));
    }
    let start = vm.sp;
    for x in &v {
        vm.push(*x);
    }
    let args = Args::on_stack(vm, start, v.len(), Value::NULL);
    let r = f(vm, &args);
    vm.sp = start;
    r
}
fn p_keys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    proxy_method(vm, a, m_keys)
}
fn p_values(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    proxy_method(vm, a, m_values)
}
fn p_items(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    proxy_method(vm, a, m_items)
}
fn p_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    proxy_method(vm, a, m_get)
}
fn p_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    proxy_method(vm, a, m_copy)
}

pub static DICT_OPS: TypeOps = TypeOps {
    repr: Some(dict_repr),
    richcmp: Some(dict_richcmp),
    binop: Some(dict_binop),
    inplace: Some(dict_inplace),
    len: Some(dict_len_slot),
    contains: Some(dict_contains),
    getitem: Some(dict_getitem),
    setitem: Some(dict_setitem),
    iter: Some(dict_iter),
    new: Some(dict_new),
    init: Some(dict_init),
    ..TypeOps::EMPTY
};

pub static PROXY_OPS: TypeOps = TypeOps {
    repr: Some(proxy_repr),
    str: Some(proxy_str),
    len: Some(proxy_len),
    contains: Some(proxy_contains),
    getitem: Some(proxy_getitem),
    iter: Some(proxy_iter),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::Dict);
    vm.install_slots(t, &DICT_OPS)?;
    vm.type_set_attr(t, g().names.__hash__, g().none)?;
    vm.def_methods(
        t,
        &[
            ("get", m_get),
            ("keys", m_keys),
            ("values", m_values),
            ("items", m_items),
            ("pop", m_pop),
            ("popitem", m_popitem),
            ("setdefault", m_setdefault),
            ("update", m_update),
            ("clear", m_clear),
            ("copy", m_copy),
            ("__reversed__", m_reversed),
            ("__sizeof__", m_sizeof),
        ],
    )?;
    vm.def_classmethods(t, &[("fromkeys", m_fromkeys)])?;
    let p = ty(T::MappingProxy);
    vm.install_slots(p, &PROXY_OPS)?;
    vm.def_methods(
        p,
        &[
            ("keys", p_keys),
            ("values", p_values),
            ("items", p_items),
            ("get", p_get),
            ("copy", p_copy),
        ],
    )?;
    Ok(())
}
