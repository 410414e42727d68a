//! Allocation of heap objects and their constructors.
//!
//! `Vm::alloc` asks the thread's allocation buffer for zeroed memory and writes the VM
//! part of the header. Allocation never collects (collections happen at safepoints
//! only), so a constructor may allocate several objects (a list and its array) and link
//! them without rooting anything. When the heap refuses (a request beyond the heap
//! limit), `alloc` raises MemoryError.
//!
//! What must hold: every field of a new object is written before the object is stored
//! anywhere another thread could load it; `Slot::set` publishes with release.

use super::layout::*;
use crate::interp::state::{PyResult, Raised, Vm};
use crate::runtime::{g, ty, ExcKind, T};
use crate::value::Value;
use num_bigint::{BigInt, Sign};
use std::mem::size_of;
use std::sync::atomic::Ordering;

/// Largest object we try to allocate; larger requests raise MemoryError at once.
pub const MAX_OBJECT: usize = 1 << 40;

impl Vm {
    /// Allocates an object of `size` bytes (at least the kind's fixed size).
    #[inline]
    pub fn alloc(&mut self, kind: Kind, typ: Value, size: usize) -> PyResult<Value> {
        if self.pin_all {
            return self.alloc_pinned(kind, typ, size);
        }
        let side = wants_side_dict(kind, typ);
        let size = ((size + 7) & !7) + if side { 8 } else { 0 };
        match self.mutator.alloc(size) {
            Ok(addr) => Ok(with_side_dict(init_header(addr, kind, typ), side)),
            Err(_) => Err(self.memory_error()),
        }
    }

    /// Runs `f` with every allocation pinned (`pin`) or movable (`!pin`), as start-up
    /// runs with every allocation pinned (see docs/gc-api.md for what the VM pins).
    pub fn with_pin_all<R>(&mut self, pin: bool, f: impl FnOnce(&mut Vm) -> R) -> R {
        let outer = std::mem::replace(&mut self.pin_all, pin);
        let r = f(self);
        self.pin_all = outer;
        r
    }

    /// Allocates an object that never moves (built-in types, interned names...).
    /// One without a side dict and of a kind that holds no references (a str's text, an
    /// int's digits) is a pinned leaf: collections never read it.
    pub fn alloc_pinned(&mut self, kind: Kind, typ: Value, size: usize) -> PyResult<Value> {
        self.alloc_pinned_as(kind, typ, size, false)
    }

    /// `alloc_pinned`; `refs_fixed`: the caller will store only references to pinned
    /// objects in it and never write them again, so it may be a leaf too.
    fn alloc_pinned_as(
        &mut self,
        kind: Kind,
        typ: Value,
        size: usize,
        refs_fixed: bool,
    ) -> PyResult<Value> {
        let side = wants_side_dict(kind, typ);
        let size = ((size + 7) & !7) + if side { 8 } else { 0 };
        // A leaf's only reference is its type. A built-in (non-heap) type is pinned (never
        // moves, never freed) and stays the object's type (`__class__` can be assigned
        // only between heap types), so nothing is lost by never scanning the object.
        let leaf = !side
            && (refs_fixed || crate::obj::layout::is_leaf_kind(kind))
            && typ.is_ptr()
            && crate::types::typeobj::type_flags(typ) & crate::types::typeobj::TF_HEAPTYPE == 0;
        let allocated = if leaf {
            self.mutator.alloc_pinned_leaf(size)
        } else {
            self.mutator.alloc_pinned(size)
        };
        match allocated {
            Ok(addr) => Ok(with_side_dict(init_header(addr, kind, typ), side)),
            Err(_) => Err(self.memory_error()),
        }
    }

    /// Size of a variable-length object, or MemoryError.
    pub fn var_size(&mut self, fixed: usize, n: usize, item: usize) -> PyResult<usize> {
        match n.checked_mul(item).and_then(|b| b.checked_add(fixed)) {
            Some(s) if s <= MAX_OBJECT => Ok(s),
            _ => Err(self.memory_error()),
        }
    }

