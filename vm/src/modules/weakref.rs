//! `_weakref`: weak references (`weakref.ref`), and the queue of callbacks and
//! finalizers that collections produce.
//!
//! A weak reference is a record (`REC_WEAKREF`) whose slot 0, the referent, the object
//! model reports to the collector as a *weak* slot: the collector points it at the
//! referent's new address, or clears it when the referent died, and reports the
//! weakref (`Heap::collect_with`). Instances of classes with `__del__` are registered
//! with the heap when they are made; a collection that finds one unreachable keeps it
//! (and what it reaches) alive once and reports it. `Vm::collect_now` puts both reports
//! on the collecting thread's `gc_pending` queue (a root) and, once the world has
//! resumed, `run_pending` calls each cleared weakref's callback with the weakref, then
//! each object's `__del__`; an exception is printed as CPython's "Exception ignored
//! in: ..." and dropped. Because a finalized object survives its collection, weakrefs
//! to it are cleared by the next one: `__del__` runs before the weakref callbacks, as in
//! CPython when reference counting frees an object.
//!
//! What must hold: a callback runs at most once (its slot is set to None first); a
//! finalizer runs at most once (the heap forgets an object when it reports it); the
//! queue is run with no object lock held and outside any pause.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::record::REC_WEAKREF;
use crate::types::slots::TypeOps;
use crate::types::typeobj::{is_type, type_flags, type_name, type_of, TF_HEAPTYPE};
use crate::value::Value;

fn rec<'a>(v: Value) -> &'a RecordObj {
    // SAFETY: callers pass weakref records (checked by `is_weakref`).
    unsafe { obj::<RecordObj>(v) }
}

pub fn is_weakref(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Record && header(v).rec_kind == REC_WEAKREF
}

/// The referent, or None once it died.
pub fn referent(v: Value) -> Value {
    let r = rec(v).s[0].get();
    if r.is_null() {
        g().none
    } else {
        r
    }
}

/// Can `o` be weakly referenced? As in CPython: instances of user classes (also of
/// subclasses of list, dict, ...), functions, types, sets, methods, generators, modules.
fn weakly_referenceable(o: Value) -> bool {
    if !o.is_ptr() {
        return false;
    }
    if type_flags(type_of(o)) & TF_HEAPTYPE != 0 {
        return true;
    }
    matches!(
        kind_of(o),
        Kind::Instance
            | Kind::Function
            | Kind::Type
            | Kind::Set
            | Kind::BoundMethod
            | Kind::Generator
            | Kind::Module
            | Kind::Code
    ) || is_weakref(o)
}

fn ref_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "ref() takes no keyword arguments"));
    }
    let (cls, n) = (a.get(0), a.len() - 1);
    if !(1..=2).contains(&n) {
        let msg = format!("__new__ expected at most 2 arguments, got {n}");
        let msg = if n == 0 {
            "__new__ expected at least 1 argument, got 0".to_string()
        } else {
            msg
        };
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let o = a.get(1);
    let cb = a.opt(2).unwrap_or(g().none);
    if !weakly_referenceable(o) {
        let msg = format!(
            "cannot create weak reference to '{}' object",
            type_name(type_of(o))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let cls = if is_type(cls) { cls } else { ty(T::WeakRef) };
    let n = Value::NULL;
    vm.new_record(cls, REC_WEAKREF, [o, cb, n, n], 0, 0)
}

fn this(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let w = a.opt(0).unwrap_or(Value::NULL);
    if !is_weakref(w) {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "descriptor requires a 'weakref.ReferenceType' object",
        ));
    }
    Ok(w)
}

