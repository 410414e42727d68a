//! `float`: IEEE doubles with CPython's `repr`, arithmetic and comparison rules.
//!
//! What must hold: int/float comparison is exact (no rounding of big ints); `repr` is the
//! shortest round-tripping form (`num::fmt::float_repr`).

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::{float_val, str_val};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::int::{int_to_f64, is_int, to_bigint};
use crate::types::slots::{TypeOps, Unary};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use num_traits::ToPrimitive;

#[inline]
pub fn is_float(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Float
}

/// A float operand: floats, and ints converted exactly enough.
fn operand(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if is_float(v) {
        return Ok(Some(float_val(v)));
    }
    if is_int(v) {
        return int_to_f64(vm, v).map(Some);
    }
    Ok(None)
}

/// Python's float floor division and modulo.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let div = (x - m) / y;
    let mut d;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            d = div - 1.0;
        } else {
            d = div;
        }
    } else {
        m = 0.0f64.copysign(y);
        d = div;
    }
    if d != 0.0 {
        let f = d.floor();
        if d - f > 0.5 {
            d = f + 1.0;
        } else {
            d = f;
        }
    } else {
        d = 0.0f64.copysign(x / y);
    }
    (d, m)
}

fn float_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    let x = match operand(vm, a)? {
        Some(x) => x,
        None => return Ok(g().not_implemented),
    };
    let y = match operand(vm, b)? {
        Some(y) => y,
        None => return Ok(g().not_implemented),
    };
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.raise_msg(ExcKind::ZeroDivisionError, "float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(
                    vm.raise_msg(ExcKind::ZeroDivisionError, "float floor division by zero")
                );
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.raise_msg(ExcKind::ZeroDivisionError, "float modulo"));
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => return float_pow(vm, x, y),
        _ => return Ok(g().not_implemented),
    };
    vm.new_float(r)
}

pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(vm.raise_msg(
            ExcKind::ZeroDivisionError,
            "0.0 cannot be raised to a negative power",
        ));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        // Negative base, fractional exponent: a complex result.
        let r = x.abs().powf(y);
        let th = std::f64::consts::PI * y;
        return vm.new_complex(r * th.cos(), r * th.sin());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.raise_msg(
            ExcKind::OverflowError,
            "(34, 'Numerical result out of range')",
        ));
    }
    vm.new_float(r)
}

/// Exact comparison of an int with a float.
pub fn compare_int_float(vm: &mut Vm, i: Value, f: f64, op: CmpOp) -> PyResult<Value> {
    if f.is_nan() {
        return Ok(vm.bool_val(op == CmpOp::Ne));
    }
    if f.is_infinite() {
        let o = if f > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        };
        return Ok(vm.bool_val(op.test(o)));
    }
    let b = to_bigint(i);
    let fl = f.floor();
    let fb = num_bigint::BigInt::from(fl as i128);
    let fb = if fl.abs() < 1e38 {
        fb
    } else {
        num_traits::FromPrimitive::from_f64(fl).unwrap_or_default()
    };
    let o = match b.cmp(&fb) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        }
        o => o,
    };
    Ok(vm.bool_val(op.test(o)))
}

fn float_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_float(a) {
        return Ok(g().not_implemented);
    }
    let x = float_val(a);
    if is_float(b) {
        let y = float_val(b);
        let r = match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        };
        return Ok(vm.bool_val(r));
    }
    if is_int(b) {
        return compare_int_float(vm, b, x, op.swapped());
    }
    Ok(g().not_implemented)
}

