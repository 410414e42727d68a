//! Code and introspection builtins: `exec`, `eval`, `compile`, `vars`, `dir`,
//! `__import__`, `open` (see `types::io`), `breakpoint`, `help`.
//!
//! `exec`/`eval` without explicit namespaces run in the caller's: `vm.frame()` is the
//! Python frame that called the native (natives push no frame). A function caller's
//! locals are a snapshot dict, as `locals()` gives. Code runs as a module-level
//! function whose builtins are `globals['__builtins__']` (inserted if missing).
//!
//! What must hold: `eval` returns the value of its expression (an `Eval`-mode code
//! object returns it); `exec` returns None.

use crate::builtins_more::{bind, not_none, Sig};
use crate::compiler::Mode;
use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ExcKind};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

/// The caller's locals as a mapping (a snapshot dict for function frames).
pub fn caller_locals(vm: &mut Vm) -> PyResult<Value> {
    let Some(f) = vm.frames.last() else {
        return Ok(g().builtins_dict);
    };
    if f.locals.is_ptr() {
        return Ok(f.locals);
    }
    if f.info().unit.flags & crate::spec::co::OPTIMIZED == 0 {
        return Ok(f.globals);
    }
    let info = f.info();
    let base = f.base;
    let names = info.localsplus_names.clone();
    let nv = info.unit.varnames.len();
    let d = vm.new_dict()?;
    for (i, name) in names.iter().enumerate() {
        let mut v = vm.at(base + i);
        if i >= nv && v.is_ptr() && kind_of(v) == Kind::Cell {
            // SAFETY: kind checked.
            v = unsafe { obj::<CellObj>(v) }.value.get();
        }
        if !v.is_null() {
            vm.dict_set(d, *name, v)?;
        }
    }
    Ok(d)
}

fn caller_globals(vm: &mut Vm) -> Value {
    match vm.frames.last() {
        Some(f) => f.globals,
        None => g().builtins_dict,
    }
}

/// Source text of a `str` or bytes-like argument, or `None` for other objects.
fn source_text(vm: &mut Vm, v: Value, what: &str) -> PyResult<Option<String>> {
    if !v.is_ptr() {
        return Ok(None);
    }
    let bytes: Vec<u8> = match kind_of(v) {
        Kind::Str => return Ok(Some(str_val(v).to_string())),
        Kind::Bytes => bytes_data(v).to_vec(),
        Kind::ByteArray => {
            // SAFETY: kind checked.
            let o = unsafe { obj::<ByteArrayObj>(v) };
            let n = load(&o.len);
            raw_data(o.buf.get())[..n].to_vec()
        }
        _ => return Ok(None),
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Some(s)),
        Err(_) => {
            let msg = format!("{what}: source is not valid UTF-8");
            Err(vm.raise_msg(ExcKind::SyntaxError, &msg))
        }
    }
}

fn is_code(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Code
}

/// Runs `code` with these namespaces; `__builtins__` comes from the globals.
fn run_code(vm: &mut Vm, code: Value, globals: Value, locals: Value) -> PyResult<Value> {
    let b = match vm.dict_get(globals, g().names.__builtins__)? {
        Some(b) => b,
        None => {
            vm.dict_set(globals, g().names.__builtins__, g().builtins)?;
            g().builtins
        }
    };
    let f = vm.new_function(code, globals, b)?;
    vm.run_class_body(f, locals)
}

