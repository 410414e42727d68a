//! `bytes` and `bytearray`: construction, the operators, iteration and decoding. The
//! named methods both types share are in `bytes/methods.rs`; bytearray's mutation
//! (`append`, item and slice assignment, `+=`...) is in `bytes/mutate.rs`.
//!
//! A bytes object holds its bytes inline and never changes. A bytearray holds a length
//! and a `Raw` buffer: a write that fits the buffer's capacity is done in place, a
//! larger one fills a new buffer completely and then publishes it (and the length)
//! with release stores, as list does, so a racing reader sees old or new bytes, never
//! freed memory (old buffers die only in a collection, which no reader can be inside).
//!
//! What must hold: `len <= cap(buf)` at every store; every error has CPython 3.11's
//! type and message; results of methods are exact `bytes`/`bytearray` objects.

mod methods;
mod mutate;

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::text::{codecs, repr};
use crate::types::record::REC_SEQ_ITER;
use crate::types::slots::TypeOps;
use crate::types::str::is_str;
use crate::types::str::support::{buffer, parse, raise_codec, raise_text, Sig, Style};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use std::sync::atomic::Ordering;

#[inline]
pub fn is_bytes(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Bytes
}

#[inline]
pub fn is_bytearray(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::ByteArray
}

#[inline(always)]
fn ba(v: Value) -> &'static ByteArrayObj {
    // SAFETY: callers pass bytearray objects (kind ByteArray).
    unsafe { obj::<ByteArrayObj>(v) }
}

/// The current bytes of a bytearray.
pub fn bytearray_data<'a>(v: Value) -> &'a [u8] {
    let buf = ba(v).buf.get();
    if buf.is_null() {
        return &[];
    }
    let data = raw_data(buf);
    let n = ba(v).len.load(Ordering::Acquire).min(data.len());
    &data[..n]
}

/// The buffer's capacity.
fn bytearray_cap(v: Value) -> usize {
    let buf = ba(v).buf.get();
    if buf.is_null() {
        0
    } else {
        raw_data(buf).len()
    }
}

/// Replaces the contents of bytearray `v` with `data` (which may alias them).
pub fn bytearray_set(vm: &mut Vm, v: Value, data: &[u8]) -> PyResult<()> {
    // `data` may be these very bytes: copy it out before taking the lock.
    let data = &data.to_vec()[..];
    let _g = vm.write_lock(v);
    set_locked(vm, v, data)
}

/// Edits the contents of bytearray `v` in one locked step: `f` gets a copy of the bytes
/// and changes it (it runs no Python code); the result is stored before the lock is
/// released, so a racing `append` is never lost. With `expected`, the edit happens only
/// while the length is still that one (indices computed unlocked); `None` otherwise.
pub fn bytearray_edit<R>(
    vm: &mut Vm,
    v: Value,
    expected: Option<usize>,
    f: impl FnOnce(&mut Vec<u8>) -> R,
) -> PyResult<Option<R>> {
    let _g = vm.write_lock(v);
    let mut data = bytearray_data(v).to_vec();
    if expected.is_some_and(|n| n != data.len()) {
        return Ok(None);
    }
    let r = f(&mut data);
    set_locked(vm, v, &data)?;
    Ok(Some(r))
}

/// `bytearray_set` for a caller that holds the bytearray's lock.
fn set_locked(vm: &mut Vm, v: Value, data: &[u8]) -> PyResult<()> {
    if data.len() <= bytearray_cap(v) {
        let buf = ba(v).buf.get();
        let n = data.len();
        if ba(v).len.load(Ordering::Acquire) > n {
            ba(v).len.store(n, Ordering::Release);
        }
        raw_data(buf)[..n].copy_from_slice(data);
        ba(v).len.store(n, Ordering::Release);
        return Ok(());
    }
    let cap = data.len().saturating_add(data.len() >> 3).saturating_add(8);
    let buf = vm.new_raw(cap)?;
    raw_data(buf)[..data.len()].copy_from_slice(data);
    ba(v).len.store(0, Ordering::Release);
    ba(v).buf.set(buf);
    ba(v).len.store(data.len(), Ordering::Release);
    Ok(())
}

