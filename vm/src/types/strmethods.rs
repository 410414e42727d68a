//! The named methods of `str` (search, split, strip, case, padding, translate,
//! encode...), each a thin wrapper that checks its arguments with CPython's messages
//! (`str::support`) and calls the pure algorithm in `crate::text`.
//!
//! What must hold: indices are code-point indices; behaviour and error messages match
//! CPython 3.11; results are exact `str` objects even for subclasses.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::text::error::TextError;
use crate::text::{codecs, strcase, strmethods as sm};
use crate::types::str::support::{
    clinic_type_name, int_arg, parse, raise_codec, raise_text, slice_index, ssize_arg, str_arg,
    Sig, Style,
};
use crate::types::str::{is_str, ret_str};
use crate::types::typeobj::{isinstance, type_name, type_of};
use crate::value::Value;
use std::collections::hash_map::Entry;

const fn sig(name: &'static str, min: usize, max: usize, style: Style) -> Sig {
    Sig {
        owner: "str",
        name,
        min,
        max,
        style,
        kw: &[],
    }
}

fn text_err<T>(vm: &mut Vm, r: Result<T, TextError>) -> PyResult<T> {
    r.map_err(|e| raise_text(vm, e))
}

/// Methods without arguments that map the text to new text.
macro_rules! unary_text {
    ($($fname:ident => $name:literal, $f:path;)*) => {$(
        fn $fname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            static SIG: Sig = sig($name, 0, 0, Style::NoArgs);
            parse(vm, a, &SIG)?;
            let s = a.get(0);
            let r = $f(str_val(s));
            if r.as_str() == str_val(s) && type_of(s) == ty(T::Str) {
                return Ok(s);
            }
            vm.new_str(&r)
        }
    )*};
}

unary_text! {
    m_lower => "lower", strcase::lower;
    m_upper => "upper", strcase::upper;
    m_casefold => "casefold", strcase::casefold;
    m_swapcase => "swapcase", strcase::swapcase;
    m_capitalize => "capitalize", strcase::capitalize;
    m_title => "title", strcase::title;
}

/// The `is...` predicates.
macro_rules! predicates {
    ($($fname:ident => $name:literal, $f:path;)*) => {$(
        fn $fname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            static SIG: Sig = sig($name, 0, 0, Style::NoArgs);
            parse(vm, a, &SIG)?;
            Ok(vm.bool_val($f(str_val(a.get(0)))))
        }
    )*};
}

predicates! {
    m_isalpha => "isalpha", strcase::isalpha;
    m_isalnum => "isalnum", strcase::isalnum;
    m_isdecimal => "isdecimal", strcase::isdecimal;
    m_isdigit => "isdigit", strcase::isdigit;
    m_isnumeric => "isnumeric", strcase::isnumeric;
    m_isspace => "isspace", strcase::isspace;
    m_isprintable => "isprintable", strcase::isprintable;
    m_isascii => "isascii", strcase::isascii;
    m_isupper => "isupper", strcase::isupper;
    m_islower => "islower", strcase::islower;
    m_istitle => "istitle", strcase::istitle;
    m_isidentifier => "isidentifier", strcase::isidentifier;
}

/// `(sub, start, end)` of the find family.
fn find_args<'a>(
    vm: &mut Vm,
    a: &Args,
    sig: &Sig,
) -> PyResult<(&'a str, Option<isize>, Option<isize>)> {
    let [sub, start, end, _] = parse(vm, a, sig)?;
    let start = slice_index(vm, start)?;
    let end = slice_index(vm, end)?;
    let sub = str_arg(vm, sub.unwrap_or(g().none), "")?;
    Ok((sub, start, end))
}

fn m_find(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("find", 1, 3, Style::Old);
    let (sub, s0, e0) = find_args(vm, a, &SIG)?;
    vm.new_int(sm::find(str_val(a.get(0)), sub, s0, e0) as i64)
}

fn m_rfind(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("rfind", 1, 3, Style::Old);
    let (sub, s0, e0) = find_args(vm, a, &SIG)?;
    vm.new_int(sm::rfind(str_val(a.get(0)), sub, s0, e0) as i64)
}

fn m_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("index", 1, 3, Style::Old);
    let (sub, s0, e0) = find_args(vm, a, &SIG)?;
    let r = sm::index(str_val(a.get(0)), sub, s0, e0);
    let i = text_err(vm, r)?;
    vm.new_int(i as i64)
}

