//! File objects: `open()`, and the standard streams `sys.stdin/stdout/stderr`.
//!
//! A file object is a record of type `TextIOWrapper` (text mode) or `BufferedReader`
//! (binary mode): s0 = name, s1 = mode string, s2 = encoding (text) or NULL, s3 = errors
//! handler (text) or NULL; a = index of its stream in the table of `io/file.rs`,
//! b = flag bits (`F_*`). Text is UTF-8 (or ASCII / Latin-1) with `\r\n` read as `\n`.
//! Methods live in `io/methods.rs`. A file `open()` makes is registered for
//! finalization: when a collection finds it unreachable its stream is closed
//! (`close_collected`, run from the collecting thread's `gc_pending` queue).
//!
//! What must hold: every operation on a closed file raises ValueError; OS errors become
//! the matching OSError subclass with `errno`, `strerror` and `filename`.

use crate::interp::state::{PyResult, Raised, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::record::REC_OTHER;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use std::sync::atomic::Ordering;

pub mod file;
pub mod methods;

pub use methods::b_open;

pub const F_BINARY: i64 = 1;
pub const F_READ: i64 = 2;
pub const F_WRITE: i64 = 4;
pub const F_APPEND: i64 = 8;
pub const F_CLOSED: i64 = 16;
/// One of the standard streams (closing it does not close the OS stream).
pub const F_STDIO: i64 = 32;

pub fn rec(v: Value) -> &'static RecordObj {
    // SAFETY: callers check `is_file` first.
    unsafe { obj::<RecordObj>(v) }
}

/// True for file objects made here (not subclasses defined in Python).
pub fn is_file(v: Value) -> bool {
    v.is_ptr()
        && kind_of(v) == Kind::Record
        && header(v).rec_kind == REC_OTHER
        && (crate::types::typeobj::isinstance(v, ty(T::TextIO))
            || crate::types::typeobj::isinstance(v, ty(T::BufferedIO)))
}

pub fn flags(v: Value) -> i64 {
    rec(v).b.load(Ordering::Relaxed)
}

pub fn set_flags(v: Value, f: i64) {
    rec(v).b.store(f, Ordering::Relaxed)
}

/// Creates a file object for the stream at `idx`.
pub fn new_file(
    vm: &mut Vm,
    idx: i64,
    name: Value,
    mode: &str,
    encoding: Option<&str>,
    errors: Option<&str>,
    fl: i64,
) -> PyResult<Value> {
    let typ = if fl & F_BINARY != 0 {
        ty(T::BufferedIO)
    } else {
        ty(T::TextIO)
    };
    let m = vm.new_str(mode)?;
    let e = match encoding {
        Some(e) => vm.new_str(e)?,
        None => Value::NULL,
    };
    let er = match errors {
        Some(e) => vm.new_str(e)?,
        None => Value::NULL,
    };
    vm.new_record(typ, REC_OTHER, [name, m, e, er], idx, fl)
}

/// Closes the stream of a file object that a collection found unreachable (`open`
/// registers each file it makes for finalization): what was written is flushed and the
/// OS descriptor released. Errors are dropped, as CPython's `__del__` of a file does.
pub fn close_collected(f: Value) {
    let fl = flags(f);
    if fl & (F_CLOSED | F_STDIO) != 0 {
        return;
    }
    let idx = rec(f).a.load(Ordering::Relaxed);
    if let Some(s) = file::get(idx) {
        let _ = s.lock().flush();
    }
    set_flags(f, fl | F_CLOSED);
    file::close(idx);
}

/// Raises the OSError subclass for `e`, naming `filename` when given.
pub fn raise_os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<Value>) -> Raised {
    let errno = e.raw_os_error().unwrap_or(0) as i64;
    let kind = match errno {
        1 | 13 => ExcKind::PermissionError,
        2 => ExcKind::FileNotFoundError,
        17 => ExcKind::FileExistsError,
        20 => ExcKind::NotADirectoryError,
        21 => ExcKind::IsADirectoryError,
        32 => ExcKind::BrokenPipeError,
        _ => ExcKind::OSError,
    };
    let msg = file::strerror(e);
    let mk = |vm: &mut Vm| -> PyResult<Value> {
        let n = vm.new_int(errno)?;
        let m = vm.new_str(&msg)?;
        let t = crate::ops::exc::exc_type(kind);
        match filename {
            Some(f) => vm.call(t, &[n, m, f]),
            None => vm.call(t, &[n, m]),
        }
    };
    match mk(vm) {
        Ok(exc) => vm.raise_value(exc),
        Err(r) => r,
    }
}

/// Raises `io.UnsupportedOperation(msg)` (OSError if the `io` module cannot be loaded).
pub fn unsupported(vm: &mut Vm, msg: &str) -> Raised {
    let mk = |vm: &mut Vm| -> PyResult<Value> {
        let m = vm.import_module("io")?;
        let nm = vm.intern("UnsupportedOperation")?;
        let t = vm.getattr(m, nm)?;
        let s = vm.new_str(msg)?;
        vm.call(t, &[s])
    };
    match mk(vm) {
        Ok(exc) => vm.raise_value(exc),
        Err(_) => {
            vm.exc = Value::NULL;
            vm.raise_msg(ExcKind::OSError, msg)
        }
    }
}

