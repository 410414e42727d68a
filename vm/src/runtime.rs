//! Process-wide state shared by every interpreter thread.
//!
//! Built-in types, the singletons (None, True, False, NotImplemented, Ellipsis), interned
//! strings and the core modules are allocated PINNED on the heap: they never move and are
//! never freed, so their addresses are stable constants that every thread may compare
//! against and cache. The collector scans pinned objects as roots, so references they hold
//! to movable objects stay valid. Pinned objects that can never hold such a reference
//! are *leaves*, never scanned: interned strings, the start-up's native functions, and
//! code constants (strs, bytes, numbers, tuples of pinned items, docstrings), which
//! `make_code` pins because a code object's `CodeInfo` lives for good anyway.
//!
//! What must hold: `globals()` is set once, before any Python code runs; after that the
//! table is read-only (the objects it points to are mutable only through their own locks).

use crate::obj::layout::PyModel;
use crate::value::Value;
use gc_parallel::Heap;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::OnceLock;

macro_rules! builtin_types {
    ($($id:ident = $name:literal),* $(,)?) => {
        /// Built-in types, indexed into `Globals::types`.
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        #[repr(u16)]
        pub enum T { $($id),* }
        impl T {
            pub const ALL: &'static [T] = &[$(T::$id),*];
            pub const COUNT: usize = [$(T::$id),*].len();
            pub fn name(self) -> &'static str {
                match self { $(T::$id => $name),* }
            }
        }
    };
}

builtin_types! {
    Object = "object",
    Type = "type",
    NoneType = "NoneType",
    NotImplementedType = "NotImplementedType",
    Ellipsis = "ellipsis",
    Bool = "bool",
    Int = "int",
    Float = "float",
    Complex = "complex",
    Str = "str",
    Bytes = "bytes",
    ByteArray = "bytearray",
    Tuple = "tuple",
    List = "list",
    Dict = "dict",
    Set = "set",
    FrozenSet = "frozenset",
    Range = "range",
    Slice = "slice",
    Function = "function",
    BuiltinFunction = "builtin_function_or_method",
    MethodDescriptor = "method_descriptor",
    Method = "method",
    Cell = "cell",
    Code = "code",
    Module = "module",
    Property = "property",
    ClassMethod = "classmethod",
    StaticMethod = "staticmethod",
    Super = "super",
    Generator = "generator",
    Coroutine = "coroutine",
    AsyncGenerator = "async_generator",
    Array = "array_storage",
    DictTable = "dict_table",
    SetTable = "set_table",
    RawBuffer = "raw_buffer",
    Traceback = "traceback",
    Frame = "frame",
    ListIter = "list_iterator",
    TupleIter = "tuple_iterator",
    StrIter = "str_ascii_iterator",
    BytesIter = "bytes_iterator",
    RangeIter = "range_iterator",
    DictKeys = "dict_keys",
    DictValues = "dict_values",
    DictItems = "dict_items",
    DictKeyIter = "dict_keyiterator",
    DictValueIter = "dict_valueiterator",
    DictItemIter = "dict_itemiterator",
    SetIter = "set_iterator",
    SeqIter = "iterator",
    CallIter = "callable_iterator",
    Enumerate = "enumerate",
    Zip = "zip",
    Map = "map",
    Filter = "filter",
    Reversed = "reversed",
    ListRevIter = "list_reverseiterator",
    MappingProxy = "mappingproxy",
    MemberDescriptor = "member_descriptor",
    GetSetDescriptor = "getset_descriptor",
    ClassMethodDescriptor = "classmethod_descriptor",
    SlotWrapper = "wrapper_descriptor",
    TextIO = "TextIOWrapper",
    BufferedIO = "BufferedReader",
    Lock = "lock",
    SimpleNamespace = "SimpleNamespace",
    Deque = "collections.deque",
    DequeIter = "_collections._deque_iterator",
    DequeRevIter = "_collections._deque_reverse_iterator",
    CoroWrapper = "coroutine_wrapper",
    AsyncGenASend = "async_generator_asend",
    WeakRef = "ReferenceType",
}

