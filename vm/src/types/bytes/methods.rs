//! The named methods `bytes` and `bytearray` share: each checks its arguments with
//! CPython's messages and calls the pure algorithm in `crate::text::bytesmethods` (or
//! `codecs` for `decode`/`hex`/`fromhex`). Results take the family of `self`: a
//! bytearray method returns exact bytearrays, a bytes method exact bytes (and `self`
//! itself when nothing changed and `self` is an exact bytes).
//!
//! What must hold: behaviour and messages match CPython 3.11 for both types.

use super::{data_of, family, is_bytearray, new_like};
use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::text::bytesmethods as bm;
use crate::text::codecs::{self, HexSep};
use crate::text::error::TextError;
use crate::types::str::is_str;
use crate::types::str::support::{
    buffer, buffer_arg, clinic_type_name, int_arg, parse, parse_from, raise_text, slice_index,
    ssize_arg, str_arg, Sig, Style,
};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

/// A signature whose owner is `self`'s family.
fn sig(a: &Args, name: &'static str, min: usize, max: usize, style: Style) -> Sig {
    Sig {
        owner: family(a.get(0)),
        name,
        min,
        max,
        style,
        kw: &[],
    }
}

fn kw_sig(a: &Args, name: &'static str, max: usize, kw: &'static [&'static str]) -> Sig {
    Sig {
        kw,
        ..sig(a, name, 0, max, Style::Kw)
    }
}

fn text_err<T>(vm: &mut Vm, r: Result<T, TextError>) -> PyResult<T> {
    r.map_err(|e| raise_text(vm, e))
}

/// A result: `self` when unchanged and an exact bytes, else a new object of its family.
fn ret(vm: &mut Vm, this: Value, data: &[u8]) -> PyResult<Value> {
    if type_of(this) == ty(T::Bytes) && data == bytes_data(this) {
        return Ok(this);
    }
    new_like(vm, this, data)
}

macro_rules! unary_bytes {
    ($($fname:ident => $name:literal, $f:path;)*) => {$(
        fn $fname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            parse(vm, a, &sig(a, $name, 0, 0, Style::NoArgs))?;
            let this = a.get(0);
            let r = $f(data_of(this));
            ret(vm, this, &r)
        }
    )*};
}

unary_bytes! {
    m_lower => "lower", bm::lower;
    m_upper => "upper", bm::upper;
    m_swapcase => "swapcase", bm::swapcase;
    m_capitalize => "capitalize", bm::capitalize;
    m_title => "title", bm::title;
}

macro_rules! predicates {
    ($($fname:ident => $name:literal, $f:path;)*) => {$(
        fn $fname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            parse(vm, a, &sig(a, $name, 0, 0, Style::NoArgs))?;
            Ok(vm.bool_val($f(data_of(a.get(0)))))
        }
    )*};
}

predicates! {
    m_isalpha => "isalpha", bm::isalpha;
    m_isalnum => "isalnum", bm::isalnum;
    m_isdigit => "isdigit", bm::isdigit;
    m_isspace => "isspace", bm::isspace;
    m_isascii => "isascii", bm::isascii;
    m_islower => "islower", bm::islower;
    m_isupper => "isupper", bm::isupper;
    m_istitle => "istitle", bm::istitle;
}

/// A search needle: an int in `range(256)` or a bytes-like object.
fn needle(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(v) {
        return Ok(b.to_vec());
    }
    if crate::types::int::is_int(v) || !vm.lookup(type_of(v), g().names.__index__).is_null() {
        let b = super::byte_value(vm, v, "byte must be in range(0, 256)")?;
        return Ok(vec![b]);
    }
    let msg = format!(
        "argument should be integer or bytes-like object, not '{}'",
        type_name(type_of(v))
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

type FindArgs = (Vec<u8>, Option<isize>, Option<isize>);

fn find_args(vm: &mut Vm, a: &Args, name: &'static str) -> PyResult<FindArgs> {
    let [sub, start, end, _] = parse(vm, a, &sig(a, name, 1, 3, Style::Old))?;
    let start = slice_index(vm, start)?;
    let end = slice_index(vm, end)?;
    let sub = needle(vm, sub.unwrap_or(g().none))?;
    Ok((sub, start, end))
}

fn m_find(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sub, s0, e0) = find_args(vm, a, "find")?;
    vm.new_int(bm::find(data_of(a.get(0)), &sub, s0, e0) as i64)
}

fn m_rfind(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sub, s0, e0) = find_args(vm, a, "rfind")?;
    vm.new_int(bm::rfind(data_of(a.get(0)), &sub, s0, e0) as i64)
}