/// Appends `extra` to bytearray `v`, growing the buffer geometrically.
pub fn bytearray_extend_from(vm: &mut Vm, v: Value, extra: &[u8]) -> PyResult<()> {
    // `extra` may be these very bytes: copy it out before taking the lock.
    let extra = &extra.to_vec()[..];
    let _g = vm.write_lock(v);
    let n = bytearray_data(v).len();
    let need = n
        .checked_add(extra.len())
        .ok_or_else(|| vm.memory_error())?;
    if need > bytearray_cap(v) {
        let cap = need.saturating_add(need >> 1).saturating_add(8);
        let buf = vm.new_raw(cap)?;
        raw_data(buf)[..n].copy_from_slice(bytearray_data(v));
        raw_data(buf)[n..need].copy_from_slice(extra);
        ba(v).buf.set(buf);
        ba(v).len.store(need, Ordering::Release);
        return Ok(());
    }
    raw_data(ba(v).buf.get())[n..need].copy_from_slice(extra);
    ba(v).len.store(need, Ordering::Release);
    Ok(())
}

/// The bytes of `v` when it is bytes or bytearray.
pub fn data_of<'a>(v: Value) -> &'a [u8] {
    buffer(v).unwrap_or(&[])
}

/// A result of the same family as `like`: an exact bytearray for bytearrays, else an
/// exact bytes.
pub fn new_like(vm: &mut Vm, like: Value, data: &[u8]) -> PyResult<Value> {
    if is_bytearray(like) {
        vm.new_bytearray(data, ty(T::ByteArray))
    } else {
        vm.new_bytes(data)
    }
}

