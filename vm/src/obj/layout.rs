//! Object layout on the collector's heap.
//!
//! Every heap object is `#[repr(C)]` and starts with a [`Header`]: the collector's word
//! (size and forwarding state, owned by `gc-parallel`), the object's Python type, its
//! layout [`Kind`], a flags byte and a lock byte for mutable objects. The payload that
//! follows is one of the structs below; variable-sized objects end in an inline array.
//!
//! What must hold:
//! - `Kind` decides how the collector scans the object ([`scan_object`]); a payload field
//!   that holds a `Value` is a [`Slot`] and is traced, everything else is raw data.
//! - Every store of a reference into a heap object goes through [`Slot::set`], the one
//!   place a write barrier would go.
//! - Readers never lock: a `Slot` is an atomic word. Writers publish freshly filled
//!   storage with a release store; readers load with acquire.
//! - All `unsafe` for object access lives in this file and in `obj/alloc.rs`.

use crate::value::Value;
use gc_parallel::Tracer;
use std::sync::atomic::{
    AtomicI32, AtomicI64, AtomicI8, AtomicU16, AtomicU32, AtomicU64, AtomicU8, AtomicUsize,
    Ordering,
};

/// A traced word inside a heap object.
#[repr(transparent)]
pub struct Slot(AtomicUsize);

impl Slot {
    #[inline(always)]
    pub fn get(&self) -> Value {
        Value(self.0.load(Ordering::Acquire))
    }
    /// The one function through which references are stored into heap objects.
    #[inline(always)]
    pub fn set(&self, v: Value) {
        self.0.store(v.0, Ordering::Release)
    }
    /// Compare-and-swap, for lock-free caches.
    pub fn cas(&self, old: Value, new: Value) -> bool {
        self.0
            .compare_exchange(old.0, new.0, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }
    #[inline(always)]
    fn trace<T: Tracer + ?Sized>(&self, t: &mut T) {
        // SAFETY: scanning happens only during a stop-the-world pause, when no mutator
        // can touch this slot; the collector is the sole accessor of the word.
        let w = unsafe { &mut *self.0.as_ptr() };
        if Value::needs_trace(*w) {
            t.trace(w);
        }
    }
    /// A weak slot of the object `owner`: the collector follows or clears it afterwards.
    #[inline(always)]
    fn trace_weak<T: Tracer + ?Sized>(&self, owner: Value, t: &mut T) {
        // SAFETY: as in `trace`.
        let w = unsafe { &mut *self.0.as_ptr() };
        if Value::needs_trace(*w) {
            t.trace_weak(owner.0, w);
        }
    }
}

/// A storage word published as in `obj::publish` (a list's `items`, a dict's `table`):
/// loads and stores go through `Slot::get`/`Slot::set`, so the write barrier still sees
/// every reference store.
impl super::publish::StorageWord for Slot {
    #[inline(always)]
    fn load_storage(&self) -> usize {
        self.get().0
    }
    #[inline(always)]
    fn publish_storage(&self, storage: usize) {
        self.set(Value(storage))
    }
}

/// Layout kinds: how the payload is laid out and scanned.
#[repr(u8)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// No payload (None, NotImplemented, Ellipsis, plain `object()`).
    Empty = 0,
    Float,
    Complex,
    BigInt,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    /// Backing storage of a list or similar: `cap` slots.
    Array,
    Dict,
    /// Backing table of a dict.
    DictTable,
    Set,
    /// Backing table of a set.
    SetTable,
    Instance,
    Type,
    Function,
    Native,
    BoundMethod,
    Cell,
    Code,
    Module,
    Range,
    Slice,
    Exception,
    Generator,
    /// Generic object with a fixed number of slots and a few raw words
    /// (iterators, descriptors, super, traceback, ...).
    Record,
    /// Raw bytes with no references (buffers).
    Raw,
    /// `collections.deque`: a ring buffer over an Array (`types/deque.rs`).
    Deque,
}