    #[cold]
    pub fn memory_error(&mut self) -> Raised {
        let t = g().exc_types[ExcKind::MemoryError as usize];
        // A MemoryError instance is small; if even that fails, raise the type itself.
        let e = match self.mutator.alloc(size_of::<ExceptionObj>()) {
            Ok(addr) => {
                let e = init_header(addr, Kind::Exception, t);
                // SAFETY: freshly allocated exception object.
                let o = unsafe { obj::<ExceptionObj>(e) };
                o.args.set(g().empty_tuple);
                e
            }
            Err(_) => t,
        };
        self.exc = e;
        Raised
    }

    pub fn new_float(&mut self, f: f64) -> PyResult<Value> {
        let v = self.alloc(Kind::Float, ty(T::Float), size_of::<FloatObj>())?;
        // SAFETY: v is a fresh Float; `val` is written before it is published. The
        // object is private to this thread until stored.
        unsafe { (*(v.0 as *mut FloatObj)).val = f };
        Ok(v)
    }

    pub fn new_complex(&mut self, re: f64, im: f64) -> PyResult<Value> {
        let v = self.alloc(Kind::Complex, ty(T::Complex), size_of::<ComplexObj>())?;
        // SAFETY: fresh, unpublished Complex object.
        unsafe {
            let o = v.0 as *mut ComplexObj;
            (*o).re = re;
            (*o).im = im;
        }
        Ok(v)
    }

    /// An int from a big integer, tagged when it fits.
    pub fn new_bigint(&mut self, n: &BigInt) -> PyResult<Value> {
        if let Some(v) = num_traits::ToPrimitive::to_i64(n).and_then(Value::try_small) {
            return Ok(v);
        }
        let (sign, digits) = n.to_u32_digits();
        self.new_bigint_raw(sign == Sign::Minus, &digits, ty(T::Int))
    }

    pub fn new_bigint_raw(
        &mut self,
        negative: bool,
        digits: &[u32],
        typ: Value,
    ) -> PyResult<Value> {
        let size = self.var_size(size_of::<BigIntObj>(), digits.len(), 4)?;
        let v = self.alloc(Kind::BigInt, typ, size)?;
        // SAFETY: fresh BigInt with room for `digits.len()` digits after the fixed part.
        unsafe {
            let o = v.0 as *mut BigIntObj;
            (*o).negative = negative as usize;
            (*o).len = digits.len();
            let p = tail::<u32>(v, size_of::<BigIntObj>());
            std::ptr::copy_nonoverlapping(digits.as_ptr(), p, digits.len());
        }
        Ok(v)
    }

    pub fn new_int(&mut self, n: i64) -> PyResult<Value> {
        match Value::try_small(n) {
            Some(v) => Ok(v),
            None => self.new_bigint(&BigInt::from(n)),
        }
    }

    pub fn new_int_i128(&mut self, n: i128) -> PyResult<Value> {
        match i64::try_from(n).ok().and_then(Value::try_small) {
            Some(v) => Ok(v),
            None => self.new_bigint(&BigInt::from(n)),
        }
    }

    pub fn new_str(&mut self, s: &str) -> PyResult<Value> {
        if s.is_empty() {
            return Ok(g().empty_str);
        }
        if s.len() == 1 {
            return Ok(g().chars[s.as_bytes()[0] as usize]);
        }
        self.new_str_typed(s, ty(T::Str), false)
    }

    pub fn new_str_typed(&mut self, s: &str, typ: Value, pinned: bool) -> PyResult<Value> {
        let size = self.var_size(size_of::<StrObj>(), s.len(), 1)?;
        let v = if pinned {
            self.alloc_pinned(Kind::Str, typ, size)?
        } else {
            self.alloc(Kind::Str, typ, size)?
        };
        let ascii = s.is_ascii();
        // SAFETY: fresh str object with `s.len()` bytes of room.
        unsafe {
            let o = v.0 as *mut StrObj;
            (*o).nbytes = s.len();
            (*o).nchars = if ascii { s.len() } else { s.chars().count() };
            (*o).hash = std::sync::atomic::AtomicI64::new(-1);
            let p = tail::<u8>(v, size_of::<StrObj>());
            std::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
        }
        if ascii {
            header(v).flags.fetch_or(FLAG_ASCII, Ordering::Relaxed);
        }
        Ok(v)
    }

    pub fn new_bytes(&mut self, b: &[u8]) -> PyResult<Value> {
        self.new_bytes_typed(b, ty(T::Bytes))
    }

