//! Helpers shared by the methods of `str`, `bytes` and `bytearray`: argument checking
//! with CPython's messages (which differ by how CPython declares each method), the
//! `start`/`end` slice-index arguments, size arguments, bytes-like arguments, and
//! turning a `text::error::TextError` into a raised exception.
//!
//! What must hold: every argument error has CPython 3.11's type and message for the
//! same call.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Raised, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ExcKind};
use crate::text::error::{ExcType, TextError};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use num_traits::{Signed, ToPrimitive};

/// How CPython declares a method, which decides its argument-error messages.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `METH_NOARGS`: "str.upper() takes no arguments (1 given)".
    NoArgs,
    /// `METH_O`: "str.join() takes exactly one argument (0 given)".
    One,
    /// Argument Clinic, positional only: "center expected at least 1 argument, got 0".
    Range,
    /// `PyArg_ParseTuple`: "find() takes at least 1 argument (0 given)".
    Old,
    /// Argument Clinic with keywords: "split() takes at most 2 arguments (3 given)".
    Kw,
}

/// A method's signature: owner type name, method name, positional counts (self not
/// counted), style, and keyword names (`Kw` only, in positional order).
pub struct Sig {
    pub owner: &'static str,
    pub name: &'static str,
    pub min: usize,
    pub max: usize,
    pub style: Style,
    pub kw: &'static [&'static str],
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The arguments after `self`, by position (keywords placed by name for `Kw`).
pub fn parse(vm: &mut Vm, a: &Args, sig: &Sig) -> PyResult<[Option<Value>; 4]> {
    parse_from(vm, a, sig, 1)
}