fn m_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sub, s0, e0) = find_args(vm, a, "index")?;
    let r = bm::index(data_of(a.get(0)), &sub, s0, e0);
    let i = text_err(vm, r)?;
    vm.new_int(i as i64)
}

fn m_rindex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sub, s0, e0) = find_args(vm, a, "rindex")?;
    let r = bm::rindex(data_of(a.get(0)), &sub, s0, e0);
    let i = text_err(vm, r)?;
    vm.new_int(i as i64)
}

fn m_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sub, s0, e0) = find_args(vm, a, "count")?;
    vm.new_int(bm::count(data_of(a.get(0)), &sub, s0, e0) as i64)
}

fn starts_ends(vm: &mut Vm, a: &Args, name: &'static str, ends: bool) -> PyResult<Value> {
    let [prefix, start, end, _] = parse(vm, a, &sig(a, name, 1, 3, Style::Old))?;
    let prefix = prefix.unwrap_or(g().none);
    let start = slice_index(vm, start)?;
    let end = slice_index(vm, end)?;
    let d = data_of(a.get(0));
    let test = |p: &[u8]| {
        if ends {
            bm::endswith(d, p, start, end)
        } else {
            bm::startswith(d, p, start, end)
        }
    };
    if let Some(p) = buffer(prefix) {
        return Ok(vm.bool_val(test(p)));
    }
    if prefix.is_ptr() && kind_of(prefix) == Kind::Tuple {
        for item in crate::types::tuple::items(prefix) {
            let p = buffer_arg(vm, item)?;
            if test(p) {
                return Ok(g().true_);
            }
        }
        return Ok(g().false_);
    }
    let msg = format!(
        "{name} first arg must be bytes or a tuple of bytes, not {}",
        type_name(type_of(prefix))
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

fn m_startswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    starts_ends(vm, a, "startswith", false)
}

fn m_endswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    starts_ends(vm, a, "endswith", true)
}

fn m_replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [old, new, count, _] = parse(vm, a, &sig(a, "replace", 2, 3, Style::Range))?;
    let old = buffer_arg(vm, old.unwrap_or(g().none))?;
    let new = buffer_arg(vm, new.unwrap_or(g().none))?;
    let count = match count {
        Some(c) => ssize_arg(vm, c)?,
        None => -1,
    };
    let this = a.get(0);
    let r = bm::replace(data_of(this), old, new, count);
    let r = text_err(vm, r)?;
    ret(vm, this, &r)
}

fn m_removeprefix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig(a, "removeprefix", 1, 1, Style::One))?;
    let p = buffer_arg(vm, a.get(1))?;
    let this = a.get(0);
    let r = bm::removeprefix(data_of(this), p).to_vec();
    ret(vm, this, &r)
}

fn m_removesuffix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig(a, "removesuffix", 1, 1, Style::One))?;
    let p = buffer_arg(vm, a.get(1))?;
    let this = a.get(0);
    let r = bm::removesuffix(data_of(this), p).to_vec();
    ret(vm, this, &r)
}

/// A list of pieces of `self`'s family.
fn piece_list(vm: &mut Vm, this: Value, parts: &[&[u8]]) -> PyResult<Value> {
    let mut items = Vec::with_capacity(parts.len());
    for p in parts {
        items.push(new_like(vm, this, p)?);
    }
    vm.new_list(&items)
}