fn m_rindex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("rindex", 1, 3, Style::Old);
    let (sub, s0, e0) = find_args(vm, a, &SIG)?;
    let r = sm::rindex(str_val(a.get(0)), sub, s0, e0);
    let i = text_err(vm, r)?;
    vm.new_int(i as i64)
}

fn m_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("count", 1, 3, Style::Old);
    let (sub, s0, e0) = find_args(vm, a, &SIG)?;
    vm.new_int(sm::count(str_val(a.get(0)), sub, s0, e0) as i64)
}

/// `startswith`/`endswith`: one str or a tuple of them.
fn starts_ends(vm: &mut Vm, a: &Args, sig: &Sig, ends: bool) -> PyResult<Value> {
    let [prefix, start, end, _] = parse(vm, a, sig)?;
    let prefix = prefix.unwrap_or(g().none);
    let start = slice_index(vm, start)?;
    let end = slice_index(vm, end)?;
    let s = str_val(a.get(0));
    let test = |p: &str| {
        if ends {
            sm::endswith(s, p, start, end)
        } else {
            sm::startswith(s, p, start, end)
        }
    };
    if is_str(prefix) {
        return Ok(vm.bool_val(test(str_val(prefix))));
    }
    if prefix.is_ptr() && kind_of(prefix) == Kind::Tuple {
        for item in crate::types::tuple::items(prefix) {
            if !is_str(item) {
                let msg = format!(
                    "tuple for {} must only contain str, not {}",
                    sig.name,
                    type_name(type_of(item))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            if test(str_val(item)) {
                return Ok(g().true_);
            }
        }
        return Ok(g().false_);
    }
    let msg = format!(
        "{} first arg must be str or a tuple of str, not {}",
        sig.name,
        type_name(type_of(prefix))
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

fn m_startswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("startswith", 1, 3, Style::Old);
    starts_ends(vm, a, &SIG, false)
}

fn m_endswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("endswith", 1, 3, Style::Old);
    starts_ends(vm, a, &SIG, true)
}

fn m_replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("replace", 2, 3, Style::Range);
    let [old, new, count, _] = parse(vm, a, &SIG)?;
    let old = str_arg(vm, old.unwrap_or(g().none), "replace() argument 1 ")?;
    let new = str_arg(vm, new.unwrap_or(g().none), "replace() argument 2 ")?;
    let count = match count {
        Some(c) => ssize_arg(vm, c)?,
        None => -1,
    };
    let s = a.get(0);
    let r = sm::replace(str_val(s), old, new, count);
    let r = text_err(vm, r)?;
    if r == str_val(s) && type_of(s) == ty(T::Str) {
        return Ok(s);
    }
    vm.new_str(&r)
}

fn affix_arg<'a>(vm: &mut Vm, a: &Args, name: &'static str) -> PyResult<&'a str> {
    let v = a.get(1);
    if is_str(v) {
        return Ok(str_val(v));
    }
    let msg = format!("{name}() argument must be str, not {}", clinic_type_name(v));
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

fn m_removeprefix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("removeprefix", 1, 1, Style::One);
    parse(vm, a, &SIG)?;
    let p = affix_arg(vm, a, "removeprefix")?;
    let s = a.get(0);
    let r = sm::removeprefix(str_val(s), p);
    ret_str(vm, s, r)
}

fn m_removesuffix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("removesuffix", 1, 1, Style::One);
    parse(vm, a, &SIG)?;
    let p = affix_arg(vm, a, "removesuffix")?;
    let s = a.get(0);
    let r = sm::removesuffix(str_val(s), p);
    ret_str(vm, s, r)
}

