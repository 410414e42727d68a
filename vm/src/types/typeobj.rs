//! Type objects: creation, method resolution order, lookup and version tags.
//!
//! A type's attributes live in its dict; lookups walk the MRO (a tuple of types, C3
//! linearisation) and are memoised in the thread's method cache under the type's version
//! tag. Any change to a type's dict (or its bases) gives the type and all its subclasses
//! fresh version tags, so no cache or guard can see a stale result.
//!
//! Built-in types are pinned; user classes are ordinary movable objects. Instances of a
//! type have the layout `inst_kind`, inherited from the "solid base" (the nearest built-in
//! ancestor that defines a layout).
//!
//! What must hold: `mro[0]` is the type itself and `object` is last; `version` is never
//! reused; every write to a type's dict goes through `type_set_attr`.

use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{new_type_version, ty, T};
use crate::types::dict::dict_get_str;
use crate::value::Value;
use std::mem::size_of;
use std::sync::atomic::Ordering;

/// Type flags.
pub const TF_HEAPTYPE: u32 = 1;
pub const TF_BASETYPE: u32 = 2;
/// Instances carry a `__dict__`.
pub const TF_HAS_DICT: u32 = 4;
/// Defines `__getattribute__` other than object's, or `__getattr__`.
pub const TF_CUSTOM_GETATTR: u32 = 8;
pub const TF_CUSTOM_SETATTR: u32 = 16;
pub const TF_EXCEPTION: u32 = 32;
pub const TF_ABSTRACT: u32 = 64;
/// A built-in type with dunders written in Python (the prelude): operators must be
/// looked up by name, as for heap types.
pub const TF_DYNAMIC: u32 = 128;
/// At least one instance (Kind::Instance) of exactly this type has been made.
pub const TF_HAS_INSTANCES: u32 = 256;
/// The MRO defines `__del__`: instances are registered with the heap for finalization
/// (`modules/weakref.rs`). Kept in step by `usertype::update_flags`.
pub const TF_HAS_DEL: u32 = 512;
/// A class written in Python that stands for one of CPython's C types: error messages
/// name it `module.Name`, as CPython's `tp_name` does (`_thread._local`). Set by the
/// module that owns the class; subclasses do not inherit it.
pub const TF_DOTTED_NAME: u32 = 1024;

/// True while LOAD_METHOD may trust that instances of `typ` do not shadow its methods
/// (see `TypeObj::unshadowed`).
#[inline(always)]
pub fn methods_unshadowed(typ: Value) -> bool {
    let o = t(typ);
    o.unshadowed.load(Ordering::Acquire) == o.version.load(Ordering::Acquire)
}

/// Instances of `typ` may now shadow class attributes in their dicts.
pub fn mark_shadowed(typ: Value) {
    t(typ).unshadowed.store(0, Ordering::Release);
}

#[inline(always)]
pub fn t(v: Value) -> &'static TypeObj {
    // SAFETY: callers pass type objects (kind Type).
    unsafe { obj::<TypeObj>(v) }
}

/// The Python type of any value.
#[inline(always)]
pub fn type_of(v: Value) -> Value {
    if v.is_small_int() {
        ty(T::Int)
    } else {
        header(v).ty.get()
    }
}

#[inline(always)]
pub fn is_type(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Type
}

pub fn type_name(typ: Value) -> &'static str {
    str_val(t(typ).name.get())
}

pub fn type_flags(typ: Value) -> u32 {
    t(typ).type_flags.load(Ordering::Acquire)
}

pub fn mro(typ: Value) -> &'static [Slot] {
    let m = t(typ).mro.get();
    if m.is_null() {
        &[]
    } else {
        tuple_slots(m)
    }
}

/// `a` is `b` or a subclass of it.
#[inline]
pub fn is_subtype(a: Value, b: Value) -> bool {
    if a == b || b == ty(T::Object) {
        return true;
    }
    mro(a).iter().any(|s| s.get() == b)
}

#[inline]
pub fn isinstance(v: Value, typ: Value) -> bool {
    is_subtype(type_of(v), typ)
}

/// Hash of a str object (cached in the object).
#[inline]
pub fn str_hash(s: Value) -> i64 {
    // SAFETY: callers pass str objects.
    let o = unsafe { obj::<StrObj>(s) };
    let h = o.hash.load(Ordering::Relaxed);
    if h != -1 {
        return h;
    }
    let h = hash_bytes(str_bytes(s));
    o.hash.store(h, Ordering::Relaxed);
    h
}

/// FNV-1a over bytes, then mixed; never -1.
pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 32;
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

impl Vm {
    /// Finds `name` (an interned str) along the MRO of `typ`; NULL when absent.
    #[inline]
    pub fn lookup(&mut self, typ: Value, name: Value) -> Value {
        let ver = t(typ).version.load(Ordering::Acquire);
        if let Some(v) = self.mcache.get(ver, name) {
            return v;
        }
        let r = lookup_uncached(typ, name);
        self.mcache.put(ver, name, r);
        r
    }

