//! `threading.local`: attributes that each thread sees for itself, read without locks.
//!
//! The class is written in Python (`vm/lib/threading.py`) with two hidden slots and is
//! then handed to `_thread._local_install`, which gives it native `__getattribute__`,
//! `__setattr__` and `__delattr__` and removes the slots' descriptors from its dict:
//! - slot 0 (`table`) is a dict from thread ident (an int) to that thread's attribute
//!   dict;
//! - slot 1 (`args`) is the tuple `(args, kwargs)` given to the constructor, with which a
//!   subclass's `__init__` runs again in every other thread on its first access.
//!
//! An attribute access finds the calling thread's dict (through a one-entry cache in
//! the `Vm`, else the table), then runs the generic attribute protocol with that dict in
//! place of an instance dict (`Vm::getattr_in`, `Vm::setattr_in`). The attribute machinery
//! recognises the hooks by their native function (`is_hook`) and calls them directly,
//! so an access allocates nothing. A thread records each local it touched and removes
//! its entry from their tables when it ends.
//!
//! What must hold: only the owning thread reads or writes its own attribute dict, so the
//! dict needs no more than the usual object locks; the table is a shared dict whose writes
//! are locked like any dict's. The cache and the list of touched locals are roots of
//! the `Vm`, so they follow moves. Known limit: a local stays alive while a thread that
//! touched it is alive (the touched list holds it strongly; weak references come with
//! the collector issue).

use crate::interp::call::Args;
use crate::interp::call::NativeFn;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::typeobj::{is_type, t, type_name, type_of};
use crate::value::Value;

/// Slot of the per-thread table and of the constructor arguments.
const TABLE: usize = 0;
const ARGS: usize = 1;
const HIDDEN: [&str; 2] = ["_local__table", "_local__args"];

fn native_fn(f: Value) -> usize {
    // SAFETY: callers check the kind first.
    unsafe { obj::<NativeObj>(f) }.fptr
}

/// Is `f` one of the local class's attribute hooks?
#[inline]
pub fn is_hook(f: Value) -> bool {
    if !f.is_ptr() || kind_of(f) != Kind::Native {
        return false;
    }
    let p = native_fn(f);
    let hooks: [NativeFn; 3] = [local_getattribute, local_setattr, local_delattr];
    hooks.iter().any(|&h| h as usize == p)
}

fn slots_ok(o: Value) -> bool {
    o.is_ptr() && kind_of(o) == Kind::Instance && instance_slots(o).len() > ARGS
}

fn bad_self(vm: &mut Vm, o: Value) -> crate::interp::state::Raised {
    let msg = format!(
        "descriptor requires a '_thread._local' object but received a '{}'",
        type_name(type_of(o))
    );
    vm.raise_msg(ExcKind::TypeError, &msg)
}

/// The calling thread's attribute dict of local `o`, made on first use (running the
/// class's `__init__` with the constructor's arguments when it has one).
fn thread_dict(vm: &mut Vm, o: Value) -> PyResult<Value> {
    if vm.local_cache.0 == o {
        return Ok(vm.local_cache.1);
    }
    if !slots_ok(o) {
        return Err(bad_self(vm, o));
    }
    let table = instance_slots(o)[TABLE].get();
    if !table.is_ptr() || kind_of(table) != Kind::Dict {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "_thread._local object is not initialized",
        ));
    }
    let key = vm.new_int(vm.ident as i64)?;
    if let Some(d) = vm.dict_get(table, key)? {
        vm.local_cache = (o, d);
        return Ok(d);
    }
    let d = vm.new_dict()?;
    vm.dict_set(table, key, d)?;
    vm.thread_locals.push(o);
    vm.local_cache = (o, d);
    let typ = type_of(o);
    let init = vm.lookup(typ, g().names.__init__);
    let object_init = crate::types::typeobj::lookup_uncached(ty(T::Object), g().names.__init__);
    if init.is_ptr() && init != object_init {
        let saved = instance_slots(o)[ARGS].get();
        let bound = vm.descr_get(init, o, typ)?;
        let mut vals = Vec::new();
        let mut names = Vec::new();
        if saved.is_ptr() && kind_of(saved) == Kind::Tuple {
            let parts = tuple_slots(saved);
            if parts.len() == 2 {
                vals.extend(tuple_slots(parts[0].get()).iter().map(|s| s.get()));
                let kw = parts[1].get();
                if kw.is_ptr() && kind_of(kw) == Kind::Dict {
                    for (k, v) in vm.dict_items_vec(kw) {
                        names.push(k);
                        vals.push(v);
                    }
                }
            }
        }
        let kwnames = if names.is_empty() {
            Value::NULL
        } else {
            vm.new_tuple(&names)?
        };
        // `__init__` runs Python code, so the collector may move the local and the new
        // dict meanwhile: both are rooted and read back afterwards.
        let mark = vm.roots.len();
        let (ro, rd) = (vm.root(o), vm.root(d));
        let r = vm.call_kw(bound, &vals, kwnames);
        let (o, d) = (vm.rooted(ro), vm.rooted(rd));
        vm.unroot_to(mark);
        if let Err(e) = r {
            // As in CPython, a failed `__init__` leaves this thread without a dict, so
            // its next access runs `__init__` again. The pending exception stays set.
            forget_thread_dict(vm, o);
            return Err(e);
        }
        return Ok(d);
    }
    Ok(d)
}