pub fn float_hash_f64(x: f64, id: u64) -> i64 {
    if x.is_nan() {
        return (id >> 4) as i64;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    let m = crate::ops::proto::HASH_MODULUS as u64;
    let (mut mant, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while mant != 0.0 {
        h = ((h << 28) & m) | (h >> (61 - 28));
        mant *= 268435456.0;
        e -= 28;
        let y = mant as u64;
        mant -= y as f64;
        h += y;
        if h >= m {
            h -= m;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    h = ((h << e) & m) | (h >> (61 - e));
    let mut r = h as i64;
    if x < 0.0 {
        r = -r;
    }
    if r == -1 {
        -2
    } else {
        r
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn float_hash(_vm: &mut Vm, v: Value) -> PyResult<i64> {
    Ok(float_hash_f64(
        float_val(v),
        crate::types::object::object_id(v),
    ))
}

fn float_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = crate::num::fmt::float_repr(float_val(v));
    vm.new_str(&s)
}

fn float_bool(_vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(float_val(v) != 0.0)
}

fn float_unary(vm: &mut Vm, v: Value, u: Unary) -> PyResult<Value> {
    let x = float_val(v);
    match u {
        Unary::Neg => vm.new_float(-x),
        Unary::Pos => vm.new_float(x),
        Unary::Abs => vm.new_float(x.abs()),
        Unary::Invert => Ok(g().not_implemented),
    }
}

fn float_int(vm: &mut Vm, v: Value) -> PyResult<Value> {
    crate::types::int::float_to_int(vm, float_val(v))
}

fn float_float(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if type_of(v) == ty(T::Float) {
        return Ok(v);
    }
    vm.new_float(float_val(v))
}

/// Parses Python float syntax.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.as_bytes()[0] {
        b'-' => (-1.0, &lower[1..]),
        b'+' => (1.0, &lower[1..]),
        _ => (1.0, &lower[..]),
    };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN.copysign(sign)),
        _ => {}
    }
    let bytes = body.as_bytes();
    for (i, c) in bytes.iter().enumerate() {
        if *c == b'_' {
            let ok = i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(|c| c.is_ascii_digit());
            if !ok {
                return None;
            }
        } else if !(c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-')) {
            return None;
        }
    }
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    clean.parse::<f64>().ok().map(|f| sign * f)
}

fn float_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let f = match a.opt(1) {
        None => 0.0,
        Some(x) => {
            if is_float(x) {
                float_val(x)
            } else if x.is_ptr() && kind_of(x) == Kind::Str {
                match parse_float(str_val(x)) {
                    Some(f) => f,
                    None => {
                        let r = vm.repr_string(x)?;
                        let msg = format!("could not convert string to float: {r}");
                        return Err(vm.raise_msg(ExcKind::ValueError, &msg));
                    }
                }
            } else if x.is_ptr() && kind_of(x) == Kind::Bytes {
                let s = String::from_utf8_lossy(bytes_data(x)).into_owned();
                match parse_float(&s) {
                    Some(f) => f,
                    None => {
                        let r = vm.repr_string(x)?;
                        let msg = format!("could not convert string to float: {r}");
                        return Err(vm.raise_msg(ExcKind::ValueError, &msg));
                    }
                }
            } else {
                match vm.as_f64(x) {
                    Ok(f) => f,
                    Err(e) => {
                        if vm.exc_is(ExcKind::TypeError) && !is_int(x) {
                            let msg = format!(
                                "float() argument must be a string or a real number, not '{}'",
                                type_name(type_of(x))
                            );
                            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
                        }
                        return Err(e);
                    }
                }
            }
        }
    };
    if cls == ty(T::Float) {
        return vm.new_float(f);
    }
    let v = vm.alloc(Kind::Float, cls, std::mem::size_of::<FloatObj>())?;
    // SAFETY: fresh float object, not yet published.
    unsafe { (*(v.0 as *mut FloatObj)).val = f };
    Ok(v)
}

fn float_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = float_val(a.get(0));
    let spec = str_val(a.get(1)).to_string();
    if spec.is_empty() {
        return vm.str_of(a.get(0));
    }
    let sp = match crate::num::fmt::parse_spec(&spec) {
        Ok(s) => s,
        Err(m) => return Err(vm.raise_msg(ExcKind::ValueError, &m)),
    };
    match crate::num::fmt::format_float(x, &sp) {
        Ok(s) => vm.new_str(&s),
        Err(m) => Err(vm.raise_msg(ExcKind::ValueError, &m)),
    }
}

fn float_is_integer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = float_val(a.get(0));
    Ok(vm.bool_val(x.is_finite() && x.fract() == 0.0))
}