    pub fn new_bytes_typed(&mut self, b: &[u8], typ: Value) -> PyResult<Value> {
        let size = self.var_size(size_of::<BytesObj>(), b.len(), 1)?;
        let v = self.alloc(Kind::Bytes, typ, size)?;
        // SAFETY: fresh bytes object with room for `b.len()` bytes.
        unsafe {
            let o = v.0 as *mut BytesObj;
            (*o).len = b.len();
            (*o).hash = std::sync::atomic::AtomicI64::new(-1);
            std::ptr::copy_nonoverlapping(
                b.as_ptr(),
                tail::<u8>(v, size_of::<BytesObj>()),
                b.len(),
            );
        }
        Ok(v)
    }

    pub fn new_raw(&mut self, cap: usize) -> PyResult<Value> {
        let size = self.var_size(size_of::<RawObj>(), cap, 1)?;
        let v = self.alloc(Kind::Raw, ty(T::RawBuffer), size)?;
        // SAFETY: fresh Raw object.
        unsafe { (*(v.0 as *mut RawObj)).cap = cap };
        Ok(v)
    }

    pub fn new_bytearray(&mut self, b: &[u8], typ: Value) -> PyResult<Value> {
        let buf = self.new_raw(b.len().max(8))?;
        raw_data(buf)[..b.len()].copy_from_slice(b);
        let v = self.alloc(Kind::ByteArray, typ, size_of::<ByteArrayObj>())?;
        // SAFETY: fresh bytearray object.
        let o = unsafe { obj::<ByteArrayObj>(v) };
        o.len.store(b.len(), Ordering::Release);
        o.buf.set(buf);
        Ok(v)
    }

    /// A tuple of `n` NULL items, to be filled before it is published.
    pub fn new_tuple_n(&mut self, n: usize, typ: Value) -> PyResult<Value> {
        if n == 0 && typ == ty(T::Tuple) && crate::runtime::is_installed() {
            return Ok(g().empty_tuple);
        }
        let size = self.var_size(size_of::<TupleObj>(), n, 8)?;
        let v = self.alloc(Kind::Tuple, typ, size)?;
        // SAFETY: fresh tuple.
        unsafe { (*(v.0 as *mut TupleObj)).len = n };
        Ok(v)
    }

    pub fn new_tuple(&mut self, items: &[Value]) -> PyResult<Value> {
        let t = self.new_tuple_n(items.len(), ty(T::Tuple))?;
        for (s, v) in tuple_slots(t).iter().zip(items) {
            s.set(*v);
        }
        Ok(t)
    }

    /// A tuple that never moves, of pinned items only (so a pinned leaf: a tuple never
    /// changes). Used for code constants (`make_const`), such as the keyword names of
    /// calls: `Args::kwnames` then stays good across a collection.
    pub fn new_tuple_of_pinned(&mut self, items: &[Value]) -> PyResult<Value> {
        debug_assert!(items
            .iter()
            .all(|v| !Value::needs_trace(v.0) || gc_parallel::is_pinned(v.0)));
        if items.is_empty() {
            return self.new_tuple(items);
        }
        let size = self.var_size(size_of::<TupleObj>(), items.len(), 8)?;
        let v = self.alloc_pinned_as(Kind::Tuple, ty(T::Tuple), size, true)?;
        // SAFETY: fresh tuple.
        unsafe { (*(v.0 as *mut TupleObj)).len = items.len() };
        for (s, x) in tuple_slots(v).iter().zip(items) {
            s.set(*x);
        }
        Ok(v)
    }

    pub fn new_array(&mut self, cap: usize) -> PyResult<Value> {
        let size = self.var_size(size_of::<ArrayObj>(), cap, 8)?;
        let v = self.alloc(Kind::Array, ty(T::Array), size)?;
        // SAFETY: fresh array.
        unsafe { (*(v.0 as *mut ArrayObj)).cap = cap };
        Ok(v)
    }

    pub fn new_list_typed(&mut self, items: &[Value], typ: Value) -> PyResult<Value> {
        let arr = self.new_array(items.len().max(4))?;
        for (s, v) in array_slots(arr).iter().zip(items) {
            s.set(*v);
        }
        let l = self.alloc(Kind::List, typ, size_of::<ListObj>())?;
        // SAFETY: fresh list.
        let o = unsafe { obj::<ListObj>(l) };
        o.len.store(items.len(), Ordering::Release);
        o.items.set(arr);
        Ok(l)
    }