/// Drops the calling thread's dict of local `o` (after its `__init__` failed).
fn forget_thread_dict(vm: &mut Vm, o: Value) {
    if vm.local_cache.0 == o {
        vm.local_cache = (Value::NULL, Value::NULL);
    }
    if let Some(i) = vm.thread_locals.iter().rposition(|&x| x == o) {
        vm.thread_locals.remove(i);
    }
    let table = instance_slots(o)[TABLE].get();
    if table.is_ptr() && kind_of(table) == Kind::Dict {
        // Removing an int key runs no Python code; the exception being raised is kept.
        let saved = vm.exc;
        if let Ok(key) = vm.new_int(vm.ident as i64) {
            let _ = vm.dict_del(table, key);
        }
        vm.exc = saved;
    }
}

fn name_arg(vm: &mut Vm, name: Value) -> PyResult<Value> {
    if !crate::types::str::is_str(name) {
        let msg = format!(
            "attribute name must be string, not '{}'",
            type_name(type_of(name))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    vm.attr_name_arg(name)
}

fn is_hidden(name: Value) -> bool {
    HIDDEN.contains(&str_val(name))
}

/// `local.__getattribute__`: `Ok(None)` when the attribute is missing.
pub fn getattr(vm: &mut Vm, o: Value, name: Value, typ: Value) -> PyResult<Option<Value>> {
    let name = name_arg(vm, name)?;
    let d = thread_dict(vm, o)?;
    if name == g().names.__dict__ {
        return Ok(Some(d));
    }
    if is_hidden(name) {
        return Ok(None);
    }
    vm.getattr_in(o, name, typ, d)
}

/// `local.__setattr__` (`v` NULL: `__delattr__`).
pub fn setattr(vm: &mut Vm, o: Value, name: Value, v: Value) -> PyResult<()> {
    let name = name_arg(vm, name)?;
    if name == g().names.__dict__ {
        let msg = format!(
            "'{}' object attribute '__dict__' is read-only",
            crate::types::typeobj::tp_name(type_of(o))
        );
        return Err(vm.raise_msg(ExcKind::AttributeError, &msg));
    }
    let d = thread_dict(vm, o)?;
    if is_hidden(name) {
        return Err(vm.attribute_error(o, name));
    }
    vm.setattr_in(o, name, v, d)
}

fn local_getattribute(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 2 {
        let msg = format!("expected 1 argument, got {}", a.len().saturating_sub(1));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let (o, name) = (a.get(0), a.get(1));
    match getattr(vm, o, name, type_of(o))? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(o, name)),
    }
}

fn local_setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 3 {
        let msg = format!("expected 2 arguments, got {}", a.len().saturating_sub(1));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    setattr(vm, a.get(0), a.get(1), a.get(2))?;
    Ok(g().none)
}

fn local_delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 2 {
        let msg = format!("expected 1 argument, got {}", a.len().saturating_sub(1));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    setattr(vm, a.get(0), a.get(1), Value::NULL)?;
    Ok(g().none)
}

/// `_thread._local_install(cls)`: makes `cls` (a class with the two hidden slots) a
/// thread-local class.
pub fn install(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.opt(0).unwrap_or(Value::NULL);
    if !is_type(cls) || t(cls).dict.get().is_null() {
        return Err(vm.raise_msg(ExcKind::TypeError, "_local_install expects a class"));
    }
    for name in HIDDEN {
        let k = vm.intern(name)?;
        vm.type_setattr(cls, k, Value::NULL)?;
    }
    vm.def_methods(
        cls,
        &[
            ("__getattribute__", local_getattribute),
            ("__setattr__", local_setattr),
            ("__delattr__", local_delattr),
        ],
    )?;
    crate::types::usertype::update_flags(vm, cls);
    // Messages about the base class name it `_thread._local`, as CPython's do.
    t(cls).type_flags.fetch_or(
        crate::types::typeobj::TF_DOTTED_NAME,
        std::sync::atomic::Ordering::Relaxed,
    );
    Ok(g().none)
}

/// `_thread._local_setup(self, args, kwargs)`: fills a new local's slots and gives the
/// constructing thread its dict (its `__init__` runs from the constructor call itself).
pub fn setup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 3 {
        return Err(vm.raise_msg(ExcKind::TypeError, "_local_setup expects 3 arguments"));
    }
    let (o, args, kw) = (a.get(0), a.get(1), a.get(2));
    if !slots_ok(o) {
        return Err(bad_self(vm, o));
    }
    let pair = vm.new_tuple(&[args, kw])?;
    let table = vm.new_dict()?;
    let key = vm.new_int(vm.ident as i64)?;
    let d = vm.new_dict()?;
    vm.dict_set(table, key, d)?;
    instance_slots(o)[ARGS].set(pair);
    instance_slots(o)[TABLE].set(table);
    vm.thread_locals.push(o);
    vm.local_cache = (o, d);
    Ok(g().none)
}

/// At the end of a thread: removes its dicts from the tables of the locals it touched.
pub fn thread_exit(vm: &mut Vm) {
    let touched = std::mem::take(&mut vm.thread_locals);
    vm.local_cache = (Value::NULL, Value::NULL);
    let Ok(key) = vm.new_int(vm.ident as i64) else {
        return;
    };
    for o in touched {
        let table = instance_slots(o)[TABLE].get();
        if table.is_ptr() && kind_of(table) == Kind::Dict {
            let _ = vm.dict_del(table, key);
        }
    }
    vm.exc = Value::NULL;
}
