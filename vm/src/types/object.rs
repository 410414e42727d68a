//! `object` and `type`: the roots of the type system.
//!
//! `object` supplies the default protocol: identity equality and hash, `repr` as
//! `<mod.Name object at 0x...>`, `__str__` via `repr`, `__format__` with an empty spec,
//! attribute get/set/delete, `__init_subclass__`, `__class__`, `__dir__`.
//! `type` supplies class attributes (`__name__`, `__mro__`...), `mro()`, `__call__`,
//! `__new__` (the three-argument form builds a class), `__subclasses__` and the
//! `isinstance`/`issubclass` hooks.
//!
//! Identity: objects move, so `id()` and the default hash cannot be addresses. An
//! object gets a number from a global counter the first time it is asked for, kept in
//! its header (`aux`, flag `FLAG_HAS_ID`).
//!
//! What must hold: an object's id never changes and is never shared by two live objects.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::CmpOp;
use crate::types::slots::TypeOps;
use crate::types::typeobj::*;
use crate::value::Value;
use std::sync::atomic::{AtomicU32, Ordering};

static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// A stable identity number for `v`: assigned on first request and kept in the header's
/// `aux` word (which no kind uses for anything else once `FLAG_HAS_ID` is set).
pub fn object_id(v: Value) -> u64 {
    if !v.is_ptr() {
        return v.0 as u64;
    }
    let h = header(v);
    if h.flags.load(Ordering::Acquire) & FLAG_HAS_ID == 0 {
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        // A racing thread may have assigned one first: then keep its number.
        let _ = h
            .aux
            .compare_exchange(0, id, Ordering::AcqRel, Ordering::Acquire);
        h.flags.fetch_or(FLAG_HAS_ID, Ordering::AcqRel);
    }
    0x7f00_0000_0000 + (h.aux.load(Ordering::Acquire) as u64) * 16
}

pub fn object_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let typ = type_of(v);
    let m = type_module(typ);
    let q = type_qualname(typ);
    let s = if m == "builtins" {
        format!("<{} object at {:#x}>", q, object_id(v))
    } else {
        format!("<{}.{} object at {:#x}>", m, q, object_id(v))
    };
    vm.new_str(&s)
}

fn object_hash(_vm: &mut Vm, v: Value) -> PyResult<i64> {
    let id = object_id(v) as i64;
    Ok((id >> 4) | (id << 60).wrapping_abs().min(0))
}

fn object_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    match op {
        CmpOp::Eq => Ok(if a == b {
            g().true_
        } else {
            g().not_implemented
        }),
        CmpOp::Ne => {
            // Default __ne__ inverts __eq__.
            let eq = vm.lookup(type_of(a), g().names.__eq__);
            let r = if eq.is_null() {
                g().not_implemented
            } else {
                vm.call_bound(eq, a, b)?
            };
            if r == g().not_implemented {
                return Ok(r);
            }
            let t = vm.truthy(r)?;
            Ok(vm.bool_val(!t))
        }
        _ => Ok(g().not_implemented),
    }
}

fn object_str(vm: &mut Vm, v: Value) -> PyResult<Value> {
    vm.repr(v)
}