    pub fn new_list(&mut self, items: &[Value]) -> PyResult<Value> {
        self.new_list_typed(items, ty(T::List))
    }

    pub fn new_cell(&mut self, v: Value) -> PyResult<Value> {
        let c = self.alloc(Kind::Cell, ty(T::Cell), size_of::<CellObj>())?;
        // SAFETY: fresh cell.
        unsafe { obj::<CellObj>(c) }.value.set(v);
        Ok(c)
    }

    pub fn new_bound_method(&mut self, func: Value, recv: Value) -> PyResult<Value> {
        let m = self.alloc(
            Kind::BoundMethod,
            ty(T::Method),
            size_of::<BoundMethodObj>(),
        )?;
        // SAFETY: fresh bound method.
        let o = unsafe { obj::<BoundMethodObj>(m) };
        o.func.set(func);
        o.receiver.set(recv);
        Ok(m)
    }

    pub fn new_native(
        &mut self,
        name: Value,
        f: crate::interp::call::NativeFn,
        owner: Value,
        bound: Value,
        pinned: bool,
    ) -> PyResult<Value> {
        let typ = if owner.is_null() {
            ty(T::BuiltinFunction)
        } else {
            ty(T::MethodDescriptor)
        };
        let size = size_of::<NativeObj>();
        // A native's fields are written here only (`doc` stays NULL). When they all refer
        // to pinned objects (interned names, built-in types, modules made at start-up),
        // a pinned native never needs reading by a collection: a pinned leaf. Most of
        // the pinned objects a collection would scan are such natives.
        let fixed = [name, owner, bound]
            .iter()
            .all(|v| !Value::needs_trace(v.0) || gc_parallel::is_pinned(v.0));
        let v = if pinned || self.pin_all {
            self.alloc_pinned_as(Kind::Native, typ, size, fixed)?
        } else {
            self.alloc(Kind::Native, typ, size)?
        };
        // SAFETY: fresh native function object.
        unsafe { (*(v.0 as *mut NativeObj)).fptr = f as usize };
        let o = unsafe { obj::<NativeObj>(v) };
        o.name.set(name);
        o.owner.set(owner);
        o.bound.set(bound);
        Ok(v)
    }

    /// A generic record object (iterators, descriptors...).
    pub fn new_record(
        &mut self,
        typ: Value,
        rec: u8,
        s: [Value; RECORD_SLOTS],
        a: i64,
        b: i64,
    ) -> PyResult<Value> {
        let v = self.alloc(Kind::Record, typ, size_of::<RecordObj>())?;
        // SAFETY: fresh record; rec_kind is written before publication.
        unsafe { (*(v.0 as *mut RecordObj)).h.rec_kind = rec };
        let o = unsafe { obj::<RecordObj>(v) };
        for (slot, x) in o.s.iter().zip(s) {
            slot.set(x);
        }
        o.a.store(a, Ordering::Relaxed);
        o.b.store(b, Ordering::Relaxed);
        Ok(v)
    }

    pub fn new_slice(&mut self, start: Value, stop: Value, step: Value) -> PyResult<Value> {
        let v = self.alloc(Kind::Slice, ty(T::Slice), size_of::<SliceObj>())?;
        // SAFETY: fresh slice.
        let o = unsafe { obj::<SliceObj>(v) };
        o.start.set(start);
        o.stop.set(stop);
        o.step.set(step);
        Ok(v)
    }

    pub fn new_module(&mut self, name: Value, dict: Value) -> PyResult<Value> {
        let v = self.alloc(Kind::Module, ty(T::Module), size_of::<ModuleObj>())?;
        // SAFETY: fresh module.
        let o = unsafe { obj::<ModuleObj>(v) };
        o.name.set(name);
        o.dict.set(dict);
        Ok(v)
    }

