//! `int` and `bool`.
//!
//! An int is a tagged small integer when it fits in 63 bits, otherwise a `BigInt` heap
//! object (sign and 32-bit digits); `bool` instances are the two pinned BigInt objects
//! True (one digit 1) and False (no digits). Arithmetic runs on i64 with overflow checks
//! and falls back to `num_bigint`; results are normalised back to tagged form.
//!
//! What must hold: an int that fits in a tagged value is never a heap object (except
//! bools and instances of int subclasses), so equality of small ints is identity.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::{bigint_val, float_val, str_val};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::slots::{TypeOps, Unary};
use crate::types::typeobj::{is_subtype, isinstance, type_name, type_of};
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// True for ints and bools (and subclasses).
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_small_int() || (v.is_ptr() && kind_of(v) == Kind::BigInt)
}

/// The value of an int as i64, if it fits.
#[inline]
pub fn int_to_i64(v: Value) -> Option<i64> {
    if v.is_small_int() {
        return Some(v.as_small());
    }
    if v.is_ptr() && kind_of(v) == Kind::BigInt {
        let d = bigint_digits(v);
        if d.len() <= 2 {
            let mag = d.iter().rev().fold(0u64, |a, x| (a << 32) | *x as u64);
            // SAFETY: kind checked.
            let neg = unsafe { obj::<BigIntObj>(v) }.negative != 0;
            if neg {
                if mag <= 1u64 << 63 {
                    return Some((mag as i64).wrapping_neg());
                }
            } else if mag <= i64::MAX as u64 {
                return Some(mag as i64);
            }
        }
    }
    None
}

/// The value of any int as a BigInt.
pub fn to_bigint(v: Value) -> BigInt {
    if v.is_small_int() {
        BigInt::from(v.as_small())
    } else {
        bigint_val(v)
    }
}

/// int -> float with CPython's OverflowError.
pub fn int_to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(n) = int_to_i64(v) {
        return Ok(n as f64);
    }
    let b = to_bigint(v);
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.raise_msg(ExcKind::OverflowError, "int too large to convert to float")),
    }
}

/// `pow(a, b, m)` for ints; `None` when the operands are not all ints.
pub fn pow3(vm: &mut Vm, a: Value, b: Value, m: Value) -> PyResult<Option<Value>> {
    if !(is_int(a) && is_int(b) && is_int(m)) {
        return Ok(None);
    }
    let (a, b, m) = (to_bigint(a), to_bigint(b), to_bigint(m));
    if m.is_zero() {
        return Err(vm.raise_msg(ExcKind::ValueError, "pow() 3rd argument cannot be 0"));
    }
    let mut base = a.mod_floor(&m);
    let mut e = b;
    if e.is_negative() {
        match mod_inverse(&base, &m) {
            Some(inv) => {
                base = inv;
                e = -e;
            }
            None => {
                return Err(vm.raise_msg(
                    ExcKind::ValueError,
                    "base is not invertible for the given modulus",
                ))
            }
        }
    }
    let r = base.modpow(&e, &m.abs());
    let r = if m.is_negative() && !r.is_zero() {
        r + &m
    } else {
        r
    };
    vm.new_bigint(&r).map(Some)
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let e = a.extended_gcd(&m);
    if e.gcd != BigInt::from(1) {
        return None;
    }
    Some(e.x.mod_floor(&m))
}

