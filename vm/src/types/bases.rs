//! `C.__bases__ = (...)`: CPython's `type_set_bases`, and the read-only attributes of
//! `type` (`__mro__`, `__base__`).
//!
//! How it works: the new bases are checked as CPython checks them (a non-empty tuple of
//! classes, no inheritance cycle, a best base whose instance layout matches the old
//! one's, so the instances that exist keep a layout their new MRO agrees with). Then the
//! bases are replaced and the MRO of the class and of every subclass below it is computed
//! again (C3); a failure there puts every MRO and the bases back. The class leaves the
//! subclass lists of its old bases for those of the new ones, and finally gets a new
//! version tag, as do its subclasses (`type_modified`), so that every cache and trace
//! keyed on the old MRO misses.
//!
//! What must hold: no Python code runs between the first store and the version bump, so
//! no reader can see a new MRO under an old version tag and keep using it.

use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{ty, ExcKind, T};
use crate::types::typeobj::*;
use crate::value::Value;

/// The setter of `__mro__` and `__base__`: CPython's read-only members.
pub fn type_set_readonly(vm: &mut Vm, _cls: Value, _v: Value) -> PyResult<()> {
    Err(vm.raise_msg(ExcKind::AttributeError, "readonly attribute"))
}

/// The base that fixes the layout of a class with bases `bases` (CPython's
/// `best_base`), or the TypeError CPython raises.
fn best_base(vm: &mut Vm, bases: &[Value]) -> PyResult<Value> {
    let mut winner = ty(T::Object);
    let mut base = Value::NULL;
    for &b in bases {
        if type_flags(b) & TF_BASETYPE == 0 {
            let msg = format!("type '{}' is not an acceptable base type", tp_name(b));
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        let sb = crate::types::usertype::solid_base(b);
        if base.is_null() || (is_subtype(sb, winner) && sb != winner) {
            winner = sb;
            base = b;
        } else if !is_subtype(winner, sb) {
            return Err(vm.raise_msg(
                ExcKind::TypeError,
                "multiple bases have instance lay-out conflict",
            ));
        }
    }
    Ok(base)
}

/// `cls.__bases__ = nb`.
pub fn type_set_bases(vm: &mut Vm, cls: Value, nb: Value) -> PyResult<()> {
    let name = type_name(cls);
    if nb.is_null() {
        let msg = format!("cannot delete '__bases__' attribute of immutable type '{name}'");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if !(nb.is_ptr() && kind_of(nb) == Kind::Tuple) {
        let msg = format!(
            "can only assign tuple to {name}.__bases__, not {}",
            type_name(type_of(nb))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let new: Vec<Value> = tuple_slots(nb).iter().map(|s| s.get()).collect();
    if new.is_empty() {
        let msg = format!("can only assign non-empty tuple to {name}.__bases__, not ()");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    for &b in &new {
        if !is_type(b) {
            let msg = format!(
                "{name}.__bases__ must be tuple of classes, not '{}'",
                type_name(type_of(b))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        if is_subtype(b, cls) {
            return Err(vm.raise_msg(
                ExcKind::TypeError,
                "a __bases__ item causes an inheritance cycle",
            ));
        }
    }
    for (i, b) in new.iter().enumerate() {
        if new[..i].contains(b) {
            let msg = format!("duplicate base class {}", type_name(*b));
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    let new_base = best_base(vm, &new)?;
    let old_bases = t(cls).bases.get();
    let old: Vec<Value> = tuple_slots(old_bases).iter().map(|s| s.get()).collect();
    let old_base = best_base(vm, &old)?;
    let object = ty(T::Object);
    if (old_base == object) != (new_base == object) {
        let msg = format!(
            "__bases__ assignment: '{}' deallocator differs from '{}'",
            type_name(new_base),
            type_name(old_base)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if !crate::types::object::same_layout(vm, old_base, new_base) {
        let msg = format!(
            "__bases__ assignment: '{}' object layout differs from '{}'",
            type_name(new_base),
            type_name(old_base)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    t(cls).bases.set(nb);
    let mut undo: Vec<(Value, Value)> = Vec::new();
    if let Err(e) = remro(vm, cls, &mut undo) {
        for (c, m) in undo.into_iter().rev() {
            t(c).mro.set(m);
        }
        t(cls).bases.set(old_bases);
        return Err(e);
    }
    for &b in &old {
        let subs = t(b).subclasses.get();
        if subs.is_ptr() {
            let keep: Vec<Value> = crate::types::list::list_items(subs)
                .into_iter()
                .filter(|s| *s != cls)
                .collect();
            vm.list_replace(subs, &keep)?;
        }
    }
    for &b in &new {
        let subs = t(b).subclasses.get();
        let subs = if subs.is_null() {
            let l = vm.new_list(&[])?;
            t(b).subclasses.set(l);
            l
        } else {
            subs
        };
        vm.list_append(subs, cls)?;
    }
    vm.type_modified(cls);
    crate::types::usertype::update_flags(vm, cls);
    Ok(())
}

/// Recomputes the MRO of `cls` and of its subclasses, recording the old ones in `undo`.
fn remro(vm: &mut Vm, cls: Value, undo: &mut Vec<(Value, Value)>) -> PyResult<()> {
    let bases: Vec<Value> = tuple_slots(t(cls).bases.get())
        .iter()
        .map(|s| s.get())
        .collect();
    let m = crate::types::usertype::c3(vm, cls, &bases)?;
    let mt = vm.new_tuple(&m)?;
    undo.push((cls, t(cls).mro.get()));
    t(cls).mro.set(mt);
    let subs = t(cls).subclasses.get();
    if subs.is_ptr() {
        for s in crate::types::list::list_items(subs) {
            if s.is_ptr() && s != cls {
                remro(vm, s, undo)?;
            }
        }
    }
    Ok(())
}
