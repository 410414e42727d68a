//! Classes: `type(name, bases, ns)`, `__build_class__`, instantiation and `super`.
//!
//! A class statement runs its body as a function whose frame has `locals` = the
//! namespace from `__prepare__`, then calls the metaclass. `type.__new__` computes the
//! C3 MRO, finds the solid base (whose instance layout the class inherits), turns
//! `__slots__` into member descriptors, wraps `__new__` as a static method and
//! `__init_subclass__`/`__class_getitem__` as class methods, fills the `__class__` cell
//! and calls `__set_name__` and the parent's `__init_subclass__`.
//!
//! What must hold: `mro[0]` is the class, the MRO is a C3 linearisation of the bases;
//! `TF_CUSTOM_GETATTR`/`TF_CUSTOM_SETATTR` are set exactly when the MRO overrides
//! `object`'s attribute hooks (the fast attribute paths rely on it).

use crate::interp::call::{kwlen, Args};
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, new_type_version, ty, ExcKind, T};
use crate::types::record::*;
use crate::types::typeobj::*;
use crate::value::Value;
use std::mem::size_of;
use std::sync::atomic::Ordering;

/// Calls a type object: `cls(*args, **kw)` with arguments on the stack.
pub fn call_type(
    vm: &mut Vm,
    cls: Value,
    argbase: usize,
    nargs: usize,
    kwnames: Value,
) -> PyResult<Value> {
    let total = nargs + kwlen(kwnames);
    // Fast path: a plain class (object.__new__) whose __init__ is a Python function.
    if type_of(cls) == ty(T::Type) && type_flags(cls) & TF_HEAPTYPE != 0 {
        let newf = vm.lookup(cls, g().names.__new__);
        let init = vm.lookup(cls, g().names.__init__);
        if newf == lookup_uncached(ty(T::Object), g().names.__new__)
            && init.is_ptr()
            && kind_of(init) == Kind::Function
        {
            let inst = object_new_inst(vm, cls)?;
            if !vm.stack_room(total + 3) {
                return Err(
                    vm.raise_msg(ExcKind::RecursionError, "maximum recursion depth exceeded")
                );
            }
            let start = vm.sp;
            vm.push(init);
            vm.push(inst);
            for i in 0..total {
                let v = vm.at(argbase + i);
                vm.push(v);
            }
            let r = vm.call_on_stack(start, nargs, kwnames)?;
            if r != g().none {
                let msg = format!(
                    "__init__() should return None, not '{}'",
                    type_name(type_of(r))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            return Ok(inst);
        }
    }
    let args: Vec<Value> = (0..total).map(|i| vm.at(argbase + i)).collect();
    call_type_vec(vm, cls, &args, kwnames)
}

/// `cls(*args)` where the last `len(kwnames)` of `args` are keyword values.
pub fn call_type_vec(vm: &mut Vm, cls: Value, args: &[Value], kwnames: Value) -> PyResult<Value> {
    let nkw = kwlen(kwnames);
    if cls == ty(T::Type) && args.len() == 1 && nkw == 0 {
        return Ok(type_of(args[0]));
    }
    let meta = type_of(cls);
    if meta != ty(T::Type) {
        // A metaclass may define __call__.
        let c = vm.lookup(meta, g().names.__call__);
        let tc = lookup_uncached(ty(T::Type), g().names.__call__);
        if !c.is_null() && c != tc {
            let f = vm.bind_descriptor(c, cls, meta)?;
            return vm.call_kw(f, args, kwnames);
        }
    }
    let newf = vm.lookup(cls, g().names.__new__);
    let obj_new = lookup_uncached(ty(T::Object), g().names.__new__);
    let init = vm.lookup(cls, g().names.__init__);
    let obj_init = lookup_uncached(ty(T::Object), g().names.__init__);
    let inst = if newf == obj_new {
        if !args.is_empty() && init == obj_init {
            let msg = format!("{}() takes no arguments", type_name(cls));
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        object_new_inst(vm, cls)?
    } else {
        let f = unwrap_static(newf);
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(cls);
        v.extend_from_slice(args);
        vm.call_kw(f, &v, kwnames)?
    };
    if !isinstance(inst, cls) {
        return Ok(inst);
    }
    let it = type_of(inst);
    let init = vm.lookup(it, g().names.__init__);
    if init.is_null() || init == obj_init {
        if newf == obj_new && !args.is_empty() {
            let msg = format!("{}() takes no arguments", type_name(cls));
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        return Ok(inst);
    }
    vm.roots.push(inst);
    let mut v = Vec::with_capacity(args.len() + 1);
    v.push(inst);
    v.extend_from_slice(args);
    let r = if init.is_ptr() && matches!(kind_of(init), Kind::Function | Kind::Native) {
        vm.call_kw(init, &v, kwnames)
    } else {
        let b = vm.bind_descriptor(init, inst, it)?;
        vm.call_kw(b, args, kwnames)
    };
    let inst = vm.roots.pop().unwrap_or(inst);
    let r = r?;
    if r != g().none {
        let msg = format!(
            "__init__() should return None, not '{}'",
            type_name(type_of(r))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(inst)
}

fn unwrap_static(f: Value) -> Value {
    if f.is_ptr() && kind_of(f) == Kind::Record && header(f).rec_kind == REC_STATICMETHOD {
        // SAFETY: kind checked.
        return unsafe { obj::<RecordObj>(f) }.s[0].get();
    }
    f
}

/// `object.__new__(cls)`: an empty instance with the layout of cls's solid base.
pub fn object_new_inst(vm: &mut Vm, cls: Value) -> PyResult<Value> {
    if type_flags(cls) & TF_ABSTRACT != 0 {
        return Err(abstract_error(vm, cls));
    }
    match Kind::from_u8(t(cls).inst_kind) {
        Kind::Instance => {
            let n = t(cls).nslots.load(Ordering::Relaxed);
            let has_dict = type_flags(cls) & TF_HAS_DICT != 0;
            vm.new_instance(cls, n, has_dict)
        }
        Kind::Empty => vm.alloc(Kind::Empty, cls, HEADER_SIZE),
        _ => {
            // A subclass of a built-in: the built-in's __new__ makes the object.
            let obj_t = ty(T::Object);
            let f = mro(cls)
                .iter()
                .map(|s| s.get())
                .filter(|b| *b != obj_t)
                .find_map(|b| crate::types::slots::own_ops(b).and_then(|o| o.new));
            match f {
                Some(f) => {
                    let start = vm.sp;
                    vm.push(cls);
                    let args = Args::on_stack(vm, start, 1, Value::NULL);
                    let r = f(vm, &args);
                    vm.sp = start;
                    r
                }
                None => {
                    let msg = format!("cannot create '{}' instances", type_name(cls));
                    Err(vm.raise_msg(ExcKind::TypeError, &msg))
                }
            }
        }
    }
}

fn abstract_error(vm: &mut Vm, cls: Value) -> crate::interp::state::Raised {
    let mut names = Vec::new();
    if let Some(a) = vm.type_dict_get(cls, "__abstractmethods__") {
        if let Ok(v) = vm.to_vec(a) {
            for x in v {
                if x.is_ptr() && kind_of(x) == Kind::Str {
                    names.push(str_val(x).to_string());
                }
            }
        }
    }
    names.sort();
    let quoted: Vec<String> = names.to_vec();
    let msg = format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        type_name(cls),
        if names.len() == 1 { "" } else { "s" },
        quoted.join(", ")
    );
    vm.raise_msg(ExcKind::TypeError, &msg)
}

/// C3 linearisation.
pub(crate) fn c3(vm: &mut Vm, cls: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases
        .iter()
        .map(|b| mro(*b).iter().map(|s| s.get()).collect())
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut cand = None;
        for s in &seqs {
            let c = s[0];
            if !seqs.iter().any(|o| o[1..].contains(&c)) {
                cand = Some(c);
                break;
            }
        }
        match cand {
            Some(c) => {
                out.push(c);
                for s in seqs.iter_mut() {
                    if s[0] == c {
                        s.remove(0);
                    }
                }
            }
            None => {
                let mut heads: Vec<Value> = Vec::new();
                for sq in &seqs {
                    if !heads.contains(&sq[0]) {
                        heads.push(sq[0]);
                    }
                }
                let names: Vec<&str> = heads.iter().map(|b| type_name(*b)).collect();
                let msg = format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        }
    }
}

/// The nearest base with a built-in layout other than plain `object`.
pub(crate) fn solid_base(typ: Value) -> Value {
    for (i, s) in mro(typ).iter().enumerate() {
        let b = s.get();
        if type_flags(b) & TF_HEAPTYPE == 0 {
            // A built-in type whose instances look like its base's (ValueError and
            // Exception, say) does not fix a layout of its own.
            let parent = mro(typ).get(i + 1).map(|p| p.get());
            match parent {
                Some(p) if type_flags(p) & TF_HEAPTYPE == 0 && t(p).inst_kind == t(b).inst_kind => {
                    continue
                }
                _ => return b,
            }
        }
        if t(b).nslots.load(Ordering::Relaxed) > 0 {
            return b;
        }
    }
    ty(T::Object)
}

/// `type.__new__(meta, name, bases, ns, **kw)`.
pub fn type_new(vm: &mut Vm, meta: Value, name: Value, bases: Value, ns: Value) -> PyResult<Value> {
    let mut bl: Vec<Value> = tuple_slots(bases).iter().map(|s| s.get()).collect();
    for b in &bl {
        if !is_type(*b) {
            let msg = format!("bases must be types, not {}", type_name(type_of(*b)));
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        if type_flags(*b) & TF_BASETYPE == 0 {
            let msg = format!("type '{}' is not an acceptable base type", tp_name(*b));
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    for (i, b) in bl.iter().enumerate() {
        if bl[..i].contains(b) {
            let msg = format!("duplicate base class {}", type_name(*b));
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    if bl.is_empty() {
        bl.push(ty(T::Object));
    }
    // Layout: all solid bases must be on one line.
    let mut solid = ty(T::Object);
    for b in &bl {
        let sb = solid_base(*b);
        if is_subtype(sb, solid) {
            solid = sb;
        } else if !is_subtype(solid, sb) {
            return Err(vm.raise_msg(
                ExcKind::TypeError,
                "multiple bases have instance lay-out conflict",
            ));
        }
    }
    let tv = vm.alloc(Kind::Type, meta, size_of::<TypeObj>())?;
    let base0 = bl[0];
    let inst_kind = t(solid).inst_kind;
    // SAFETY: fresh type object; raw fields written before publication.
    unsafe {
        let o = tv.0 as *mut TypeObj;
        (*o).inst_kind = inst_kind;
        (*o).native = 0;
    }
    let o = t(tv);
    let version = new_type_version();
    o.version.store(version, Ordering::Relaxed);
    o.unshadowed.store(version, Ordering::Relaxed);
    o.name.set(name);
    let bt = vm.new_tuple(&bl)?;
    o.bases.set(bt);
    let m = c3(vm, tv, &bl)?;
    let mt = vm.new_tuple(&m)?;
    t(tv).mro.set(mt);
    // Namespace -> dict.
    let dict = vm.new_dict()?;
    t(tv).dict.set(dict);
    let items = if kind_of(ns) == Kind::Dict {
        vm.dict_items_vec(ns)
    } else {
        let keys = vm.call_method(ns, "keys", &[])?;
        let keys = vm.to_vec(keys)?;
        let mut v = Vec::new();
        for k in keys {
            let x = vm.getitem(ns, k)?;
            v.push((k, x));
        }
        v
    };
    let mut qualname = name;
    let mut classcell = Value::NULL;
    let mut slots: Option<Value> = None;
    for (k, v) in items {
        let k = if k.is_ptr() && kind_of(k) == Kind::Str {
            vm.intern_value(k)?
        } else {
            k
        };
        let ks = if k.is_ptr() && kind_of(k) == Kind::Str {
            str_val(k)
        } else {
            ""
        };
        match ks {
            "__qualname__" => {
                if !(v.is_ptr() && kind_of(v) == Kind::Str) {
                    let msg = format!(
                        "type __qualname__ must be a str, not {}",
                        type_name(type_of(v))
                    );
                    return Err(vm.raise_msg(ExcKind::TypeError, &msg));
                }
                qualname = v;
                continue;
            }
            "__classcell__" => {
                classcell = v;
                continue;
            }
            "__slots__" => slots = Some(v),
            _ => {}
        }
        let v = match ks {
            "__new__" if v.is_ptr() && kind_of(v) == Kind::Function => vm.new_record(
                ty(T::StaticMethod),
                REC_STATICMETHOD,
                [v, Value::NULL, Value::NULL, Value::NULL],
                0,
                0,
            )?,
            "__init_subclass__" | "__class_getitem__"
                if v.is_ptr() && kind_of(v) == Kind::Function =>
            {
                vm.new_record(
                    ty(T::ClassMethod),
                    REC_CLASSMETHOD,
                    [v, Value::NULL, Value::NULL, Value::NULL],
                    0,
                    0,
                )?
            }
            _ => v,
        };
        vm.dict_set(dict, k, v)?;
    }
    t(tv).qualname.set(qualname);
    if vm.dict_get(dict, g().names.__eq__)?.is_some()
        && vm.dict_get(dict, g().names.__hash__)?.is_none()
    {
        vm.dict_set(dict, g().names.__hash__, g().none)?;
    }
    if vm.dict_get(dict, g().names.__doc__)?.is_none() {
        vm.dict_set(dict, g().names.__doc__, g().none)?;
    }
    // Instance layout: slots and __dict__.
    let base_slots = t(solid).nslots.load(Ordering::Relaxed);
    let mut nslots = 0;
    for b in m.iter().skip(1) {
        nslots = nslots.max(t(*b).nslots.load(Ordering::Relaxed));
    }
    nslots = nslots.max(base_slots);
    // Subclasses of built-ins other than `object` get a dict unless they say `__slots__`.
    let mut has_dict = bl.iter().any(|b| type_flags(*b) & TF_HAS_DICT != 0)
        || slots.is_none()
            && Kind::from_u8(inst_kind) != Kind::Instance
            && Kind::from_u8(inst_kind) != Kind::Empty;
    if Kind::from_u8(inst_kind) == Kind::Empty {
        // Subclasses of plain `object` get instances with a dict.
        unsafe { (*(tv.0 as *mut TypeObj)).inst_kind = Kind::Instance as u8 };
    }
    match slots {
        None => {
            if matches!(Kind::from_u8(t(tv).inst_kind), Kind::Instance) {
                has_dict = true;
            }
        }
        Some(sv) => {
            let names = if sv.is_ptr() && kind_of(sv) == Kind::Str {
                vec![sv]
            } else {
                vm.to_vec(sv)?
            };
            for n in names {
                if !(n.is_ptr() && kind_of(n) == Kind::Str) {
                    let msg = format!(
                        "__slots__ items must be strings, not '{}'",
                        type_name(type_of(n))
                    );
                    return Err(vm.raise_msg(ExcKind::TypeError, &msg));
                }
                let s = str_val(n).to_string();
                if s == "__dict__" {
                    has_dict = true;
                    continue;
                }
                if s == "__weakref__" {
                    continue;
                }
                let nm = vm.intern(&s)?;
                if vm.dict_get(dict, nm)?.is_some() {
                    let msg = format!("'{s}' in __slots__ conflicts with class variable");
                    return Err(vm.raise_msg(ExcKind::ValueError, &msg));
                }
                let mem = vm.new_record(
                    ty(T::MemberDescriptor),
                    REC_MEMBER,
                    [nm, tv, Value::NULL, Value::NULL],
                    nslots as i64,
                    0,
                )?;
                vm.dict_set(dict, nm, mem)?;
                nslots += 1;
            }
        }
    }
    if Kind::from_u8(t(tv).inst_kind) != Kind::Instance {
        nslots = 0;
    }
    t(tv).nslots.store(nslots, Ordering::Relaxed);
    let mut flags = TF_HEAPTYPE | TF_BASETYPE;
    if has_dict {
        flags |= TF_HAS_DICT;
    }
    if bl.iter().any(|b| type_flags(*b) & TF_EXCEPTION != 0) {
        flags |= TF_EXCEPTION;
    }
    t(tv).type_flags.store(flags, Ordering::Relaxed);
    let module = vm.dict_get(dict, g().names.__module__)?;
    if module.is_none() {
        // Take __name__ from the caller's globals.
        if let Some(f) = vm.frames.last() {
            let gl = f.globals;
            if let Some(n) = vm.dict_get(gl, g().names.__name__)? {
                vm.dict_set(dict, g().names.__module__, n)?;
            }
        }
    }
    let _ = base0;
    // Metaclasses inherit `type`'s own `__dict__` getter (the class namespace);
    // an instance-dict getset here would shadow it.
    if has_dict
        && !bl.iter().any(|b| type_flags(*b) & TF_HAS_DICT != 0)
        && !crate::types::typeobj::is_subtype(tv, ty(T::Type))
    {
        crate::types::object::def_instance_dict(vm, tv)?;
    }
    update_flags(vm, tv);
    // Register as a subclass of each base (for version invalidation).
    for b in &bl {
        let subs = t(*b).subclasses.get();
        let subs = if subs.is_null() {
            let l = vm.new_list(&[])?;
            t(*b).subclasses.set(l);
            l
        } else {
            subs
        };
        vm.list_append(subs, tv)?;
    }
    if classcell.is_ptr() && kind_of(classcell) == Kind::Cell {
        // SAFETY: kind checked.
        unsafe { obj::<CellObj>(classcell) }.value.set(tv);
    }
    // __set_name__.
    let items = vm.dict_items_vec(dict);
    for (k, v) in items {
        let sn = vm.lookup(type_of(v), g().names.__set_name__);
        if !sn.is_null() {
            let f = vm.bind_descriptor(sn, v, type_of(v))?;
            vm.call(f, &[tv, k])?;
        }
    }
    Ok(tv)
}

/// Calls the parent's `__init_subclass__(**kw)` for a new class.
pub fn init_subclass(vm: &mut Vm, cls: Value, kwnames: Value, kwvals: &[Value]) -> PyResult<()> {
    let m: Vec<Value> = mro(cls).iter().skip(1).map(|s| s.get()).collect();
    let name = g().names.__init_subclass__;
    for b in m {
        let d = t(b).dict.get();
        if let Some(f) = crate::types::dict::dict_get_str(d, name, str_hash(name)) {
            let bound = vm.descr_get(f, Value::NULL, cls)?;
            vm.call_kw(bound, kwvals, kwnames)?;
            return Ok(());
        }
    }
    Ok(())
}

/// Recomputes the attribute-hook flags of `typ` (after a dunder changed).
pub fn update_flags(vm: &mut Vm, typ: Value) {
    let obj = ty(T::Object);
    let ga = vm.lookup(typ, g().names.__getattribute__);
    let oga = lookup_uncached(obj, g().names.__getattribute__);
    let gat = vm.lookup(typ, g().names.__getattr__);
    let sa = vm.lookup(typ, g().names.__setattr__);
    let osa = lookup_uncached(obj, g().names.__setattr__);
    let da = vm.lookup(typ, g().names.__delattr__);
    let oda = lookup_uncached(obj, g().names.__delattr__);
    let del = vm.lookup(typ, g().names.__del__);
    let o = t(typ);
    let mut f = o.type_flags.load(Ordering::Relaxed);
    if del.is_ptr() && f & TF_HEAPTYPE != 0 {
        f |= crate::types::typeobj::TF_HAS_DEL;
    } else {
        f &= !crate::types::typeobj::TF_HAS_DEL;
    }
    let builtin_ga = ga == oga
        || (ga.is_ptr() && kind_of(ga) == Kind::Native && type_flags(typ) & TF_HEAPTYPE == 0);
    if !builtin_ga || !gat.is_null() {
        f |= TF_CUSTOM_GETATTR;
    } else {
        f &= !TF_CUSTOM_GETATTR;
    }
    let native_hook =
        |f: Value| kind_of(f) == Kind::Native && !crate::modules::thread_local::is_hook(f);
    let builtin_sa = (sa == osa || sa.is_null() || native_hook(sa))
        && (da == oda || da.is_null() || native_hook(da));
    if !builtin_sa {
        f |= TF_CUSTOM_SETATTR;
    } else {
        f &= !TF_CUSTOM_SETATTR;
    }
    o.type_flags.store(f, Ordering::Relaxed);
    let subs = o.subclasses.get();
    if subs.is_ptr() {
        for s in crate::types::list::list_items(subs) {
            if s != typ {
                update_flags(vm, s);
            }
        }
    }
}

/// `__build_class__(func, name, *bases, metaclass=None, **kw)`.
pub fn build_class(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() < 2 {
        return Err(vm.raise_msg(ExcKind::TypeError, "__build_class__: not enough arguments"));
    }
    let body = a.get(0);
    let name = a.get(1);
    let orig_bases: Vec<Value> = (2..a.len()).map(|i| a.get(i)).collect();
    // __mro_entries__.
    let mut bases = Vec::new();
    let mut changed = false;
    for b in &orig_bases {
        if !is_type(*b) {
            let me = vm.intern("__mro_entries__")?;
            if let Some(f) = vm.getattr_opt(*b, me)? {
                let ob = vm.new_tuple(&orig_bases)?;
                let r = vm.call(f, &[ob])?;
                bases.extend(vm.to_vec(r)?);
                changed = true;
                continue;
            }
        }
        bases.push(*b);
    }
    let mut meta = Value::NULL;
    let mut kwn = Vec::new();
    let mut kwv = Vec::new();
    for (k, v) in a.kwargs() {
        if str_val(k) == "metaclass" {
            meta = v;
        } else {
            kwn.push(k);
            kwv.push(v);
        }
    }
    let explicit_meta = !meta.is_null();
    if meta.is_null() {
        meta = if bases.is_empty() {
            ty(T::Type)
        } else {
            type_of(bases[0])
        };
    }
    if is_type(meta) {
        // The most derived metaclass.
        for b in &bases {
            let bm = type_of(*b);
            if is_subtype(meta, bm) {
                continue;
            }
            if is_subtype(bm, meta) {
                meta = bm;
                continue;
            }
            return Err(vm.raise_msg(
                ExcKind::TypeError,
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
    }
    let _ = explicit_meta;
    let bases_t = vm.new_tuple(&bases)?;
    let kwnames = if kwn.is_empty() {
        Value::NULL
    } else {
        vm.new_tuple(&kwn)?
    };
    let prep = vm.intern("__prepare__")?;
    let ns = match vm.getattr_opt(meta, prep)? {
        Some(p) => {
            let mut args = vec![name, bases_t];
            args.extend_from_slice(&kwv);
            vm.call_kw(p, &args, kwnames)?
        }
        None => vm.new_dict()?,
    };
    vm.run_class_body(body, ns)?;
    if changed {
        let ob = vm.new_tuple(&orig_bases)?;
        vm.setitem(ns, g().names.__orig_bases__, ob)?;
    }
    let mut args = vec![name, bases_t, ns];
    args.extend_from_slice(&kwv);
    let cls = vm.call_kw(meta, &args, kwnames)?;
    Ok(cls)
}

impl Vm {
    /// Runs a class body function with `ns` as its locals.
    pub fn run_class_body(&mut self, body: Value, ns: Value) -> PyResult<Value> {
        let start = self.sp;
        self.push(body);
        self.push(Value::NULL);
        match self.prepare_call(0, Value::NULL) {
            Ok(crate::interp::call::Prepared::Frame) => {
                if let Some(f) = self.frames.last_mut() {
                    f.locals = ns;
                    f.entry = true;
                }
                let r = self.run_nested();
                self.sp = start;
                r
            }
            Ok(crate::interp::call::Prepared::Done(v)) => {
                self.sp = start;
                Ok(v)
            }
            Err(e) => {
                self.sp = start;
                Err(e)
            }
        }
    }
}

/// `type.__call__` as a native (for `type.__call__(cls, ...)` and metaclass super calls).
pub fn type_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let total = a.len() + a.nkw();
    let args: Vec<Value> = (1..total).map(|i| a.get(i)).collect();
    let meta = type_of(cls);
    let _ = meta;
    // Skip a metaclass __call__ (we are it).
    let nkw = a.nkw();
    let newf = vm.lookup(cls, g().names.__new__);
    let obj_new = lookup_uncached(ty(T::Object), g().names.__new__);
    let inst = if newf == obj_new {
        object_new_inst(vm, cls)?
    } else {
        let f = unwrap_static(newf);
        let mut v = vec![cls];
        v.extend_from_slice(&args);
        vm.call_kw(f, &v, a.kwnames)?
    };
    let _ = nkw;
    if !isinstance(inst, cls) {
        return Ok(inst);
    }
    let init = vm.lookup(type_of(inst), g().names.__init__);
    if !init.is_null() && init != lookup_uncached(ty(T::Object), g().names.__init__) {
        let b = vm.bind_descriptor(init, inst, type_of(inst))?;
        vm.call_kw(b, &args, a.kwnames)?;
    }
    Ok(inst)
}