fn float_trunc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::types::int::float_to_int(vm, float_val(a.get(0)))
}

fn float_floor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::types::int::float_to_int(vm, float_val(a.get(0)).floor())
}

fn float_ceil(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::types::int::float_to_int(vm, float_val(a.get(0)).ceil())
}

fn float_conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    float_float(vm, a.get(0))
}

fn float_get_real(vm: &mut Vm, v: Value) -> PyResult<Value> {
    float_float(vm, v)
}

fn float_get_imag(vm: &mut Vm, _v: Value) -> PyResult<Value> {
    vm.new_float(0.0)
}

fn float_as_integer_ratio(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = float_val(a.get(0));
    if x.is_nan() {
        return Err(vm.raise_msg(ExcKind::ValueError, "cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(vm.raise_msg(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (m, e) = frexp(x);
    let mut mant = m;
    let mut exp = e;
    for _ in 0..300 {
        if mant == mant.floor() {
            break;
        }
        mant *= 2.0;
        exp -= 1;
    }
    let n = num_bigint::BigInt::from(mant as i64);
    let one = num_bigint::BigInt::from(1);
    let (n, d) = if exp > 0 {
        (n << exp as usize, one)
    } else {
        (n, one << (-exp) as usize)
    };
    let nv = vm.new_bigint(&n)?;
    let dv = vm.new_bigint(&d)?;
    vm.new_tuple(&[nv, dv])
}

fn float_round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = float_val(a.get(0));
    match a.opt(1) {
        None => {
            let r = x.round_ties_even();
            crate::types::int::float_to_int(vm, r)
        }
        Some(n) if n == g().none => crate::types::int::float_to_int(vm, x.round_ties_even()),
        Some(n) => {
            let nd = vm.index_i64(n)?;
            if !x.is_finite() || nd > 323 {
                return vm.new_float(x);
            }
            if nd < -308 {
                return vm.new_float(0.0f64.copysign(x));
            }
            // Correct rounding through exact decimal formatting.
            let r = if nd >= 0 {
                let s = format!("{:.*}", nd as usize, x);
                s.parse::<f64>().unwrap_or(x)
            } else {
                let p = 10f64.powi(-nd as i32);
                (x / p).round_ties_even() * p
            };
            vm.new_float(r)
        }
    }
}

fn float_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = float_val(a.get(0));
    let s = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else if x == 0.0 {
        if x.is_sign_negative() {
            "-0x0.0p+0".into()
        } else {
            "0x0.0p+0".into()
        }
    } else {
        let bits = x.to_bits();
        let sign = if x < 0.0 { "-" } else { "" };
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let mant = bits & ((1 << 52) - 1);
        let (lead, e) = if exp == 0 {
            (0, -1022)
        } else {
            (1, exp - 1023)
        };
        let mut m = format!("{:013x}", mant);
        while m.len() > 1 && m.ends_with('0') {
            m.pop();
        }
        format!("{sign}0x{lead}.{m}p{}{e}", if e >= 0 { "+" } else { "" })
    };
    vm.new_str(&s)
}

fn float_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0);
    vm.new_tuple(&[v])
}

pub static FLOAT_OPS: TypeOps = TypeOps {
    repr: Some(float_repr),
    hash: Some(float_hash),
    richcmp: Some(float_richcmp),
    binop: Some(float_binop),
    unary: Some(float_unary),
    bool: Some(float_bool),
    new: Some(float_new),
    int: Some(float_int),
    float: Some(float_float),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::Float);
    vm.install_slots(t, &FLOAT_OPS)?;
    vm.def_methods(
        t,
        &[
            ("__format__", float_format),
            ("is_integer", float_is_integer),
            ("__trunc__", float_trunc),
            ("__floor__", float_floor),
            ("__ceil__", float_ceil),
            ("__round__", float_round),
            ("conjugate", float_conjugate),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
            ("__getnewargs__", float_getnewargs),
        ],
    )?;
    vm.def_getters(t, &[("real", float_get_real), ("imag", float_get_imag)])?;
    let _ = ToPrimitive::to_f64(&0i32);
    Ok(())
}