#[repr(C)]
pub struct Header {
    /// Owned by gc-parallel: size | state, or forwarding address.
    pub gc: AtomicUsize,
    /// The Python type of the object.
    pub ty: Slot,
    /// Written once by `alloc` (memory is zeroed before, and 0 is `Kind::Empty`, so the
    /// byte is always a valid `Kind`).
    pub kind: Kind,
    pub flags: AtomicU8,
    /// Write lock of mutable objects (see `threads` issue); 0 = free.
    pub lock: AtomicU8,
    pub rec_kind: u8,
    /// Cached hash (strings), or other per-kind small data.
    pub aux: AtomicU32,
}

pub const HEADER_SIZE: usize = std::mem::size_of::<Header>();

/// Header flag bits.
pub const FLAG_ASCII: u8 = 1;
/// Instance has a `__dict__` slot.
pub const FLAG_HAS_DICT: u8 = 2;
/// Immutable object.
pub const FLAG_IMMUTABLE: u8 = 4;
/// str: this object is the interned copy of its text.
pub const FLAG_INTERNED: u8 = 8;
/// Object has an identity number in `aux` (see `id()`).
pub const FLAG_HAS_ID: u8 = 16;

#[repr(C)]
pub struct FloatObj {
    pub h: Header,
    pub val: f64,
}

#[repr(C)]
pub struct ComplexObj {
    pub h: Header,
    pub re: f64,
    pub im: f64,
}

/// Big integer: sign and magnitude in 32-bit digits, least significant first.
#[repr(C)]
pub struct BigIntObj {
    pub h: Header,
    pub negative: usize,
    pub len: usize,
    // followed by `len` u32 digits
}

/// str: UTF-8 bytes inline. `nchars` is the length in code points. `hash` is -1 until
/// computed.
#[repr(C)]
pub struct StrObj {
    pub h: Header,
    pub nbytes: usize,
    pub nchars: usize,
    pub hash: AtomicI64,
    // followed by `nbytes` bytes
}

#[repr(C)]
pub struct BytesObj {
    pub h: Header,
    pub len: usize,
    pub hash: AtomicI64,
    // followed by `len` bytes
}

/// bytearray: a length and a Raw buffer object.
#[repr(C)]
pub struct ByteArrayObj {
    pub h: Header,
    pub len: AtomicUsize,
    pub buf: Slot,
    pub dict: Slot,
}

#[repr(C)]
pub struct RawObj {
    pub h: Header,
    pub cap: usize,
    // followed by `cap` bytes
}

#[repr(C)]
pub struct TupleObj {
    pub h: Header,
    pub len: usize,
    // followed by `len` slots
}

#[repr(C)]
pub struct ArrayObj {
    pub h: Header,
    pub cap: usize,
    // followed by `cap` slots
}

/// list: a length and a backing Array. Growing publishes a new, filled array.
#[repr(C)]
pub struct ListObj {
    pub h: Header,
    pub len: AtomicUsize,
    pub items: Slot,
    /// `__dict__` of instances of list subclasses (NULL otherwise).
    pub dict: Slot,
}

/// dict: insertion ordered (compact layout in the table).
#[repr(C)]
pub struct DictObj {
    pub h: Header,
    pub len: AtomicUsize,
    pub table: Slot,
    pub dict: Slot,
    /// Keys version for global-variable caches: 0 until a cache asks for one, then a
    /// number unique across all dicts, reset to 0 whenever a key is added or removed.
    pub keys_version: AtomicU64,
    /// Bumped by every insertion and deletion (detects mutation during iteration).
    pub version: AtomicU32,
}

/// Backing table of a dict: `nindex` index words (-1 empty, -2 deleted, else entry
/// number; 1, 4 or 8 bytes each, see `dict_index_width`) followed by `cap` entries of
/// (hash, key, value).
#[repr(C)]
pub struct DictTableObj {
    pub h: Header,
    pub nindex: usize,
    pub cap: usize,
    /// Entries used so far (including deleted ones).
    pub used: AtomicUsize,
    /// Byte offset of the entries from the table's start (after the index array).
    pub entries_at: usize,
    /// Bytes per index word (`dict_index_width(nindex)`).
    pub index_width: usize,
    // followed by nindex index words of index_width bytes (padded to 8), then cap DictEntry
}