/// The `sep, maxsplit` arguments of `split`/`rsplit`.
fn split_args<'a>(vm: &mut Vm, a: &Args, sig: &Sig) -> PyResult<(Option<&'a str>, isize)> {
    let [sep, maxsplit, _, _] = parse(vm, a, sig)?;
    let maxsplit = match maxsplit {
        Some(m) => ssize_arg(vm, m)?,
        None => -1,
    };
    let sep = match sep {
        None => None,
        Some(v) if v == g().none => None,
        Some(v) if is_str(v) => Some(str_val(v)),
        Some(v) => {
            let msg = format!("must be str or None, not {}", type_name(type_of(v)));
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    };
    Ok((sep, maxsplit))
}

fn str_list(vm: &mut Vm, parts: &[&str]) -> PyResult<Value> {
    let mut items = Vec::with_capacity(parts.len());
    for p in parts {
        items.push(vm.new_str(p)?);
    }
    vm.new_list(&items)
}

fn m_split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = Sig {
        kw: &["sep", "maxsplit"],
        ..sig("split", 0, 2, Style::Kw)
    };
    let (sep, maxsplit) = split_args(vm, a, &SIG)?;
    let r = sm::split(str_val(a.get(0)), sep, maxsplit);
    let parts = text_err(vm, r)?;
    str_list(vm, &parts)
}

fn m_rsplit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = Sig {
        kw: &["sep", "maxsplit"],
        ..sig("rsplit", 0, 2, Style::Kw)
    };
    let (sep, maxsplit) = split_args(vm, a, &SIG)?;
    let r = sm::rsplit(str_val(a.get(0)), sep, maxsplit);
    let parts = text_err(vm, r)?;
    str_list(vm, &parts)
}

fn m_splitlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = Sig {
        kw: &["keepends"],
        ..sig("splitlines", 0, 1, Style::Kw)
    };
    let [keep, ..] = parse(vm, a, &SIG)?;
    let keep = match keep {
        Some(k) => int_arg(vm, k)? != 0,
        None => false,
    };
    let parts = sm::splitlines(str_val(a.get(0)), keep);
    str_list(vm, &parts)
}

fn parts_tuple(vm: &mut Vm, p: (&str, &str, &str)) -> PyResult<Value> {
    let x = vm.new_str(p.0)?;
    let y = vm.new_str(p.1)?;
    let z = vm.new_str(p.2)?;
    vm.new_tuple(&[x, y, z])
}

fn m_partition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("partition", 1, 1, Style::One);
    parse(vm, a, &SIG)?;
    let sep = str_arg(vm, a.get(1), "")?;
    let r = sm::partition(str_val(a.get(0)), sep);
    let p = text_err(vm, r)?;
    parts_tuple(vm, p)
}

fn m_rpartition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("rpartition", 1, 1, Style::One);
    parse(vm, a, &SIG)?;
    let sep = str_arg(vm, a.get(1), "")?;
    let r = sm::rpartition(str_val(a.get(0)), sep);
    let p = text_err(vm, r)?;
    parts_tuple(vm, p)
}

/// The `chars` argument of the strip family.
fn strip_arg<'a>(vm: &mut Vm, a: &Args, sig: &Sig) -> PyResult<Option<&'a str>> {
    let [chars, ..] = parse(vm, a, sig)?;
    match chars {
        None => Ok(None),
        Some(v) if v == g().none => Ok(None),
        Some(v) if is_str(v) => Ok(Some(str_val(v))),
        Some(_) => {
            let msg = format!("{} arg must be None or str", sig.name);
            Err(vm.raise_msg(ExcKind::TypeError, &msg))
        }
    }
}

fn m_strip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("strip", 0, 1, Style::Range);
    let chars = strip_arg(vm, a, &SIG)?;
    let s = a.get(0);
    ret_str(vm, s, sm::strip(str_val(s), chars))
}

fn m_lstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("lstrip", 0, 1, Style::Range);
    let chars = strip_arg(vm, a, &SIG)?;
    let s = a.get(0);
    ret_str(vm, s, sm::lstrip(str_val(s), chars))
}

fn m_rstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("rstrip", 0, 1, Style::Range);
    let chars = strip_arg(vm, a, &SIG)?;
    let s = a.get(0);
    ret_str(vm, s, sm::rstrip(str_val(s), chars))
}