fn split_args(vm: &mut Vm, a: &Args, name: &'static str) -> PyResult<(Option<Vec<u8>>, isize)> {
    let [sep, maxsplit, ..] = parse(vm, a, &kw_sig(a, name, 2, &["sep", "maxsplit"]))?;
    let maxsplit = match maxsplit {
        Some(m) => ssize_arg(vm, m)?,
        None => -1,
    };
    let sep = match sep {
        None => None,
        Some(v) if v == g().none => None,
        Some(v) => Some(buffer_arg(vm, v)?.to_vec()),
    };
    Ok((sep, maxsplit))
}

fn m_split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sep, maxsplit) = split_args(vm, a, "split")?;
    let this = a.get(0);
    let r = bm::split(data_of(this), sep.as_deref(), maxsplit);
    let parts = text_err(vm, r)?;
    piece_list(vm, this, &parts)
}

fn m_rsplit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sep, maxsplit) = split_args(vm, a, "rsplit")?;
    let this = a.get(0);
    let r = bm::rsplit(data_of(this), sep.as_deref(), maxsplit);
    let parts = text_err(vm, r)?;
    piece_list(vm, this, &parts)
}

fn m_splitlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [keep, ..] = parse(vm, a, &kw_sig(a, "splitlines", 1, &["keepends"]))?;
    let keep = match keep {
        Some(k) => int_arg(vm, k)? != 0,
        None => false,
    };
    let this = a.get(0);
    let parts = bm::splitlines(data_of(this), keep);
    piece_list(vm, this, &parts)
}

fn partition_impl(vm: &mut Vm, a: &Args, name: &'static str, rev: bool) -> PyResult<Value> {
    parse(vm, a, &sig(a, name, 1, 1, Style::One))?;
    let sep = buffer_arg(vm, a.get(1))?.to_vec();
    let this = a.get(0);
    let r = if rev {
        bm::rpartition(data_of(this), &sep)
    } else {
        bm::partition(data_of(this), &sep)
    };
    let (x, y, z) = text_err(vm, r)?;
    let (x, y, z) = (x.to_vec(), y.to_vec(), z.to_vec());
    let x = ret(vm, this, &x)?;
    let y = new_like(vm, this, &y)?;
    let z = ret(vm, this, &z)?;
    vm.new_tuple(&[x, y, z])
}

fn m_partition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    partition_impl(vm, a, "partition", false)
}

fn m_rpartition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    partition_impl(vm, a, "rpartition", true)
}

fn strip_impl(vm: &mut Vm, a: &Args, name: &'static str, which: u8) -> PyResult<Value> {
    let [chars, ..] = parse(vm, a, &sig(a, name, 0, 1, Style::Range))?;
    let chars = match chars {
        None => None,
        Some(v) if v == g().none => None,
        Some(v) => Some(buffer_arg(vm, v)?.to_vec()),
    };
    let this = a.get(0);
    let d = data_of(this);
    let r = match which {
        0 => bm::strip(d, chars.as_deref()),
        1 => bm::lstrip(d, chars.as_deref()),
        _ => bm::rstrip(d, chars.as_deref()),
    }
    .to_vec();
    ret(vm, this, &r)
}

fn m_strip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip_impl(vm, a, "strip", 0)
}

fn m_lstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip_impl(vm, a, "lstrip", 1)
}

fn m_rstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip_impl(vm, a, "rstrip", 2)
}

type Justify = fn(&[u8], isize, u8) -> Result<Vec<u8>, TextError>;

fn justify(vm: &mut Vm, a: &Args, name: &'static str, f: Justify) -> PyResult<Value> {
    let [width, fill, ..] = parse(vm, a, &sig(a, name, 1, 2, Style::Range))?;
    let width = ssize_arg(vm, width.unwrap_or(g().none))?;
    let fill = match fill {
        None => b' ',
        Some(v) => match buffer(v) {
            Some([b]) => *b,
            _ => {
                let msg = format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    clinic_type_name(v)
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        },
    };
    let this = a.get(0);
    let r = f(data_of(this), width, fill);
    let r = text_err(vm, r)?;
    ret(vm, this, &r)
}

fn m_center(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    justify(vm, a, "center", bm::center)
}

fn m_ljust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    justify(vm, a, "ljust", bm::ljust)
}