#[repr(C)]
pub struct DictEntry {
    pub hash: AtomicI64,
    pub key: Slot,
    pub value: Slot,
}

#[repr(C)]
pub struct SetObj {
    pub h: Header,
    pub len: AtomicUsize,
    pub table: Slot,
    pub dict: Slot,
    /// Where `pop` starts its search.
    pub finger: AtomicUsize,
    /// Bumped by every change of the contents (under the set's lock): `&=` recomputes
    /// the intersection if it moved before the swap.
    pub version: AtomicU64,
}

/// Open-addressed set table: `cap` entries of (hash, key); key NULL = empty, key = the
/// dummy marker = deleted.
#[repr(C)]
pub struct SetTableObj {
    pub h: Header,
    pub cap: usize,
    pub fill: AtomicUsize,
    // followed by cap SetEntry
}

#[repr(C)]
pub struct SetEntry {
    pub hash: AtomicI64,
    pub key: Slot,
}

/// Instance of a user class whose solid base is `object`: a `__dict__` (NULL while the
/// attributes are inline, see `types/shape.rs`), `nslots` `__slots__` values, then `cap`
/// inline attribute values of which the first `count` are in use.
#[repr(C)]
pub struct InstanceObj {
    pub h: Header,
    pub dict: Slot,
    pub nslots: u32,
    pub cap: u16,
    pub count: AtomicU16,
    // followed by nslots slots, then cap value slots
}

pub const TYPE_SPECIALS: usize = 40;

#[repr(C)]
pub struct TypeObj {
    pub h: Header,
    pub name: Slot,
    pub qualname: Slot,
    pub module: Slot,
    pub bases: Slot,
    pub mro: Slot,
    pub dict: Slot,
    pub subclasses: Slot,
    /// Version tag; changes whenever this type or a base changes. 0 = invalid.
    pub version: AtomicU64,
    /// Equal to `version` while no instance dict of exactly this type may hold a key that
    /// shadows a class attribute (so LOAD_METHOD can skip probing the instance dict).
    /// See `ops/attr.rs`: cleared by stores that shadow, by exposing an instance's
    /// `__dict__`, by `__class__` assignment; re-armed on type changes only while the type
    /// has never had an instance.
    pub unshadowed: AtomicU64,
    /// Layout kind of instances.
    pub inst_kind: u8,
    pub type_flags: AtomicU32,
    /// Number of `__slots__` entries in instances (user types).
    pub nslots: AtomicUsize,
    /// Index into the native type table for built-in types (usize::MAX otherwise).
    pub native: usize,
    /// Special-method cache: resolved `__add__`, `__eq__`, ... (NULL = not defined).
    pub specials: [Slot; TYPE_SPECIALS],
    /// Shared attribute names of instances (`types/shape.rs`): a tuple of
    /// `shape::MAX_KEYS` slots, the first `nkeys` filled; NULL until the first store.
    pub keys: Slot,
    pub nkeys: AtomicUsize,
}

#[repr(C)]
pub struct FunctionObj {
    pub h: Header,
    pub code: Slot,
    pub globals: Slot,
    pub name: Slot,
    pub qualname: Slot,
    pub defaults: Slot,
    pub kwdefaults: Slot,
    pub closure: Slot,
    pub doc: Slot,
    pub dict: Slot,
    pub annotations: Slot,
    pub module: Slot,
    pub builtins: Slot,
}

