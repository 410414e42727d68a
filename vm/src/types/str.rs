//! `str`: immutable Unicode text stored as UTF-8, with the code-point count cached.
//!
//! ASCII strings (the common case) index in O(1); others walk the UTF-8 bytes. The
//! operators live here (repr, hash, comparison, `+`, `*`, `%`, `in`, indexing and
//! slicing, construction); the named methods are in `strmethods`, `%` and
//! `str.format` in `strfmt`, and the algorithms themselves in `crate::text`.
//! `support` holds the argument helpers the str, bytes and bytearray methods share.
//!
//! What must hold: the bytes are valid UTF-8; `nchars` is the number of code points;
//! methods of subclasses return exact `str` objects, as CPython's do.

pub mod support;

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::{is_ascii_str, str_nchars, str_val};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::text::indices::char_slice;
use crate::types::slots::TypeOps;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use support::{parse, Sig, Style};

#[inline]
pub fn is_str(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Str
}

/// CPython's `repr` of a str.
pub fn str_repr_text(s: &str) -> String {
    crate::text::repr::repr_str(s)
}

/// A str result: `orig` itself when it is an exact str with this very text, else a
/// new exact str.
pub fn ret_str(vm: &mut Vm, orig: Value, s: &str) -> PyResult<Value> {
    if type_of(orig) == ty(T::Str)
        && std::ptr::eq(s.as_ptr(), str_bytes(orig).as_ptr())
        && s.len() == str_bytes(orig).len()
    {
        return Ok(orig);
    }
    vm.new_str(s)
}

fn str_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = str_repr_text(str_val(v));
    vm.new_str(&s)
}

fn str_str(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if type_of(v) == ty(T::Str) {
        return Ok(v);
    }
    let s = str_val(v).to_string();
    vm.new_str(&s)
}

fn str_hash(_vm: &mut Vm, v: Value) -> PyResult<i64> {
    Ok(crate::types::typeobj::str_hash(v))
}

fn str_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_str(a) || !is_str(b) {
        return Ok(g().not_implemented);
    }
    // UTF-8 byte order equals code-point order.
    let o = str_bytes(a).cmp(str_bytes(b));
    Ok(vm.bool_val(op.test(o)))
}

/// `seq * n` where `n` is not an int: CPython's message for built-in operands; user
/// classes get their chance through the reflected method.
pub fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<isize>> {
    if crate::types::int::is_int(n) || !vm.lookup(type_of(n), g().names.__index__).is_null() {
        let i = vm.index(n)?;
        return Ok(Some(support::clamp_int(i)));
    }
    if crate::ops::attr::is_heap_type(type_of(n)) {
        return Ok(None);
    }
    let msg = format!(
        "can't multiply sequence by non-int of type '{}'",
        type_name(type_of(n))
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

fn str_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            if !is_str(a) || !is_str(b) {
                if is_str(a) && !crate::ops::attr::is_heap_type(type_of(b)) {
                    let msg = format!(
                        "can only concatenate str (not \"{}\") to str",
                        type_name(type_of(b))
                    );
                    return Err(vm.raise_msg(ExcKind::TypeError, &msg));
                }
                return Ok(g().not_implemented);
            }
            let (x, y) = (str_val(a), str_val(b));
            if y.is_empty() && type_of(a) == ty(T::Str) {
                return Ok(a);
            }
            if x.is_empty() && type_of(b) == ty(T::Str) {
                return Ok(b);
            }
            let mut s = crate::text::error::string_with_capacity(x.len().saturating_add(y.len()))
                .map_err(|e| support::raise_text(vm, e))?;
            s.push_str(x);
            s.push_str(y);
            vm.new_str(&s)
        }
        BinOp::Mul => {
            let (s, n) = if is_str(a) { (a, b) } else { (b, a) };
            if !is_str(s) {
                return Ok(g().not_implemented);
            }
            let Some(n) = repeat_count(vm, n)? else {
                return Ok(g().not_implemented);
            };
            if n == 1 && type_of(s) == ty(T::Str) {
                return Ok(s);
            }
            let r = crate::text::strmethods::repeat(str_val(s), n)
                .map_err(|e| support::raise_text(vm, e))?;
            vm.new_str(&r)
        }
        BinOp::Mod => {
            if !is_str(a) {
                return Ok(g().not_implemented);
            }
            crate::types::strfmt::percent_format(vm, a, b)
        }
        _ => Ok(g().not_implemented),
    }
}

fn str_len(_vm: &mut Vm, v: Value) -> PyResult<usize> {
    Ok(str_nchars(v))
}

