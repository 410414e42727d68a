//! The exception types: `BaseException` and the subclasses with extra behaviour
//! (`StopIteration.value`, `SystemExit.code`, `KeyError.__str__`, `OSError`,
//! `SyntaxError`, `ImportError`).
//!
//! What must hold: `args` is always a tuple; `__str__`/`__repr__` follow CPython.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::ops::exc::{exc_obj, exc_type, is_exception};
use crate::runtime::{g, ExcKind};
use crate::types::slots::TypeOps;
use crate::types::typeobj::{isinstance, type_name, type_of};
use crate::value::Value;
use std::sync::atomic::Ordering;

fn isinstance_type(c: Value, base: Value) -> bool {
    crate::types::typeobj::is_subtype(c, base)
}

fn args_of(e: Value) -> Vec<Value> {
    let a = exc_obj(e).args.get();
    if a.is_ptr() && kind_of(a) == Kind::Tuple {
        tuple_slots(a).iter().map(|s| s.get()).collect()
    } else {
        Vec::new()
    }
}

/// The OSError subclass CPython picks for an errno.
fn oserror_subclass(errno: i64) -> Option<ExcKind> {
    Some(match errno {
        1 | 13 => ExcKind::PermissionError,
        2 => ExcKind::FileNotFoundError,
        3 => ExcKind::ProcessLookupError,
        4 => ExcKind::InterruptedError,
        10 => ExcKind::ChildProcessError,
        11 | 114 | 115 => ExcKind::BlockingIOError,
        17 => ExcKind::FileExistsError,
        20 => ExcKind::NotADirectoryError,
        21 => ExcKind::IsADirectoryError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        104 => ExcKind::ConnectionResetError,
        110 => ExcKind::TimeoutError,
        111 => ExcKind::ConnectionRefusedError,
        _ => return None,
    })
}

fn exc_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut cls = a.get(0);
    let mut pos: Vec<Value> = (1..a.len()).map(|i| a.get(i)).collect();
    if cls == exc_type(ExcKind::OSError) && (2..=5).contains(&pos.len()) {
        if let Some(k) = pos[0]
            .is_small_int()
            .then(|| oserror_subclass(pos[0].as_small()))
            .flatten()
        {
            cls = exc_type(k);
        }
    }
    if isinstance_type(cls, exc_type(ExcKind::OSError)) && (3..=5).contains(&pos.len()) {
        let e = {
            let t = vm.new_tuple(&pos[..2])?;
            vm.new_exception_obj(cls, t)?
        };
        let d = vm.dict_of(e);
        for (i, nm) in ["errno", "strerror", "filename"].iter().enumerate() {
            let k = vm.intern(nm)?;
            vm.dict_set(d, k, pos[i])?;
        }
        pos.truncate(2);
        return Ok(e);
    }
    let t = vm.new_tuple(&pos)?;
    let e = vm.new_exception_obj(cls, t)?;
    Ok(e)
}

fn exc_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.get(0);
    let pos: Vec<Value> = (1..a.len()).map(|i| a.get(i)).collect();
    let t = vm.new_tuple(&pos)?;
    if !(isinstance(e, exc_type(ExcKind::OSError)) && pos.len() >= 3) {
        exc_obj(e).args.set(t);
    }
    let typ = type_of(e);
    let d = vm.dict_of(e);
    if isinstance(e, exc_type(ExcKind::SystemExit)) {
        let code = match pos.len() {
            0 => g().none,
            1 => pos[0],
            _ => t,
        };
        let k = vm.intern("code")?;
        vm.dict_set(d, k, code)?;
    } else if isinstance(e, exc_type(ExcKind::ImportError)) {
        let msg = pos.first().copied().unwrap_or(g().none);
        let k = vm.intern("msg")?;
        vm.dict_set(d, k, msg)?;
        for nm in ["name", "path"] {
            let v = a.kw(nm).unwrap_or(g().none);
            let k = vm.intern(nm)?;
            vm.dict_set(d, k, v)?;
        }
    } else if (isinstance(e, exc_type(ExcKind::UnicodeDecodeError))
        || isinstance(e, exc_type(ExcKind::UnicodeEncodeError)))
        && pos.len() == 5
    {
        for (i, nm) in ["encoding", "object", "start", "end", "reason"]
            .iter()
            .enumerate()
        {
            let k = vm.intern(nm)?;
            vm.dict_set(d, k, pos[i])?;
        }
    } else if isinstance(e, exc_type(ExcKind::OSError)) && pos.len() == 2 {
        let k = vm.intern("errno")?;
        vm.dict_set(d, k, pos[0])?;
        let k = vm.intern("strerror")?;
        vm.dict_set(d, k, pos[1])?;
        let f = pos.get(2).copied().unwrap_or(g().none);
        let k = vm.intern("filename")?;
        vm.dict_set(d, k, f)?;
    }
    let _ = typ;
    Ok(g().none)
}