/// A function written in Rust. `fptr` is a `NativeFn`; `bound` is the receiver of a
/// bound built-in method, or NULL.
#[repr(C)]
pub struct NativeObj {
    pub h: Header,
    pub fptr: usize,
    pub name: Slot,
    pub bound: Slot,
    /// The type owning a method descriptor (NULL for plain functions).
    pub owner: Slot,
    pub doc: Slot,
    /// Raw words for slot wrappers and getters (a function pointer and a small tag),
    /// handed to the native through `Vm::native_data` while it runs.
    pub data: usize,
    pub data2: usize,
}

#[repr(C)]
pub struct BoundMethodObj {
    pub h: Header,
    pub func: Slot,
    pub receiver: Slot,
}

#[repr(C)]
pub struct CellObj {
    pub h: Header,
    pub value: Slot,
}

/// Code object: the compiled data lives outside the heap (stable address, so the
/// interpreter may keep a pointer to its instructions across safepoints); its `Value`s
/// (constants, names) are traced through `info`.
#[repr(C)]
pub struct CodeObj {
    pub h: Header,
    pub info: *mut crate::compiler::code::CodeInfo,
}

#[repr(C)]
pub struct ModuleObj {
    pub h: Header,
    pub dict: Slot,
    pub name: Slot,
}

#[repr(C)]
pub struct RangeObj {
    pub h: Header,
    pub start: Slot,
    pub stop: Slot,
    pub step: Slot,
    pub len: Slot,
}

#[repr(C)]
pub struct SliceObj {
    pub h: Header,
    pub start: Slot,
    pub stop: Slot,
    pub step: Slot,
}

#[repr(C)]
pub struct ExceptionObj {
    pub h: Header,
    pub args: Slot,
    pub traceback: Slot,
    pub cause: Slot,
    pub context: Slot,
    pub dict: Slot,
    pub suppress_context: AtomicUsize,
}

/// Generator, coroutine: a suspended frame saved in `saved` (an Array holding locals and
/// the value stack).
#[repr(C)]
pub struct GeneratorObj {
    pub h: Header,
    pub func: Slot,
    pub code: Slot,
    pub globals: Slot,
    pub saved: Slot,
    pub name: Slot,
    pub qualname: Slot,
    /// Values of `saved` in use.
    pub nsaved: AtomicUsize,
    pub ip: AtomicUsize,
    /// 0 created, 1 suspended, 2 running, 3 finished.
    pub state: AtomicUsize,
    /// Object being delegated to by `yield from` / `await` (NULL otherwise).
    pub yieldfrom: Slot,
    pub builtins: Slot,
}

pub const RECORD_SLOTS: usize = 4;

/// Generic record: four traced slots and two raw words. `rec_kind` in the header tells
/// which record it is (an iterator, a descriptor, ...).
#[repr(C)]
pub struct RecordObj {
    pub h: Header,
    pub s: [Slot; RECORD_SLOTS],
    pub a: AtomicI64,
    pub b: AtomicI64,
}

/// `collections.deque`: `len` items starting at slot `head` of the ring buffer `items`
/// (an Array, wrapping around its end). `seq` is a sequence-lock counter (odd while a
/// writer changes the words, so readers retry torn reads); `state` is CPython's mutation
/// counter (iterators detect mutation with it). See `types/deque.rs`.
#[repr(C)]
pub struct DequeObj {
    pub h: Header,
    pub len: AtomicUsize,
    pub head: AtomicUsize,
    pub items: Slot,
    /// `__dict__` of instances of deque subclasses (NULL otherwise).
    pub dict: Slot,
    /// Maximum length, or -1 when unbounded.
    pub maxlen: AtomicI64,
    pub seq: AtomicU64,
    pub state: AtomicU64,
}