/// The owner name for messages: "bytes" or "bytearray".
pub fn family(v: Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// A byte value argument: `__index__` in `range(256)`.
pub fn byte_value(vm: &mut Vm, v: Value, msg: &str) -> PyResult<u8> {
    let i = vm.index(v)?;
    match crate::types::int::int_to_i64(i).and_then(|n| u8::try_from(n).ok()) {
        Some(b) => Ok(b),
        None => Err(vm.raise_msg(ExcKind::ValueError, msg)),
    }
}

/// The bytes of any iterable of ints (`bytes([1, 2])`), `msg` for out-of-range items.
fn bytes_from_iterable(vm: &mut Vm, x: Value, msg: &str, target: &str) -> PyResult<Vec<u8>> {
    let items = match vm.to_vec(x) {
        Ok(v) => v,
        Err(e) => {
            if vm.exc_is(ExcKind::TypeError)
                && vm.lookup(type_of(x), g().names.__iter__).is_null()
                && vm.lookup(type_of(x), g().names.__getitem__).is_null()
            {
                vm.exc = Value::NULL;
                let m = format!(
                    "cannot convert '{}' object to {target}",
                    type_name(type_of(x))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &m));
            }
            return Err(e);
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        out.push(byte_value(vm, it, msg)?);
    }
    Ok(out)
}

/// A count argument of the constructors (`bytes(5)`): `None` when `x` has no
/// `__index__` or its `__index__` raised TypeError.
fn size_of_arg(vm: &mut Vm, x: Value) -> PyResult<Option<usize>> {
    if !crate::types::int::is_int(x) && vm.lookup(type_of(x), g().names.__index__).is_null() {
        return Ok(None);
    }
    let i = match vm.index(x) {
        Ok(i) => i,
        Err(e) => {
            if vm.exc_is(ExcKind::TypeError) {
                vm.exc = Value::NULL;
                return Ok(None);
            }
            return Err(e);
        }
    };
    match crate::types::int::int_to_i64(i) {
        Some(n) if n < 0 => Err(vm.raise_msg(ExcKind::ValueError, "negative count")),
        Some(n) => Ok(Some(n as usize)),
        None => {
            let msg = format!(
                "cannot fit '{}' into an index-sized integer",
                type_name(type_of(x))
            );
            Err(vm.raise_msg(ExcKind::OverflowError, &msg))
        }
    }
}

/// A zero-filled buffer of `n` bytes, or MemoryError.
fn zeros(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    if n > crate::obj::alloc::MAX_OBJECT || v.try_reserve_exact(n).is_err() {
        return Err(vm.memory_error());
    }
    v.resize(n, 0);
    Ok(v)
}

/// Checks the `encoding`/`errors` arguments of a constructor are str.
fn enc_args<'a>(
    vm: &mut Vm,
    owner: &str,
    enc: Option<Value>,
    errors: Option<Value>,
) -> PyResult<(Option<&'a str>, Option<&'a str>)> {
    let mut out = [None, None];
    for (i, (v, what)) in [(enc, "encoding"), (errors, "errors")]
        .into_iter()
        .enumerate()
    {
        if let Some(v) = v {
            if !is_str(v) {
                let msg = format!(
                    "{owner}() argument '{what}' must be str, not {}",
                    crate::types::str::support::clinic_type_name(v)
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            out[i] = Some(str_val(v));
        }
    }
    Ok((out[0], out[1]))
}

fn no_string_error(vm: &mut Vm, has_enc: bool) -> crate::interp::state::Raised {
    let msg = if has_enc {
        "encoding without a string argument"
    } else {
        "errors without a string argument"
    };
    vm.raise_msg(ExcKind::TypeError, msg)
}

/// `bytes(source, encoding, errors)`'s bytes.
fn bytes_source(vm: &mut Vm, a: &Args) -> PyResult<Vec<u8>> {
    static SIG: Sig = Sig {
        owner: "",
        name: "bytes",
        min: 0,
        max: 3,
        style: Style::Kw,
        kw: &["source", "encoding", "errors"],
    };
    let [x, enc, errors, _] = parse(vm, a, &SIG)?;
    let (enc, errors) = enc_args(vm, "bytes", enc, errors)?;
    let Some(x) = x else {
        if enc.is_some() || errors.is_some() {
            return Err(no_string_error(vm, enc.is_some()));
        }
        return Ok(Vec::new());
    };
    if let Some(enc) = enc {
        if !is_str(x) {
            return Err(no_string_error(vm, true));
        }
        let b = crate::types::strmethods::encode_str(vm, x, enc, errors.unwrap_or("strict"))?;
        return Ok(bytes_data(b).to_vec());
    }
    if errors.is_some() {
        if is_str(x) {
            return Err(vm.raise_msg(ExcKind::TypeError, "string argument without an encoding"));
        }
        return Err(no_string_error(vm, false));
    }
    if let Some(r) = vm.call_special(x, g().names.__bytes__, &[])? {
        if !is_bytes(r) {
            let msg = format!(
                "__bytes__ returned non-bytes (type {})",
                type_name(type_of(r))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        return Ok(bytes_data(r).to_vec());
    }
    if is_str(x) {
        return Err(vm.raise_msg(ExcKind::TypeError, "string argument without an encoding"));
    }
    if let Some(n) = size_of_arg(vm, x)? {
        return zeros(vm, n);
    }
    if let Some(b) = buffer(x) {
        return Ok(b.to_vec());
    }
    bytes_from_iterable(vm, x, "bytes must be in range(0, 256)", "bytes")
}

fn bytes_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    if a.len() == 2 && a.nkw() == 0 && type_of(a.get(1)) == ty(T::Bytes) && cls == ty(T::Bytes) {
        return Ok(a.get(1));
    }
    let data = bytes_source(vm, a)?;
    vm.new_bytes_typed(&data, cls)
}

fn bytearray_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.new_bytearray(&[], a.get(0))
}

fn bytearray_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: Sig = Sig {
        owner: "",
        name: "bytearray",
        min: 0,
        max: 3,
        style: Style::Kw,
        kw: &["source", "encoding", "errors"],
    };
    let this = a.get(0);
    let [x, enc, errors, _] = parse(vm, a, &SIG)?;
    let (enc, errors) = enc_args(vm, "bytearray", enc, errors)?;
    let data = match x {
        None => {
            if enc.is_some() || errors.is_some() {
                return Err(no_string_error(vm, enc.is_some()));
            }
            Vec::new()
        }
        Some(x) if is_str(x) => {
            let Some(enc) = enc else {
                return Err(vm.raise_msg(ExcKind::TypeError, "string argument without an encoding"));
            };
            let b = crate::types::strmethods::encode_str(vm, x, enc, errors.unwrap_or("strict"))?;
            bytes_data(b).to_vec()
        }
        Some(_) if enc.is_some() || errors.is_some() => {
            return Err(no_string_error(vm, enc.is_some()));
        }
        Some(x) => match size_of_arg(vm, x)? {
            Some(n) => zeros(vm, n)?,
            None => match buffer(x) {
                Some(b) => b.to_vec(),
                None => bytes_from_iterable(vm, x, "byte must be in range(0, 256)", "bytearray")?,
            },
        },
    };
    bytearray_set(vm, this, &data)?;
    Ok(g().none)
}

/// `str(obj, encoding, errors)` and `bytes.decode`: decodes a bytes-like object.
pub fn decode(
    vm: &mut Vm,
    obj: Value,
    enc: Option<Value>,
    errors: Option<Value>,
) -> PyResult<Value> {
    let enc = enc.map(str_val).unwrap_or("utf-8");
    let errors = errors.map(str_val).unwrap_or("strict");
    let Some(data) = buffer(obj) else {
        let msg = if is_str(obj) {
            "decoding str is not supported".to_string()
        } else {
            format!(
                "decoding to str: need a bytes-like object, {} found",
                type_name(type_of(obj))
            )
        };
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    };
    decode_data(vm, obj, data, enc, errors)
}

/// Decodes `data` (the bytes of `obj`, named in codec errors).
pub fn decode_data(
    vm: &mut Vm,
    obj: Value,
    data: &[u8],
    enc: &str,
    errors: &str,
) -> PyResult<Value> {
    if data.is_empty() {
        // CPython returns '' before looking the codec up.
        return Ok(g().empty_str);
    }
    let codec = codecs::lookup(enc).map_err(|e| raise_text(vm, e))?;
    match codecs::decode(codec, data, errors) {
        Ok(s) => vm.new_str(&s),
        Err(e) => Err(raise_codec(vm, e, obj)),
    }
}

fn bytes_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = repr::repr_bytes(bytes_data(v));
    vm.new_str(&s)
}