/// Decodes bytes read from a text file with its encoding and error handler.
pub fn decode(vm: &mut Vm, f: Value, data: Vec<u8>) -> PyResult<String> {
    let r = rec(f);
    let enc = r.s[2].get();
    let enc = if enc.is_ptr() { str_val(enc) } else { "utf-8" };
    let errors = r.s[3].get();
    let errors = if errors.is_ptr() {
        str_val(errors)
    } else {
        "strict"
    };
    let text = match norm_encoding(enc) {
        Some("latin-1") => data.iter().map(|b| *b as char).collect(),
        Some("ascii") => {
            if let Some(p) = data.iter().position(|b| *b >= 0x80) {
                if errors == "strict" {
                    let msg = format!(
                        "'ascii' codec can't decode byte {:#04x} in position {}: ordinal not in range(128)",
                        data[p], p
                    );
                    return Err(vm.raise_msg(ExcKind::UnicodeDecodeError, &msg));
                }
            }
            data.iter()
                .filter_map(|b| match (*b < 0x80, errors) {
                    (true, _) => Some(*b as char),
                    (false, "ignore") => None,
                    _ => Some('\u{fffd}'),
                })
                .collect()
        }
        _ => match String::from_utf8(data) {
            Ok(s) => s,
            Err(e) => {
                if errors == "strict" {
                    let u = e.utf8_error();
                    let p = u.valid_up_to();
                    let b = e.as_bytes()[p];
                    let why = if u.error_len().is_none() {
                        "unexpected end of data"
                    } else if b & 0xC0 == 0x80 || b >= 0xF8 {
                        "invalid start byte"
                    } else {
                        "invalid continuation byte"
                    };
                    let msg =
                        format!("'utf-8' codec can't decode byte {b:#04x} in position {p}: {why}");
                    return Err(vm.raise_msg(ExcKind::UnicodeDecodeError, &msg));
                }
                let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                if errors == "ignore" {
                    lossy.replace('\u{fffd}', "")
                } else {
                    lossy
                }
            }
        },
    };
    Ok(text)
}

/// Encodes text for a text file.
pub fn encode(vm: &mut Vm, f: Value, s: &str) -> PyResult<Vec<u8>> {
    let r = rec(f);
    let enc = r.s[2].get();
    let enc = if enc.is_ptr() { str_val(enc) } else { "utf-8" };
    let errors = r.s[3].get();
    let errors = if errors.is_ptr() {
        str_val(errors)
    } else {
        "strict"
    };
    let limit = match norm_encoding(enc) {
        Some("latin-1") => 0x100,
        Some("ascii") => 0x80,
        _ => return Ok(s.as_bytes().to_vec()),
    };
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if (c as u32) < limit {
            out.push(c as u32 as u8);
        } else {
            match errors {
                "ignore" => {}
                "replace" => out.push(b'?'),
                _ => {
                    let name = if limit == 0x80 { "ascii" } else { "latin-1" };
                    let msg = format!(
                        "'{name}' codec can't encode character '\\u{:04x}' in position {i}: ordinal not in range({limit})",
                        c as u32
                    );
                    return Err(vm.raise_msg(ExcKind::UnicodeEncodeError, &msg));
                }
            }
        }
    }
    Ok(out)
}

/// The canonical name of a supported encoding.
pub fn norm_encoding(e: &str) -> Option<&'static str> {
    let l = e.to_ascii_lowercase().replace('_', "-");
    match l.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "locale" | "utf-8-sig" => Some("utf-8"),
        "ascii" | "us-ascii" | "646" => Some("ascii"),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "cp819" | "8859" => {
            Some("latin-1")
        }
        _ => None,
    }
}

/// `sys.stdin.readline()` for `input()`: read directly while `sys.stdin` is the
/// original stream, else call the replacement's `readline`.
/// `ok`: the caller's `Args::from_interp` (see `Vm::blocking`).
pub fn stdin_readline(vm: &mut Vm, ok: bool) -> PyResult<Value> {
    let sd = vm.dict_of(g().sys);
    let cur = vm.intern("stdin")?;
    let orig = vm.intern("__stdin__")?;
    let cur = vm.dict_get(sd, cur)?;
    let orig = vm.dict_get(sd, orig)?;
    match cur {
        Some(c) if Some(c) != orig => {
            if c == g().none {
                return Err(vm.raise_msg(ExcKind::RuntimeError, "input(): lost sys.stdin"));
            }
            vm.call_method(c, "readline", &[])
        }
        Some(c) if is_file(c) => methods::readline_of(vm, c, None, ok),
        _ => Err(vm.raise_msg(ExcKind::RuntimeError, "input(): lost sys.stdin")),
    }
}

/// The three standard streams (for `sys`).
pub fn make_stdio(vm: &mut Vm) -> PyResult<[Value; 3]> {
    let mut out = [Value::NULL; 3];
    for (i, (src, name, mode, fl)) in [
        (file::Src::Stdin, "<stdin>", "r", F_READ),
        (file::Src::Stdout, "<stdout>", "w", F_WRITE),
        (file::Src::Stderr, "<stderr>", "w", F_WRITE),
    ]
    .into_iter()
    .enumerate()
    {
        let idx = file::register(src);
        let n = vm.new_str(name)?;
        let errors = if i == 2 { "backslashreplace" } else { "strict" };
        out[i] = new_file(vm, idx, n, mode, Some("utf-8"), Some(errors), fl | F_STDIO)?;
    }
    Ok(out)
}

/// TypeError for a file method given the wrong kind of object.
pub fn not_a_file(vm: &mut Vm, v: Value) -> Raised {
    let msg = format!(
        "descriptor requires a file object but received a '{}'",
        type_name(type_of(v))
    );
    vm.raise_msg(ExcKind::TypeError, &msg)
}

pub fn init(vm: &mut Vm) -> PyResult<()> {
    methods::init(vm)
}