/// Size in bytes of the fixed part of each kind.
pub fn fixed_size(kind: Kind) -> usize {
    use std::mem::size_of;
    match kind {
        Kind::Empty => HEADER_SIZE,
        Kind::Float => size_of::<FloatObj>(),
        Kind::Complex => size_of::<ComplexObj>(),
        Kind::BigInt => size_of::<BigIntObj>(),
        Kind::Str => size_of::<StrObj>(),
        Kind::Bytes => size_of::<BytesObj>(),
        Kind::ByteArray => size_of::<ByteArrayObj>(),
        Kind::Tuple => size_of::<TupleObj>(),
        Kind::List => size_of::<ListObj>(),
        Kind::Array => size_of::<ArrayObj>(),
        Kind::Dict => size_of::<DictObj>(),
        Kind::DictTable => size_of::<DictTableObj>(),
        Kind::Set => size_of::<SetObj>(),
        Kind::SetTable => size_of::<SetTableObj>(),
        Kind::Instance => size_of::<InstanceObj>(),
        Kind::Type => size_of::<TypeObj>(),
        Kind::Function => size_of::<FunctionObj>(),
        Kind::Native => size_of::<NativeObj>(),
        Kind::BoundMethod => size_of::<BoundMethodObj>(),
        Kind::Cell => size_of::<CellObj>(),
        Kind::Code => size_of::<CodeObj>(),
        Kind::Module => size_of::<ModuleObj>(),
        Kind::Range => size_of::<RangeObj>(),
        Kind::Slice => size_of::<SliceObj>(),
        Kind::Exception => size_of::<ExceptionObj>(),
        Kind::Generator => size_of::<GeneratorObj>(),
        Kind::Record => size_of::<RecordObj>(),
        Kind::Raw => size_of::<RawObj>(),
        Kind::Deque => size_of::<DequeObj>(),
    }
}

impl Kind {
    /// The kind stored as a byte (types record their instances' kind this way).
    pub fn from_u8(k: u8) -> Kind {
        assert!(k <= Kind::Deque as u8, "hotpy: invalid kind byte {k}");
        // SAFETY: `Kind` is `repr(u8)` with the discriminants 0..=Deque (the last), and
        // `k` is in range.
        unsafe { std::mem::transmute::<u8, Kind>(k) }
    }
}

/// Typed view of a heap object. Callers must know the kind (checked in debug builds).
///
/// # Safety
/// `v` must be a live heap object whose layout is `T`.
#[inline(always)]
pub unsafe fn obj<'a, T>(v: Value) -> &'a T {
    debug_assert!(v.is_ptr());
    // SAFETY: the caller guarantees `v` is a live object of layout `T`; objects are never
    // freed while a mutator runs (only at safepoints), and all mutable fields are atomics.
    unsafe { &*(v.0 as *const T) }
}

#[inline(always)]
pub fn header<'a>(v: Value) -> &'a Header {
    debug_assert!(v.is_ptr());
    // SAFETY: every heap object starts with a Header; `v` is a heap pointer (checked by
    // callers via `is_ptr`), valid until the next safepoint.
    unsafe { &*(v.0 as *const Header) }
}

#[inline(always)]
pub fn kind_of(v: Value) -> Kind {
    header(v).kind
}

/// True for the immutable kinds whose subclass instances keep their `__dict__` in a
/// *side slot*: one word allocated after the payload, the object's last word, there
/// exactly when the object's `FLAG_HAS_DICT` is set (by `Vm::alloc`, when the type is a
/// heap subclass with a `__dict__`). The payload's own length fields never cover it.
#[inline(always)]
pub fn side_dict_kind(k: Kind) -> bool {
    matches!(
        k,
        Kind::Float | Kind::Complex | Kind::BigInt | Kind::Str | Kind::Bytes | Kind::Tuple
    )
}

/// The side slot holding the `__dict__` of `v` (see `side_dict_kind`), if it has one.
#[inline]
pub fn side_dict<'a>(v: Value) -> Option<&'a Slot> {
    let h = header(v);
    if !side_dict_kind(h.kind) || h.flags.load(Ordering::Relaxed) & FLAG_HAS_DICT == 0 {
        return None;
    }
    let size = gc_parallel::object_size(v.0);
    // SAFETY: an object with the flag was allocated one word longer than its payload
    // (`Vm::alloc`), so its last word, 8-aligned inside the object, is that zeroed slot.
    Some(unsafe { &*((v.0 + size - 8) as *const Slot) })
}