/// The (globals, locals) pair of `exec`/`eval`.
fn namespaces(
    vm: &mut Vm,
    name: &str,
    globals: Option<Value>,
    locals: Option<Value>,
) -> PyResult<(Value, Value)> {
    let globals = not_none(globals);
    let locals = not_none(locals);
    if let Some(gl) = globals {
        if !(gl.is_ptr() && kind_of(gl) == Kind::Dict) {
            let msg = if name == "exec" {
                format!(
                    "exec() globals must be a dict, not {}",
                    type_name(type_of(gl))
                )
            } else {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            };
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    if let Some(l) = locals {
        let gi = vm.lookup(type_of(l), g().names.__getitem__);
        if gi.is_null() {
            let msg = if name == "exec" {
                format!(
                    "locals must be a mapping or None, not {}",
                    type_name(type_of(l))
                )
            } else {
                "locals must be a mapping".to_string()
            };
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    Ok(match (globals, locals) {
        (Some(gl), Some(l)) => (gl, l),
        (Some(gl), None) => (gl, gl),
        (None, l) => {
            let gl = caller_globals(vm);
            let l = match l {
                Some(l) => l,
                None => caller_locals(vm)?,
            };
            (gl, l)
        }
    })
}

static EXEC_SIG: Sig = Sig {
    name: "exec",
    params: &["source", "globals", "locals", "closure"],
    posonly: 3,
    kwonly: 3,
    required: 1,
};

fn b_exec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind(vm, a, &EXEC_SIG)?;
    let src = p[0].unwrap_or(g().none);
    let (gl, l) = namespaces(vm, "exec", p[1], p[2])?;
    let code = if is_code(src) {
        src
    } else {
        match source_text(vm, src, "exec")? {
            Some(s) => vm.compile_to_code(&s, "<string>", Mode::Exec)?,
            None => {
                let msg = format!(
                    "exec() arg 1 must be a string, bytes or code object, not {}",
                    type_name(type_of(src))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        }
    };
    run_code(vm, code, gl, l)?;
    Ok(g().none)
}

static EVAL_SIG: Sig = Sig {
    name: "eval",
    params: &["source", "globals", "locals"],
    posonly: 3,
    kwonly: 3,
    required: 1,
};

fn b_eval(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind(vm, a, &EVAL_SIG)?;
    let src = p[0].unwrap_or(g().none);
    let (gl, l) = namespaces(vm, "eval", p[1], p[2])?;
    let code = if is_code(src) {
        src
    } else {
        match source_text(vm, src, "eval")? {
            Some(s) => {
                let s = s.trim_start_matches([' ', '\t']);
                vm.compile_to_code(s, "<string>", Mode::Eval)?
            }
            None => {
                let msg = "eval() arg 1 must be a string, bytes or code object";
                return Err(vm.raise_msg(ExcKind::TypeError, msg));
            }
        }
    };
    run_code(vm, code, gl, l)
}

static COMPILE_SIG: Sig = Sig {
    name: "compile",
    params: &[
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "_feature_version",
    ],
    posonly: 0,
    kwonly: 6,
    required: 3,
};

/// `ast.PyCF_ONLY_AST`.
const PYCF_ONLY_AST: i64 = 0x400;

fn b_compile(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind(vm, a, &COMPILE_SIG)?;
    let src = p[0].unwrap_or(g().none);
    let fname = p[1].unwrap_or(g().none);
    let mode = p[2].unwrap_or(g().none);
    if let Some(fl) = p[3] {
        if vm.index_i64(fl)? & PYCF_ONLY_AST != 0 {
            return Err(vm.raise_msg(
                ExcKind::NotImplementedError,
                "compile() to an AST is not supported by hotpy",
            ));
        }
    }
    let fname = match source_text(vm, fname, "compile")? {
        Some(s) if crate::types::str::is_str(fname) || fname.is_ptr() => s,
        _ => {
            let msg = format!(
                "compile() argument 'filename' must be str, bytes or os.PathLike, not {}",
                type_name(type_of(fname))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    };
    if !crate::types::str::is_str(mode) {
        let msg = format!(
            "compile() argument 'mode' must be str, not {}",
            type_name(type_of(mode))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let m = match str_val(mode) {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        _ => {
            return Err(vm.raise_msg(
                ExcKind::ValueError,
                "compile() mode must be 'exec', 'eval' or 'single'",
            ))
        }
    };
    if is_code(src) {
        return Ok(src);
    }
    let Some(text) = source_text(vm, src, "compile")? else {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "compile() arg 1 must be a string, bytes or AST object",
        ));
    };
    let text = if matches!(m, Mode::Eval) {
        text.trim_start_matches([' ', '\t']).to_string()
    } else {
        text
    };
    vm.compile_to_code(&text, &fname, m)
}

fn b_vars(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "vars() takes no keyword arguments"));
    }
    match a.len() {
        0 => caller_locals(vm),
        1 => {
            let o = a.get(0);
            match vm.getattr_opt(o, g().names.__dict__) {
                Ok(Some(d)) => Ok(d),
                Ok(None) => {
                    vm.exc = Value::NULL;
                    Err(vm.raise_msg(
                        ExcKind::TypeError,
                        "vars() argument must have __dict__ attribute",
                    ))
                }
                Err(e) => {
                    if vm.exc_is(ExcKind::AttributeError) {
                        vm.exc = Value::NULL;
                        return Err(vm.raise_msg(
                            ExcKind::TypeError,
                            "vars() argument must have __dict__ attribute",
                        ));
                    }
                    Err(e)
                }
            }
        }
        n => {
            let msg = format!("vars expected at most 1 argument, got {n}");
            Err(vm.raise_msg(ExcKind::TypeError, &msg))
        }
    }
}

/// A sorted list of the names in `v` (an iterable of str).
fn sorted_names(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let items = vm.to_vec(v)?;
    let list = vm.new_list(&items)?;
    if items.iter().all(|x| crate::types::str::is_str(*x)) {
        let mut s = items;
        s.sort_by(|x, y| str_val(*x).cmp(str_val(*y)));
        vm.list_replace(list, &s)?;
        return Ok(list);
    }
    let nm = vm.intern("sort")?;
    let sort = vm.lookup(crate::runtime::ty(crate::runtime::T::List), nm);
    if sort.is_null() {
        return Ok(list);
    }
    vm.call(sort, &[list])?;
    Ok(list)
}

fn b_dir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "dir() takes no keyword arguments"));
    }
    match a.len() {
        0 => {
            let l = caller_locals(vm)?;
            let keys = if l.is_ptr() && kind_of(l) == Kind::Dict {
                let ks: Vec<Value> = vm.dict_items_vec(l).into_iter().map(|(k, _)| k).collect();
                vm.new_list(&ks)?
            } else {
                vm.call_method(l, "keys", &[])?
            };
            sorted_names(vm, keys)
        }
        1 => {
            let o = a.get(0);
            let nm = vm.intern("__dir__")?;
            if crate::ops::import::is_module(o) {
                let d = vm.dict_of(o);
                if let Some(hook) = vm.dict_get(d, nm)? {
                    let r = vm.call(hook, &[])?;
                    return sorted_names(vm, r);
                }
                let ks: Vec<Value> = vm.dict_items_vec(d).into_iter().map(|(k, _)| k).collect();
                let l = vm.new_list(&ks)?;
                return sorted_names(vm, l);
            }
            let Some(r) = vm.call_special(o, nm, &[])? else {
                return Err(vm.raise_msg(ExcKind::TypeError, "object does not provide __dir__"));
            };
            sorted_names(vm, r)
        }
        n => {
            let msg = format!("dir expected at most 1 argument, got {n}");
            Err(vm.raise_msg(ExcKind::TypeError, &msg))
        }
    }
}