fn str_contains(vm: &mut Vm, s: Value, x: Value) -> PyResult<bool> {
    if !is_str(x) {
        let msg = format!(
            "'in <string>' requires string as left operand, not {}",
            type_name(type_of(x))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(str_val(s).contains(str_val(x)))
}

/// Byte offset of code point `i` (i <= nchars).
pub fn char_offset(s: Value, i: usize) -> usize {
    if is_ascii_str(s) {
        return i.min(str_bytes(s).len());
    }
    crate::text::indices::byte_offset(str_val(s), i)
}

/// The one-char str for `c` (ASCII chars come from the shared cache).
pub fn char_str(vm: &mut Vm, c: char) -> PyResult<Value> {
    let mut b = [0u8; 4];
    vm.new_str(c.encode_utf8(&mut b))
}

fn str_getitem(vm: &mut Vm, s: Value, k: Value) -> PyResult<Value> {
    let n = str_nchars(s);
    if k.is_ptr() && kind_of(k) == Kind::Slice {
        let (start, _stop, step, len) = crate::types::tuple::slice_indices(vm, k, n)?;
        let text = str_val(s);
        if len == 0 {
            return Ok(g().empty_str);
        }
        if step == 1 {
            if len == n && type_of(s) == ty(T::Str) {
                return Ok(s);
            }
            let part = char_slice(text, start as usize, start as usize + len);
            return vm.new_str(part);
        }
        let out: String = if is_ascii_str(s) {
            let b = text.as_bytes();
            (0..len)
                .map(|i| b[(start + i as i64 * step) as usize] as char)
                .collect()
        } else {
            let chars: Vec<char> = text.chars().collect();
            (0..len)
                .filter_map(|i| chars.get((start + i as i64 * step) as usize).copied())
                .collect()
        };
        return vm.new_str(&out);
    }
    if crate::types::int::is_int(k) || !vm.lookup(type_of(k), g().names.__index__).is_null() {
        let i = vm.index_i64(k)? as isize;
        let Some(j) = crate::text::indices::normalize_index(i, n) else {
            return Err(vm.raise_msg(ExcKind::IndexError, "string index out of range"));
        };
        if is_ascii_str(s) {
            return Ok(g().chars[str_bytes(s)[j] as usize]);
        }
        let c = crate::text::indices::char_at(str_val(s), j).unwrap_or(' ');
        return char_str(vm, c);
    }
    let msg = format!(
        "string indices must be integers, not '{}'",
        type_name(type_of(k))
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

fn str_iter(vm: &mut Vm, s: Value) -> PyResult<Value> {
    crate::types::iter::new_str_iter(vm, s)
}

static NEW_SIG: Sig = Sig {
    owner: "",
    name: "str",
    min: 0,
    max: 3,
    style: Style::Kw,
    kw: &["object", "encoding", "errors"],
};

fn str_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let [obj, encoding, errors, _] = parse(vm, a, &NEW_SIG)?;
    for (v, what) in [(encoding, "encoding"), (errors, "errors")] {
        if let Some(v) = v {
            if !is_str(v) {
                let msg = format!(
                    "str() argument '{what}' must be str, not {}",
                    support::clinic_type_name(v)
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        }
    }
    let r = match obj {
        None => g().empty_str,
        Some(o) if encoding.is_some() || errors.is_some() => {
            crate::types::bytes::decode(vm, o, encoding, errors)?
        }
        Some(o) => vm.str_of(o)?,
    };
    if cls == ty(T::Str) {
        return Ok(r);
    }
    let s = str_val(r).to_string();
    vm.new_str_typed(&s, cls, false)
}

fn str_format_spec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = Sig {
        owner: "str",
        name: "__format__",
        min: 1,
        max: 1,
        style: Style::One,
        kw: &[],
    };
    let [spec, ..] = parse(vm, a, &SIG)?;
    let v = a.get(0);
    let spec = spec.unwrap_or(g().empty_str);
    if !is_str(spec) {
        let msg = format!(
            "__format__() argument must be str, not {}",
            type_name(type_of(spec))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let spec = str_val(spec);
    if spec.is_empty() {
        // CPython: an empty spec is `str(self)`, which a subclass may override.
        return if type_of(v) == ty(T::Str) {
            Ok(v)
        } else {
            vm.str_of(v)
        };
    }
    let r = crate::num::fmt::parse_spec(spec)
        .and_then(|sp| crate::num::fmt::format_str(str_val(v), &sp));
    match r {
        Ok(s) => ret_str(vm, v, &s),
        Err(m) => Err(vm.raise_msg(ExcKind::ValueError, &m)),
    }
}

fn str_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = str_val(a.get(0)).to_string();
    let v = vm.new_str(&s)?;
    vm.new_tuple(&[v])
}

fn str_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = a.get(0);
    let n = std::mem::size_of::<StrObj>() + str_bytes(s).len() + 1;
    vm.new_int(n as i64)
}

pub static STR_OPS: TypeOps = TypeOps {
    repr: Some(str_repr),
    str: Some(str_str),
    hash: Some(str_hash),
    richcmp: Some(str_richcmp),
    binop: Some(str_binop),
    len: Some(str_len),
    contains: Some(str_contains),
    getitem: Some(str_getitem),
    iter: Some(str_iter),
    new: Some(str_new),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::Str);
    vm.install_slots(t, &STR_OPS)?;
    vm.def_methods(
        t,
        &[
            ("__format__", str_format_spec),
            ("__getnewargs__", str_getnewargs),
            ("__sizeof__", str_sizeof),
        ],
    )?;
    crate::types::strmethods::init(vm, t)?;
    crate::types::strfmt::init(vm, t)?;
    Ok(())
}