/// Pointer to the inline array that follows a fixed-size payload.
#[inline(always)]
pub fn tail<T>(v: Value, fixed: usize) -> *mut T {
    (v.0 + fixed) as *mut T
}

/// The slots of a tuple.
#[inline(always)]
pub fn tuple_slots<'a>(v: Value) -> &'a [Slot] {
    // SAFETY: `v` is a tuple (callers check the kind); `len` slots follow the fixed part.
    unsafe {
        let t = obj::<TupleObj>(v);
        std::slice::from_raw_parts(tail::<Slot>(v, std::mem::size_of::<TupleObj>()), t.len)
    }
}

#[inline(always)]
pub fn array_slots<'a>(v: Value) -> &'a [Slot] {
    // SAFETY: `v` is an Array; `cap` slots follow the fixed part.
    unsafe {
        let t = obj::<ArrayObj>(v);
        std::slice::from_raw_parts(tail::<Slot>(v, std::mem::size_of::<ArrayObj>()), t.cap)
    }
}

#[inline(always)]
pub fn instance_slots<'a>(v: Value) -> &'a [Slot] {
    // SAFETY: `v` is an Instance; `nslots` slots follow the fixed part.
    unsafe {
        let t = obj::<InstanceObj>(v);
        std::slice::from_raw_parts(
            tail::<Slot>(v, std::mem::size_of::<InstanceObj>()),
            t.nslots as usize,
        )
    }
}

#[inline(always)]
pub fn str_bytes<'a>(v: Value) -> &'a [u8] {
    // SAFETY: `v` is a str; `nbytes` immutable bytes follow the fixed part.
    unsafe {
        let s = obj::<StrObj>(v);
        std::slice::from_raw_parts(tail::<u8>(v, std::mem::size_of::<StrObj>()), s.nbytes)
    }
}

#[inline(always)]
pub fn bytes_data<'a>(v: Value) -> &'a [u8] {
    // SAFETY: `v` is a bytes object; `len` immutable bytes follow the fixed part.
    unsafe {
        let s = obj::<BytesObj>(v);
        std::slice::from_raw_parts(tail::<u8>(v, std::mem::size_of::<BytesObj>()), s.len)
    }
}

/// The raw buffer of a Raw object, mutable. Writers hold the owner's lock.
#[inline(always)]
#[allow(clippy::mut_from_ref)]
pub fn raw_data<'a>(v: Value) -> &'a mut [u8] {
    // SAFETY: `v` is a Raw object with `cap` bytes; the owning object's write lock (or
    // single-threaded mode) serialises writers, and readers tolerate torn bytes as
    // CPython's bytearray does under races.
    unsafe {
        let s = obj::<RawObj>(v);
        std::slice::from_raw_parts_mut(tail::<u8>(v, std::mem::size_of::<RawObj>()), s.cap)
    }
}

#[inline(always)]
pub fn bigint_digits<'a>(v: Value) -> &'a [u32] {
    // SAFETY: `v` is a BigInt; `len` immutable digits follow the fixed part.
    unsafe {
        let s = obj::<BigIntObj>(v);
        std::slice::from_raw_parts(tail::<u32>(v, std::mem::size_of::<BigIntObj>()), s.len)
    }
}

/// Bytes per index word of a dict table with `nindex` index words: one byte while
/// entry numbers (below `nindex * 2 / 3`) and the EMPTY/DUMMY markers fit in an i8, four
/// bytes up to 2^31 words, else eight (CPython sizes its index arrays the same way).
#[inline(always)]
pub fn dict_index_width(nindex: usize) -> usize {
    if nindex <= 128 {
        1
    } else if nindex <= 1 << 31 {
        4
    } else {
        8
    }
}

/// Byte size of a table's index array, padded so the entries stay 8-aligned.
#[inline(always)]
pub fn dict_index_bytes(nindex: usize) -> usize {
    (dict_index_width(nindex) * nindex + 7) & !7
}

