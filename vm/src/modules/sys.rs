//! The `sys` module.
//!
//! `sys` exists from start-up; the CLI fills `argv` and `path`. The standard streams
//! are file objects of `types::io`; `__stdout__` keeps the original so that `print`
//! can tell whether a program replaced `sys.stdout` (see `modules::sys_stdout`).
//! Struct sequences (`version_info`, `float_info`...) come from `structseq.rs`.
//! `_getframe` builds frame records (T::Frame, REC_FRAME: s0 = code, s1 = globals,
//! s2 = locals, s3 = the caller's frame record; a = line) from the frame stack.
//!
//! What must hold: `sys.modules` is the dict the import system uses (`g().sys_modules`).

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::record::REC_FRAME;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use std::sync::atomic::{AtomicI64, Ordering};

pub const VERSION: &str = "3.11.7 (hotpy 0.1.0) [Rust]";
const HEXVERSION: i64 = 0x030B07F0;

/// `sys.get_int_max_str_digits()`: 0 means no limit.
static INT_MAX_STR_DIGITS: AtomicI64 = AtomicI64::new(4300);

/// The current limit on int <-> str conversion digits (0 = unlimited).
pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.load(Ordering::Relaxed) as usize
}

fn sys_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args: Vec<Value> = (0..a.len()).map(|i| a.get(i)).collect();
    let t = crate::ops::exc::exc_type(ExcKind::SystemExit);
    let e = vm.call(t, &args)?;
    vm.exc = e;
    Err(crate::interp::state::Raised)
}

fn sys_getrecursionlimit(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_int(vm.recursion_limit as i64)
}

fn sys_setrecursionlimit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, "setrecursionlimit")?;
    let v = a.get(0);
    if !crate::types::int::is_int(v) {
        let msg = format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(type_of(v))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let n = vm.index_i64(v)?;
    if n < 1 {
        return Err(vm.raise_msg(
            ExcKind::ValueError,
            "recursion limit must be greater or equal than 1",
        ));
    }
    vm.recursion_limit = (n as usize).min(crate::interp::state::MAX_FRAMES);
    Ok(g().none)
}

fn sys_getsizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.is_empty() || a.len() > 2 {
        let msg = format!("getsizeof() takes at most 2 arguments ({} given)", a.len());
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let o = a.get(0);
    let nm = vm.intern("__sizeof__")?;
    let r = match vm.call_special(o, nm, &[]) {
        Ok(Some(r)) => r,
        Ok(None) | Err(_) => {
            if let Some(d) = a.opt(1).or_else(|| a.kw("default")) {
                vm.exc = Value::NULL;
                return Ok(d);
            }
            if vm.exc.is_null() {
                let msg = format!("Type {} doesn't define __sizeof__", type_name(type_of(o)));
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            return Err(crate::interp::state::Raised);
        }
    };
    let n = vm.index_i64(r)?;
    if n < 0 {
        return Err(vm.raise_msg(ExcKind::ValueError, "__sizeof__() should return >= 0"));
    }
    // CPython adds the collector's header of tracked objects.
    let extra = if o.is_ptr()
        && !matches!(
            kind_of(o),
            Kind::Str | Kind::Float | Kind::BigInt | Kind::Bytes
        ) {
        16
    } else {
        0
    };
    vm.new_int(n + extra)
}

fn sys_intern(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, "intern")?;
    let s = a.get(0);
    if !(s.is_ptr() && type_of(s) == ty(T::Str)) {
        let msg = format!(
            "intern() argument must be str, not {}",
            type_name(type_of(s))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    vm.intern_value(s)
}

fn sys_exc_info(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let e = vm.exc_info;
    if e.is_null() || e == g().none {
        let n = g().none;
        return vm.new_tuple(&[n, n, n]);
    }
    let tb = vm.exc_traceback(e);
    let tb = if tb.is_null() { g().none } else { tb };
    vm.new_tuple(&[type_of(e), e, tb])
}

fn sys_exception(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let e = vm.exc_info;
    Ok(if e.is_null() { g().none } else { e })
}

fn sys_get_int_max_str_digits(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_int(INT_MAX_STR_DIGITS.load(Ordering::Relaxed))
}

fn sys_set_int_max_str_digits(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(v) = a.opt(0).or_else(|| a.kw("maxdigits")) else {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
        ));
    };
    let n = vm.index_i64(v)?;
    if n != 0 && n < 640 {
        return Err(vm.raise_msg(
            ExcKind::ValueError,
            "maxdigits must be 0 or larger than 640",
        ));
    }
    INT_MAX_STR_DIGITS.store(n, Ordering::Relaxed);
    Ok(g().none)
}