fn exc_str(vm: &mut Vm, e: Value) -> PyResult<Value> {
    let args = args_of(e);
    if isinstance(e, exc_type(ExcKind::KeyError)) && args.len() == 1 {
        return vm.repr(args[0]);
    }
    if isinstance(e, exc_type(ExcKind::OSError)) && args.len() >= 2 {
        let d = vm.dict_of(e);
        let k = vm.intern("filename")?;
        let f = vm.dict_get(d, k)?.unwrap_or(g().none);
        let n = vm.str_string(args[0])?;
        let m = vm.str_string(args[1])?;
        let s = if f != g().none {
            let fr = vm.repr_string(f)?;
            format!("[Errno {n}] {m}: {fr}")
        } else {
            format!("[Errno {n}] {m}")
        };
        return vm.new_str(&s);
    }
    if args.len() == 5
        && (isinstance(e, exc_type(ExcKind::UnicodeDecodeError))
            || isinstance(e, exc_type(ExcKind::UnicodeEncodeError)))
        && args[2].is_small_int()
        && args[3].is_small_int()
    {
        return unicode_error_str(vm, e, &args);
    }
    if isinstance(e, exc_type(ExcKind::SyntaxError)) && !args.is_empty() {
        let msg = vm.str_string(args[0])?;
        if let Some(det) = args.get(1) {
            if det.is_ptr() && kind_of(*det) == Kind::Tuple && tuple_slots(*det).len() >= 2 {
                let f = tuple_slots(*det)[0].get();
                let l = tuple_slots(*det)[1].get();
                if crate::types::str::is_str(f) && l.is_small_int() {
                    let base = str_val(f).rsplit('/').next().unwrap_or("").to_string();
                    let s = format!("{} ({}, line {})", msg, base, l.as_small());
                    return vm.new_str(&s);
                }
            }
        }
        return vm.new_str(&msg);
    }
    match args.len() {
        0 => Ok(g().empty_str),
        1 => vm.str_of(args[0]),
        _ => {
            let t = exc_obj(e).args.get();
            vm.str_of(t)
        }
    }
}

/// `str()` of UnicodeDecodeError / UnicodeEncodeError built from their five arguments.
fn unicode_error_str(vm: &mut Vm, e: Value, args: &[Value]) -> PyResult<Value> {
    let enc = vm.str_string(args[0])?;
    let reason = vm.str_string(args[4])?;
    let (start, end) = (args[2].as_small(), args[3].as_small());
    let s = if isinstance(e, exc_type(ExcKind::UnicodeDecodeError)) {
        let data = if args[1].is_ptr() && kind_of(args[1]) == Kind::Bytes {
            bytes_data(args[1])
        } else {
            &[][..]
        };
        if end == start + 1 && start >= 0 && (start as usize) < data.len() {
            format!(
                "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                data[start as usize]
            )
        } else {
            format!(
                "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
                end - 1
            )
        }
    } else {
        let text = if crate::types::str::is_str(args[1]) {
            str_val(args[1])
        } else {
            ""
        };
        match text.chars().nth(start.max(0) as usize) {
            Some(c) if end == start + 1 => {
                let n = c as u32;
                let esc = if n < 0x100 {
                    format!("\\x{n:02x}")
                } else if n < 0x10000 {
                    format!("\\u{n:04x}")
                } else {
                    format!("\\U{n:08x}")
                };
                format!(
                    "'{enc}' codec can't encode character '{esc}' in position {start}: {reason}"
                )
            }
            _ => format!(
                "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
                end - 1
            ),
        }
    };
    vm.new_str(&s)
}

fn exc_repr(vm: &mut Vm, e: Value) -> PyResult<Value> {
    let args = args_of(e);
    let name = type_name(type_of(e));
    let inner = if args.len() == 1 {
        vm.repr_string(args[0])?
    } else {
        let t = exc_obj(e).args.get();
        let r = vm.repr_string(t)?;
        if args.is_empty() {
            String::new()
        } else {
            r[1..r.len() - 1].to_string()
        }
    };
    let s = format!("{name}({inner})");
    vm.new_str(&s)
}

fn get_args(_vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(exc_obj(e).args.get())
}

fn set_args(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    let items = vm.to_vec(v)?;
    let t = vm.new_tuple(&items)?;
    exc_obj(e).args.set(t);
    Ok(())
}

fn or_none(v: Value) -> Value {
    if v.is_null() {
        g().none
    } else {
        v
    }
}

