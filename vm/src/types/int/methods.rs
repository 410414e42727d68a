//! The methods and attributes of `int` (and so of `bool`): `bit_length`, `bit_count`,
//! `to_bytes`, `from_bytes`, `as_integer_ratio`, `__round__`, `__divmod__`,
//! three-argument `__pow__`, `__format__`, `real`/`imag`/`numerator`/`denominator`.
//!
//! What must hold: arguments are checked with CPython 3.11's messages; every result is
//! an exact int (never a bool or subclass instance) except `from_bytes` on a subclass,
//! which calls the subclass as CPython does.

use super::{int_arith, int_exact, int_to_f64, int_to_i64, is_int, num_err, num_ok, to_bigint};
use crate::builtins_more::{bind, Sig};
use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::num::int as nint;
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::BinOp;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use num_traits::Signed;

fn this(a: &Args) -> Value {
    a.get(0)
}

fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.len() != 1 || a.nkw() != 0 {
        let msg = format!(
            "int.{name}() takes no arguments ({} given)",
            a.len().saturating_sub(1) + a.nkw()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

fn int_bit_length(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "bit_length")?;
    let v = this(a);
    if let Some(n) = int_to_i64(v) {
        return vm.new_int(i64::from(64 - n.unsigned_abs().leading_zeros()));
    }
    vm.new_int(nint::bit_length(&to_bigint(v)) as i64)
}

fn int_bit_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "bit_count")?;
    let v = this(a);
    if let Some(n) = int_to_i64(v) {
        return vm.new_int(i64::from(n.unsigned_abs().count_ones()));
    }
    vm.new_int(nint::bit_count(&to_bigint(v)) as i64)
}

/// `conjugate`, `__trunc__`, `__floor__`, `__ceil__`, `__int__`-likes: the exact int.
fn int_self(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 1 || a.nkw() != 0 {
        let msg = format!("expected 0 arguments, got {}", a.len().saturating_sub(1));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    int_exact(vm, this(a))
}

fn int_as_integer_ratio(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "as_integer_ratio")?;
    let n = int_exact(vm, this(a))?;
    vm.new_tuple(&[n, Value::small(1)])
}

fn int_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = int_exact(vm, this(a))?;
    vm.new_tuple(&[n])
}

/// `int.__round__(ndigits=None)`.
fn int_round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() > 2 || a.nkw() != 0 {
        let msg = format!(
            "__round__ expected at most 1 argument, got {}",
            a.len() - 1 + a.nkw()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let v = this(a);
    let Some(nd) = a.opt(1) else {
        return int_exact(vm, v);
    };
    let nd = vm.index(nd)?;
    let nd = match int_to_i64(nd) {
        Some(n) => n,
        None if to_bigint(nd).is_negative() => i64::MIN,
        None => 0,
    };
    if nd >= 0 {
        return int_exact(vm, v);
    }
    let r = nint::round(&to_bigint(v), nd);
    vm.new_bigint(&r)
}

/// `__divmod__`/`__rdivmod__` body: `(x // y, x % y)` for two ints.
fn divmod_values(vm: &mut Vm, x: Value, y: Value) -> PyResult<Value> {
    if let (Some(p), Some(q)) = (int_to_i64(x), int_to_i64(y)) {
        if let Some((d, m)) = num_ok(vm, nint::divmod_i64(p, q))? {
            let (dv, mv) = (vm.new_int(d)?, vm.new_int(m)?);
            return vm.new_tuple(&[dv, mv]);
        }
    }
    let (d, m) = num_ok(vm, nint::divmod(&to_bigint(x), &to_bigint(y)))?;
    let dv = vm.new_bigint(&d)?;
    let mv = vm.new_bigint(&m)?;
    vm.new_tuple(&[dv, mv])
}

fn one_other(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 2 || a.nkw() != 0 {
        let msg = format!("expected 1 argument, got {}", a.len().saturating_sub(1));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(a.get(1))
}

fn int_divmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = one_other(vm, a)?;
    if !is_int(o) {
        return Ok(g().not_implemented);
    }
    divmod_values(vm, this(a), o)
}

fn int_rdivmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = one_other(vm, a)?;
    if !is_int(o) {
        return Ok(g().not_implemented);
    }
    divmod_values(vm, o, this(a))
}