fn sys_none(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(g().none)
}

fn sys_getrefcount(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_int(2)
}

fn sys_getdefaultencoding(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_str("utf-8")
}

fn sys_getswitchinterval(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_float(0.005)
}

fn sys_is_finalizing(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(g().false_)
}

fn sys_displayhook(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, "displayhook")?;
    let v = a.get(0);
    if v == g().none {
        return Ok(g().none);
    }
    let u = vm.intern("_")?;
    vm.dict_set(g().builtins_dict, u, g().none)?;
    let r = vm.repr(v)?;
    let s = format!("{}\n", crate::obj::alloc::str_val(r));
    match crate::modules::sys_stdout(vm)? {
        o if o.is_null() => vm.write_stdout(&s)?,
        o if o == g().none => {}
        o => {
            let sv = vm.new_str(&s)?;
            vm.call_method(o, "write", &[sv])?;
        }
    }
    vm.dict_set(g().builtins_dict, u, v)?;
    Ok(g().none)
}

fn sys_excepthook(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 3 {
        let msg = format!("excepthook expected 3 arguments, got {}", a.len());
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let e = a.get(1);
    let text = if crate::ops::exc::is_exception(e) {
        vm.format_exception(e)
    } else {
        format!("{}\n", vm.str_string(e)?)
    };
    // Like CPython's, the hook writes to `sys.stderr` as it is now: the process's
    // stderr while it is the original stream, nothing when it is None, else the
    // replacement's `write` method.
    match crate::modules::sys_stderr(vm)? {
        o if o.is_null() => vm.write_stderr(&text),
        o if o == g().none => {}
        o => {
            let sv = vm.new_str(&text)?;
            vm.call_method(o, "write", &[sv])?;
        }
    }
    Ok(g().none)
}

/// Frame records for `_getframe`, innermost first, up to the bottom of the stack.
fn frame_record(vm: &mut Vm, depth: usize) -> PyResult<Value> {
    let n = vm.frames.len();
    if depth >= n {
        return Err(vm.raise_msg(ExcKind::ValueError, "call stack is not deep enough"));
    }
    let mut back = g().none;
    for i in 0..n - depth {
        let (code, globals, locals, line, is_fn) = {
            let f = &vm.frames[i];
            let ip = if i + 1 == n { vm.ip } else { f.ip };
            let info = f.info();
            let line = info.line_of(ip.saturating_sub(1));
            let is_fn = f.locals.is_null() && info.unit.flags & crate::spec::co::OPTIMIZED != 0;
            (f.code, f.globals, f.locals, line, is_fn)
        };
        let locals = if is_fn {
            Value::NULL
        } else if locals.is_null() {
            globals
        } else {
            locals
        };
        back = vm.new_record(
            ty(T::Frame),
            REC_FRAME,
            [code, globals, locals, back],
            line as i64,
            i as i64,
        )?;
    }
    Ok(back)
}

fn sys_getframe(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let depth = match a.opt(0) {
        Some(d) => vm.index_i64(d)?,
        None => 0,
    };
    frame_record(vm, depth.max(0) as usize)
}

fn frec(v: Value) -> &'static RecordObj {
    // SAFETY: frame getters are installed on the frame type, whose instances are
    // records made by `frame_record`.
    unsafe { obj::<RecordObj>(v) }
}

fn fr_code(_vm: &mut Vm, f: Value) -> PyResult<Value> {
    Ok(frec(f).s[0].get())
}

fn fr_globals(_vm: &mut Vm, f: Value) -> PyResult<Value> {
    Ok(frec(f).s[1].get())
}

fn fr_locals(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let l = frec(f).s[2].get();
    if l.is_null() {
        // A function frame: its locals were not captured; give an empty mapping.
        return vm.new_dict();
    }
    Ok(l)
}

fn fr_back(_vm: &mut Vm, f: Value) -> PyResult<Value> {
    let b = frec(f).s[3].get();
    Ok(if b.is_null() { g().none } else { b })
}

fn fr_lineno(vm: &mut Vm, f: Value) -> PyResult<Value> {
    vm.new_int(frec(f).a.load(Ordering::Relaxed))
}

fn fr_builtins(_vm: &mut Vm, _f: Value) -> PyResult<Value> {
    Ok(g().builtins_dict)
}