fn get_tb(_vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(or_none(exc_obj(e).traceback.get()))
}
fn set_tb(_vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    exc_obj(e)
        .traceback
        .set(if v == g().none { Value::NULL } else { v });
    Ok(())
}
fn get_cause(_vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(or_none(exc_obj(e).cause.get()))
}
fn set_cause(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    if v != g().none && !is_exception(v) {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "exception cause must be None or derive from BaseException",
        ));
    }
    exc_obj(e)
        .cause
        .set(if v == g().none { Value::NULL } else { v });
    exc_obj(e).suppress_context.store(1, Ordering::Relaxed);
    Ok(())
}
fn get_context(_vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(or_none(exc_obj(e).context.get()))
}
fn set_context(_vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    exc_obj(e)
        .context
        .set(if v == g().none { Value::NULL } else { v });
    Ok(())
}
fn get_suppress(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(vm.bool_val(exc_obj(e).suppress_context.load(Ordering::Relaxed) != 0))
}
fn set_suppress(vm: &mut Vm, e: Value, v: Value) -> PyResult<()> {
    let b = vm.truthy(v)?;
    exc_obj(e)
        .suppress_context
        .store(b as usize, Ordering::Relaxed);
    Ok(())
}
fn get_dict(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(vm.dict_of(e))
}

fn with_traceback(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.get(0);
    let tb = a.get(1);
    exc_obj(e)
        .traceback
        .set(if tb == g().none { Value::NULL } else { tb });
    Ok(e)
}

fn add_note(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = a.get(0);
    let d = vm.dict_of(e);
    let k = vm.intern("__notes__")?;
    let l = match vm.dict_get(d, k)? {
        Some(l) => l,
        None => {
            let l = vm.new_list(&[])?;
            vm.dict_set(d, k, l)?;
            l
        }
    };
    vm.list_append(l, a.get(1))?;
    Ok(g().none)
}

fn stop_value(vm: &mut Vm, e: Value) -> PyResult<Value> {
    Ok(vm.stop_iteration_value(e))
}

pub static EXC_OPS: TypeOps = TypeOps {
    repr: Some(exc_repr),
    str: Some(exc_str),
    new: Some(exc_new),
    init: Some(exc_init),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let b = exc_type(ExcKind::BaseException);
    vm.install_slots(b, &EXC_OPS)?;
    vm.def_getset(b, "args", get_args, Some(set_args))?;
    vm.def_getset(b, "__traceback__", get_tb, Some(set_tb))?;
    vm.def_getset(b, "__cause__", get_cause, Some(set_cause))?;
    vm.def_getset(b, "__context__", get_context, Some(set_context))?;
    vm.def_getset(b, "__suppress_context__", get_suppress, Some(set_suppress))?;
    vm.def_getters(b, &[("__dict__", get_dict)])?;
    vm.def_methods(
        b,
        &[("with_traceback", with_traceback), ("add_note", add_note)],
    )?;
    vm.def_getters(exc_type(ExcKind::StopIteration), &[("value", stop_value)])?;
    // Attributes that CPython keeps in members default to None at class level; instances
    // that set them store them in their own dict.
    for (k, names) in [
        (ExcKind::ImportError, &["name", "path", "msg"][..]),
        (
            ExcKind::OSError,
            &["errno", "strerror", "filename", "filename2"][..],
        ),
        (
            ExcKind::SyntaxError,
            &[
                "msg",
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
                "print_file_and_line",
            ][..],
        ),
        (
            ExcKind::UnicodeError,
            &["encoding", "object", "start", "end", "reason"][..],
        ),
        (ExcKind::SystemExit, &["code"][..]),
        (ExcKind::AttributeError, &["name", "obj"][..]),
        (ExcKind::NameError, &["name"][..]),
    ] {
        let t = exc_type(k);
        for n in names {
            let nm = vm.intern(n)?;
            vm.type_set_attr(t, nm, g().none)?;
        }
    }
    // ExceptionGroup derives from both BaseExceptionGroup and Exception.
    let eg = exc_type(ExcKind::ExceptionGroup);
    let beg = exc_type(ExcKind::BaseExceptionGroup);
    let ex = exc_type(ExcKind::Exception);
    let bases = vm.new_tuple(&[beg, ex])?;
    crate::types::typeobj::t(eg).bases.set(bases);
    let mro = vm.new_tuple(&[
        eg,
        beg,
        ex,
        b,
        crate::runtime::ty(crate::runtime::T::Object),
    ])?;
    crate::types::typeobj::t(eg).mro.set(mro);
    vm.type_modified(eg);
    for x in [eg, beg] {
        crate::types::typeobj::t(x)
            .type_flags
            .fetch_or(crate::types::typeobj::TF_DYNAMIC, Ordering::Relaxed);
    }
    Ok(())
}