/// Singletons and other pinned values every thread needs.
pub struct Globals {
    pub none: Value,
    pub true_: Value,
    pub false_: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    /// Marks a deleted entry in set tables.
    pub dummy: Value,
    pub empty_tuple: Value,
    pub empty_str: Value,
    /// Exception types by `ExcKind`.
    pub exc_types: Vec<Value>,
    /// The `builtins` module, `sys` module and `sys.modules`.
    pub builtins: Value,
    pub builtins_dict: Value,
    pub sys: Value,
    pub sys_modules: Value,
    /// One-character strings for code points < 256.
    pub chars: Vec<Value>,
    /// Interned identifier strings by name.
    pub names: crate::runtime::names::Names,
    /// Interned `[__op__, __rop__, __iop__]` for each `BinOp`, by its number.
    pub binop_names: Vec<[Value; 3]>,
}

pub mod exc_kinds;
pub mod names;
pub use exc_kinds::ExcKind;

static GLOBALS: OnceLock<Globals> = OnceLock::new();

/// The process-wide table. Panics only if called before `install` (a VM bug).
#[inline(always)]
pub fn g() -> &'static Globals {
    match GLOBALS.get() {
        Some(g) => g,
        None => unreachable_globals(),
    }
}

#[cold]
fn unreachable_globals() -> ! {
    panic!("hotpy: runtime used before initialisation")
}

pub fn install(gl: Globals) -> bool {
    GLOBALS.set(gl).is_ok()
}

pub fn is_installed() -> bool {
    GLOBALS.get().is_some()
}

/// Built-in type objects, by `T`. A plain static table (not part of `Globals`) so that
/// bootstrap can create the types before anything else exists. Written only during
/// bootstrap (single-threaded); the objects are pinned, so the addresses never change.
static TYPES: [AtomicUsize; T::COUNT] = [const { AtomicUsize::new(0) }; T::COUNT];

#[inline(always)]
pub fn ty(t: T) -> Value {
    Value(TYPES[t as usize].load(Ordering::Relaxed))
}

/// Registers a built-in type object (bootstrap only).
pub fn set_ty(t: T, v: Value) {
    TYPES[t as usize].store(v.0, Ordering::Relaxed);
}

/// The heap and other shared mutable runtime state.
pub struct Shared {
    pub heap: Heap<PyModel>,
    /// Interned strings (pinned), by content.
    pub interned: Mutex<HashMap<Box<str>, Value>>,
    pub next_type_version: AtomicU64,
    pub options: Options,
    pub stats: crate::interp::stats::Stats,
    /// The stop-the-world handshake every interpreter thread takes part in.
    pub safepoints: std::sync::Arc<gc_parallel::safepoint::Safepoints>,
    /// Addresses of the live `Vm`s (boxed, so they never move): the collector traces the
    /// roots of each. A `Vm` adds itself when made and removes itself when dropped.
    pub vms: Mutex<Vec<usize>>,
    /// Collections so far: a thread that sees it change after a pause clears its caches
    /// of heap addresses.
    pub gc_epoch: AtomicU64,
    /// Object-lock statistics of the threads that have ended (see `Vm::lock_counts`).
    pub lock_totals: Mutex<crate::obj::objlock::LockCounts>,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Collect at every safepoint (HOTPY_GC_STRESS=1).
    pub gc_stress: bool,
    pub recursion_limit: usize,
}

static SHARED: OnceLock<Shared> = OnceLock::new();

#[inline(always)]
pub fn shared() -> &'static Shared {
    match SHARED.get() {
        Some(s) => s,
        None => unreachable_globals(),
    }
}

pub fn install_shared(s: Shared) -> bool {
    SHARED.set(s).is_ok()
}

pub fn shared_installed() -> bool {
    SHARED.get().is_some()
}

/// First type version tag. Dict keys versions (`types/dict.rs`) count up from 1, so the
/// two never meet, and an inline cache can be keyed by either (LOAD_ATTR caches a class
/// lookup under a type version, or a module attribute under its dict's keys version).
pub const TYPE_VERSION_BASE: u64 = 1 << 62;

pub fn new_type_version() -> u64 {
    shared().next_type_version.fetch_add(1, Ordering::Relaxed)
}