fn bytearray_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = repr::repr_bytearray(type_name(type_of(v)), bytearray_data(v));
    vm.new_str(&s)
}

fn bytes_hash(_vm: &mut Vm, v: Value) -> PyResult<i64> {
    // SAFETY: the slot is installed on bytes only (kind Bytes).
    let o = unsafe { obj::<BytesObj>(v) };
    let h = o.hash.load(Ordering::Relaxed);
    if h != -1 {
        return Ok(h);
    }
    let h = crate::types::typeobj::hash_bytes(bytes_data(v));
    o.hash.store(h, Ordering::Relaxed);
    Ok(h)
}

/// bytearray is unhashable. (Its `__hash__` is None; this slot keeps the core's slot
/// lookup from inheriting `object`'s hash.)
fn bytearray_hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let msg = format!("unhashable type: '{}'", type_name(type_of(v)));
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

fn richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (buffer(a), buffer(b)) else {
        return Ok(g().not_implemented);
    };
    Ok(vm.bool_val(op.test(x.cmp(y))))
}

/// `a + b` where `a` is bytes-like: CPython's message for built-in right operands.
fn concat(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let Some(y) = buffer(b) else {
        if crate::ops::attr::is_heap_type(type_of(b)) {
            return Ok(g().not_implemented);
        }
        let msg = format!(
            "can't concat {} to {}",
            type_name(type_of(b)),
            type_name(type_of(a))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    };
    let x = data_of(a);
    if y.is_empty() && type_of(a) == ty(T::Bytes) {
        return Ok(a);
    }
    let mut out = Vec::new();
    if out
        .try_reserve_exact(x.len().saturating_add(y.len()))
        .is_err()
    {
        return Err(vm.memory_error());
    }
    out.extend_from_slice(x);
    out.extend_from_slice(y);
    new_like(vm, a, &out)
}

/// `seq * n` for bytes-like `seq`.
pub fn repeat(vm: &mut Vm, seq: Value, n: isize) -> PyResult<Vec<u8>> {
    let d = data_of(seq);
    let n = usize::try_from(n).unwrap_or(0);
    if d.is_empty() || n == 0 {
        return Ok(Vec::new());
    }
    let total = d
        .len()
        .checked_mul(n)
        .filter(|&t| t <= crate::obj::alloc::MAX_OBJECT);
    let Some(total) = total else {
        return Err(vm.memory_error());
    };
    let mut out = Vec::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(vm.memory_error());
    }
    for _ in 0..n {
        out.extend_from_slice(d);
    }
    Ok(out)
}

fn binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add if buffer(a).is_some() => concat(vm, a, b),
        BinOp::Mul => {
            let (s, n) = if buffer(a).is_some() { (a, b) } else { (b, a) };
            if buffer(s).is_none() {
                return Ok(g().not_implemented);
            }
            let Some(n) = crate::types::str::repeat_count(vm, n)? else {
                return Ok(g().not_implemented);
            };
            if n == 1 && type_of(s) == ty(T::Bytes) {
                return Ok(s);
            }
            let out = repeat(vm, s, n)?;
            new_like(vm, s, &out)
        }
        BinOp::Mod if buffer(a).is_some() => {
            let fmt = data_of(a).to_vec();
            let out = crate::types::strfmt::percent_format_bytes(vm, &fmt, b)?;
            new_like(vm, a, &out)
        }
        _ => Ok(g().not_implemented),
    }
}