static IMPORT_SIG: Sig = Sig {
    name: "__import__",
    params: &["name", "globals", "locals", "fromlist", "level"],
    posonly: 0,
    kwonly: 5,
    required: 1,
};

fn b_import(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind(vm, a, &IMPORT_SIG)?;
    let name = p[0].unwrap_or(g().none);
    if !crate::types::str::is_str(name) {
        let msg = format!(
            "__import__() argument 1 must be str, not {}",
            type_name(type_of(name))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let fromlist = p[3].unwrap_or(g().none);
    let level = p[4].unwrap_or(Value::small(0));
    let lv = vm.index_i64(level)?;
    if lv < 0 {
        return Err(vm.raise_msg(ExcKind::ValueError, "level must be >= 0"));
    }
    vm.import_name(name, fromlist, Value::small(lv))
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook` (hotpy's default does nothing:
/// there is no debugger).
fn b_breakpoint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let sd = vm.dict_of(g().sys);
    let k = vm.intern("breakpointhook")?;
    let Some(hook) = vm.dict_get(sd, k)? else {
        return Err(vm.raise_msg(ExcKind::RuntimeError, "lost sys.breakpointhook"));
    };
    let n = a.len() + a.nkw();
    let args: Vec<Value> = (0..n).map(|i| a.get(i)).collect();
    vm.call_kw(hook, &args, a.kwnames)
}

/// `help(obj)`: prints the object's name and docstring (there is no pydoc).
fn b_help(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let text = match a.opt(0) {
        None => "Welcome to hotpy. Use help(object) to see an object's docstring.\n".to_string(),
        Some(o) => {
            let name = match vm.getattr_opt(o, g().names.__name__) {
                Ok(Some(n)) if crate::types::str::is_str(n) => str_val(n).to_string(),
                _ => {
                    vm.exc = Value::NULL;
                    type_name(type_of(o)).to_string()
                }
            };
            let doc = match vm.getattr_opt(o, g().names.__doc__) {
                Ok(Some(d)) if crate::types::str::is_str(d) => str_val(d).to_string(),
                _ => {
                    vm.exc = Value::NULL;
                    String::new()
                }
            };
            let what = if crate::types::typeobj::is_type(o) {
                "class"
            } else if crate::ops::import::is_module(o) {
                "module"
            } else {
                "object"
            };
            format!("Help on {what} {name}:\n\n{doc}\n")
        }
    };
    match crate::modules::sys_stdout(vm)? {
        o if o.is_null() => vm.write_stdout(&text)?,
        o if o == g().none => {}
        o => {
            let s = vm.new_str(&text)?;
            vm.call_method(o, "write", &[s])?;
        }
    }
    Ok(g().none)
}

pub fn init(vm: &mut Vm, dict: Value) -> PyResult<()> {
    vm.def_module_fns(
        dict,
        &[
            ("exec", b_exec),
            ("eval", b_eval),
            ("compile", b_compile),
            ("vars", b_vars),
            ("dir", b_dir),
            ("__import__", b_import),
            ("open", crate::types::io::b_open),
            ("breakpoint", b_breakpoint),
            ("help", b_help),
        ],
    )
}