    /// An instance of a user class whose solid base is `object`; with a `__dict__`, it
    /// starts with inline attribute values (`types/shape.rs`).
    pub fn new_instance(&mut self, typ: Value, nslots: usize, with_dict: bool) -> PyResult<Value> {
        let cap = if with_dict {
            crate::types::shape::initial_cap(typ)
        } else {
            0
        };
        if nslots > u32::MAX as usize {
            return Err(self.memory_error());
        }
        let size = self.var_size(size_of::<InstanceObj>(), nslots + cap, 8)?;
        let v = self.alloc(Kind::Instance, typ, size)?;
        // SAFETY: fresh instance; nothing else sees it yet.
        unsafe {
            let o = v.0 as *mut InstanceObj;
            (*o).nslots = nslots as u32;
            (*o).cap = cap as u16;
        }
        let tf = &crate::types::typeobj::t(typ).type_flags;
        if tf.load(Ordering::Relaxed) & crate::types::typeobj::TF_HAS_INSTANCES == 0 {
            tf.fetch_or(crate::types::typeobj::TF_HAS_INSTANCES, Ordering::Release);
        }
        if with_dict {
            header(v).flags.fetch_or(FLAG_HAS_DICT, Ordering::Relaxed);
        }
        if tf.load(Ordering::Relaxed) & crate::types::typeobj::TF_HAS_DEL != 0 {
            crate::runtime::shared().heap.register_finalizer(v.0);
        }
        Ok(v)
    }

    pub fn new_exception_obj(&mut self, typ: Value, args: Value) -> PyResult<Value> {
        let v = self.alloc(Kind::Exception, typ, size_of::<ExceptionObj>())?;
        // SAFETY: fresh exception.
        let o = unsafe { obj::<ExceptionObj>(v) };
        o.args.set(args);
        Ok(v)
    }

    #[inline(always)]
    pub fn bool_val(&self, b: bool) -> Value {
        if b {
            g().true_
        } else {
            g().false_
        }
    }

    #[inline(always)]
    pub fn none(&self) -> Value {
        g().none
    }
}

/// An instance of a heap subclass (with a `__dict__`) of an immutable built-in gets a
/// side slot for its dict (`layout::side_dict_kind`).
#[inline(always)]
fn wants_side_dict(kind: Kind, typ: Value) -> bool {
    use crate::types::typeobj::{t, TF_HAS_DICT, TF_HEAPTYPE};
    side_dict_kind(kind)
        && typ.is_ptr()
        && t(typ).type_flags.load(Ordering::Relaxed) & (TF_HAS_DICT | TF_HEAPTYPE)
            == TF_HAS_DICT | TF_HEAPTYPE
}

#[inline(always)]
fn with_side_dict(v: Value, side: bool) -> Value {
    if side {
        header(v).flags.fetch_or(FLAG_HAS_DICT, Ordering::Relaxed);
    }
    v
}

#[inline(always)]
fn init_header(addr: usize, kind: Kind, typ: Value) -> Value {
    let v = Value(addr);
    // SAFETY: `addr` is freshly allocated zeroed memory of at least HEADER_SIZE bytes whose
    // first word the collector has set; we fill the VM part before anyone else sees it.
    unsafe {
        let h = addr as *mut Header;
        (*h).kind = kind;
    }
    header(v).ty.set(typ);
    v
}

/// Reads a float's value.
#[inline(always)]
pub fn float_val(v: Value) -> f64 {
    // SAFETY: callers check the kind is Float.
    unsafe { obj::<FloatObj>(v) }.val
}

/// Reads a complex's parts.
pub fn complex_val(v: Value) -> (f64, f64) {
    // SAFETY: callers check the kind is Complex.
    let o = unsafe { obj::<ComplexObj>(v) };
    (o.re, o.im)
}

/// A str's text.
#[inline(always)]
pub fn str_val<'a>(v: Value) -> &'a str {
    // SAFETY: str objects hold valid UTF-8 written from a &str at construction.
    unsafe { std::str::from_utf8_unchecked(str_bytes(v)) }
}

pub fn str_nchars(v: Value) -> usize {
    // SAFETY: callers check the kind is Str.
    unsafe { obj::<StrObj>(v) }.nchars
}

pub fn is_ascii_str(v: Value) -> bool {
    header(v).flags.load(Ordering::Relaxed) & FLAG_ASCII != 0
}

/// The big integer value of a BigInt object.
pub fn bigint_val(v: Value) -> BigInt {
    // SAFETY: callers check the kind is BigInt.
    let o = unsafe { obj::<BigIntObj>(v) };
    let sign = if o.negative != 0 {
        Sign::Minus
    } else {
        Sign::Plus
    };
    BigInt::from_slice(sign, bigint_digits(v))
}