/// The index array of a dict table: `len` atomic words of `dict_index_width` bytes.
pub struct DictIndices {
    base: usize,
    len: usize,
    width: usize,
}

impl DictIndices {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Index word `i` (`i < len`, which callers get by masking with `len - 1`).
    #[inline(always)]
    pub fn load(&self, i: usize) -> i64 {
        assert!(i < self.len);
        // SAFETY: `i < len`, and the table holds `len` atomic words of `width` bytes at
        // `base`, naturally aligned (the array starts 8-aligned); the table is live while
        // the caller holds it (objects move only at safepoints).
        unsafe {
            match self.width {
                1 => (*(self.base as *const AtomicI8).add(i)).load(Ordering::Acquire) as i64,
                4 => (*(self.base as *const AtomicI32).add(i)).load(Ordering::Acquire) as i64,
                _ => (*(self.base as *const AtomicI64).add(i)).load(Ordering::Acquire),
            }
        }
    }

    /// Sets index word `i` to `v` (an entry number below the table's capacity, EMPTY or
    /// DUMMY: all fit the width).
    #[inline(always)]
    pub fn store(&self, i: usize, v: i64) {
        assert!(i < self.len);
        // SAFETY: as in `load`.
        unsafe {
            match self.width {
                1 => (*(self.base as *const AtomicI8).add(i)).store(v as i8, Ordering::Release),
                4 => (*(self.base as *const AtomicI32).add(i)).store(v as i32, Ordering::Release),
                _ => (*(self.base as *const AtomicI64).add(i)).store(v, Ordering::Release),
            }
        }
    }
}

pub fn dict_indices(t: Value) -> DictIndices {
    // SAFETY: `t` is a DictTable.
    let o = unsafe { obj::<DictTableObj>(t) };
    DictIndices {
        base: t.0 + std::mem::size_of::<DictTableObj>(),
        len: o.nindex,
        width: o.index_width,
    }
}

pub fn dict_entries<'a>(t: Value) -> &'a [DictEntry] {
    // SAFETY: `t` is a DictTable; `cap` entries follow the index words.
    unsafe {
        let o = obj::<DictTableObj>(t);
        std::slice::from_raw_parts(tail::<DictEntry>(t, o.entries_at), o.cap)
    }
}

pub fn set_entries<'a>(t: Value) -> &'a [SetEntry] {
    // SAFETY: `t` is a SetTable; `cap` entries follow the fixed part.
    unsafe {
        let o = obj::<SetTableObj>(t);
        std::slice::from_raw_parts(
            tail::<SetEntry>(t, std::mem::size_of::<SetTableObj>()),
            o.cap,
        )
    }
}

/// The object model the collector scans with.
pub struct PyModel;

impl gc_parallel::ObjectModel for PyModel {
    fn scan<T: Tracer>(addr: usize, t: &mut T) {
        scan_object(Value(addr), t)
    }
}

macro_rules! trace_fields {
    ($t:expr, $o:expr, $($f:ident),*) => {{ $( $o.$f.trace($t); )* }};
}

/// Traces every reference slot of the object at `v`.
/// Kinds whose objects reference nothing but their type (and a side dict if they have
/// one): `scan_object` traces nothing else for them.
pub fn is_leaf_kind(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Empty
            | Kind::Raw
            | Kind::Float
            | Kind::Complex
            | Kind::BigInt
            | Kind::Str
            | Kind::Bytes
    )
}