fn set(vm: &mut Vm, d: Value, name: &str, v: Value) -> PyResult<()> {
    let k = vm.intern(name)?;
    vm.dict_set(d, k, v)
}

fn init_structs(vm: &mut Vm, d: Value) -> PyResult<()> {
    use crate::modules::structseq::make;
    let final_ = vm.new_str("final")?;
    let vi = make(
        vm,
        "sys",
        "version_info",
        &[
            ("major", Value::small(3)),
            ("minor", Value::small(11)),
            ("micro", Value::small(7)),
            ("releaselevel", final_),
            ("serial", Value::small(0)),
        ],
    )?;
    set(vm, d, "version_info", vi)?;
    let f = |vm: &mut Vm, x: f64| vm.new_float(x);
    let (mx, mn, eps) = (
        f(vm, f64::MAX)?,
        f(vm, f64::MIN_POSITIVE)?,
        f(vm, f64::EPSILON)?,
    );
    let fi = make(
        vm,
        "sys",
        "float_info",
        &[
            ("max", mx),
            ("max_exp", Value::small(1024)),
            ("max_10_exp", Value::small(308)),
            ("min", mn),
            ("min_exp", Value::small(-1021)),
            ("min_10_exp", Value::small(-307)),
            ("dig", Value::small(15)),
            ("mant_dig", Value::small(53)),
            ("epsilon", eps),
            ("radix", Value::small(2)),
            ("rounds", Value::small(1)),
        ],
    )?;
    set(vm, d, "float_info", fi)?;
    let ii = make(
        vm,
        "sys",
        "int_info",
        &[
            ("bits_per_digit", Value::small(30)),
            ("sizeof_digit", Value::small(4)),
            ("default_max_str_digits", Value::small(4300)),
            ("str_digits_check_threshold", Value::small(640)),
        ],
    )?;
    set(vm, d, "int_info", ii)?;
    let algo = vm.new_str("siphash13")?;
    let hi = make(
        vm,
        "sys",
        "hash_info",
        &[
            ("width", Value::small(64)),
            ("modulus", Value::small((1i64 << 61) - 1)),
            ("inf", Value::small(314159)),
            ("nan", Value::small(0)),
            ("imag", Value::small(1000003)),
            ("algorithm", algo),
            ("hash_bits", Value::small(64)),
            ("seed_bits", Value::small(128)),
            ("cutoff", Value::small(0)),
        ],
    )?;
    set(vm, d, "hash_info", hi)?;
    let (t, fa) = (g().true_, g().false_);
    let fl = make(
        vm,
        "sys",
        "flags",
        &[
            ("debug", Value::small(0)),
            ("inspect", Value::small(0)),
            ("interactive", Value::small(0)),
            ("optimize", Value::small(0)),
            ("dont_write_bytecode", Value::small(1)),
            ("no_user_site", Value::small(0)),
            ("no_site", Value::small(0)),
            ("ignore_environment", Value::small(0)),
            ("verbose", Value::small(0)),
            ("bytes_warning", Value::small(0)),
            ("quiet", Value::small(0)),
            ("hash_randomization", Value::small(1)),
            ("isolated", Value::small(0)),
            ("dev_mode", fa),
            ("utf8_mode", Value::small(0)),
            ("warn_default_encoding", Value::small(0)),
            ("safe_path", fa),
            ("int_max_str_digits", Value::small(-1)),
        ],
    )?;
    let _ = t;
    set(vm, d, "flags", fl)?;
    let pthread = vm.new_str("pthread")?;
    let ti = make(
        vm,
        "sys",
        "thread_info",
        &[("name", pthread), ("lock", g().none), ("version", g().none)],
    )?;
    set(vm, d, "thread_info", ti)?;
    // sys.implementation: a namespace object.
    let ns_dict = vm.new_dict()?;
    let m = vm.new_str("types")?;
    vm.dict_set(ns_dict, g().names.__module__, m)?;
    let nsname = vm.intern("SimpleNamespace")?;
    let bases = vm.new_tuple(&[ty(T::Object)])?;
    let nst = crate::types::usertype::type_new(vm, ty(T::Type), nsname, bases, ns_dict)?;
    let imp = crate::types::usertype::object_new_inst(vm, nst)?;
    let idict = vm.dict_of(imp);
    let name = vm.new_str("hotpy")?;
    set(vm, idict, "name", name)?;
    set(vm, idict, "cache_tag", g().none)?;
    set(vm, idict, "version", vi)?;
    let hv = vm.new_int(HEXVERSION)?;
    set(vm, idict, "hexversion", hv)?;
    set(vm, d, "implementation", imp)?;
    Ok(())
}

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let d = vm.dict_of(g().sys);
    vm.def_module_fns(
        d,
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("getsizeof", sys_getsizeof),
            ("intern", sys_intern),
            ("exc_info", sys_exc_info),
            ("exception", sys_exception),
            ("get_int_max_str_digits", sys_get_int_max_str_digits),
            ("set_int_max_str_digits", sys_set_int_max_str_digits),
            ("_getframe", sys_getframe),
            ("getrefcount", sys_getrefcount),
            ("getdefaultencoding", sys_getdefaultencoding),
            ("getfilesystemencoding", sys_getdefaultencoding),
            ("getswitchinterval", sys_getswitchinterval),
            ("setswitchinterval", sys_none),
            ("gettrace", sys_none),
            ("settrace", sys_none),
            ("getprofile", sys_none),
            ("setprofile", sys_none),
            ("audit", sys_none),
            ("is_finalizing", sys_is_finalizing),
            ("displayhook", sys_displayhook),
            ("excepthook", sys_excepthook),
            ("breakpointhook", sys_none),
        ],
    )?;
    for h in ["displayhook", "excepthook", "breakpointhook"] {
        let k = vm.intern(h)?;
        if let Some(f) = vm.dict_get(d, k)? {
            set(vm, d, &format!("__{h}__"), f)?;
        }
    }
    let n = vm.new_str("sys")?;
    vm.dict_set(d, g().names.__name__, n)?;
    vm.dict_set(d, g().names.modules, g().sys_modules)?;
    let argv = vm.new_list(&[])?;
    vm.dict_set(d, g().names.argv, argv)?;
    let path = vm.new_list(&[])?;
    vm.dict_set(d, g().names.path, path)?;
    for name in ["meta_path", "path_hooks", "warnoptions"] {
        let l = vm.new_list(&[])?;
        set(vm, d, name, l)?;
    }
    let pic = vm.new_dict()?;
    set(vm, d, "path_importer_cache", pic)?;
    let ms = vm.new_int(i64::MAX)?;
    set(vm, d, "maxsize", ms)?;
    set(vm, d, "maxunicode", Value::small(0x10FFFF))?;
    let vs = vm.new_str(VERSION)?;
    set(vm, d, "version", vs)?;
    let hv = vm.new_int(HEXVERSION)?;
    set(vm, d, "hexversion", hv)?;
    set(vm, d, "api_version", Value::small(1013))?;
    let plat = vm.new_str(std::env::consts::OS)?;
    set(vm, d, "platform", plat)?;
    let bo = vm.new_str(if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    })?;
    set(vm, d, "byteorder", bo)?;
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let exe = vm.new_str(&exe)?;
    set(vm, d, "executable", exe)?;
    set(vm, d, "_base_executable", exe)?;
    let prefix = vm.new_str("/usr/local")?;
    for k in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        set(vm, d, k, prefix)?;
    }
    set(vm, d, "dont_write_bytecode", g().true_)?;
    set(vm, d, "pycache_prefix", g().none)?;
    let cr = vm.new_str("Copyright (c) hotpy authors.")?;
    set(vm, d, "copyright", cr)?;
    let mut names = Vec::new();
    for n in ["_io", "builtins", "gc", "math", "random", "sys", "time"] {
        names.push(vm.new_str(n)?);
    }
    let bmn = vm.new_tuple(&names)?;
    set(vm, d, "builtin_module_names", bmn)?;
    let orig = vm.new_list(&[])?;
    set(vm, d, "orig_argv", orig)?;
    let [si, so, se] = crate::types::io::make_stdio(vm)?;
    for (name, v) in [("stdin", si), ("stdout", so), ("stderr", se)] {
        set(vm, d, name, v)?;
        set(vm, d, &format!("__{name}__"), v)?;
    }
    init_structs(vm, d)?;
    let fr = ty(T::Frame);
    vm.def_getters(
        fr,
        &[
            ("f_code", fr_code),
            ("f_globals", fr_globals),
            ("f_locals", fr_locals),
            ("f_back", fr_back),
            ("f_lineno", fr_lineno),
            ("f_builtins", fr_builtins),
        ],
    )?;
    Ok(())
}