fn int_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if !is_int(a) || !is_int(b) {
        return Ok(g().not_implemented);
    }
    if let (Some(x), Some(y)) = (int_to_i64(a), int_to_i64(b)) {
        if let (Some(p), Some(q)) = (Value::try_small(x), Value::try_small(y)) {
            let _ = (p, q);
            if let Some(r) = crate::ops::arith::small_binop(op, x, y) {
                if !(type_of(a) == ty(T::Bool)
                    && type_of(b) == ty(T::Bool)
                    && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor))
                {
                    return Ok(r);
                }
            }
        }
    }
    // Bool & | ^ bool stay bool.
    if type_of(a) == ty(T::Bool) && type_of(b) == ty(T::Bool) {
        let (x, y) = (a == g().true_, b == g().true_);
        match op {
            BinOp::And => return Ok(vm.bool_val(x & y)),
            BinOp::Or => return Ok(vm.bool_val(x | y)),
            BinOp::Xor => return Ok(vm.bool_val(x ^ y)),
            _ => {}
        }
    }
    let x = to_bigint(a);
    let y = to_bigint(b);
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::FloorDiv | BinOp::Mod => {
            if y.is_zero() {
                let msg = if op == BinOp::Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                };
                return Err(vm.raise_msg(ExcKind::ZeroDivisionError, msg));
            }
            if op == BinOp::FloorDiv {
                x.div_floor(&y)
            } else {
                x.mod_floor(&y)
            }
        }
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(vm.raise_msg(ExcKind::ZeroDivisionError, "division by zero"));
            }
            let f = true_div(vm, &x, &y)?;
            return vm.new_float(f);
        }
        BinOp::Pow => {
            if y.is_negative() {
                let xf = int_to_f64(vm, a)?;
                let yf = int_to_f64(vm, b)?;
                if xf == 0.0 {
                    return Err(vm.raise_msg(
                        ExcKind::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                return vm.new_float(xf.powf(yf));
            }
            let e = match y.to_u32() {
                Some(e) => e,
                None => {
                    if x.abs() <= BigInt::from(1) {
                        if x.is_zero() {
                            return Ok(Value::small(0));
                        }
                        if x == BigInt::from(1) || y.is_even() {
                            return Ok(Value::small(1));
                        }
                        return Ok(Value::small(-1));
                    }
                    return Err(vm.memory_error());
                }
            };
            let bits = x.bits().saturating_mul(e as u64);
            if bits > 1 << 36 {
                return Err(vm.memory_error());
            }
            num_traits::Pow::pow(&x, e)
        }
        BinOp::LShift | BinOp::RShift => {
            if y.is_negative() {
                return Err(vm.raise_msg(ExcKind::ValueError, "negative shift count"));
            }
            let s = y.to_u64().unwrap_or(u64::MAX);
            if op == BinOp::LShift {
                if x.is_zero() {
                    return Ok(Value::small(0));
                }
                if s > 1 << 36 {
                    return Err(vm.raise_msg(ExcKind::OverflowError, "too many digits in integer"));
                }
                x << s as usize
            } else if s > x.bits() {
                if x.is_negative() {
                    BigInt::from(-1)
                } else {
                    BigInt::zero()
                }
            } else {
                // Floor shift for negatives.
                let d = BigInt::from(1) << s as usize;
                x.div_floor(&d)
            }
        }
        BinOp::MatMul => return Ok(g().not_implemented),
    };
    vm.new_bigint(&r)
}

/// Correctly rounded int / int.
pub fn true_div(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult<f64> {
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
            return Ok(a as f64 / b as f64);
        }
    }
    // Scale so that the quotient has 55+ significant bits, then round once.
    let neg = x.is_negative() != y.is_negative();
    let (xa, ya) = (x.abs(), y.abs());
    let shift = ya.bits() as i64 - xa.bits() as i64 + 55;
    let (n, d) = if shift >= 0 {
        (xa << shift as usize, ya)
    } else {
        (xa, ya << (-shift) as usize)
    };
    let (q, r) = n.div_rem(&d);
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1; // sticky bit
    }
    let f = (q as f64) * 2f64.powi(-(shift as i32));
    if !f.is_finite() || shift < -2000 {
        return Err(vm.raise_msg(
            ExcKind::OverflowError,
            "integer division result too large for a float",
        ));
    }
    Ok(if neg { -f } else { f })
}

fn int_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if is_int(a) && is_int(b) {
        let o = match (int_to_i64(a), int_to_i64(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => to_bigint(a).cmp(&to_bigint(b)),
        };
        return Ok(vm.bool_val(op.test(o)));
    }
    if is_int(a) && b.is_ptr() && kind_of(b) == Kind::Float {
        return crate::types::float::compare_int_float(vm, a, float_val(b), op);
    }
    Ok(g().not_implemented)
}