/// Like `parse` for callables without a `self` argument (`first` = 0) or with one.
pub fn parse_from(vm: &mut Vm, a: &Args, sig: &Sig, first: usize) -> PyResult<[Option<Value>; 4]> {
    let n = a.len().saturating_sub(first);
    let (owner, name) = (sig.owner, sig.name);
    let qual = if owner.is_empty() {
        format!("{name}()")
    } else {
        format!("{owner}.{name}()")
    };
    if a.nkw() > 0 && sig.style != Style::Kw {
        let msg = format!("{qual} takes no keyword arguments");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let count_err = match sig.style {
        Style::NoArgs if n > 0 => Some(format!("{qual} takes no arguments ({n} given)")),
        Style::One if n != 1 => Some(format!("{qual} takes exactly one argument ({n} given)")),
        Style::Range if sig.min == sig.max && n != sig.min => Some(format!(
            "{name} expected {} argument{}, got {n}",
            sig.min,
            plural(sig.min)
        )),
        Style::Range if n < sig.min => Some(format!(
            "{name} expected at least {} argument{}, got {n}",
            sig.min,
            plural(sig.min)
        )),
        Style::Range if n > sig.max => Some(format!(
            "{name} expected at most {} argument{}, got {n}",
            sig.max,
            plural(sig.max)
        )),
        Style::Old if n < sig.min => Some(format!(
            "{name}() takes at least {} argument{} ({n} given)",
            sig.min,
            plural(sig.min)
        )),
        Style::Old | Style::Kw if n > sig.max => Some(format!(
            "{name}() takes at most {} argument{} ({n} given)",
            sig.max,
            plural(sig.max)
        )),
        _ => None,
    };
    if let Some(msg) = count_err {
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let mut out = [None; 4];
    for (i, o) in out.iter_mut().enumerate().take(n) {
        *o = Some(a.get(first + i));
    }
    for (k, v) in a.kwargs() {
        let kname = str_val(k);
        let Some(i) = sig.kw.iter().position(|&x| x == kname) else {
            let msg = format!("'{kname}' is an invalid keyword argument for {name}()");
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        };
        if i < n {
            let msg = format!(
                "argument for {name}() given by name ('{kname}') and position ({})",
                i + 1
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        if let Some(o) = out.get_mut(i) {
            *o = Some(v);
        }
    }
    Ok(out)
}

/// Raises the exception a text function asked for.
pub fn raise_text(vm: &mut Vm, e: TextError) -> Raised {
    let kind = match e.exc {
        ExcType::ValueError => ExcKind::ValueError,
        ExcType::TypeError => ExcKind::TypeError,
        ExcType::OverflowError => ExcKind::OverflowError,
        ExcType::IndexError => ExcKind::IndexError,
        ExcType::KeyError => ExcKind::KeyError,
        ExcType::LookupError => ExcKind::LookupError,
        ExcType::MemoryError => return vm.memory_error(),
        ExcType::UnicodeDecodeError => ExcKind::UnicodeDecodeError,
        ExcType::UnicodeEncodeError => ExcKind::UnicodeEncodeError,
    };
    vm.raise_msg(kind, &e.msg)
}

/// Raises a codec error with its `encoding`, `object`, `start`, `end` and `reason`
/// attributes. (Its `args` hold the message only: `str()` of the exception must be
/// the message, and the core exception type formats multi-argument `args` as a tuple.)
pub fn raise_codec(vm: &mut Vm, e: TextError, object: Value) -> Raised {
    let Some(info) = e.codec.clone() else {
        return raise_text(vm, e);
    };
    let r = raise_text(vm, e);
    let exc = vm.exc;
    let d = vm.dict_of(exc);
    if d.is_ptr() {
        let _ = set_codec_attrs(vm, d, &info, object);
        vm.exc = exc;
    }
    r
}

fn set_codec_attrs(
    vm: &mut Vm,
    d: Value,
    info: &crate::text::error::CodecError,
    object: Value,
) -> PyResult<()> {
    let enc = vm.new_str(info.encoding)?;
    let start = vm.new_int(info.start as i64)?;
    let end = vm.new_int(info.end as i64)?;
    let reason = vm.new_str(info.reason)?;
    for (k, v) in [
        ("encoding", enc),
        ("object", object),
        ("start", start),
        ("end", end),
        ("reason", reason),
    ] {
        let k = vm.intern(k)?;
        vm.dict_set(d, k, v)?;
    }
    Ok(())
}

/// A `start`/`end` argument: `None` or anything with `__index__`, clamped to `isize`
/// (CPython's `_PyEval_SliceIndex`).
pub fn slice_index(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<isize>> {
    let Some(v) = v else { return Ok(None) };
    if v == g().none {
        return Ok(None);
    }
    if v.is_small_int() {
        return Ok(Some(v.as_small() as isize));
    }
    let is_index =
        crate::types::int::is_int(v) || !vm.lookup(type_of(v), g().names.__index__).is_null();
    if !is_index {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "slice indices must be integers or None or have an __index__ method",
        ));
    }
    let i = vm.index(v)?;
    Ok(Some(clamp_int(i)))
}

/// An int object clamped to `isize`.
pub fn clamp_int(i: Value) -> isize {
    if i.is_small_int() {
        return i.as_small() as isize;
    }
    let b = crate::types::int::to_bigint(i);
    b.to_isize().unwrap_or(if b.is_negative() {
        isize::MIN
    } else {
        isize::MAX
    })
}

/// A size argument (`width`, `count`...): `__index__`, OverflowError past `isize`.
pub fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<isize> {
    if v.is_small_int() {
        return Ok(v.as_small() as isize);
    }
    let i = vm.index(v)?;
    match crate::types::int::int_to_i64(i).and_then(|n| isize::try_from(n).ok()) {
        Some(n) => Ok(n),
        None => Err(vm.raise_msg(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// A C `int` argument (`keepends`, `tabsize`): `__index__`, OverflowError past i32.
pub fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_small_int() {
        let n = v.as_small();
        if i32::try_from(n).is_ok() {
            return Ok(n);
        }
    }
    let i = vm.index(v)?;
    match crate::types::int::int_to_i64(i).filter(|n| i32::try_from(*n).is_ok()) {
        Some(n) => Ok(n),
        None => Err(vm.raise_msg(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        )),
    }
}

/// The type name in Argument Clinic's messages: `None` for None.
pub fn clinic_type_name(v: Value) -> &'static str {
    if v == g().none {
        "None"
    } else {
        type_name(type_of(v))
    }
}

/// A str argument: "must be str, not int"; with `what` in front (Argument Clinic's
/// "replace() argument 1 must be str, not None") None is named "None".
pub fn str_arg<'a>(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'a str> {
    if crate::types::str::is_str(v) {
        return Ok(str_val(v));
    }
    let t = if what.is_empty() {
        type_name(type_of(v))
    } else {
        clinic_type_name(v)
    };
    let msg = format!("{what}must be str, not {t}");
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

/// The bytes of a bytes-like object (bytes, bytearray and their subclasses).
pub fn buffer<'a>(v: Value) -> Option<&'a [u8]> {
    if !v.is_ptr() {
        return None;
    }
    match kind_of(v) {
        Kind::Bytes => Some(bytes_data(v)),
        Kind::ByteArray => Some(crate::types::bytes::bytearray_data(v)),
        _ => None,
    }
}

/// A bytes-like argument: "a bytes-like object is required, not 'int'".
pub fn buffer_arg<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a [u8]> {
    match buffer(v) {
        Some(b) => Ok(b),
        None => {
            let msg = format!(
                "a bytes-like object is required, not '{}'",
                type_name(type_of(v))
            );
            Err(vm.raise_msg(ExcKind::TypeError, &msg))
        }
    }
}