/// `int.__pow__(other, mod=None)` and `__rpow__`.
fn pow_common(vm: &mut Vm, a: &Args, reflected: bool) -> PyResult<Value> {
    if a.len() < 2 || a.len() > 3 || a.nkw() != 0 {
        let msg = format!(
            "expected 1 or 2 arguments, got {}",
            a.len().saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let (mut x, mut y) = (this(a), a.get(1));
    if reflected {
        std::mem::swap(&mut x, &mut y);
    }
    if !is_int(x) || !is_int(y) {
        return Ok(g().not_implemented);
    }
    match a.opt(2).filter(|m| *m != g().none) {
        None => int_arith(vm, x, y, BinOp::Pow),
        Some(m) if is_int(m) => {
            let r = nint::pow_mod(&to_bigint(x), &to_bigint(y), &to_bigint(m));
            let r = num_ok(vm, r)?;
            vm.new_bigint(&r)
        }
        Some(_) => Ok(g().not_implemented),
    }
}

fn int_pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pow_common(vm, a, false)
}

fn int_rpow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pow_common(vm, a, true)
}

/// A `byteorder` argument.
fn byteorder(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<bool> {
    let Some(v) = v else {
        return Ok(false);
    };
    if !(v.is_ptr() && kind_of(v) == Kind::Str) {
        let msg = format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            type_name(type_of(v))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    num_ok(vm, nint::parse_byteorder(str_val(v)))
}

static TO_BYTES_SIG: Sig = Sig {
    name: "to_bytes",
    params: &["self", "length", "byteorder", "signed"],
    posonly: 1,
    kwonly: 3,
    required: 1,
};

fn int_to_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind(vm, a, &TO_BYTES_SIG)?;
    let v = this(a);
    let length = match p[1] {
        None => 1,
        Some(l) => {
            let l = vm.index(l)?;
            match int_to_i64(l) {
                Some(n) => n,
                None if to_bigint(l).is_negative() => -1,
                None => i64::MAX,
            }
        }
    };
    let little = byteorder(vm, p[2], "to_bytes")?;
    let signed = match p[3] {
        None => false,
        Some(s) => vm.truthy(s)?,
    };
    let r = nint::to_bytes(&to_bigint(v), length, little, signed);
    let bytes = num_ok(vm, r)?;
    vm.new_bytes(&bytes)
}

static FROM_BYTES_SIG: Sig = Sig {
    name: "from_bytes",
    params: &["cls", "bytes", "byteorder", "signed"],
    posonly: 1,
    kwonly: 3,
    required: 2,
};

/// The bytes of a `bytes(x)`-convertible argument.
fn bytes_of(vm: &mut Vm, x: Value) -> PyResult<Vec<u8>> {
    if x.is_ptr() {
        match kind_of(x) {
            Kind::Bytes => return Ok(bytes_data(x).to_vec()),
            Kind::ByteArray => return Ok(crate::types::bytes::bytearray_data(x).to_vec()),
            _ => {}
        }
    }
    if is_int(x) || (x.is_ptr() && kind_of(x) == Kind::Str) {
        let msg = format!("cannot convert '{}' object to bytes", type_name(type_of(x)));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let nm = vm.intern("__bytes__")?;
    if let Some(r) = vm.call_special(x, nm, &[])? {
        if r.is_ptr() && kind_of(r) == Kind::Bytes {
            return Ok(bytes_data(r).to_vec());
        }
        let msg = format!(
            "__bytes__ returned non-bytes (type {})",
            type_name(type_of(r))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let items = match vm.to_vec(x) {
        Ok(items) => items,
        Err(e) => {
            if vm.exc_is(ExcKind::TypeError) {
                vm.exc = Value::NULL;
                let msg = format!("cannot convert '{}' object to bytes", type_name(type_of(x)));
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            return Err(e);
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let i = vm.index(it)?;
        match int_to_i64(i).filter(|n| (0..256).contains(n)) {
            Some(n) => out.push(n as u8),
            None => return Err(vm.raise_msg(ExcKind::ValueError, "bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

fn int_from_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind(vm, a, &FROM_BYTES_SIG)?;
    let cls = a.get(0);
    let data = bytes_of(vm, p[1].unwrap_or(g().none))?;
    let little = byteorder(vm, p[2], "from_bytes")?;
    let signed = match p[3] {
        None => false,
        Some(s) => vm.truthy(s)?,
    };
    let n = nint::from_bytes(&data, little, signed);
    let v = vm.new_bigint(&n)?;
    if cls == ty(T::Int) {
        return Ok(v);
    }
    vm.call(cls, &[v])
}

fn int_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 2 || a.nkw() != 0 {
        let msg = format!(
            "__format__ expected 1 argument, got {}",
            a.len().saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let v = this(a);
    let spec_v = a.get(1);
    if !(spec_v.is_ptr() && kind_of(spec_v) == Kind::Str) {
        let msg = format!(
            "__format__() argument must be str, not {}",
            type_name(type_of(spec_v))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let spec = str_val(spec_v).to_string();
    if spec.is_empty() {
        return vm.str_of(v);
    }
    let sp = match crate::num::fmt::parse_spec(&spec) {
        Ok(s) => s,
        Err(m) => return Err(vm.raise_msg(ExcKind::ValueError, &m)),
    };
    if matches!(sp.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
        let f = int_to_f64(vm, v)?;
        return match crate::num::fmt::format_float(f, &sp) {
            Ok(s) => vm.new_str(&s),
            Err(m) => Err(vm.raise_msg(ExcKind::ValueError, &m)),
        };
    }
    let b = to_bigint(v);
    if sp.ty.is_none() || sp.ty == Some('d') {
        // Decimal output obeys the int/str digit limit.
        let limit = crate::modules::sys::int_max_str_digits();
        if let Err(e) = nint::to_decimal_string(&b, limit) {
            return Err(num_err(vm, e));
        }
    }
    if let Some('c') = sp.ty {
        if sp.sign.is_some() {
            return Err(vm.raise_msg(
                ExcKind::ValueError,
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if sp.alternate {
            return Err(vm.raise_msg(
                ExcKind::ValueError,
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = u32::try_from(&b).ok().and_then(char::from_u32);
        return match c {
            Some(c) => {
                let s = crate::num::fmt::pad("", &c.to_string(), &sp, '<');
                vm.new_str(&s)
            }
            None => Err(vm.raise_msg(ExcKind::OverflowError, "%c arg not in range(0x110000)")),
        };
    }
    match crate::num::fmt::format_int_digits(b.is_negative(), b.magnitude(), &sp) {
        Ok(s) => vm.new_str(&s),
        Err(m) => Err(vm.raise_msg(ExcKind::ValueError, &m)),
    }
}

fn int_get_real(vm: &mut Vm, v: Value) -> PyResult<Value> {
    int_exact(vm, v)
}

fn int_get_imag(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::small(0))
}

fn int_get_one(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::small(1))
}

pub fn init(vm: &mut Vm, t: Value) -> PyResult<()> {
    vm.def_methods(
        t,
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("conjugate", int_self),
            ("as_integer_ratio", int_as_integer_ratio),
            ("to_bytes", int_to_bytes),
            ("__format__", int_format),
            ("__trunc__", int_self),
            ("__floor__", int_self),
            ("__ceil__", int_self),
            ("__round__", int_round),
            ("__getnewargs__", int_getnewargs),
            ("__divmod__", int_divmod),
            ("__rdivmod__", int_rdivmod),
            ("__pow__", int_pow),
            ("__rpow__", int_rpow),
        ],
    )?;
    vm.def_classmethods(t, &[("from_bytes", int_from_bytes)])?;
    vm.def_getters(
        t,
        &[
            ("real", int_get_real),
            ("imag", int_get_imag),
            ("numerator", int_get_real),
            ("denominator", int_get_one),
        ],
    )?;
    Ok(())
}