fn int_hash(_vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(n) = int_to_i64(v) {
        return Ok(crate::ops::proto::hash_i64(n));
    }
    let b = to_bigint(v);
    let m = BigInt::from(crate::ops::proto::HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let r = if b.is_negative() { -r } else { r };
    Ok(if r == -1 { -2 } else { r })
}

fn int_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if type_of(v) == ty(T::Bool) {
        return vm.new_str(if v == g().true_ { "True" } else { "False" });
    }
    let s = match int_to_i64(v) {
        Some(n) => n.to_string(),
        None => {
            let b = to_bigint(v);
            if b.bits() > 14_300 {
                let digits = b.to_string().trim_start_matches('-').len();
                if digits > 4300 {
                    let msg = "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
                    return Err(vm.raise_msg(ExcKind::ValueError, msg));
                }
            }
            b.to_string()
        }
    };
    vm.new_str(&s)
}

fn int_bool(_vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(match int_to_i64(v) {
        Some(n) => n != 0,
        None => true,
    })
}

fn int_unary(vm: &mut Vm, v: Value, u: Unary) -> PyResult<Value> {
    let b = to_bigint(v);
    let r = match u {
        Unary::Neg => -b,
        Unary::Pos => b,
        Unary::Invert => !b,
        Unary::Abs => b.abs(),
    };
    vm.new_bigint(&r)
}

fn int_index(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_small_int() || type_of(v) == ty(T::Int) {
        return Ok(v);
    }
    let b = to_bigint(v);
    vm.new_bigint(&b)
}

fn int_float(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = int_to_f64(vm, v)?;
    vm.new_float(f)
}

/// `int(x=0, base=10)`.
fn int_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let x = a.opt(1).or_else(|| a.kw("x"));
    let base = a.opt(2).or_else(|| a.kw("base"));
    let r = match x {
        None => Value::small(0),
        Some(x) => match base {
            Some(bv) => {
                let b = vm.index_i64(bv)?;
                if !(b == 0 || (2..=36).contains(&b)) {
                    return Err(vm.raise_msg(
                        ExcKind::ValueError,
                        "int() base must be >= 2 and <= 36, or 0",
                    ));
                }
                if !(x.is_ptr() && matches!(kind_of(x), Kind::Str | Kind::Bytes | Kind::ByteArray))
                {
                    return Err(vm.raise_msg(
                        ExcKind::TypeError,
                        "int() can't convert non-string with explicit base",
                    ));
                }
                parse_int_value(vm, x, b as u32)?
            }
            None => int_from_obj(vm, x)?,
        },
    };
    if cls == ty(T::Int) {
        return Ok(r);
    }
    // Subclass instance: a heap BigInt with the subclass as its type.
    let b = to_bigint(r);
    let (sign, digits) = b.to_u32_digits();
    vm.new_bigint_raw(sign == num_bigint::Sign::Minus, &digits, cls)
}

