//! Attribute access: CPython's `object.__getattribute__`, `type.__getattribute__`,
//! `__setattr__`, descriptors and `__getattr__` fallback.
//!
//! Lookup order for an instance: a *data* descriptor found on the type wins, then the
//! instance's `__dict__`, then a non-data descriptor or plain class attribute, then
//! `__getattr__`. Functions, native method descriptors, class/static methods, properties
//! and native getters are recognised by kind and bound without a Python call; anything
//! else with `__get__` is called.
//!
//! What must hold: the fast paths give exactly the result of the general protocol; a
//! class that defines `__getattribute__` or `__getattr__` always takes the slow path.

use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::record::*;
use crate::types::shape::Hinted;
use crate::types::slots::{GetterFn, SetterFn};
use crate::types::typeobj::{is_type, t, type_flags, type_name, type_of, TF_CUSTOM_GETATTR};
use crate::value::Value;
use std::sync::atomic::Ordering;

/// What a descriptor found on a type is.
enum Descr {
    /// Not a descriptor: the value itself.
    Plain,
    /// Binds to the instance (function, method descriptor).
    Method,
    Data,
    NonData,
}

impl Vm {
    /// The `__dict__` of an object that has one (NULL otherwise).
    pub fn dict_of(&mut self, o: Value) -> Value {
        if !o.is_ptr() {
            return Value::NULL;
        }
        // SAFETY (all arms): the kind byte names the layout.
        unsafe {
            match kind_of(o) {
                Kind::Instance => {
                    let d = obj::<InstanceObj>(o).dict.get();
                    if d.is_null() && crate::types::shape::in_values_mode(o) {
                        return self.materialise_dict(o).unwrap_or_default();
                    }
                    d
                }
                Kind::Module => obj::<ModuleObj>(o).dict.get(),
                Kind::Function => {
                    let f = obj::<FunctionObj>(o);
                    let d = f.dict.get();
                    if d.is_null() {
                        match self.new_dict() {
                            Ok(d) => {
                                f.dict.set(d);
                                d
                            }
                            Err(_) => Value::NULL,
                        }
                    } else {
                        d
                    }
                }
                Kind::Exception => {
                    let e = obj::<ExceptionObj>(o);
                    let d = e.dict.get();
                    if d.is_null() {
                        match self.new_dict() {
                            Ok(d) => {
                                e.dict.set(d);
                                d
                            }
                            Err(_) => Value::NULL,
                        }
                    } else {
                        d
                    }
                }
                Kind::List => obj::<ListObj>(o).dict.get(),
                Kind::Deque => obj::<DequeObj>(o).dict.get(),
                Kind::Dict => obj::<DictObj>(o).dict.get(),
                Kind::Set => obj::<SetObj>(o).dict.get(),
                Kind::ByteArray => {
                    let slot = &obj::<ByteArrayObj>(o).dict;
                    if slot.get().is_null()
                        && type_flags(type_of(o)) & crate::types::typeobj::TF_HAS_DICT != 0
                    {
                        lazy_dict(self, slot)
                    } else {
                        slot.get()
                    }
                }
                Kind::Record
                    if type_flags(type_of(o)) & crate::types::typeobj::TF_HAS_DICT != 0 =>
                {
                    crate::modules::weakref::subclass_storage(o)
                }
                k if side_dict_kind(k) => match side_dict(o) {
                    Some(slot) if slot.get().is_null() => lazy_dict(self, slot),
                    Some(slot) => slot.get(),
                    None => Value::NULL,
                },
                _ => Value::NULL,
            }
        }
    }

    fn classify(&mut self, d: Value) -> Descr {
        if !d.is_ptr() {
            return Descr::Plain;
        }
        match kind_of(d) {
            Kind::Function => Descr::Method,
            // SAFETY: kind checked.
            Kind::Native if !unsafe { obj::<NativeObj>(d) }.owner.get().is_null() => Descr::Method,
            Kind::Native | Kind::Str | Kind::Tuple | Kind::BigInt | Kind::Float => Descr::Plain,
            Kind::Record => match header(d).rec_kind {
                REC_CLASSMETHOD | REC_STATICMETHOD => Descr::NonData,
                REC_PROPERTY | REC_GETSET | REC_MEMBER => Descr::Data,
                _ => self.classify_slow(d),
            },
            _ => self.classify_slow(d),
        }
    }

    fn classify_slow(&mut self, d: Value) -> Descr {
        let dt = type_of(d);
        if self.lookup(dt, g().names.__get__).is_null() {
            return Descr::Plain;
        }
        if !self.lookup(dt, g().names.__set__).is_null()
            || !self.lookup(dt, g().names.__delete__).is_null()
        {
            Descr::Data
        } else {
            Descr::NonData
        }
    }

