//! Start-up: the heap, the built-in types, singletons, interned names, the exception
//! hierarchy and the core modules.
//!
//! Types are created bare first (every type object is allocated before any other
//! object, so that strings, tuples and dicts can be given their types), then linked:
//! names, MROs, dicts. Then the shared tables are installed and each type module adds
//! its methods and slots. Everything made here is pinned.
//!
//! What must hold: `init` runs once per process, on the first thread, before any Python
//! code; after it returns `g()` and `ty()` are valid and immutable.

use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::names::Names;
use crate::runtime::{self, set_ty, shared, ty, ExcKind, Globals, Options, Shared, T};
use crate::spec::BinOp;
use crate::types::typeobj::*;
use crate::value::Value;
use gc_parallel::{Heap, HeapConfig};
use parking_lot::Mutex;
use std::collections::HashMap;
use std::mem::size_of;
use std::sync::atomic::{AtomicU64, Ordering};

/// Layout of instances and base of each built-in type.
fn type_shape(t: T) -> (Kind, Option<T>, u32) {
    use T::*;
    let base = TF_BASETYPE;
    match t {
        Object => (Kind::Empty, None, base),
        Type => (Kind::Type, Some(Object), base),
        NoneType | NotImplementedType | Ellipsis => (Kind::Empty, Some(Object), 0),
        Bool => (Kind::BigInt, Some(Int), 0),
        Int => (Kind::BigInt, Some(Object), base),
        Float => (Kind::Float, Some(Object), base),
        Complex => (Kind::Complex, Some(Object), base),
        Str => (Kind::Str, Some(Object), base),
        Bytes => (Kind::Bytes, Some(Object), base),
        ByteArray => (Kind::ByteArray, Some(Object), base),
        Tuple => (Kind::Tuple, Some(Object), base),
        List => (Kind::List, Some(Object), base),
        Dict => (Kind::Dict, Some(Object), base),
        Set | FrozenSet => (Kind::Set, Some(Object), base),
        Range => (Kind::Range, Some(Object), 0),
        Slice => (Kind::Slice, Some(Object), 0),
        Function => (Kind::Function, Some(Object), 0),
        BuiltinFunction | MethodDescriptor => (Kind::Native, Some(Object), 0),
        Method => (Kind::BoundMethod, Some(Object), 0),
        Cell => (Kind::Cell, Some(Object), 0),
        Code => (Kind::Code, Some(Object), 0),
        Module => (Kind::Module, Some(Object), base),
        Generator | Coroutine | AsyncGenerator => (Kind::Generator, Some(Object), 0),
        Array => (Kind::Array, Some(Object), 0),
        DictTable => (Kind::DictTable, Some(Object), 0),
        SetTable => (Kind::SetTable, Some(Object), 0),
        RawBuffer => (Kind::Raw, Some(Object), 0),
        Deque => (Kind::Deque, Some(Object), base),
        Property | ClassMethod | StaticMethod | SimpleNamespace | Enumerate | Zip | Map
        | Filter | Reversed | WeakRef => (Kind::Record, Some(Object), base),
        _ => (Kind::Record, Some(Object), 0),
    }
}

/// Creates the process-wide runtime. Returns the first thread's `Vm`.
pub fn init(options: Options) -> Result<Box<Vm>, String> {
    if runtime::is_installed() {
        return Err("hotpy runtime initialised twice".into());
    }
    let mut config = HeapConfig::default();
    // A heap larger than the machine's memory cannot be used: past that, allocation
    // must fail with MemoryError rather than the process being killed.
    if let Some(ram) = physical_memory() {
        config.max_heap = config.max_heap.min(ram);
    }
    // HOTPY_GC_BUDGET_MB: the least allocation between collections, per thread.
    if let Some(mb) = std::env::var("HOTPY_GC_BUDGET_MB")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        config.min_budget = mb.clamp(1, 4096) << 20;
    }
    // HOTPY_GC_THREADS: copying workers of a collection (default: one per core). Given
    // with collection stress, every collection uses them (not only those of large
    // heaps), so that stress runs exercise the parallel copier.
    if let Some(n) = std::env::var("HOTPY_GC_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        config.gc_threads = n.clamp(1, 256);
        if options.gc_stress {
            config.parallel_min_live = 0;
        }
    }
    let heap = Heap::new(config);
    let sh = Shared {
        heap,
        interned: Mutex::new(HashMap::new()),
        next_type_version: AtomicU64::new(runtime::TYPE_VERSION_BASE),
        options,
        stats: Default::default(),
        safepoints: Default::default(),
        vms: Mutex::new(Vec::new()),
        gc_epoch: AtomicU64::new(0),
        lock_totals: Mutex::new(Default::default()),
    };
    runtime::install_shared(sh);
    let mut vm = Vm::new();
    let r = vm.with_pin_all(true, build);
    match r {
        Ok(()) => Ok(vm),
        Err(_) => Err("out of memory during start-up".into()),
    }
}