fn object_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.is_empty() {
        return Err(vm.raise_msg(ExcKind::TypeError, "object.__new__(): not enough arguments"));
    }
    let cls = a.get(0);
    if !is_type(cls) {
        let msg = format!(
            "object.__new__(X): X is not a type object ({})",
            type_name(type_of(cls))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if a.len() > 1 || a.nkw() > 0 {
        let init = vm.lookup(cls, g().names.__init__);
        let oi = lookup_uncached(ty(T::Object), g().names.__init__);
        let nw = vm.lookup(cls, g().names.__new__);
        let on = lookup_uncached(ty(T::Object), g().names.__new__);
        if init == oi || nw != on {
            let msg = format!("{}() takes no arguments", type_name(cls));
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    crate::types::usertype::object_new_inst(vm, cls)
}

fn object_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() > 1 || a.nkw() > 0 {
        let s = a.get(0);
        let typ = type_of(s);
        let init = vm.lookup(typ, g().names.__init__);
        let oi = lookup_uncached(ty(T::Object), g().names.__init__);
        let nw = vm.lookup(typ, g().names.__new__);
        let on = lookup_uncached(ty(T::Object), g().names.__new__);
        if init != oi || nw == on {
            let msg = if init != oi {
                "object.__init__() takes exactly one argument (the instance to initialize)"
                    .to_string()
            } else {
                format!("{}() takes no arguments", type_name(typ))
            };
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    Ok(g().none)
}

fn object_getattribute(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_n(vm, a, 2, "__getattribute__")?;
    let o = a.get(0);
    let name = vm.intern_value(a.get(1))?;
    match vm.generic_getattr(o, name, type_of(o))? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(o, name)),
    }
}

fn object_setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_n(vm, a, 3, "__setattr__")?;
    let name = vm.attr_name_arg(a.get(1))?;
    vm.generic_setattr(a.get(0), name, a.get(2))?;
    Ok(g().none)
}

fn object_delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_n(vm, a, 2, "__delattr__")?;
    let name = vm.intern_value(a.get(1))?;
    vm.generic_setattr(a.get(0), name, Value::NULL)?;
    Ok(g().none)
}