/// `int(x)` for a single argument.
pub fn int_from_obj(vm: &mut Vm, x: Value) -> PyResult<Value> {
    if x.is_small_int() {
        return Ok(x);
    }
    if is_int(x) {
        return int_index(vm, x);
    }
    if x.is_ptr() && kind_of(x) == Kind::Float {
        return float_to_int(vm, float_val(x));
    }
    if x.is_ptr() && matches!(kind_of(x), Kind::Str | Kind::Bytes | Kind::ByteArray) {
        return parse_int_value(vm, x, 10);
    }
    let typ = type_of(x);
    for name in ["__int__", "__index__", "__trunc__"] {
        let nm = vm.intern(name)?;
        if let Some(r) = vm.call_special(x, nm, &[])? {
            if !is_int(r) {
                let msg = format!(
                    "{}.{} returned non-int (type {})",
                    type_name(typ),
                    name,
                    type_name(type_of(r))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            return int_index(vm, r);
        }
    }
    let msg = format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(typ)
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

/// float -> int (truncating).
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.raise_msg(ExcKind::ValueError, "cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.raise_msg(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return vm.new_int(t as i64);
    }
    let b = num_bigint::BigInt::from_f64(t).unwrap_or_default();
    vm.new_bigint(&b)
}

use num_traits::FromPrimitive;

fn parse_int_value(vm: &mut Vm, x: Value, base: u32) -> PyResult<Value> {
    let text: String = match kind_of(x) {
        Kind::Str => str_val(x).to_string(),
        Kind::Bytes => String::from_utf8_lossy(bytes_data(x)).into_owned(),
        _ => {
            let r = vm.to_vec(x)?;
            r.iter().map(|b| (b.as_small() as u8) as char).collect()
        }
    };
    match parse_int(&text, base) {
        Some(b) => vm.new_bigint(&b),
        None => {
            let r = vm.repr_string(x)?;
            let msg = format!("invalid literal for int() with base {base}: {r}");
            Err(vm.raise_msg(ExcKind::ValueError, &msg))
        }
    }
}

/// Parses Python int syntax (sign, underscores, prefixes for base 0 / matching base).
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let s = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let (base, body) = {
        let pre = |p: &str| lower.starts_with(p);
        if (base == 0 || base == 16) && pre("0x") {
            (16, &s[2..])
        } else if (base == 0 || base == 8) && pre("0o") {
            (8, &s[2..])
        } else if (base == 0 || base == 2) && pre("0b") {
            (2, &s[2..])
        } else if base == 0 {
            if s.len() > 1 && s.starts_with('0') && s.chars().any(|c| c != '0' && c != '_') {
                return None;
            }
            (10, s)
        } else {
            (base, s)
        }
    };
    let prefixed = body.len() != s.len();
    let body = if prefixed {
        body.strip_prefix('_').unwrap_or(body)
    } else {
        body
    };
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let digits: String = body.chars().filter(|c| *c != '_').collect();
    let mut acc = BigInt::zero();
    let mut small: u64 = 0;
    let mut nsmall = 0;
    for c in digits.chars() {
        let d = c.to_digit(36)?;
        if d >= base {
            return None;
        }
        small = small * base as u64 + d as u64;
        nsmall += 1;
        if nsmall == 10 {
            acc = acc * BigInt::from(base as u64).pow(10) + small;
            small = 0;
            nsmall = 0;
        }
    }
    if nsmall > 0 {
        acc = acc * BigInt::from(base as u64).pow(nsmall) + small;
    }
    Some(if neg { -acc } else { acc })
}

fn int_bit_length(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = to_bigint(a.get(0));
    vm.new_int(b.bits() as i64)
}

fn int_conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    int_index(vm, a.get(0))
}

fn int_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.get(0);
    let spec = str_val(a.get(1)).to_string();
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
    if let Some('c') = sp.ty {
        let c = b.to_u32().and_then(char::from_u32);
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
    int_index(vm, v)
}

fn int_get_imag(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::small(0))
}

fn int_get_one(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::small(1))
}

fn bool_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.opt(1) {
        None => Ok(g().false_),
        Some(x) => {
            let t = vm.truthy(x)?;
            Ok(vm.bool_val(t))
        }
    }
}

pub static INT_OPS: TypeOps = TypeOps {
    repr: Some(int_repr),
    hash: Some(int_hash),
    richcmp: Some(int_richcmp),
    binop: Some(int_binop),
    unary: Some(int_unary),
    bool: Some(int_bool),
    new: Some(int_new),
    int: Some(int_index),
    index: Some(int_index),
    float: Some(int_float),
    ..TypeOps::EMPTY
};

pub static BOOL_OPS: TypeOps = TypeOps {
    repr: Some(int_repr),
    new: Some(bool_new),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::Int);
    vm.install_slots(t, &INT_OPS)?;
    vm.def_methods(
        t,
        &[
            ("bit_length", int_bit_length),
            ("conjugate", int_conjugate),
            ("__format__", int_format),
            ("__trunc__", int_conjugate),
            ("__floor__", int_conjugate),
            ("__ceil__", int_conjugate),
        ],
    )?;
    vm.def_getters(
        t,
        &[
            ("real", int_get_real),
            ("imag", int_get_imag),
            ("numerator", int_get_real),
            ("denominator", int_get_one),
        ],
    )?;
    vm.install_slots(ty(T::Bool), &BOOL_OPS)?;
    let _ = (is_subtype, isinstance);
    Ok(())
}