fn build(vm: &mut Vm) -> PyResult<()> {
    // 1. Bare type objects.
    for &t in T::ALL {
        let tv = vm.alloc_pinned(Kind::Type, Value::NULL, size_of::<TypeObj>())?;
        let (kind, _, _) = type_shape(t);
        // SAFETY: fresh type object; raw fields written before anyone reads them.
        unsafe {
            let o = tv.0 as *mut TypeObj;
            (*o).inst_kind = kind as u8;
            (*o).native = usize::MAX;
        }
        set_ty(t, tv);
    }
    // 2. Link: metatype, name, dict, MRO, flags.
    for &t in T::ALL {
        let tv = ty(t);
        header(tv).ty.set(ty(T::Type));
    }
    for &t in T::ALL {
        let tv = ty(t);
        let (_, base, flags) = type_shape(t);
        let o = crate::types::typeobj::t(tv);
        let nm = vm.intern(t.name().rsplit('.').next().unwrap_or(t.name()))?;
        o.name.set(nm);
        o.qualname.set(nm);
        let dict = vm.new_dict_pinned()?;
        o.dict.set(dict);
        o.type_flags.store(flags, Ordering::Relaxed);
        o.version
            .store(runtime::new_type_version(), Ordering::Relaxed);
        let mut chain = vec![tv];
        let mut b = base;
        while let Some(bt) = b {
            chain.push(ty(bt));
            b = type_shape(bt).1;
        }
        let m = vm.new_tuple(&chain)?;
        o.mro.set(m);
        let bases = match base {
            Some(bt) => vm.new_tuple(&[ty(bt)])?,
            None => vm.new_tuple(&[])?,
        };
        o.bases.set(bases);
    }
    // 3. Singletons and shared strings.
    let none = vm.alloc_pinned(Kind::Empty, ty(T::NoneType), HEADER_SIZE)?;
    let not_implemented = vm.alloc_pinned(Kind::Empty, ty(T::NotImplementedType), HEADER_SIZE)?;
    let ellipsis = vm.alloc_pinned(Kind::Empty, ty(T::Ellipsis), HEADER_SIZE)?;
    let dummy = vm.alloc_pinned(Kind::Empty, ty(T::Object), HEADER_SIZE)?;
    let false_ = pinned_bool(vm, false)?;
    let true_ = pinned_bool(vm, true)?;
    let empty_tuple = vm.alloc_pinned(Kind::Tuple, ty(T::Tuple), size_of::<TupleObj>())?;
    let empty_str = vm.intern("")?;
    let mut chars = Vec::with_capacity(256);
    for c in 0u32..256 {
        let s = char::from_u32(c).map(|c| c.to_string()).unwrap_or_default();
        chars.push(vm.intern(&s)?);
    }
    let names = {
        let mut err = None;
        let n = Names::build(|s| match vm.intern(s) {
            Ok(v) => v,
            Err(e) => {
                err = Some(e);
                Value::NULL
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
        n
    };
    let mut binop_names = Vec::with_capacity(BinOp::ALL.len());
    for op in BinOp::ALL {
        let (l, r) = crate::types::slots::binop_names(op);
        let i = crate::types::slots::inplace_name(op);
        binop_names.push([vm.intern(l)?, vm.intern(r)?, vm.intern(i)?]);
    }
    // 4. Exception types.
    let mut exc_types: Vec<Value> = Vec::with_capacity(ExcKind::ALL.len());
    for &k in ExcKind::ALL {
        let base = match k.base() {
            Some(b) => exc_types[b as usize],
            None => ty(T::Object),
        };
        let e = vm.new_static_type(k.name(), base, Kind::Exception, TF_BASETYPE | TF_EXCEPTION)?;
        exc_types.push(e);
    }
    // 5. builtins and sys.
    let builtins_dict = vm.new_dict_pinned()?;
    let bname = vm.intern("builtins")?;
    let builtins = vm.alloc_pinned(Kind::Module, ty(T::Module), size_of::<ModuleObj>())?;
    // SAFETY: fresh module.
    unsafe { obj::<ModuleObj>(builtins) }
        .dict
        .set(builtins_dict);
    unsafe { obj::<ModuleObj>(builtins) }.name.set(bname);
    let sys_dict = vm.new_dict_pinned()?;
    let sname = vm.intern("sys")?;
    let sys = vm.alloc_pinned(Kind::Module, ty(T::Module), size_of::<ModuleObj>())?;
    // SAFETY: fresh module.
    unsafe { obj::<ModuleObj>(sys) }.dict.set(sys_dict);
    unsafe { obj::<ModuleObj>(sys) }.name.set(sname);
    let sys_modules = vm.new_dict_pinned()?;
    runtime::install(Globals {
        none,
        true_,
        false_,
        not_implemented,
        ellipsis,
        dummy,
        empty_tuple,
        empty_str,
        exc_types,
        builtins,
        builtins_dict,
        sys,
        sys_modules,
        chars,
        names,
        binop_names,
    });
    let _ = shared();
    // 6. Methods and slots of every type; builtins; core modules.
    crate::types::init_all(vm)?;
    crate::builtins::init(vm)?;
    crate::modules::init_core(vm)?;
    run_prelude(vm)?;
    Ok(())
}

/// `_install(type, name, value)`: adds an attribute to a built-in type (prelude only).
fn prelude_install(vm: &mut Vm, a: &crate::interp::call::Args) -> PyResult<Value> {
    let name = vm.intern_value(a.get(1))?;
    let typ = a.get(0);
    vm.type_set_attr(typ, name, a.get(2))?;
    // The type's operators now live (partly) in its dict: dispatch them by name, for it
    // and for the built-in types below it.
    let mut todo = vec![typ];
    while let Some(t) = todo.pop() {
        crate::types::typeobj::t(t).type_flags.fetch_or(
            crate::types::typeobj::TF_DYNAMIC,
            std::sync::atomic::Ordering::Relaxed,
        );
        let subs = crate::types::typeobj::t(t).subclasses.get();
        if subs.is_ptr() {
            todo.extend(crate::types::list::list_items(subs));
        }
    }
    crate::types::usertype::update_flags(vm, a.get(0));
    Ok(crate::runtime::g().none)
}

/// `_install_plain(type, name, value)`: like `_install` for attributes that are not
/// operators (the type keeps its fast slot dispatch).
fn prelude_install_plain(vm: &mut Vm, a: &crate::interp::call::Args) -> PyResult<Value> {
    let name = vm.intern_value(a.get(1))?;
    vm.type_set_attr(a.get(0), name, a.get(2))?;
    Ok(crate::runtime::g().none)
}

/// `_mark_iterable_coroutine(f)`: `types.coroutine` for generator functions: their
/// generators become awaitable (CO_ITERABLE_COROUTINE).
fn mark_iterable_coroutine(_vm: &mut Vm, a: &crate::interp::call::Args) -> PyResult<Value> {
    let f = a.get(0);
    if f.is_ptr() && kind_of(f) == Kind::Function {
        let code = crate::interp::call::func(f).code.get();
        // SAFETY: `code` is a live code object owning its CodeInfo; the flags word is
        // only changed here, by `types.coroutine`, before the function's generators are
        // awaited (CPython patches `co_flags` the same way).
        unsafe {
            let info = obj::<CodeObj>(code).info;
            (*info).unit.flags |= crate::spec::co::ITERABLE_COROUTINE;
        }
    }
    Ok(f)
}

/// Runs hotpy's Python prelude (`vm/lib/_hotpy.py`) as module `_hotpy`.
fn run_prelude(vm: &mut Vm) -> PyResult<()> {
    const SRC: &str = include_str!("../lib/_hotpy.py");
    let m = vm.new_module_named("_hotpy")?;
    let d = vm.dict_of(m);
    vm.def_module_fns(
        d,
        &[
            ("_install", prelude_install),
            ("_install_plain", prelude_install_plain),
            ("_mark_iterable_coroutine", mark_iterable_coroutine),
        ],
    )?;
    let key = vm.intern("_deque")?;
    vm.dict_set(d, key, ty(T::Deque))?;
    let key = vm.intern("_hotpy")?;
    vm.dict_set(crate::runtime::g().sys_modules, key, m)?;
    let code = vm.compile_to_code(SRC, "<hotpy prelude>", crate::compiler::Mode::Exec)?;
    vm.exec_code(code, d, Value::NULL)?;
    Ok(())
}

/// A function defined by the prelude.
pub fn prelude_fn(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let key = vm.intern("_hotpy")?;
    let m = vm.dict_get(crate::runtime::g().sys_modules, key)?;
    let Some(m) = m else {
        return Err(vm.raise_msg(ExcKind::SystemError, "hotpy prelude missing"));
    };
    let nm = vm.intern(name)?;
    vm.getattr(m, nm)
}

fn pinned_bool(vm: &mut Vm, b: bool) -> PyResult<Value> {
    let digits: &[u32] = if b { &[1] } else { &[] };
    let size = size_of::<BigIntObj>() + 4 * digits.len();
    let v = vm.alloc_pinned(Kind::BigInt, ty(T::Bool), size)?;
    // SAFETY: fresh BigInt object with room for the digits.
    unsafe {
        let o = v.0 as *mut BigIntObj;
        (*o).negative = 0;
        (*o).len = digits.len();
        let p = tail::<u32>(v, size_of::<BigIntObj>());
        std::ptr::copy_nonoverlapping(digits.as_ptr(), p, digits.len());
    }
    Ok(v)
}

/// Total physical memory in bytes (Linux `/proc/meminfo`), if it can be read.
fn physical_memory() -> Option<usize> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    kib.checked_mul(1024)
}