fn len(_vm: &mut Vm, v: Value) -> PyResult<usize> {
    Ok(data_of(v).len())
}

fn contains(vm: &mut Vm, v: Value, x: Value) -> PyResult<bool> {
    let hay = data_of(v);
    if crate::types::int::is_int(x) || !vm.lookup(type_of(x), g().names.__index__).is_null() {
        let b = byte_value(vm, x, "byte must be in range(0, 256)")?;
        return Ok(data_of(v).contains(&b));
    }
    let needle = crate::types::str::support::buffer_arg(vm, x)?;
    Ok(crate::text::bytesmethods::find_bytes(hay, needle).is_some())
}

fn getitem(vm: &mut Vm, v: Value, k: Value) -> PyResult<Value> {
    let d = data_of(v);
    if k.is_ptr() && kind_of(k) == Kind::Slice {
        let (start, _stop, step, n) = crate::types::tuple::slice_indices(vm, k, d.len())?;
        let d = data_of(v);
        if step == 1 && n == d.len() && type_of(v) == ty(T::Bytes) {
            return Ok(v);
        }
        let out: Vec<u8> = (0..n)
            .filter_map(|i| d.get((start + i as i64 * step) as usize).copied())
            .collect();
        return new_like(vm, v, &out);
    }
    if crate::types::int::is_int(k) || !vm.lookup(type_of(k), g().names.__index__).is_null() {
        let i = vm.index_i64(k)? as isize;
        let d = data_of(v);
        let Some(j) = crate::text::indices::normalize_index(i, d.len()) else {
            let msg = if is_bytearray(v) {
                "bytearray index out of range"
            } else {
                "index out of range"
            };
            return Err(vm.raise_msg(ExcKind::IndexError, msg));
        };
        return Ok(Value::small(d[j] as i64));
    }
    let what = if is_bytearray(v) { "bytearray" } else { "byte" };
    let msg = format!(
        "{what} indices must be integers or slices, not {}",
        type_name(type_of(k))
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

fn iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    vm.new_record(
        ty(T::BytesIter),
        REC_SEQ_ITER,
        [v, Value::NULL, Value::NULL, Value::NULL],
        0,
        0,
    )
}

fn iter_self(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn iter_next(_vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    // SAFETY: bytes iterators are records (kind Record).
    let r = unsafe { obj::<RecordObj>(it) };
    let s = r.s[0].get();
    if s.is_null() {
        return Ok(None);
    }
    let i = r.a.load(Ordering::Relaxed) as usize;
    match data_of(s).get(i) {
        Some(&b) => {
            r.a.store(i as i64 + 1, Ordering::Relaxed);
            Ok(Some(Value::small(b as i64)))
        }
        None => {
            r.s[0].set(Value::NULL);
            Ok(None)
        }
    }
}

pub static BYTES_OPS: TypeOps = TypeOps {
    repr: Some(bytes_repr),
    hash: Some(bytes_hash),
    richcmp: Some(richcmp),
    binop: Some(binop),
    len: Some(len),
    getitem: Some(getitem),
    contains: Some(contains),
    iter: Some(iter),
    new: Some(bytes_new),
    ..TypeOps::EMPTY
};

pub static BYTEARRAY_OPS: TypeOps = TypeOps {
    repr: Some(bytearray_repr),
    hash: Some(bytearray_hash),
    richcmp: Some(richcmp),
    binop: Some(binop),
    inplace: Some(mutate::inplace),
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(mutate::setitem),
    contains: Some(contains),
    iter: Some(iter),
    new: Some(bytearray_new),
    init: Some(bytearray_init),
    ..TypeOps::EMPTY
};

pub static BYTES_ITER_OPS: TypeOps = TypeOps {
    iter: Some(iter_self),
    next: Some(iter_next),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let b = ty(T::Bytes);
    let ba = ty(T::ByteArray);
    vm.install_slots(b, &BYTES_OPS)?;
    vm.install_slots(ba, &BYTEARRAY_OPS)?;
    vm.install_slots(ty(T::BytesIter), &BYTES_ITER_OPS)?;
    vm.type_set_attr(ba, g().names.__hash__, g().none)?;
    methods::init(vm, b)?;
    methods::init(vm, ba)?;
    mutate::init(vm, ba)?;
    Ok(())
}
