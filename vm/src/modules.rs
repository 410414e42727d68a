//! Native modules (`sys`, `math`, `time`, `random`, `gc`...) and hotpy's own library
//! modules written in Python (`vm/lib/*.py`, built into the executable).
//!
//! What must hold: `sys` exists from start-up (the CLI fills `argv` and `path`); other
//! native modules are created on first import and cached in `sys.modules`. Library
//! modules are found before `sys.path` is searched (like CPython's frozen modules).

use crate::interp::state::{PyResult, Vm};
use crate::runtime::g;
use crate::value::Value;

pub mod gc;
pub mod math;
pub mod os;
pub mod random;
pub mod structseq;
pub mod sys;
pub mod thread;
pub mod thread_local;
pub mod time;
pub mod weakref;

/// Creates the modules that exist from start-up (`builtins`, `sys`).
pub fn init_core(vm: &mut Vm) -> PyResult<()> {
    let k = vm.intern("builtins")?;
    vm.dict_set(g().sys_modules, k, g().builtins)?;
    let k = vm.intern("sys")?;
    vm.dict_set(g().sys_modules, k, g().sys)?;
    sys::init(vm)
}

/// The native module `name`, created on first import; `None` if there is no such module.
pub fn native_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = match name {
        "math" => math::make(vm)?,
        "random" => random::make(vm)?,
        "time" => time::make(vm)?,
        "gc" => gc::make(vm)?,
        "_os" => os::make(vm)?,
        "_thread" => thread::make(vm)?,
        "_weakref" => weakref::make(vm)?,
        "_collections" => crate::types::deque::make_module(vm)?,
        _ => return Ok(None),
    };
    Ok(Some(m))
}

/// Source of a library module written in Python and shipped inside hotpy.
pub fn library_source(name: &str) -> Option<&'static str> {
    Some(match name {
        "_collections_abc" => include_str!("../lib/_collections_abc.py"),
        "_collections_more" => include_str!("../lib/_collections_more.py"),
        "_re_engine" => include_str!("../lib/_re_engine.py"),
        "_re_parser" => include_str!("../lib/_re_parser.py"),
        "abc" => include_str!("../lib/abc.py"),
        "atexit" => include_str!("../lib/atexit.py"),
        "bisect" => include_str!("../lib/bisect.py"),
        "collections" => include_str!("../lib/collections.py"),
        "concurrent" => include_str!("../lib/concurrent/__init__.py"),
        "concurrent.futures" => include_str!("../lib/concurrent/futures.py"),
        "contextlib" => include_str!("../lib/contextlib.py"),
        "copy" => include_str!("../lib/copy.py"),
        "dataclasses" => include_str!("../lib/dataclasses.py"),
        "enum" => include_str!("../lib/enum.py"),
        "functools" => include_str!("../lib/functools.py"),
        "heapq" => include_str!("../lib/heapq.py"),
        "importlib" => include_str!("../lib/importlib.py"),
        "io" => include_str!("../lib/io.py"),
        "itertools" => include_str!("../lib/itertools.py"),
        "json" => include_str!("../lib/json.py"),
        "keyword" => include_str!("../lib/keyword.py"),
        "operator" => include_str!("../lib/operator.py"),
        "os" => include_str!("../lib/os.py"),
        "posixpath" => include_str!("../lib/posixpath.py"),
        "queue" => include_str!("../lib/queue.py"),
        "re" => include_str!("../lib/re.py"),
        "string" => include_str!("../lib/string.py"),
        "threading" => include_str!("../lib/threading.py"),
        "types" => include_str!("../lib/types.py"),
        "weakref" => include_str!("../lib/weakref.py"),
        _ => return None,
    })
}

/// Calls `module.func()` if `module` was imported (the interpreter's exit hooks, e.g.
/// `atexit._run_exitfuncs`); an exception is printed to stderr and dropped.
pub fn call_exit_hook(vm: &mut Vm, module: &str, func: &str) {
    let run = |vm: &mut Vm| -> PyResult<()> {
        let k = vm.intern(module)?;
        let Some(m) = vm.dict_get(g().sys_modules, k)? else {
            return Ok(());
        };
        let k = vm.intern(func)?;
        if let Some(f) = vm.getattr_opt(m, k)? {
            vm.call(f, &[])?;
        }
        Ok(())
    };
    if run(vm).is_err() {
        let e = vm.exc;
        vm.exc = Value::NULL;
        if e.is_ptr() {
            let text = vm.format_exception(e);
            vm.write_stderr(&text);
        }
    }
}

/// Whether the library module `name` is a package (`vm/lib/<name>/__init__.py`): its
/// submodules are library modules too, named `<name>.<sub>`.
pub fn library_is_package(name: &str) -> bool {
    name == "concurrent"
}

/// `sys.stdout` when a program replaced it: NULL while it is the original stream (or
/// missing), None when the program set it to None (print then prints nothing).
pub fn sys_stdout(vm: &mut Vm) -> PyResult<Value> {
    replaced_stream(vm, "stdout", "__stdout__")
}

/// `sys.stderr` when a program replaced it, as `sys_stdout` says for `sys.stdout`:
/// `sys.excepthook` writes there, so a program that redirects `sys.stderr` (to an
/// `io.StringIO`, say) captures tracebacks as it does under CPython.
pub fn sys_stderr(vm: &mut Vm) -> PyResult<Value> {
    replaced_stream(vm, "stderr", "__stderr__")
}

/// `sys.<name>` unless it is still `sys.<orig>` (or missing): then NULL.
fn replaced_stream(vm: &mut Vm, name: &str, orig: &str) -> PyResult<Value> {
    let d = vm.dict_of(g().sys);
    let k = vm.intern(name)?;
    let Some(cur) = vm.dict_get(d, k)? else {
        return Ok(Value::NULL);
    };
    let k = vm.intern(orig)?;
    let orig = vm.dict_get(d, k)?;
    if Some(cur) == orig {
        return Ok(Value::NULL);
    }
    Ok(cur)
}