/// `center`/`ljust`/`rjust`: `(width, fillchar=' ')`.
fn justify(
    vm: &mut Vm,
    a: &Args,
    sig: &Sig,
    f: fn(&str, isize, char) -> Result<String, TextError>,
) -> PyResult<Value> {
    let [width, fill, ..] = parse(vm, a, sig)?;
    let width = ssize_arg(vm, width.unwrap_or(g().none))?;
    let fill = match fill {
        None => ' ',
        Some(v) if is_str(v) => {
            let mut it = str_val(v).chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(vm.raise_msg(
                        ExcKind::TypeError,
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
        Some(v) => {
            let msg = format!(
                "The fill character must be a unicode character, not {}",
                type_name(type_of(v))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    };
    let s = a.get(0);
    if width <= crate::obj::alloc::str_nchars(s) as isize && type_of(s) == ty(T::Str) {
        return Ok(s);
    }
    let r = f(str_val(s), width, fill);
    let r = text_err(vm, r)?;
    vm.new_str(&r)
}

fn m_center(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("center", 1, 2, Style::Range);
    justify(vm, a, &SIG, strcase::center)
}

fn m_ljust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("ljust", 1, 2, Style::Range);
    justify(vm, a, &SIG, strcase::ljust)
}

fn m_rjust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("rjust", 1, 2, Style::Range);
    justify(vm, a, &SIG, strcase::rjust)
}

fn m_zfill(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("zfill", 1, 1, Style::One);
    parse(vm, a, &SIG)?;
    let width = ssize_arg(vm, a.get(1))?;
    let s = a.get(0);
    let r = strcase::zfill(str_val(s), width);
    let r = text_err(vm, r)?;
    if r == str_val(s) && type_of(s) == ty(T::Str) {
        return Ok(s);
    }
    vm.new_str(&r)
}

fn m_expandtabs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = Sig {
        kw: &["tabsize"],
        ..sig("expandtabs", 0, 1, Style::Kw)
    };
    let [tab, ..] = parse(vm, a, &SIG)?;
    let tab = match tab {
        Some(t) => int_arg(vm, t)? as isize,
        None => 8,
    };
    let s = a.get(0);
    let r = strcase::expandtabs(str_val(s), tab);
    let r = text_err(vm, r)?;
    vm.new_str(&r)
}

fn m_join(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("join", 1, 1, Style::One);
    parse(vm, a, &SIG)?;
    // A safepoint: `seq` is read again from the arguments after it.
    let items = match vm.to_vec_collecting(a.get(1), a.from_interp()) {
        Ok(v) => v,
        Err(e) => {
            let seq = a.get(1);
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
    let sep = str_val(a.get(0));
    if items.len() == 1 && type_of(items[0]) == ty(T::Str) {
        return Ok(items[0]);
    }
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, x) in items.iter().enumerate() {
        if !is_str(*x) {
            let msg = format!(
                "sequence item {}: expected str instance, {} found",
                i,
                type_name(type_of(*x))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        total = total.saturating_add(str_bytes(*x).len());
    }
    let out = crate::text::error::string_with_capacity(total);
    let mut out = text_err(vm, out)?;
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(str_val(*x));
    }
    vm.new_str(&out)
}

fn m_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = Sig {
        kw: &["encoding", "errors"],
        ..sig("encode", 0, 2, Style::Kw)
    };
    let [enc, errors, ..] = parse(vm, a, &SIG)?;
    let enc = match enc {
        Some(v) => str_arg(vm, v, "encode() argument 'encoding' ")?,
        None => "utf-8",
    };
    let errors = match errors {
        Some(v) => str_arg(vm, v, "encode() argument 'errors' ")?,
        None => "strict",
    };
    let s = a.get(0);
    encode_str(vm, s, enc, errors)
}

/// `s.encode(encoding, errors)` as a bytes object.
pub fn encode_str(vm: &mut Vm, s: Value, enc: &str, errors: &str) -> PyResult<Value> {
    let codec = codecs::lookup(enc);
    let codec = text_err(vm, codec)?;
    match codecs::encode(codec, str_val(s), errors) {
        Ok(b) => vm.new_bytes(&b),
        Err(e) => Err(raise_codec(vm, e, s)),
    }
}

/// One entry of a translate table, looked up once per distinct char.
enum Mapped {
    Keep,
    Delete,
    Text(String),
}

fn translate_one(vm: &mut Vm, table: Value, c: char) -> PyResult<Mapped> {
    let key = Value::small(c as i64);
    let v = match vm.getitem(table, key) {
        Ok(v) => v,
        Err(e) => {
            if vm.exc_is(ExcKind::LookupError) {
                vm.exc = Value::NULL;
                return Ok(Mapped::Keep);
            }
            return Err(e);
        }
    };
    if v == g().none {
        return Ok(Mapped::Delete);
    }
    if is_str(v) {
        return Ok(Mapped::Text(str_val(v).to_string()));
    }
    if crate::types::int::is_int(v) {
        let n = crate::types::int::int_to_i64(v).unwrap_or(-1);
        return match u32::try_from(n).ok().filter(|&u| u < 0x110000) {
            Some(u) => match char::from_u32(u) {
                Some(ch) => Ok(Mapped::Text(ch.to_string())),
                None => Err(vm.raise_msg(
                    ExcKind::ValueError,
                    "character mapping to a lone surrogate is not supported by hotpy",
                )),
            },
            None => Err(vm.raise_msg(
                ExcKind::ValueError,
                "character mapping must be in range(0x110000)",
            )),
        };
    }
    Err(vm.raise_msg(
        ExcKind::TypeError,
        "character mapping must return integer, None or str",
    ))
}

fn m_translate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("translate", 1, 1, Style::One);
    parse(vm, a, &SIG)?;
    let s = a.get(0);
    let table = a.get(1);
    let mut cache: std::collections::HashMap<char, Mapped> = Default::default();
    let mut out = String::with_capacity(str_bytes(s).len());
    for c in str_val(s).chars() {
        let m = match cache.entry(c) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(translate_one(vm, table, c)?),
        };
        match m {
            Mapped::Keep => out.push(c),
            Mapped::Delete => {}
            Mapped::Text(t) => out.push_str(t),
        }
    }
    if out == str_val(s) && type_of(s) == ty(T::Str) {
        return Ok(s);
    }
    vm.new_str(&out)
}

fn m_maketrans(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = sig("maketrans", 1, 3, Style::Range);
    let [x, y, z, _] = crate::types::str::support::parse_from(vm, a, &SIG, 0)?;
    let x = x.unwrap_or(g().none);
    let d = vm.new_dict()?;
    let Some(y) = y else {
        if !isinstance(x, ty(T::Dict)) {
            return Err(vm.raise_msg(
                ExcKind::TypeError,
                "if you give only one argument to maketrans it must be a dict",
            ));
        }
        for (k, v) in vm.dict_items_vec(x) {
            let key = if is_str(k) {
                let mut it = str_val(k).chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Value::small(c as i64),
                    _ => {
                        return Err(vm.raise_msg(
                            ExcKind::ValueError,
                            "string keys in translate table must be of length 1",
                        ))
                    }
                }
            } else if crate::types::int::is_int(k) {
                k
            } else {
                return Err(vm.raise_msg(
                    ExcKind::TypeError,
                    "keys in translate table must be strings or integers",
                ));
            };
            vm.dict_set(d, key, v)?;
        }
        return Ok(d);
    };
    let y = str_arg(vm, y, "maketrans() argument 2 ")?;
    let z = match z {
        Some(z) => Some(str_arg(vm, z, "maketrans() argument 3 ")?),
        None => None,
    };
    if !is_str(x) {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "first maketrans argument must be a string if there is a second argument",
        ));
    }
    let xs: Vec<char> = str_val(x).chars().collect();
    let ys: Vec<char> = y.chars().collect();
    if xs.len() != ys.len() {
        return Err(vm.raise_msg(
            ExcKind::ValueError,
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (c, t) in xs.iter().zip(&ys) {
        vm.dict_set(d, Value::small(*c as i64), Value::small(*t as i64))?;
    }
    if let Some(z) = z {
        for c in z.chars() {
            vm.dict_set(d, Value::small(c as i64), g().none)?;
        }
    }
    Ok(d)
}

pub fn init(vm: &mut Vm, t: Value) -> PyResult<()> {
    vm.def_methods(
        t,
        &[
            ("lower", m_lower),
            ("upper", m_upper),
            ("casefold", m_casefold),
            ("swapcase", m_swapcase),
            ("capitalize", m_capitalize),
            ("title", m_title),
            ("isalpha", m_isalpha),
            ("isalnum", m_isalnum),
            ("isdecimal", m_isdecimal),
            ("isdigit", m_isdigit),
            ("isnumeric", m_isnumeric),
            ("isspace", m_isspace),
            ("isprintable", m_isprintable),
            ("isascii", m_isascii),
            ("isupper", m_isupper),
            ("islower", m_islower),
            ("istitle", m_istitle),
            ("isidentifier", m_isidentifier),
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
            ("encode", m_encode),
            ("translate", m_translate),
        ],
    )?;
    vm.def_staticmethods(t, &[("maketrans", m_maketrans)])?;
    Ok(())
}