fn ref_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let w = this(vm, a)?;
    if a.len() != 1 || a.nkw() != 0 {
        let msg = format!(
            "weakref() takes no arguments ({} given)",
            a.len() - 1 + a.nkw()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(referent(w))
}

fn ref_callback(vm: &mut Vm, w: Value) -> PyResult<Value> {
    if !is_weakref(w) {
        return Err(vm.raise_msg(ExcKind::TypeError, "expected a weakref"));
    }
    let cb = rec(w).s[1].get();
    Ok(if cb.is_null() { g().none } else { cb })
}

fn ref_hash(vm: &mut Vm, w: Value) -> PyResult<i64> {
    let cached = rec(w).s[2].get();
    if !cached.is_null() {
        return crate::types::int::int_to_i64(cached)
            .ok_or_else(|| vm.raise_msg(ExcKind::SystemError, "bad weakref hash"));
    }
    let o = rec(w).s[0].get();
    if o.is_null() {
        return Err(vm.raise_msg(ExcKind::TypeError, "weak object has gone away"));
    }
    let h = vm.hash(o)?;
    let hv = vm.new_int(h)?;
    rec(w).s[2].set(hv);
    Ok(h)
}

fn ref_richcmp(vm: &mut Vm, x: Value, y: Value, op: crate::spec::CmpOp) -> PyResult<Value> {
    use crate::spec::CmpOp;
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || !is_weakref(y) {
        return Ok(g().not_implemented);
    }
    let (a, b) = (rec(x).s[0].get(), rec(y).s[0].get());
    let eq = if a.is_null() || b.is_null() {
        x == y
    } else {
        vm.eq_bool(a, b)?
    };
    Ok(vm.bool_val(if matches!(op, CmpOp::Eq) { eq } else { !eq }))
}

fn ref_repr(vm: &mut Vm, w: Value) -> PyResult<Value> {
    let id = crate::types::object::object_id(w);
    let o = rec(w).s[0].get();
    let s = if o.is_null() {
        format!("<weakref at {id:#x}; dead>")
    } else {
        format!(
            "<weakref at {id:#x}; to '{}' at {:#x}>",
            type_name(type_of(o)),
            crate::types::object::object_id(o)
        )
    };
    vm.new_str(&s)
}

static REF_OPS: TypeOps = TypeOps {
    repr: Some(ref_repr),
    hash: Some(ref_hash),
    richcmp: Some(ref_richcmp),
    call: Some(ref_call),
    new: Some(ref_new),
    ..TypeOps::EMPTY
};

/// All weakrefs to `o` that the caller can find (hotpy keeps no back-list: only the
/// count of live weakrefs is unknown, so `getweakrefcount` answers 0 or 1 by asking
/// nothing; see the module comment of weakref.py).
fn getweakrefcount(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_int(0)
}

/// Creates the module object.
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let rt = ty(T::WeakRef);
    vm.install_slots(rt, &REF_OPS)?;
    vm.def_getters(rt, &[("__callback__", ref_callback)])?;
    let m = vm.new_module_named("_weakref")?;
    let d = vm.dict_of(m);
    vm.def_module_fns(d, &[("getweakrefcount", getweakrefcount)])?;
    for (name, v) in [("ref", rt), ("ReferenceType", rt)] {
        let k = vm.intern(name)?;
        vm.dict_set(d, k, v)?;
    }
    Ok(m)
}

impl Vm {
    /// Runs the callbacks of the weakrefs the last collections cleared and the
    /// finalizers of the objects they found unreachable (see the module comment).
    pub fn run_gc_pending(&mut self) {
        if self.gc_pending.is_empty() || self.gc_running_pending {
            return;
        }
        self.gc_running_pending = true;
        let saved_exc = self.exc;
        self.exc = Value::NULL;
        while let Some((v, is_finalizer)) = self.gc_pending.pop_front() {
            let mark = self.roots.len();
            self.roots.push(v);
            if is_finalizer {
                self.finalizers_run += 1;
                let typ = type_of(v);
                let del = self.lookup(typ, g().names.__del__);
                if del.is_ptr() {
                    let r = self.descr_get(del, v, typ).and_then(|f| self.call(f, &[]));
                    if r.is_err() {
                        let del = self.lookup(typ, g().names.__del__);
                        self.report_ignored(del);
                    }
                }
            } else {
                let cb = rec(v).s[1].get();
                rec(v).s[1].set(g().none);
                if cb.is_ptr() && cb != g().none && self.call(cb, &[v]).is_err() {
                    self.report_ignored(cb);
                }
            }
            self.unroot_to(mark);
        }
        self.exc = saved_exc;
        self.gc_running_pending = false;
    }

    /// CPython's report of an exception raised where nobody can catch it.
    fn report_ignored(&mut self, what: Value) {
        let e = self.exc;
        self.exc = Value::NULL;
        if e.is_null() {
            return;
        }
        let mark = self.roots.len();
        let re = self.root(e);
        let desc = self
            .repr_string(what)
            .unwrap_or_else(|_| "<object>".to_string());
        self.exc = Value::NULL;
        let e = self.rooted(re);
        self.unroot_to(mark);
        let text = self.format_exception(e);
        self.write_stderr(&format!("Exception ignored in: {desc}\n{text}"));
    }
}