fn m_rjust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    justify(vm, a, "rjust", bm::rjust)
}

fn m_zfill(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig(a, "zfill", 1, 1, Style::One))?;
    let width = ssize_arg(vm, a.get(1))?;
    let this = a.get(0);
    let r = bm::zfill(data_of(this), width);
    let r = text_err(vm, r)?;
    ret(vm, this, &r)
}

fn m_expandtabs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [tab, ..] = parse(vm, a, &kw_sig(a, "expandtabs", 1, &["tabsize"]))?;
    let tab = match tab {
        Some(t) => int_arg(vm, t)? as isize,
        None => 8,
    };
    let this = a.get(0);
    let r = bm::expandtabs(data_of(this), tab);
    let r = text_err(vm, r)?;
    ret(vm, this, &r)
}

fn m_join(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig(a, "join", 1, 1, Style::One))?;
    let this = a.get(0);
    let seq = a.get(1);
    let items = match vm.to_vec(seq) {
        Ok(v) => v,
        Err(e) => {
            if vm.exc_is(ExcKind::TypeError)
                && vm.lookup(type_of(seq), g().names.__iter__).is_null()
                && vm.lookup(type_of(seq), g().names.__getitem__).is_null()
            {
                vm.exc = Value::NULL;
                return Err(vm.raise_msg(ExcKind::TypeError, "can only join an iterable"));
            }
            return Err(e);
        }
    };
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(b) = buffer(*x) else {
            let msg = format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                type_name(type_of(*x))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        };
        if i > 0 {
            out.extend_from_slice(data_of(this));
        }
        out.extend_from_slice(b);
    }
    if items.len() == 1 && type_of(items[0]) == ty(T::Bytes) && !is_bytearray(this) {
        return Ok(items[0]);
    }
    new_like(vm, this, &out)
}

fn m_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [enc, errors, ..] = parse(vm, a, &kw_sig(a, "decode", 2, &["encoding", "errors"]))?;
    let enc = match enc {
        Some(v) => str_arg(vm, v, "decode() argument 'encoding' ")?,
        None => "utf-8",
    };
    let errors = match errors {
        Some(v) => str_arg(vm, v, "decode() argument 'errors' ")?,
        None => "strict",
    };
    let this = a.get(0);
    let data = data_of(this).to_vec();
    super::decode_data(vm, this, &data, enc, errors)
}

fn m_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let [sep, per, ..] = parse(vm, a, &kw_sig(a, "hex", 2, &["sep", "bytes_per_sep"]))?;
    let per = match per {
        Some(p) => int_arg(vm, p)? as isize,
        None => 1,
    };
    let sep = match sep {
        None => None,
        Some(v) if is_str(v) => Some(HexSep::Str(str_val(v))),
        Some(v) if super::is_bytes(v) => Some(HexSep::Bytes(bytes_data(v))),
        Some(v) => {
            // CPython takes the length of anything first.
            let r = if vm.len(v)? != 1 {
                vm.raise_msg(ExcKind::ValueError, "sep must be length 1.")
            } else {
                vm.raise_msg(ExcKind::TypeError, "sep must be str or bytes.")
            };
            return Err(r);
        }
    };
    let r = codecs::hex(data_of(a.get(0)), sep, per);
    let s = text_err(vm, r)?;
    vm.new_str(&s)
}