    /// Creates a built-in type (pinned). `base` NULL only for `object`.
    pub fn new_static_type(
        &mut self,
        name: &str,
        base: Value,
        inst_kind: Kind,
        flags: u32,
    ) -> PyResult<Value> {
        let tv = self.alloc_pinned(Kind::Type, ty(T::Type), size_of::<TypeObj>())?;
        // SAFETY: fresh type object; raw fields written before publication.
        unsafe {
            let o = tv.0 as *mut TypeObj;
            (*o).inst_kind = inst_kind as u8;
            (*o).native = usize::MAX;
        }
        let o = t(tv);
        let nm = self.intern(name)?;
        o.name.set(nm);
        o.qualname.set(nm);
        let dict = self.new_dict_pinned()?;
        o.dict.set(dict);
        o.type_flags.store(flags, Ordering::Relaxed);
        o.version.store(new_type_version(), Ordering::Relaxed);
        if base.is_null() {
            let mro = self.new_tuple_n(1, ty(T::Tuple))?;
            tuple_slots(mro)[0].set(tv);
            o.mro.set(mro);
            let b = self.new_tuple_n(0, ty(T::Tuple))?;
            o.bases.set(b);
        } else {
            let bm = mro(base);
            let m = self.new_tuple_n(bm.len() + 1, ty(T::Tuple))?;
            tuple_slots(m)[0].set(tv);
            for (d, s) in tuple_slots(m)[1..].iter().zip(bm) {
                d.set(s.get());
            }
            o.mro.set(m);
            let b = self.new_tuple_n(1, ty(T::Tuple))?;
            tuple_slots(b)[0].set(base);
            o.bases.set(b);
        }
        Ok(tv)
    }

    /// Stores an attribute on a type and invalidates every cache that depends on it.
    pub fn type_set_attr(&mut self, typ: Value, name: Value, value: Value) -> PyResult<()> {
        let dict = t(typ).dict.get();
        // The store goes through the dict's locked writers; the new version tag is
        // published after it (release), so a cache that reads the version (acquire)
        // before looking the name up can never pair the new tag with the old value.
        // Two racing stores need no class lock: whichever tag is last, the lookup made
        // under it reads the dict after both stores' tags were issued.
        if value.is_null() {
            self.dict_del(dict, name)?;
        } else {
            self.dict_set(dict, name, value)?;
        }
        self.type_modified(typ);
        if is_dunder(name) {
            crate::types::usertype::update_flags(self, typ);
        }
        Ok(())
    }

    /// Gives `typ` and its subclasses new version tags.
    pub fn type_modified(&mut self, typ: Value) {
        let version = new_type_version();
        t(typ).version.store(version, Ordering::Release);
        if type_flags(typ) & TF_HAS_INSTANCES == 0 {
            t(typ).unshadowed.store(version, Ordering::Release);
        }
        let subs = t(typ).subclasses.get();
        if subs.is_ptr() {
            let n = crate::types::list::list_len(subs);
            for i in 0..n {
                let s = crate::types::list::list_get(subs, i);
                if s.is_ptr() && s != typ {
                    self.type_modified(s);
                }
            }
        }
    }

    pub fn type_dict_get(&self, typ: Value, name: &str) -> Option<Value> {
        let dict = t(typ).dict.get();
        self.dict_items_vec(dict)
            .into_iter()
            .find(|(k, _)| k.is_ptr() && kind_of(*k) == Kind::Str && str_val(*k) == name)
            .map(|(_, v)| v)
    }
}

/// MRO walk without the cache.
pub fn lookup_uncached(typ: Value, name: Value) -> Value {
    let h = str_hash(name);
    for s in mro(typ) {
        let base = s.get();
        let dict = t(base).dict.get();
        if let Some(v) = dict_get_str(dict, name, h) {
            return v;
        }
    }
    Value::NULL
}

pub fn is_dunder(name: Value) -> bool {
    let s = str_val(name);
    s.len() > 4 && s.starts_with("__") && s.ends_with("__")
}

/// The `object` type.
pub fn object_type() -> Value {
    ty(T::Object)
}

/// The type of types.
pub fn type_type() -> Value {
    ty(T::Type)
}

/// `<class 'mod.Name'>`.
pub fn type_repr(typ: Value) -> String {
    let m = type_module(typ);
    if m.is_empty() || m == "builtins" {
        format!("<class '{}'>", type_qualname(typ))
    } else {
        format!("<class '{}.{}'>", m, type_qualname(typ))
    }
}

pub fn type_qualname(typ: Value) -> String {
    let q = t(typ).qualname.get();
    if q.is_ptr() && kind_of(q) == Kind::Str {
        str_val(q).to_string()
    } else {
        type_name(typ).to_string()
    }
}

/// CPython's `tp_name`: the plain name, dotted with the module for a built-in type that
/// lives outside `builtins` (`collections.deque`, `_thread.lock`). Used in error messages.
pub fn tp_name(typ: Value) -> std::borrow::Cow<'static, str> {
    let n = type_name(typ);
    let flags = type_flags(typ);
    if flags & TF_HEAPTYPE != 0 && flags & TF_DOTTED_NAME == 0 {
        return n.into();
    }
    match type_module(typ).as_str() {
        "builtins" => n.into(),
        m => format!("{m}.{n}").into(),
    }
}

/// The `__module__` of a type ("builtins" for built-in types).
pub fn type_module(typ: Value) -> String {
    if type_flags(typ) & TF_HEAPTYPE == 0 {
        let n = type_name(typ);
        return match n {
            "deque" | "OrderedDict" | "defaultdict" => "collections".to_string(),
            "lock" => "_thread".to_string(),
            "ReferenceType" => "weakref".to_string(),
            "_deque_iterator" | "_deque_reverse_iterator" => "_collections".to_string(),
            _ => "builtins".to_string(),
        };
    }
    let dict = t(typ).dict.get();
    let key = crate::runtime::g().names.__module__;
    match dict_get_str(dict, key, str_hash(key)) {
        Some(m) if m.is_ptr() && kind_of(m) == Kind::Str => str_val(m).to_string(),
        _ => "builtins".to_string(),
    }
}

/// `name` in the type's own dict (not the MRO).
pub fn lookup_uncached_own(typ: Value, name: Value) -> Option<Value> {
    dict_get_str(t(typ).dict.get(), name, str_hash(name))
}