    /// `descr.__get__(o, typ)`; `o` NULL for access through the class.
    pub fn descr_get(&mut self, d: Value, o: Value, typ: Value) -> PyResult<Value> {
        if d.is_ptr() {
            match kind_of(d) {
                Kind::Function => {
                    return if o.is_null() {
                        Ok(d)
                    } else {
                        self.new_bound_method(d, o)
                    };
                }
                Kind::Native => {
                    // SAFETY: kind checked.
                    let n = unsafe { obj::<NativeObj>(d) };
                    if o.is_null() || n.owner.get().is_null() {
                        return Ok(d);
                    }
                    if !crate::types::typeobj::isinstance(o, n.owner.get()) {
                        return self.new_bound_method(d, o);
                    }
                    // A built-in method bound to its receiver (`[].append`): a native
                    // with `bound` set, whose type is builtin_function_or_method.
                    let (data, data2) = crate::types::slots::native_data(d);
                    let f = crate::interp::call::native_fn(d);
                    let b = self.new_native(n.name.get(), f, Value::NULL, o, false)?;
                    crate::types::slots::set_native_data_pub(b, data, data2);
                    return Ok(b);
                }
                Kind::Record => {
                    // SAFETY: kind checked.
                    let r = unsafe { obj::<RecordObj>(d) };
                    match header(d).rec_kind {
                        REC_CLASSMETHOD => {
                            let f = r.s[0].get();
                            let cls = if typ.is_null() { type_of(o) } else { typ };
                            return self.new_bound_method(f, cls);
                        }
                        REC_STATICMETHOD => return Ok(r.s[0].get()),
                        REC_PROPERTY => {
                            if o.is_null() {
                                return Ok(d);
                            }
                            let fget = r.s[0].get();
                            if fget.is_null() || fget == g().none {
                                let msg = "property object has no getter".to_string();
                                return Err(self.raise_msg(ExcKind::AttributeError, &msg));
                            }
                            return self.call(fget, &[o]);
                        }
                        REC_GETSET => {
                            if o.is_null() {
                                return Ok(d);
                            }
                            let owner = r.s[1].get();
                            if !crate::types::typeobj::isinstance(o, owner) {
                                let msg = format!(
                                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                                    str_val(r.s[0].get()),
                                    crate::types::typeobj::tp_name(owner),
                                    type_name(type_of(o))
                                );
                                return Err(self.raise_msg(ExcKind::TypeError, &msg));
                            }
                            let fp = r.a.load(Ordering::Relaxed) as usize;
                            // SAFETY: `a` of a getset record holds a `GetterFn`
                            // (written by `def_getset`).
                            let f = unsafe { std::mem::transmute::<usize, GetterFn>(fp) };
                            return f(self, o);
                        }
                        REC_MEMBER => {
                            if o.is_null() {
                                return Ok(d);
                            }
                            let i = r.a.load(Ordering::Relaxed) as usize;
                            let v = if kind_of(o) == Kind::Instance {
                                instance_slots(o)
                                    .get(i)
                                    .map(|s| s.get())
                                    .unwrap_or_default()
                            } else {
                                // A subclass of `ref` keeps its slots in a dict.
                                let d = crate::modules::weakref::subclass_storage(o);
                                let name = r.s[0].get();
                                if d.is_ptr() {
                                    self.dict_get(d, name)?.unwrap_or_default()
                                } else {
                                    Value::NULL
                                }
                            };
                            if v.is_null() {
                                let msg = format!(
                                    "'{}' object has no attribute '{}'",
                                    crate::types::typeobj::tp_name(type_of(o)),
                                    str_val(r.s[0].get())
                                );
                                return Err(self.raise_msg(ExcKind::AttributeError, &msg));
                            }
                            return Ok(v);
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        let get = self.lookup(type_of(d), g().names.__get__);
        if get.is_null() {
            return Ok(d);
        }
        let ov = if o.is_null() { g().none } else { o };
        let tv = if typ.is_null() { type_of(o) } else { typ };
        self.call(get, &[d, ov, tv])
    }

    /// `getattr(o, name)`; raises AttributeError.
    pub fn getattr(&mut self, o: Value, name: Value) -> PyResult<Value> {
        match self.getattr_opt(o, name)? {
            Some(v) => Ok(v),
            None => Err(self.attribute_error(o, name)),
        }
    }

    /// Like `getattr` but `Ok(None)` instead of AttributeError (that was raised by the
    /// lookup itself; an AttributeError raised inside a property is swallowed too, as
    /// `hasattr` does).
    pub fn getattr_opt(&mut self, o: Value, name: Value) -> PyResult<Option<Value>> {
        let typ = type_of(o);
        if type_flags(typ) & TF_CUSTOM_GETATTR != 0 {
            return self.getattr_custom(o, name, typ);
        }
        self.generic_getattr(o, name, typ)
    }

    fn getattr_custom(&mut self, o: Value, name: Value, typ: Value) -> PyResult<Option<Value>> {
        let ga = self.lookup(typ, g().names.__getattribute__);
        let r = if crate::modules::thread_local::is_hook(ga) {
            crate::modules::thread_local::getattr(self, o, name, typ)
        } else if !ga.is_null() && ga != self.object_getattribute() {
            let f = self.descr_get(ga, o, typ)?;
            self.call(f, &[name]).map(Some)
        } else {
            self.generic_getattr(o, name, typ)
        };
        let r = match r {
            Err(e) if self.exc_is(ExcKind::AttributeError) => {
                let _ = e;
                None
            }
            Err(e) => return Err(e),
            Ok(v) => v,
        };
        if let Some(v) = r {
            return Ok(Some(v));
        }
        let gattr = self.lookup(typ, g().names.__getattr__);
        if gattr.is_null() {
            if self.exc.is_null() {
                return Ok(None);
            }
            return Err(crate::interp::state::Raised);
        }
        self.exc = Value::NULL;
        let f = self.descr_get(gattr, o, typ)?;
        self.call(f, &[name]).map(Some)
    }

    fn object_getattribute(&self) -> Value {
        crate::types::typeobj::lookup_uncached(ty(T::Object), g().names.__getattribute__)
    }

    /// CPython's `PyObject_GenericGetAttr`, `type.__getattribute__` for types.
    pub fn generic_getattr(
        &mut self,
        o: Value,
        name: Value,
        typ: Value,
    ) -> PyResult<Option<Value>> {
        if is_type(o) {
            return self.type_getattr(o, name);
        }
        self.getattr_in(o, name, typ, Value::NULL)
    }

    /// `PyObject_GenericGetAttr` for a non-type `o`, with `dict` standing for the
    /// instance's own dict when it is not NULL (a `threading.local` passes the calling
    /// thread's dict).
    pub fn getattr_in(
        &mut self,
        o: Value,
        name: Value,
        typ: Value,
        dict: Value,
    ) -> PyResult<Option<Value>> {
        let d = self.lookup(typ, name);
        let kind = if d.is_null() {
            Descr::Plain
        } else {
            self.classify(d)
        };
        if matches!(kind, Descr::Data) {
            return self.descr_get(d, o, typ).map(Some);
        }
        let dict = if dict.is_ptr() {
            dict
        } else if kind_of_opt(o) == Some(Kind::Instance) {
            // SAFETY: kind checked.
            let dict = unsafe { obj::<InstanceObj>(o) }.dict.get();
            if !dict.is_null() {
                dict
            } else {
                if crate::types::shape::in_values_mode(o) {
                    let _r = self.read_lock(o);
                    if let Some((_, v)) = crate::types::shape::values_get(o, name) {
                        return Ok(Some(v));
                    }
                }
                // Another thread may have moved the instance to dict mode since `dict`
                // was read: it publishes the dict before it clears the values, so a miss
                // in the values means looking at the dict again.
                // SAFETY: kind checked.
                unsafe { obj::<InstanceObj>(o) }.dict.get()
            }
        } else {
            self.dict_of(o)
        };
        if dict.is_ptr() {
            if kind_of(dict) == Kind::Dict {
                if let Some(v) = self.dict_get(dict, name)? {
                    return Ok(Some(v));
                }
            } else if let Some(v) = self.mapping_get(dict, name)? {
                return Ok(Some(v));
            }
        }
        if d.is_null() {
            if kind_of_opt(o) == Some(Kind::Module) {
                return self.module_getattr_hook(o, name);
            }
            return Ok(None);
        }
        match kind {
            Descr::Plain => Ok(Some(d)),
            _ => self.descr_get(d, o, typ).map(Some),
        }
    }

    fn module_getattr_hook(&mut self, m: Value, name: Value) -> PyResult<Option<Value>> {
        let dict = self.dict_of(m);
        if dict.is_ptr() {
            if let Some(f) = self.dict_get(dict, g().names.__getattr__)? {
                return self.call(f, &[name]).map(Some);
            }
        }
        Ok(None)
    }

    /// `type.__getattribute__`.
    pub fn type_getattr(&mut self, cls: Value, name: Value) -> PyResult<Option<Value>> {
        let meta = type_of(cls);
        let md = self.lookup(meta, name);
        let mk = if md.is_null() {
            Descr::Plain
        } else {
            self.classify(md)
        };
        if matches!(mk, Descr::Data) {
            return self.descr_get(md, cls, meta).map(Some);
        }
        let a = self.lookup(cls, name);
        if !a.is_null() {
            return match self.classify(a) {
                Descr::Plain | Descr::Method => Ok(Some(a)),
                _ => {
                    if a.is_ptr()
                        && kind_of(a) == Kind::Record
                        && header(a).rec_kind == REC_PROPERTY
                    {
                        return Ok(Some(a));
                    }
                    self.descr_get(a, Value::NULL, cls).map(Some)
                }
            };
        }
        if md.is_null() {
            return Ok(None);
        }
        match mk {
            Descr::Plain => Ok(Some(md)),
            _ => self.descr_get(md, cls, meta).map(Some),
        }
    }

    /// Class attribute `name` of `typ` through the instruction's inline cache (keyed by
    /// the type's version tag; the payload is the attribute, traced with the code).
    #[inline]
    pub fn lookup_ic(
        &mut self,
        typ: Value,
        name: Value,
        ic: &crate::interp::cache::InlineCache,
    ) -> Value {
        let ver = t(typ).version.load(Ordering::Acquire);
        if let Some(p) = ic.read(ver) {
            return Value(p as usize);
        }
        self.lookup_ic_fill(typ, name, ver, ic)
    }

    #[inline(never)]
    fn lookup_ic_fill(
        &mut self,
        typ: Value,
        name: Value,
        ver: u64,
        ic: &crate::interp::cache::InlineCache,
    ) -> Value {
        let d = self.lookup(typ, name);
        // The payload is a heap address: only a cache of the running code, which the
        // collector then traces, may keep it.
        if self.cur_info().caches_may_hold_refs(ic) {
            ic.write(ver, d.0 as u64);
        }
        d
    }

    /// LOAD_ATTR with an inline cache: plain instances of classes without attribute hooks.
    #[inline(always)]
    pub fn getattr_ic(
        &mut self,
        o: Value,
        name: Value,
        ic: &crate::interp::cache::InlineCache,
    ) -> PyResult<Value> {
        if o.is_ptr() && kind_of(o) == Kind::Instance {
            let typ = type_of(o);
            if type_flags(typ) & TF_CUSTOM_GETATTR == 0 {
                let d = self.lookup_ic(typ, name, ic);
                if d.is_null() {
                    // SAFETY: kind checked.
                    let dict = unsafe { obj::<InstanceObj>(o) }.dict.get();
                    if dict.is_null() {
                        let _r = self.read_lock(o);
                        if let Some(i) = ic.hint() {
                            if let Some(v) = crate::types::shape::hinted_get(o, name, i) {
                                return Ok(v);
                            }
                        }
                        if let Some(v) = instance_values_search(o, name, ic) {
                            return Ok(v);
                        }
                    } else if kind_of(dict) == Kind::Dict {
                        let _r = self.read_lock(dict);
                        if let Some(v) = instance_dict_get(dict, name, ic) {
                            return Ok(v);
                        }
                    }
                }
            }
        } else if let Some(dict) = plain_module_dict(o) {
            let kv = crate::types::dict::current_keys_version(dict);
            if kv != 0 {
                if let Some(p) = ic.read(kv) {
                    return Ok(crate::types::dict::entry_value(dict, (p >> 1) as usize));
                }
            }
            return self.module_getattr_fill(o, dict, name, ic);
        }
        self.getattr_slow(o, name)
    }

    /// A module attribute, recording its entry in the instruction's cache under the
    /// module dict's keys version when the name is a plain module global (`module` has
    /// no class attribute of that name; the type is immutable, so that stays true).
    #[inline(never)]
    fn module_getattr_fill(
        &mut self,
        m: Value,
        dict: Value,
        name: Value,
        ic: &crate::interp::cache::InlineCache,
    ) -> PyResult<Value> {
        if self.lookup(ty(T::Module), name).is_null() {
            let h = crate::types::typeobj::str_hash(name);
            let kv = crate::types::dict::keys_version(dict);
            if let Some(ix) = crate::types::dict::entry_index_str(dict, name, h) {
                ic.write(kv, (ix as u64) << 1 | 1);
                return Ok(crate::types::dict::entry_value(dict, ix));
            }
        }
        self.getattr(m, name)
    }

    #[inline(never)]
    fn getattr_slow(&mut self, o: Value, name: Value) -> PyResult<Value> {
        self.getattr(o, name)
    }

    /// STORE_ATTR_FRESH's store into an instance that no other thread can reach (see
    /// `Vm::fresh_obj`): at the hinted key of its inline values, with no lock and no
    /// Python code. False when that does not apply; the caller then takes the general
    /// path.
    #[inline(always)]
    pub fn setattr_fresh(
        &mut self,
        o: Value,
        name: Value,
        v: Value,
        ic: &crate::interp::cache::InlineCache,
    ) -> bool {
        if !(o.is_ptr() && kind_of(o) == Kind::Instance) {
            return false;
        }
        let typ = type_of(o);
        if type_flags(typ) & crate::types::typeobj::TF_CUSTOM_SETATTR != 0
            || !self.lookup_ic(typ, name, ic).is_null()
        {
            return false;
        }
        // SAFETY: kind checked.
        if !unsafe { obj::<InstanceObj>(o) }.dict.get().is_null() {
            return false;
        }
        match ic.hint() {
            Some(i) => matches!(
                crate::types::shape::hinted_set_unshared(o, name, i, v),
                crate::types::shape::Hinted::Stored
            ),
            None => false,
        }
    }

    /// STORE_ATTR with an inline cache: plain instances whose class has no attribute
    /// hooks and no class attribute of that name store straight into their dict, at the
    /// hinted entry when the name is there.
    #[inline(always)]
    pub fn setattr_ic(
        &mut self,
        o: Value,
        name: Value,
        v: Value,
        ic: &crate::interp::cache::InlineCache,
    ) -> PyResult<()> {
        if o.is_ptr() && kind_of(o) == Kind::Instance {
            let typ = type_of(o);
            if type_flags(typ) & crate::types::typeobj::TF_CUSTOM_SETATTR == 0
                && self.lookup_ic(typ, name, ic).is_null()
            {
                // SAFETY: kind checked.
                let dict = unsafe { obj::<InstanceObj>(o) }.dict.get();
                if dict.is_null() {
                    if let Some(i) = ic.hint() {
                        match crate::types::shape::hinted_set(o, name, i, v) {
                            Hinted::Stored => return Ok(()),
                            Hinted::NeedsLock if self.append_locked(o, i, v) => return Ok(()),
                            _ => {}
                        }
                    }
                    if crate::types::shape::in_values_mode(o) {
                        return self.values_store_fill(o, name, v, ic);
                    }
                } else if kind_of(dict) == Kind::Dict {
                    if let Some(ix) = ic.hint() {
                        if self.dict_set_hinted(dict, ix, name, v) {
                            return Ok(());
                        }
                    }
                    let h = crate::types::typeobj::str_hash(name);
                    let ix = self.dict_set_at(dict, name, h, v)?;
                    ic.set_hint(ix);
                    return Ok(());
                }
            }
        }
        self.setattr(o, name, v)
    }

    /// STORE_ATTR into a values-mode instance when the hint missed: stores by shape
    /// (recording the key index as the hint) or moves the instance to dict mode.
    #[inline(never)]
    fn values_store_fill(
        &mut self,
        o: Value,
        name: Value,
        v: Value,
        ic: &crate::interp::cache::InlineCache,
    ) -> PyResult<()> {
        if let Some(i) = self.values_set(o, name, v)? {
            ic.set_hint(i);
            return Ok(());
        }
        self.instance_store(o, name, v)
    }

    /// LOAD_METHOD with an inline cache.
    #[inline(always)]
    pub fn load_method_ic(
        &mut self,
        o: Value,
        name: Value,
        ic: &crate::interp::cache::InlineCache,
    ) -> PyResult<(Value, bool)> {
        if o.is_ptr() && kind_of(o) == Kind::Instance {
            let typ = type_of(o);
            if type_flags(typ) & TF_CUSTOM_GETATTR == 0 {
                let d = self.lookup_ic(typ, name, ic);
                if d.is_ptr() && kind_of(d) == Kind::Function {
                    if crate::types::typeobj::methods_unshadowed(typ) {
                        return Ok((d, true));
                    }
                    return Ok(shadowed_method(self, o, name, d));
                }
            }
        } else if plain_module_dict(o).is_some() {
            // `module.function(...)`: a plain attribute, called as is.
            return self.getattr_ic(o, name, ic).map(|v| (v, false));
        }
        self.load_method_slow(o, name)
    }

    #[inline(never)]
    fn load_method_slow(&mut self, o: Value, name: Value) -> PyResult<(Value, bool)> {
        self.load_method(o, name)
    }

    /// Finds a method for a call: `(function, true)` means "call with `o` prepended"
    /// (no bound method is created); `(attr, false)` means "call attr as is".
    pub fn load_method(&mut self, o: Value, name: Value) -> PyResult<(Value, bool)> {
        let typ = type_of(o);
        if type_flags(typ) & TF_CUSTOM_GETATTR == 0 && !is_type(o) {
            let d = self.lookup(typ, name);
            if d.is_ptr() {
                let is_method = match kind_of(d) {
                    Kind::Function => true,
                    // SAFETY: kind checked.
                    Kind::Native => !unsafe { obj::<NativeObj>(d) }.owner.get().is_null(),
                    _ => false,
                };
                if is_method {
                    if o.is_ptr() && kind_of(o) == Kind::Instance {
                        return Ok(shadowed_method(self, o, name, d));
                    }
                    let dict = self.dict_of(o);
                    return Ok(own_value_or_method(self, dict, name, d));
                }
            }
        }
        let v = self.getattr(o, name)?;
        Ok((v, false))
    }

    /// Binds a descriptor found on `typ` to `o` (used for special methods).
    pub fn bind_descriptor(&mut self, d: Value, o: Value, typ: Value) -> PyResult<Value> {
        match self.classify(d) {
            Descr::Plain => Ok(d),
            _ => self.descr_get(d, o, typ),
        }
    }

    /// `setattr(o, name, v)`; `v` NULL deletes.
    pub fn setattr(&mut self, o: Value, name: Value, v: Value) -> PyResult<()> {
        let typ = type_of(o);
        if type_flags(typ) & crate::types::typeobj::TF_CUSTOM_SETATTR != 0 {
            let nm = if v.is_null() {
                g().names.__delattr__
            } else {
                g().names.__setattr__
            };
            let f = self.lookup(typ, nm);
            if crate::modules::thread_local::is_hook(f) {
                return crate::modules::thread_local::setattr(self, o, name, v);
            }
            if !f.is_null() && !self.is_object_slot(f, nm) {
                let bound = self.descr_get(f, o, typ)?;
                if v.is_null() {
                    self.call(bound, &[name])?;
                } else {
                    self.call(bound, &[name, v])?;
                }
                return Ok(());
            }
        }
        self.generic_setattr(o, name, v)
    }

    fn is_object_slot(&self, f: Value, nm: Value) -> bool {
        f == crate::types::typeobj::lookup_uncached(ty(T::Object), nm)
    }

    /// `object.__setattr__`.
    pub fn generic_setattr(&mut self, o: Value, name: Value, v: Value) -> PyResult<()> {
        if is_type(o) {
            return self.type_setattr(o, name, v);
        }
        self.setattr_in(o, name, v, Value::NULL)
    }

    /// `object.__setattr__` for a non-type `o` (`v` NULL deletes), with `dict` standing
    /// for the instance's own storage when it is not NULL (see `getattr_in`).
    pub fn setattr_in(&mut self, o: Value, name: Value, v: Value, dict: Value) -> PyResult<()> {
        let given = dict;
        let typ = type_of(o);
        // `key` is what a store puts in the instance dict (a str subclass instance stays
        // one, see `attr_name_arg`); lookups on the type use the interned name.
        let key = name;
        let name = self.intern_value(name)?;
        let d = self.lookup(typ, name);
        let has_dict = given.is_null()
            && o.is_ptr()
            && kind_of(o) == Kind::Instance
            && header(o).flags.load(Ordering::Relaxed) & FLAG_HAS_DICT != 0;
        if d.is_null() && !v.is_null() && has_dict {
            return self.instance_store(o, key, v);
        }
        if d.is_ptr() {
            if kind_of(d) == Kind::Record {
                // SAFETY: kind checked.
                let r = unsafe { obj::<RecordObj>(d) };
                match header(d).rec_kind {
                    REC_PROPERTY => {
                        let f = if v.is_null() {
                            r.s[2].get()
                        } else {
                            r.s[1].get()
                        };
                        if f.is_null() || f == g().none {
                            let what = if v.is_null() { "deleter" } else { "setter" };
                            let msg = crate::types::descr::property_missing_message(
                                d,
                                str_val(name),
                                type_name(typ),
                                what,
                            );
                            return Err(self.raise_msg(ExcKind::AttributeError, &msg));
                        }
                        if v.is_null() {
                            self.call(f, &[o])?;
                        } else {
                            self.call(f, &[o, v])?;
                        }
                        return Ok(());
                    }
                    REC_GETSET => return self.getset_store(r, name, o, v),
                    REC_MEMBER => {
                        let i = r.a.load(Ordering::Relaxed) as usize;
                        if kind_of(o) == Kind::Instance {
                            if let Some(s) = instance_slots(o).get(i) {
                                if v.is_null() && s.get().is_null() {
                                    return Err(self.attribute_error(o, name));
                                }
                                s.set(v);
                                return Ok(());
                            }
                        }
                        // A subclass of `ref` keeps its slots in a dict.
                        let d = crate::modules::weakref::subclass_storage(o);
                        if d.is_ptr() {
                            if v.is_null() {
                                if self.dict_del(d, name)?.is_none() {
                                    return Err(self.attribute_error(o, name));
                                }
                                return Ok(());
                            }
                            return self.dict_set(d, name, v);
                        }
                    }
                    _ => {}
                }
            } else if !matches!(
                kind_of(d),
                Kind::Function
                    | Kind::Native
                    | Kind::Str
                    | Kind::Tuple
                    | Kind::BigInt
                    | Kind::Float
            ) {
                // As CPython's `tp_descr_set`: a class attribute whose type defines `__set__`
                // or `__delete__` takes the store even without a `__get__`.
                let dt = type_of(d);
                if !self.lookup(dt, g().names.__set__).is_null()
                    || !self.lookup(dt, g().names.__delete__).is_null()
                {
                    let nm = if v.is_null() {
                        g().names.__delete__
                    } else {
                        g().names.__set__
                    };
                    let f = self.lookup(type_of(d), nm);
                    if f.is_null() {
                        let msg = format!("__{}__", if v.is_null() { "delete" } else { "set" });
                        return Err(self.raise_msg(ExcKind::AttributeError, &msg));
                    }
                    if v.is_null() {
                        self.call(f, &[d, o])?;
                    } else {
                        self.call(f, &[d, o, v])?;
                    }
                    return Ok(());
                }
            }
        }
        if has_dict {
            if v.is_null() {
                if !self.instance_delete(o, name)? {
                    return Err(self.attribute_error(o, name));
                }
                return Ok(());
            }
            if d.is_ptr() {
                // The instance's own value now shadows a class attribute.
                crate::types::typeobj::mark_shadowed(typ);
            }
            return self.instance_store(o, key, v);
        }
        let dict = if given.is_ptr() {
            given
        } else {
            self.dict_of(o)
        };
        if dict.is_null() {
            let msg = if d.is_null() {
                format!(
                    "'{}' object has no attribute '{}'",
                    crate::types::typeobj::tp_name(typ),
                    str_val(name)
                )
            } else {
                format!(
                    "'{}' object attribute '{}' is read-only",
                    crate::types::typeobj::tp_name(typ),
                    str_val(name)
                )
            };
            return Err(self.raise_msg(ExcKind::AttributeError, &msg));
        }
        if v.is_null() {
            let r = if kind_of(dict) == Kind::Dict {
                self.dict_del(dict, name)?
            } else {
                self.delitem(dict, name)?;
                Some(Value::NULL)
            };
            if r.is_none() {
                return Err(self.attribute_error(o, name));
            }
            Ok(())
        } else if kind_of(dict) == Kind::Dict {
            self.dict_set(dict, key, v)
        } else {
            self.setitem(dict, key, v)
        }
    }

    /// Stores through a native getset descriptor (`v` NULL deletes); AttributeError when
    /// it has no setter.
    fn getset_store(&mut self, r: &RecordObj, name: Value, o: Value, v: Value) -> PyResult<()> {
        let fp = r.b.load(Ordering::Relaxed) as usize;
        if fp == 0 {
            let msg = format!(
                "attribute '{}' of '{}' objects is not writable",
                str_val(name),
                crate::types::typeobj::tp_name(r.s[1].get())
            );
            return Err(self.raise_msg(ExcKind::AttributeError, &msg));
        }
        // SAFETY: `b` of a getset record holds a `SetterFn` (written by `def_getset`).
        let f = unsafe { std::mem::transmute::<usize, SetterFn>(fp) };
        f(self, o, v)
    }

    /// `type.__setattr__`.
    pub fn type_setattr(&mut self, cls: Value, name: Value, v: Value) -> PyResult<()> {
        if type_flags(cls) & crate::types::typeobj::TF_HEAPTYPE == 0 {
            let msg = format!(
                "cannot set '{}' attribute of immutable type '{}'",
                str_val(name),
                type_name(cls)
            );
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        let meta = type_of(cls);
        let md = self.lookup(meta, name);
        if md.is_ptr() && matches!(self.classify(md), Descr::Data) {
            if kind_of(md) == Kind::Record && header(md).rec_kind == REC_GETSET {
                // SAFETY: kind checked.
                let r = unsafe { obj::<RecordObj>(md) };
                return self.getset_store(r, name, cls, v);
            } else {
                let f = self.lookup(type_of(md), g().names.__set__);
                if !f.is_null() && !v.is_null() {
                    self.call(f, &[md, cls, v])?;
                    return Ok(());
                }
            }
        }
        let name = self.intern_value(name)?;
        if v.is_null() && crate::types::typeobj::lookup_uncached_own(cls, name).is_none() {
            let msg = format!(
                "type object '{}' has no attribute '{}'",
                type_name(cls),
                str_val(name)
            );
            return Err(self.raise_msg(ExcKind::AttributeError, &msg));
        }
        self.type_set_attr(cls, name, v)
    }

    /// Raises CPython's AttributeError for `o.name`.
    pub fn attribute_error(&mut self, o: Value, name: Value) -> crate::interp::state::Raised {
        let msg = if is_type(o) {
            format!(
                "type object '{}' has no attribute '{}'",
                type_name(o),
                str_val(name)
            )
        } else if kind_of_opt(o) == Some(Kind::Module) {
            // SAFETY: kind checked.
            let mn = unsafe { obj::<ModuleObj>(o) }.name.get();
            let mname = if mn.is_ptr() && kind_of(mn) == Kind::Str {
                str_val(mn)
            } else {
                "?"
            };
            format!("module '{}' has no attribute '{}'", mname, str_val(name))
        } else {
            format!(
                "'{}' object has no attribute '{}'",
                crate::types::typeobj::tp_name(type_of(o)),
                str_val(name)
            )
        };
        let r = self.raise_msg(ExcKind::AttributeError, &msg);
        self.set_attr_error_info(o, name);
        r
    }

    fn set_attr_error_info(&mut self, o: Value, name: Value) {
        let e = self.exc;
        if e.is_ptr() && kind_of(e) == Kind::Exception {
            let d = self.dict_of(e);
            if d.is_ptr() {
                let _ = self.dict_set(d, g().names.name, name);
                let _ = self.dict_set(d, g().names.obj, o);
            }
        }
    }

    /// Looks up a special method on the type of `o` and binds it; NULL if absent.
    pub fn special(&mut self, o: Value, name: Value) -> PyResult<Value> {
        let typ = type_of(o);
        let d = self.lookup(typ, name);
        if d.is_null() {
            return Ok(Value::NULL);
        }
        self.bind_descriptor(d, o, typ)
    }

    /// Calls special method `name` of `o` with no arguments; AttributeError if absent.
    pub fn call_method0(&mut self, o: Value, name: Value) -> PyResult<Value> {
        let f = self.special(o, name)?;
        if f.is_null() {
            return Err(self.attribute_error(o, name));
        }
        self.call(f, &[])
    }

    /// Calls `o.name(*args)` (attribute lookup on the object, as a method call).
    pub fn call_method(&mut self, o: Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let nm = self.intern(name)?;
        let (f, is_meth) = self.load_method(o, nm)?;
        if is_meth {
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(o);
            v.extend_from_slice(args);
            self.call(f, &v)
        } else {
            self.call(f, args)
        }
    }

    /// Calls the special method `name` looked up on the type (not the instance), or
    /// returns `None` when the type lacks it.
    pub fn call_special(
        &mut self,
        o: Value,
        name: Value,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let typ = type_of(o);
        let d = self.lookup(typ, name);
        if d.is_null() {
            return Ok(None);
        }
        if d.is_ptr() && matches!(kind_of(d), Kind::Function | Kind::Native) {
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(o);
            v.extend_from_slice(args);
            return self.call(d, &v).map(Some);
        }
        let f = self.bind_descriptor(d, o, typ)?;
        self.call(f, args).map(Some)
    }
}

/// A new empty dict stored in `slot` (an object's `__dict__` made on first use).
fn lazy_dict(vm: &mut Vm, slot: &Slot) -> Value {
    match vm.new_dict() {
        Ok(d) => {
            slot.set(d);
            d
        }
        Err(_) => Value::NULL,
    }
}

#[inline(always)]
pub fn kind_of_opt(v: Value) -> Option<Kind> {
    if v.is_ptr() {
        Some(kind_of(v))
    } else {
        None
    }
}

/// The `__name__` of a type, for messages.
pub fn tname(v: Value) -> &'static str {
    type_name(type_of(v))
}

/// True when `t` is a heap (user-defined) type.
pub fn is_heap_type(typ: Value) -> bool {
    t(typ).type_flags.load(Ordering::Relaxed)
        & (crate::types::typeobj::TF_HEAPTYPE | crate::types::typeobj::TF_DYNAMIC)
        != 0
}

/// An instance attribute from its dict, trying the cache's entry hint first.
#[inline(always)]
fn instance_dict_get(
    dict: Value,
    name: Value,
    ic: &crate::interp::cache::InlineCache,
) -> Option<Value> {
    if let Some(ix) = ic.hint() {
        if let Some(v) = crate::types::dict::hinted_value(dict, ix, name) {
            return Some(v);
        }
    }
    instance_dict_search(dict, name, ic)
}

/// `instance_dict_get` when the hint misses: a full probe, which sets the hint.
#[inline(never)]
fn instance_dict_search(
    dict: Value,
    name: Value,
    ic: &crate::interp::cache::InlineCache,
) -> Option<Value> {
    let h = crate::types::typeobj::str_hash(name);
    let ix = crate::types::dict::entry_index_str(dict, name, h)?;
    ic.set_hint(ix);
    Some(crate::types::dict::entry_value(dict, ix))
}

/// `instance_dict_get` for a values-mode instance whose hint missed: finds the key
/// index by the class's keys and records it as the hint.
#[inline(never)]
fn instance_values_search(
    o: Value,
    name: Value,
    ic: &crate::interp::cache::InlineCache,
) -> Option<Value> {
    if !crate::types::shape::in_values_mode(o) {
        return None;
    }
    let (i, v) = crate::types::shape::values_get(o, name)?;
    ic.set_hint(i);
    Some(v)
}

/// LOAD_METHOD on an instance whose class may be shadowed: the instance's own value
/// of `name` as a plain attribute, else the class function `d` to call with `o`.
#[inline(never)]
fn shadowed_method(vm: &mut Vm, o: Value, name: Value, d: Value) -> (Value, bool) {
    match crate::types::shape::own_attr(vm, o, name) {
        Some(v) => (v, false),
        None => (d, true),
    }
}

/// `name` from an object's own dict as a plain attribute (`false`: call it as is), else
/// the class's method `d` (`true`: call it with the object prepended).
fn own_value_or_method(vm: &mut Vm, dict: Value, name: Value, d: Value) -> (Value, bool) {
    if dict.is_ptr() && kind_of(dict) == Kind::Dict {
        let h = crate::types::typeobj::str_hash(name);
        let _r = vm.read_lock(dict);
        if let Some(v) = crate::types::dict::dict_get_str(dict, name, h) {
            return (v, false);
        }
    }
    (d, true)
}

/// The dict of a module whose type is exactly `module` (a subclass, or a module whose
/// `__class__` was reassigned, may customise attribute access: None for those).
#[inline(always)]
fn plain_module_dict(o: Value) -> Option<Value> {
    if !(o.is_ptr() && kind_of(o) == Kind::Module && type_of(o) == ty(T::Module)) {
        return None;
    }
    // SAFETY: kind checked.
    let dict = unsafe { obj::<ModuleObj>(o) }.dict.get();
    (dict.is_ptr() && kind_of(dict) == Kind::Dict).then_some(dict)
}