fn m_fromhex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let owner = if crate::types::typeobj::is_subtype(cls, ty(T::ByteArray)) {
        "bytearray"
    } else {
        "bytes"
    };
    let s = Sig {
        owner,
        name: "fromhex",
        min: 1,
        max: 1,
        style: Style::One,
        kw: &[],
    };
    parse(vm, a, &s)?;
    let v = a.get(1);
    if !is_str(v) {
        let msg = format!(
            "fromhex() argument must be str, not {}",
            clinic_type_name(v)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let r = codecs::fromhex(str_val(v));
    let data = text_err(vm, r)?;
    if cls == ty(T::Bytes) {
        return vm.new_bytes(&data);
    }
    if cls == ty(T::ByteArray) {
        return vm.new_bytearray(&data, cls);
    }
    let b = vm.new_bytes(&data)?;
    vm.call(cls, &[b])
}

/// The table of `translate`: `None` or 256 bytes.
fn translate_table(vm: &mut Vm, t: Value) -> PyResult<Option<Vec<u8>>> {
    if t == g().none {
        return Ok(None);
    }
    let b = buffer_arg(vm, t)?;
    if b.len() != 256 {
        return Err(vm.raise_msg(
            ExcKind::ValueError,
            "translation table must be 256 characters long",
        ));
    }
    Ok(Some(b.to_vec()))
}

fn m_translate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = a.len() - 1;
    if n == 0 {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "translate() takes at least 1 positional argument (0 given)",
        ));
    }
    let [table, delete, ..] = parse(vm, a, &kw_sig(a, "translate", 2, &["", "delete"]))?;
    let delete = match delete {
        Some(d) => buffer_arg(vm, d)?.to_vec(),
        None => Vec::new(),
    };
    let table = translate_table(vm, table.unwrap_or(g().none))?;
    let this = a.get(0);
    let out: Vec<u8> = data_of(this)
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    ret(vm, this, &out)
}

fn m_maketrans(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = Sig {
        owner: "",
        name: "maketrans",
        min: 2,
        max: 2,
        style: Style::Range,
        kw: &[],
    };
    let [frm, to, ..] = parse_from(vm, a, &s, 0)?;
    let frm = buffer_arg(vm, frm.unwrap_or(g().none))?;
    let to = buffer_arg(vm, to.unwrap_or(g().none))?;
    if frm.len() != to.len() {
        return Err(vm.raise_msg(
            ExcKind::ValueError,
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in frm.iter().zip(to) {
        table[*f as usize] = *t;
    }
    vm.new_bytes(&table)
}

fn m_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = vm.new_bytes(data_of(a.get(0)))?;
    vm.new_tuple(&[b])
}

fn m_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    parse(vm, a, &sig(a, "__bytes__", 0, 0, Style::NoArgs))?;
    let this = a.get(0);
    if type_of(this) == ty(T::Bytes) {
        return Ok(this);
    }
    vm.new_bytes(data_of(this))
}

pub fn init(vm: &mut Vm, t: Value) -> PyResult<()> {
    vm.def_methods(
        t,
        &[
            ("lower", m_lower),
            ("upper", m_upper),
            ("swapcase", m_swapcase),
            ("capitalize", m_capitalize),
            ("title", m_title),
            ("isalpha", m_isalpha),
            ("isalnum", m_isalnum),
            ("isdigit", m_isdigit),
            ("isspace", m_isspace),
            ("isascii", m_isascii),
            ("islower", m_islower),
            ("isupper", m_isupper),
            ("istitle", m_istitle),
            ("find", m_find),
            ("rfind", m_rfind),
            ("index", m_index),
            ("rindex", m_rindex),
            ("count", m_count),
            ("startswith", m_startswith),
            ("endswith", m_endswith),
            ("replace", m_replace),
            ("removeprefix", m_removeprefix),
            ("removesuffix", m_removesuffix),
            ("split", m_split),
            ("rsplit", m_rsplit),
            ("splitlines", m_splitlines),
            ("partition", m_partition),
            ("rpartition", m_rpartition),
            ("strip", m_strip),
            ("lstrip", m_lstrip),
            ("rstrip", m_rstrip),
            ("center", m_center),
            ("ljust", m_ljust),
            ("rjust", m_rjust),
            ("zfill", m_zfill),
            ("expandtabs", m_expandtabs),
            ("join", m_join),
            ("decode", m_decode),
            ("hex", m_hex),
            ("translate", m_translate),
        ],
    )?;
    if t == ty(T::Bytes) {
        vm.def_methods(
            t,
            &[("__getnewargs__", m_getnewargs), ("__bytes__", m_bytes)],
        )?;
    }
    vm.def_classmethods(t, &[("fromhex", m_fromhex)])?;
    vm.def_staticmethods(t, &[("maketrans", m_maketrans)])?;
    Ok(())
}