pub fn scan_object<T: Tracer + ?Sized>(v: Value, t: &mut T) {
    let h = header(v);
    h.ty.trace(t);
    // SAFETY (all arms): the kind byte was written at allocation and describes the layout.
    unsafe {
        match h.kind {
            Kind::Empty | Kind::Raw => {}
            Kind::Float | Kind::Complex | Kind::BigInt | Kind::Str | Kind::Bytes => {
                if let Some(d) = side_dict(v) {
                    d.trace(t);
                }
            }
            Kind::ByteArray => trace_fields!(t, obj::<ByteArrayObj>(v), buf, dict),
            Kind::Tuple => {
                tuple_slots(v).iter().for_each(|s| s.trace(t));
                if let Some(d) = side_dict(v) {
                    d.trace(t);
                }
            }
            Kind::Array => array_slots(v).iter().for_each(|s| s.trace(t)),
            Kind::List => trace_fields!(t, obj::<ListObj>(v), items, dict),
            Kind::Deque => trace_fields!(t, obj::<DequeObj>(v), items, dict),
            Kind::Dict => trace_fields!(t, obj::<DictObj>(v), table, dict),
            Kind::DictTable => {
                let used = obj::<DictTableObj>(v).used.load(Ordering::Relaxed);
                for e in &dict_entries(v)[..used] {
                    e.key.trace(t);
                    e.value.trace(t);
                }
            }
            Kind::Set => trace_fields!(t, obj::<SetObj>(v), table, dict),
            Kind::SetTable => set_entries(v).iter().for_each(|e| e.key.trace(t)),
            Kind::Instance => {
                obj::<InstanceObj>(v).dict.trace(t);
                instance_slots(v).iter().for_each(|s| s.trace(t));
                crate::types::shape::values(v)
                    .iter()
                    .for_each(|s| s.trace(t));
            }
            Kind::Type => {
                let o = obj::<TypeObj>(v);
                trace_fields!(t, o, name, qualname, module, bases, mro, dict, subclasses);
                o.specials.iter().for_each(|s| s.trace(t));
                o.keys.trace(t);
            }
            Kind::Function => trace_fields!(
                t,
                obj::<FunctionObj>(v),
                code,
                globals,
                name,
                qualname,
                defaults,
                kwdefaults,
                closure,
                doc,
                dict,
                annotations,
                module,
                builtins
            ),
            Kind::Native => trace_fields!(t, obj::<NativeObj>(v), name, bound, owner, doc),
            Kind::BoundMethod => trace_fields!(t, obj::<BoundMethodObj>(v), func, receiver),
            Kind::Cell => trace_fields!(t, obj::<CellObj>(v), value),
            Kind::Code => {
                let info = &mut *obj::<CodeObj>(v).info;
                info.trace(&mut |w: &mut usize| {
                    if Value::needs_trace(*w) {
                        t.trace(w)
                    }
                });
            }
            Kind::Module => trace_fields!(t, obj::<ModuleObj>(v), dict, name),
            Kind::Range => trace_fields!(t, obj::<RangeObj>(v), start, stop, step, len),
            Kind::Slice => trace_fields!(t, obj::<SliceObj>(v), start, stop, step),
            Kind::Exception => trace_fields!(
                t,
                obj::<ExceptionObj>(v),
                args,
                traceback,
                cause,
                context,
                dict
            ),
            Kind::Generator => trace_fields!(
                t,
                obj::<GeneratorObj>(v),
                func,
                code,
                globals,
                saved,
                name,
                qualname,
                yieldfrom,
                builtins
            ),
            Kind::Record => {
                let r = obj::<RecordObj>(v);
                if h.rec_kind == crate::types::record::REC_WEAKREF {
                    r.s[0].trace_weak(v, t);
                    r.s[1..].iter().for_each(|s| s.trace(t));
                } else {
                    r.s.iter().for_each(|s| s.trace(t));
                }
            }
        }
    }
}

/// Convenience: relaxed atomic helpers used by payload code.
pub fn load(a: &AtomicUsize) -> usize {
    a.load(Ordering::Acquire)
}
pub fn store(a: &AtomicUsize, v: usize) {
    a.store(v, Ordering::Release)
}
pub fn load_u64(a: &AtomicU64) -> u64 {
    a.load(Ordering::Acquire)
}
pub fn load_u32(a: &AtomicU32) -> u32 {
    a.load(Ordering::Acquire)
}
