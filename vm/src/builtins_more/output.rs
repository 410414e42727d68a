//! `print` and `input`.
//!
//! `print` builds the whole line and writes it in one piece to the process's buffered
//! stdout while `sys.stdout` is the original stream (the common case), or to a file
//! object of `types::io`. Any other `file` (a replaced `sys.stdout`, a user object)
//! gets CPython's sequence of calls: `write(str(arg))`, `write(sep)`, ..., `write(end)`,
//! then `flush()` when asked.
//!
//! What must hold: `print(file=None)` with `sys.stdout` set to None prints nothing.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::runtime::{g, ExcKind};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

/// A `sep`/`end` argument: None means the default.
fn text_arg(vm: &mut Vm, v: Value, what: &str, default: &str) -> PyResult<String> {
    if v == g().none {
        return Ok(default.to_string());
    }
    if !crate::types::str::is_str(v) {
        let msg = format!(
            "{what} must be None or a string, not {}",
            type_name(type_of(v))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(str_val(v).to_string())
}

fn b_print(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = g().none;
    let mut flush = false;
    for (k, v) in a.kwargs() {
        match str_val(k) {
            "sep" => sep = text_arg(vm, v, "sep", " ")?,
            "end" => end = text_arg(vm, v, "end", "\n")?,
            "file" => file = v,
            "flush" => flush = vm.truthy(v)?,
            other => {
                let msg = format!("'{other}' is an invalid keyword argument for print()");
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        }
    }
    if file == g().none {
        file = crate::modules::sys_stdout(vm)?;
        if file == g().none {
            return Ok(g().none);
        }
    }
    if file.is_null() || crate::types::io::is_file(file) {
        let mut out = String::new();
        for i in 0..a.len() {
            if i > 0 {
                out.push_str(&sep);
            }
            let s = vm.str_of(a.get(i))?;
            out.push_str(str_val(s));
        }
        out.push_str(&end);
        if file.is_null() {
            vm.write_stdout(&out)?;
            if flush {
                crate::builtins::flush_stdout();
            }
        } else {
            let s = vm.new_str(&out)?;
            vm.call_method(file, "write", &[s])?;
            if flush {
                vm.call_method(file, "flush", &[])?;
            }
        }
        return Ok(g().none);
    }
    let write = vm.intern("write")?;
    let w = vm.getattr(file, write)?;
    let sep_v = vm.new_str(&sep)?;
    for i in 0..a.len() {
        if i > 0 {
            vm.call(w, &[sep_v])?;
        }
        let s = vm.str_of(a.get(i))?;
        vm.call(w, &[s])?;
    }
    let end_v = vm.new_str(&end)?;
    vm.call(w, &[end_v])?;
    if flush {
        vm.call_method(file, "flush", &[])?;
    }
    Ok(g().none)
}

fn b_input(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "input() takes no keyword arguments"));
    }
    if a.len() > 1 {
        let msg = format!("input expected at most 1 argument, got {}", a.len());
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let out = crate::modules::sys_stdout(vm)?;
    if let Some(prompt) = a.opt(0) {
        let s = vm.str_of(prompt)?;
        if out.is_null() {
            vm.write_stdout(str_val(s))?;
        } else if out != g().none {
            vm.call_method(out, "write", &[s])?;
        }
    }
    if out.is_null() {
        crate::builtins::flush_stdout();
    } else if out != g().none {
        vm.call_method(out, "flush", &[])?;
    }
    let line = crate::types::io::stdin_readline(vm, a.from_interp())?;
    if !crate::types::str::is_str(line) {
        return Err(vm.raise_msg(ExcKind::TypeError, "object.readline() returned non-string"));
    }
    let s = str_val(line);
    if s.is_empty() {
        return Err(vm.raise_msg(ExcKind::EOFError, "EOF when reading a line"));
    }
    let s = s.strip_suffix('\n').unwrap_or(s).to_string();
    vm.new_str(&s)
}

pub fn init(vm: &mut Vm, dict: Value) -> PyResult<()> {
    vm.def_module_fns(dict, &[("print", b_print), ("input", b_input)])
}