fn object_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_n(vm, a, 2, "__format__")?;
    let spec = a.get(1);
    if !(spec.is_ptr() && kind_of(spec) == Kind::Str) {
        let msg = format!(
            "__format__() argument must be str, not {}",
            type_name(type_of(spec))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if !str_val(spec).is_empty() {
        let msg = format!(
            "unsupported format string passed to {}.__format__",
            type_name(type_of(a.get(0)))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    vm.str_of(a.get(0))
}

fn object_init_subclass(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() > 0 {
        let msg = format!(
            "{}.__init_subclass__() takes no keyword arguments",
            type_name(a.get(0))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(g().none)
}

fn object_class(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(type_of(v))
}

fn object_set_class(vm: &mut Vm, v: Value, c: Value) -> PyResult<()> {
    if !is_type(c) || c.is_null() {
        return Err(vm.raise_msg(ExcKind::TypeError, "__class__ must be set to a class"));
    }
    let old = type_of(v);
    let module = ty(T::Module);
    let both_modules = is_subtype(old, module) && is_subtype(c, module);
    let mutable = type_flags(c) & TF_HEAPTYPE != 0 && type_flags(old) & TF_HEAPTYPE != 0;
    if !v.is_ptr() || !(mutable || both_modules) {
        let msg = "__class__ assignment only supported for mutable types or ModuleType subclasses";
        return Err(vm.raise_msg(ExcKind::TypeError, msg));
    }
    if !same_layout(vm, old, c) {
        let msg = format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            type_name(c),
            type_name(old)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if kind_of(v) == Kind::Instance && crate::types::shape::in_values_mode(v) {
        // Inline values are laid out by the old class's keys.
        vm.materialise_dict(v)?;
    }
    header(v).ty.set(c);
    // The instance's dict may hold names that shadow attributes of its new class.
    crate::types::typeobj::mark_shadowed(c);
    Ok(())
}

/// True when instances of `a` and `b` are laid out alike (CPython's
/// `compatible_for_assignment`): the same built-in layout and, for user instances, the
/// same `__slots__` (by name, in order) and both or neither with a `__dict__`.
pub fn same_layout(vm: &mut Vm, a: Value, b: Value) -> bool {
    if t(a).inst_kind != t(b).inst_kind {
        return false;
    }
    let kind = Kind::from_u8(t(a).inst_kind);
    // Where a `__dict__` takes room of its own (a user instance, the side slot of an
    // immutable built-in), having one is part of the layout.
    let dict_room = kind == Kind::Instance || side_dict_kind(kind);
    if dict_room && (type_flags(a) & TF_HAS_DICT) != (type_flags(b) & TF_HAS_DICT) {
        return false;
    }
    kind != Kind::Instance || slot_names(vm, a) == slot_names(vm, b)
}

/// The `__slots__` names of instances of `typ`, by slot index.
fn slot_names(vm: &mut Vm, typ: Value) -> Vec<Option<String>> {
    let n = t(typ).nslots.load(Ordering::Relaxed);
    let mut names = vec![None; n];
    for s in mro(typ) {
        let c = s.get();
        for (_, d) in vm.dict_items_vec(t(c).dict.get()) {
            if !(d.is_ptr()
                && kind_of(d) == Kind::Record
                && header(d).rec_kind == crate::types::record::REC_MEMBER)
            {
                continue;
            }
            // SAFETY: kind checked.
            let r = unsafe { obj::<RecordObj>(d) };
            let i = r.a.load(Ordering::Relaxed) as usize;
            let nm = r.s[0].get();
            if r.s[1].get() == c && i < n && nm.is_ptr() && kind_of(nm) == Kind::Str {
                names[i].get_or_insert_with(|| str_val(nm).to_string());
            }
        }
    }
    names
}

fn object_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = vm.dict_of(v);
    if v.is_ptr() && kind_of(v) == Kind::Instance {
        // Code holding the dict can add keys that shadow class attributes.
        crate::types::typeobj::mark_shadowed(type_of(v));
    }
    if d.is_null() {
        let msg = format!(
            "'{}' object has no attribute '__dict__'",
            type_name(type_of(v))
        );
        return Err(vm.raise_msg(ExcKind::AttributeError, &msg));
    }
    Ok(d)
}

/// `o.__dict__ = d`; `del o.__dict__` (d NULL) leaves a fresh empty dict, as CPython
/// 3.11 does (its dict pointer is cleared and made anew on the next access).
fn object_set_dict(vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    let is_inst = v.is_ptr() && kind_of(v) == Kind::Instance;
    if d.is_null() {
        if is_inst {
            let nd = vm.new_dict()?;
            vm.publish_dict(v, nd);
            return Ok(());
        }
    } else if !(d.is_ptr() && kind_of(d) == Kind::Dict) {
        let msg = format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            type_name(type_of(d))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    } else if is_inst {
        vm.publish_dict(v, d);
        crate::types::typeobj::mark_shadowed(type_of(v));
        return Ok(());
    }
    if let Some(slot) = builtin_dict_slot(v) {
        let d = if d.is_null() { vm.new_dict()? } else { d };
        slot.set(d);
        return Ok(());
    }
    Err(vm.raise_msg(ExcKind::TypeError, "__dict__ must be set to a dictionary"))
}

/// The `__dict__` slot of an instance of a subclass of a mutable built-in.
fn builtin_dict_slot<'a>(v: Value) -> Option<&'a Slot> {
    if !v.is_ptr() || type_flags(type_of(v)) & TF_HAS_DICT == 0 {
        return None;
    }
    // SAFETY (all arms): the kind byte names the layout.
    unsafe {
        match kind_of(v) {
            Kind::List => Some(&obj::<ListObj>(v).dict),
            Kind::Deque => Some(&obj::<DequeObj>(v).dict),
            Kind::Dict => Some(&obj::<DictObj>(v).dict),
            Kind::Set => Some(&obj::<SetObj>(v).dict),
            Kind::ByteArray => Some(&obj::<ByteArrayObj>(v).dict),
            _ => side_dict(v),
        }
    }
}

fn object_dir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = a.get(0);
    let mut names: Vec<Value> = Vec::new();
    if o.is_ptr() && kind_of(o) == Kind::Instance && crate::types::shape::in_values_mode(o) {
        let items = crate::types::shape::values_items(o);
        names.extend(items.into_iter().map(|(k, _)| k));
    } else {
        let d = vm.dict_of(o);
        if d.is_ptr() && kind_of(d) == Kind::Dict {
            names.extend(vm.dict_items_vec(d).into_iter().map(|(k, _)| k));
        }
    }
    let typ = if is_type(o) { o } else { type_of(o) };
    for s in mro(typ) {
        let td = t(s.get()).dict.get();
        names.extend(vm.dict_items_vec(td).into_iter().map(|(k, _)| k));
    }
    if names.iter().all(|k| k.is_ptr() && kind_of(*k) == Kind::Str) {
        let mut uniq: Vec<String> = names.iter().map(|k| str_val(*k).to_string()).collect();
        uniq.sort();
        uniq.dedup();
        let mut vals = Vec::with_capacity(uniq.len());
        for s in uniq {
            vals.push(vm.new_str(&s)?);
        }
        return vm.new_list(&vals);
    }
    // A non-str key (put in the instance dict by hand): the keys unsorted, first
    // occurrence first, as CPython's merged dict gives them (dir() then fails sorting).
    let mut seen = std::collections::HashSet::new();
    let mut vals = Vec::with_capacity(names.len());
    for k in names {
        let fresh = if k.is_ptr() && kind_of(k) == Kind::Str {
            seen.insert(Err(str_val(k)))
        } else {
            seen.insert(Ok(k.0))
        };
        if fresh {
            vals.push(k);
        }
    }
    vm.new_list(&vals)
}

fn object_reduce_ex(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.raise_msg(ExcKind::TypeError, "cannot pickle objects in hotpy"))
}

fn object_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0);
    let n = if v.is_ptr() { gc_size(v) } else { 28 };
    vm.new_int(n as i64)
}

fn gc_size(v: Value) -> usize {
    header(v).gc.load(Ordering::Relaxed) >> 8
}

pub fn check_n(vm: &mut Vm, a: &Args, n: usize, name: &str) -> PyResult<()> {
    if a.len() != n || a.nkw() != 0 {
        let msg = format!(
            "{}() takes exactly {} argument{} ({} given)",
            name,
            n - 1,
            if n == 2 { "" } else { "s" },
            a.len().saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

pub static OBJECT_OPS: TypeOps = TypeOps {
    repr: Some(object_repr),
    str: Some(object_str),
    hash: Some(object_hash),
    richcmp: Some(object_richcmp),
    new: Some(object_new),
    init: Some(object_init),
    ..TypeOps::EMPTY
};

// ---- type ----

fn type_repr_slot(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = type_repr(v);
    vm.new_str(&s)
}

fn type_new_native(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let meta = a.get(0);
    if a.len() == 2 && meta == ty(T::Type) {
        return Ok(type_of(a.get(1)));
    }
    if a.len() != 4 {
        return Err(vm.raise_msg(ExcKind::TypeError, "type() takes 1 or 3 arguments"));
    }
    let (name, bases, ns) = (a.get(1), a.get(2), a.get(3));
    if !(name.is_ptr() && kind_of(name) == Kind::Str) {
        let msg = format!(
            "type.__new__() argument 1 must be str, not {}",
            type_name(type_of(name))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if !(bases.is_ptr() && kind_of(bases) == Kind::Tuple) {
        let msg = format!(
            "type.__new__() argument 2 must be tuple, not {}",
            type_name(type_of(bases))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if !(ns.is_ptr() && isinstance(ns, ty(T::Dict))) {
        let msg = format!(
            "type.__new__() argument 3 must be dict, not {}",
            type_name(type_of(ns))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let name = vm.intern_value(name)?;
    // The most derived metaclass must be a subclass of every base's metaclass.
    let mut winner = meta;
    for b in tuple_slots(bases).iter().map(|s| s.get()) {
        let bm = type_of(b);
        if is_subtype(winner, bm) {
            continue;
        }
        if is_subtype(bm, winner) {
            winner = bm;
            continue;
        }
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    if winner != meta {
        let nw = vm.lookup(winner, g().names.__new__);
        let tn = lookup_uncached(ty(T::Type), g().names.__new__);
        if nw != tn {
            let f = if nw.is_ptr() && kind_of(nw) == Kind::Record {
                // SAFETY: staticmethod records keep the function in s0.
                unsafe { obj::<RecordObj>(nw) }.s[0].get()
            } else {
                nw
            };
            return vm.call(f, &[winner, name, bases, ns]);
        }
    }
    let cls = crate::types::usertype::type_new(vm, winner, name, bases, ns)?;
    let kw: Vec<Value> = (0..a.nkw()).map(|i| a.get(a.len() + i)).collect();
    let kwn = a.kwnames;
    vm.roots.push(cls);
    let r = crate::types::usertype::init_subclass(vm, cls, kwn, &kw);
    let cls = vm.roots.pop().unwrap_or(cls);
    r?;
    Ok(cls)
}

fn type_init(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(g().none)
}

fn type_mro(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items: Vec<Value> = mro(a.get(0)).iter().map(|s| s.get()).collect();
    vm.new_list(&items)
}

fn type_subclasses(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = t(a.get(0)).subclasses.get();
    let items = if s.is_ptr() {
        crate::types::list::list_items(s)
    } else {
        Vec::new()
    };
    vm.new_list(&items)
}

fn type_instancecheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_n(vm, a, 2, "__instancecheck__")?;
    let r = isinstance(a.get(1), a.get(0));
    Ok(vm.bool_val(r))
}

fn type_subclasscheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    check_n(vm, a, 2, "__subclasscheck__")?;
    let c = a.get(1);
    if !is_type(c) {
        return Err(vm.raise_msg(ExcKind::TypeError, "issubclass() arg 1 must be a class"));
    }
    let r = is_subtype(c, a.get(0));
    Ok(vm.bool_val(r))
}

fn type_get_name(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(t(v).name.get())
}

fn type_set_name(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if !(n.is_ptr() && kind_of(n) == Kind::Str) {
        return Err(vm.raise_msg(ExcKind::TypeError, "can only assign string to __name__"));
    }
    t(v).name.set(n);
    Ok(())
}

fn type_get_qualname(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(t(v).qualname.get())
}

fn type_set_qualname(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    if !(n.is_ptr() && kind_of(n) == Kind::Str) {
        return Err(vm.raise_msg(ExcKind::TypeError, "can only assign string to __qualname__"));
    }
    t(v).qualname.set(n);
    Ok(())
}

fn type_get_mro(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(t(v).mro.get())
}

fn type_get_bases(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(t(v).bases.get())
}

fn type_get_base(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    let b = t(v).bases.get();
    Ok(tuple_slots(b).first().map(|s| s.get()).unwrap_or(g().none))
}

fn type_get_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = t(v).dict.get();
    crate::types::dict::new_mappingproxy(vm, d)
}

fn type_get_module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if type_flags(v) & TF_HEAPTYPE != 0 {
        if let Some(m) = vm.type_dict_get(v, "__module__") {
            return Ok(m);
        }
    }
    let s = type_module(v);
    vm.new_str(&s)
}

fn type_set_module(vm: &mut Vm, v: Value, m: Value) -> PyResult<()> {
    vm.type_set_attr(v, g().names.__module__, m)
}

fn type_get_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match vm.type_dict_get(v, "__doc__") {
        Some(d) => Ok(d),
        None if type_flags(v) & TF_HEAPTYPE == 0 => {
            let s = format!("Built-in type {}.", type_name(v));
            vm.new_str(&s)
        }
        None => Ok(g().none),
    }
}

fn type_set_doc(vm: &mut Vm, v: Value, d: Value) -> PyResult<()> {
    if d.is_null() {
        let msg = format!(
            "cannot delete '__doc__' attribute of immutable type '{}'",
            type_name(v)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    vm.type_set_attr(v, g().names.__doc__, d)
}

fn type_get_abstract(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match vm.type_dict_get(v, "__abstractmethods__") {
        Some(x) if type_flags(v) & TF_HEAPTYPE != 0 => Ok(x),
        _ => Err(vm.raise_msg(ExcKind::AttributeError, "__abstractmethods__")),
    }
}

fn type_set_abstract(vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
    let nm = g().names.__abstractmethods__;
    let d = t(v).dict.get();
    if x.is_null() {
        vm.dict_del(d, nm)?;
    } else {
        vm.dict_set(d, nm, x)?;
    }
    let abstract_ = !x.is_null() && vm.truthy(x)?;
    let f = t(v).type_flags.load(Ordering::Relaxed);
    let f = if abstract_ {
        f | TF_ABSTRACT
    } else {
        f & !TF_ABSTRACT
    };
    t(v).type_flags.store(f, Ordering::Relaxed);
    vm.type_modified(v);
    Ok(())
}

fn type_prepare(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_dict()
}

fn type_or(vm: &mut Vm, a: Value, b: Value, op: crate::spec::BinOp) -> PyResult<Value> {
    if op != crate::spec::BinOp::Or {
        return Ok(g().not_implemented);
    }
    let ok = |v: Value| is_type(v) || v == g().none;
    if !ok(a) || !ok(b) {
        return Ok(g().not_implemented);
    }
    vm.new_tuple(&[a, b])
}

pub static TYPE_OPS: TypeOps = TypeOps {
    repr: Some(type_repr_slot),
    call: Some(crate::types::usertype::type_call),
    new: Some(type_new_native),
    init: Some(type_init),
    binop: Some(type_or),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let o = ty(T::Object);
    vm.install_slots(o, &OBJECT_OPS)?;
    vm.def_methods(
        o,
        &[
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__format__", object_format),
            ("__dir__", object_dir),
            ("__reduce_ex__", object_reduce_ex),
            ("__reduce__", object_reduce_ex),
            ("__sizeof__", object_sizeof),
        ],
    )?;
    vm.def_classmethods(o, &[("__init_subclass__", object_init_subclass)])?;
    vm.def_getset(o, "__class__", object_class, Some(object_set_class))?;
    let ty_ = ty(T::Type);
    vm.install_slots(ty_, &TYPE_OPS)?;
    vm.def_methods(
        ty_,
        &[
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
        ],
    )?;
    vm.def_classmethods(ty_, &[("__prepare__", type_prepare)])?;
    vm.def_getset(ty_, "__name__", type_get_name, Some(type_set_name))?;
    vm.def_getset(
        ty_,
        "__qualname__",
        type_get_qualname,
        Some(type_set_qualname),
    )?;
    vm.def_getset(ty_, "__module__", type_get_module, Some(type_set_module))?;
    vm.def_getset(
        ty_,
        "__abstractmethods__",
        type_get_abstract,
        Some(type_set_abstract),
    )?;
    use crate::types::bases::{type_set_bases, type_set_readonly};
    vm.def_getset(ty_, "__mro__", type_get_mro, Some(type_set_readonly))?;
    vm.def_getset(ty_, "__base__", type_get_base, Some(type_set_readonly))?;
    vm.def_getset(ty_, "__bases__", type_get_bases, Some(type_set_bases))?;
    vm.def_getset(ty_, "__doc__", type_get_doc, Some(type_set_doc))?;
    vm.def_getters(ty_, &[("__dict__", type_get_dict)])?;
    // Instances with a __dict__ expose it through a getset on `object` subclasses.
    let _ = (object_dict, object_set_dict);
    Ok(())
}

/// The `__dict__` getset that user classes with instance dicts get.
pub fn def_instance_dict(vm: &mut Vm, typ: Value) -> PyResult<()> {
    vm.def_getset(typ, "__dict__", object_dict, Some(object_set_dict))
}
