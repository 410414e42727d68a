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
//! `weakref/table.rs` keeps, per object, the list of its weakrefs (`getweakrefcount`,
//! `getweakrefs`, the reuse of a callback-less `ref`, CPython's callback order). An
//! instance of a Python subclass of `ref` is still a weakref record, with a dict for
//! its attributes in slot 3. Files `open()` made are registered for finalization too:
//! the queue closes them instead of calling `__del__`.
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
use crate::types::typeobj::{
    is_subtype, is_type, tp_name, type_flags, type_name, type_of, TF_HEAPTYPE,
};
use crate::value::Value;

mod table;
pub use table::lock_for_collection;

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
/// subclasses of list, dict, `ref`...), functions, types, sets, methods, generators,
/// modules, code, `_thread.lock`; not `ref` itself.
fn weakly_referenceable(o: Value) -> bool {
    if !o.is_ptr() {
        return false;
    }
    if type_flags(type_of(o)) & TF_HEAPTYPE != 0 {
        return true;
    }
    // `_thread.lock` is a record underneath; CPython's locks take weak references
    // (per-key locks kept in a `WeakValueDictionary`).
    if type_of(o) == crate::runtime::ty(crate::runtime::T::Lock) {
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
    )
}

fn ref_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "ref() takes no keyword arguments"));
    }
    let (cls, n) = (a.get(0), a.len() - 1);
    unpack_check(vm, "__new__", n)?;
    let o = a.get(1);
    let cb = match a.opt(2) {
        Some(cb) if cb != g().none => cb,
        _ => g().none,
    };
    if !weakly_referenceable(o) {
        let msg = format!(
            "cannot create weak reference to '{}' object",
            tp_name(type_of(o))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let cls = if is_type(cls) && is_subtype(cls, ty(T::WeakRef)) {
        cls
    } else {
        ty(T::WeakRef)
    };
    // Instances of Python subclasses keep their attributes (`__dict__` or `__slots__`)
    // in a dict in slot 3.
    let d = if type_flags(cls) & TF_HEAPTYPE != 0 {
        vm.new_dict()?
    } else {
        Value::NULL
    };
    let w = vm.new_record(cls, REC_WEAKREF, [o, cb, Value::NULL, d], 0, 0)?;
    Ok(table::insert_or_reuse(o, w))
}

/// CPython's `PyArg_UnpackTuple(args, name, 1, 2)` messages.
fn unpack_check(vm: &mut Vm, name: &str, n: usize) -> PyResult<()> {
    let msg = match n {
        0 => format!("{name} expected at least 1 argument, got 0"),
        1 | 2 => return Ok(()),
        _ => format!("{name} expected at most 2 arguments, got {n}"),
    };
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

/// `ref.__init__(self, ob, callback=None)`: checks the arguments only, as CPython.
fn ref_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "ref() takes no keyword arguments"));
    }
    unpack_check(vm, "__init__", a.len().saturating_sub(1))?;
    Ok(g().none)
}

/// The attribute dict of an instance of a Python subclass of `ref` (NULL otherwise):
/// its `__dict__` and the storage of its `__slots__` members.
pub fn subclass_storage(v: Value) -> Value {
    if is_weakref(v) {
        rec(v).s[3].get()
    } else {
        Value::NULL
    }
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
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "weakref() takes no keyword arguments"));
    }
    if a.len() != 1 {
        let msg = format!("weakref expected 0 arguments, got {}", a.len() - 1);
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
    init: Some(ref_init),
    ..TypeOps::EMPTY
};

fn getweakrefcount(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, "_weakref.getweakrefcount")?;
    let n = table::refs_to(a.get(0)).len();
    vm.new_int(n as i64)
}

fn getweakrefs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, "_weakref.getweakrefs")?;
    // No safepoint between reading the table and making the list: the addresses stay
    // valid.
    let refs = table::refs_to(a.get(0));
    vm.new_list(&refs)
}

/// Creates the module object.
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let rt = ty(T::WeakRef);
    vm.install_slots(rt, &REF_OPS)?;
    vm.def_getters(rt, &[("__callback__", ref_callback)])?;
    let m = vm.new_module_named("_weakref")?;
    let d = vm.dict_of(m);
    vm.def_module_fns(
        d,
        &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
        ],
    )?;
    for (name, v) in [("ref", rt), ("ReferenceType", rt)] {
        let k = vm.intern(name)?;
        vm.dict_set(d, k, v)?;
    }
    Ok(m)
}

impl Vm {
    /// Queues what a collection reported (world still stopped): `dead`, the weakrefs
    /// whose referents died in the order of the back-list (`table::Table::sweep`),
    /// then any other weakref the collector cleared (`cleared`, normally all in `dead`
    /// already; roots report 0), then the objects to finalize.
    pub fn queue_gc_reports(
        &mut self,
        dead: Vec<Value>,
        cleared: Vec<Value>,
        finalize: Vec<Value>,
    ) {
        let cleared: Vec<Value> = cleared.into_iter().filter(|w| w.0 != 0).collect();
        let extra: Vec<Value> = if cleared.len() > dead.len() {
            let seen: std::collections::HashSet<usize> = dead.iter().map(|v| v.0).collect();
            cleared
                .into_iter()
                .filter(|w| !seen.contains(&w.0))
                .collect()
        } else {
            Vec::new()
        };
        self.gc_pending
            .extend(dead.into_iter().chain(extra).map(|w| (w, false)));
        self.gc_pending
            .extend(finalize.into_iter().map(|o| (o, true)));
    }

    /// Runs the callbacks of the weakrefs the last collections cleared and the
    /// finalizers of the objects they found unreachable (see the module comment).
    pub fn run_gc_pending(&mut self) {
        if self.gc_pending.is_empty() || self.gc_running_pending {
            return;
        }
        self.gc_running_pending = true;
        // The exception being handled, if any, waits in a root (a collection may move
        // it while the callbacks run).
        let saved_at = self.root(self.exc);
        self.exc = Value::NULL;
        while let Some((v, is_finalizer)) = self.gc_pending.pop_front() {
            let mark = self.root(v);
            self.finalizers_run += 1;
            if is_finalizer && crate::types::io::is_file(v) {
                // A file that became garbage: release its OS stream.
                crate::types::io::close_collected(v);
            } else if is_finalizer {
                let typ = type_of(v);
                let del = self.lookup(typ, g().names.__del__);
                if del.is_ptr() {
                    let r = self.descr_get(del, v, typ).and_then(|f| self.call(f, &[]));
                    if r.is_err() {
                        let typ = type_of(self.rooted(mark));
                        let del = self.lookup(typ, g().names.__del__);
                        self.report_ignored(del);
                    }
                }
            } else {
                let cb = rec(v).s[1].get();
                rec(v).s[1].set(g().none);
                if cb.is_ptr() && cb != g().none {
                    let at = self.root(cb);
                    if self.call(cb, &[v]).is_err() {
                        let cb = self.rooted(at);
                        self.report_ignored(cb);
                    }
                }
            }
            self.unroot_to(mark);
        }
        self.exc = self.rooted(saved_at);
        self.unroot_to(saved_at);
        self.gc_running_pending = false;
    }

    /// CPython's report of an exception raised where nobody can catch it.
    pub(crate) fn report_ignored(&mut self, what: Value) {
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
