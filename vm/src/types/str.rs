//! `str`: immutable Unicode text stored as UTF-8, with the code-point count cached.
//!
//! ASCII strings (the common case) index in O(1); others walk the UTF-8 bytes.
//!
//! What must hold: the bytes are valid UTF-8; `nchars` is the number of code points.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::{is_ascii_str, str_nchars, str_val};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::slots::TypeOps;
use crate::types::typeobj::{isinstance, type_name, type_of};
use crate::value::Value;

#[inline]
pub fn is_str(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Str
}

/// CPython's `repr` of a str.
pub fn str_repr_text(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (c as u32) < 0x7f => out.push(c),
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Approximation of CPython's `str.isprintable` for one character.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x20 || (0x7f..0xa0).contains(&n) || n == 0xad {
        return false;
    }
    if c.is_whitespace() && c != ' ' {
        return false;
    }
    if (0xd800..0xe000).contains(&n) || (0xe000..0xf900).contains(&n) || n >= 0xf0000 {
        return false;
    }
    !matches!(n, 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f | 0xfeff | 0xfff9..=0xfffb)
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

fn str_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            if !is_str(a) || !is_str(b) {
                if is_str(a) {
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
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            vm.new_str(&s)
        }
        BinOp::Mul => {
            let (s, n) = if is_str(a) { (a, b) } else { (b, a) };
            if !is_str(s) || !crate::types::int::is_int(n) {
                return Ok(g().not_implemented);
            }
            let n = vm.index_i64(n)?.max(0) as usize;
            let text = str_val(s);
            if text.len().checked_mul(n).is_none_or(|t| t > 1 << 40) {
                return Err(vm.memory_error());
            }
            let r = text.repeat(n);
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
        return i;
    }
    str_val(s)
        .char_indices()
        .nth(i)
        .map(|(o, _)| o)
        .unwrap_or(str_bytes(s).len())
}

fn str_getitem(vm: &mut Vm, s: Value, k: Value) -> PyResult<Value> {
    let n = str_nchars(s);
    if crate::types::int::is_int(k)
        || (!k.is_ptr() || kind_of(k) != Kind::Slice)
            && !vm.lookup(type_of(k), g().names.__index__).is_null()
    {
        let i = vm.index_i64(k)?;
        let j = if i < 0 { i + n as i64 } else { i };
        if j < 0 || j >= n as i64 {
            return Err(vm.raise_msg(ExcKind::IndexError, "string index out of range"));
        }
        let j = j as usize;
        let c = if is_ascii_str(s) {
            str_bytes(s)[j] as char
        } else {
            str_val(s).chars().nth(j).unwrap_or(' ')
        };
        let mut b = [0u8; 4];
        return vm.new_str(c.encode_utf8(&mut b));
    }
    if k.is_ptr() && kind_of(k) == Kind::Slice {
        let (start, _stop, step, len) = crate::types::tuple::slice_indices(vm, k, n)?;
        let text = str_val(s);
        let out: String = if step == 1 {
            let a = char_offset(s, start as usize);
            let b = char_offset(s, start as usize + len);
            text[a..b].to_string()
        } else {
            let chars: Vec<char> = text.chars().collect();
            (0..len)
                .map(|i| chars[(start + i as i64 * step) as usize])
                .collect()
        };
        return vm.new_str(&out);
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

fn str_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let obj = a.opt(1).or_else(|| a.kw("object"));
    let encoding = a.opt(2).or_else(|| a.kw("encoding"));
    let r = match obj {
        None => g().empty_str,
        Some(o) => {
            if encoding.is_some() || a.opt(3).is_some() || a.kw("errors").is_some() {
                crate::types::bytes::decode(vm, o, encoding, a.opt(3).or_else(|| a.kw("errors")))?
            } else {
                vm.str_of(o)?
            }
        }
    };
    if cls == ty(T::Str) {
        return Ok(r);
    }
    let s = str_val(r).to_string();
    vm.new_str_typed(&s, cls, false)
}

fn str_format_spec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0);
    let spec = str_val(a.get(1)).to_string();
    if spec.is_empty() {
        return str_str(vm, v);
    }
    let sp = match crate::num::fmt::parse_spec(&spec) {
        Ok(s) => s,
        Err(m) => return Err(vm.raise_msg(ExcKind::ValueError, &m)),
    };
    match crate::num::fmt::format_str(str_val(v), &sp) {
        Ok(s) => vm.new_str(&s),
        Err(m) => Err(vm.raise_msg(ExcKind::ValueError, &m)),
    }
}

fn str_join(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::types::object::check_n(vm, a, 2, "join")?;
    let sep = str_val(a.get(0)).to_string();
    let items = vm.to_vec(a.get(1))?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if !is_str(*x) {
            let msg = format!(
                "sequence item {}: expected str instance, {} found",
                i,
                type_name(type_of(*x))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(str_val(*x));
    }
    vm.new_str(&out)
}

fn str_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = str_val(a.get(0)).to_string();
    let v = vm.new_str(&s)?;
    vm.new_tuple(&[v])
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
            ("join", str_join),
            ("__getnewargs__", str_getnewargs),
        ],
    )?;
    crate::types::strmethods::init(vm, t)?;
    let _ = isinstance;
    Ok(())
}
