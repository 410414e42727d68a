//! Float operations with CPython 3.11's semantics, independent of the object model.
//!
//! How it works: division, modulo and power follow `float_divmod`, `float_rem` and
//! `float_pow` of `Objects/floatobject.c` step by step, including the signs of zero
//! results. Everything that needs exactness (`round(x, n)`, `fromhex`,
//! int/float comparison, float -> int) works on the exact value `m * 2**e` of the
//! float with `BigInt`s and rounds once through `int::round_to_f64`. Text conversions
//! (`float(s)`, `hex`, `fromhex`) live in `float/parse.rs` and are re-exported here.
//!
//! What must hold: every result, including the sign of zeros, and every error message
//! equals CPython's; `round(x, n)` equals CPython's dtoa-based result (the decimal
//! rounding of the exact binary value, ties to even, read back correctly rounded).

#![forbid(unsafe_code)]

use super::int::{int_to_f64, true_div, NumError, NumResult};
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{Pow, Zero};
use std::cmp::Ordering;

mod parse;
pub use parse::{
    from_hex, parse_error, parse_float_bytes, parse_float_str, to_hex, FloatParseError,
};

// ---------------------------------------------------------------------------------
// Arithmetic

/// `a / b`.
pub fn div(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return Err(NumError::zero_div("float division by zero"));
    }
    Ok(a / b)
}

/// `a % b` (the result has the sign of `b`).
pub fn modulo(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return Err(NumError::zero_div("float modulo"));
    }
    Ok(mod_nonzero(a, b))
}

fn mod_nonzero(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m == 0.0 {
        0.0f64.copysign(b)
    } else if (b < 0.0) != (m < 0.0) {
        m + b
    } else {
        m
    }
}

fn divmod_nonzero(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut d = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            d -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let q = if d != 0.0 {
        let f = d.floor();
        if d - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    (q, m)
}

/// `a // b`.
pub fn floordiv(a: f64, b: f64) -> NumResult<f64> {
    if b == 0.0 {
        return Err(NumError::zero_div("float floor division by zero"));
    }
    Ok(divmod_nonzero(a, b).0)
}

/// `divmod(a, b)`.
pub fn divmod(a: f64, b: f64) -> NumResult<(f64, f64)> {
    if b == 0.0 {
        return Err(NumError::zero_div("float divmod()"));
    }
    Ok(divmod_nonzero(a, b))
}

/// Result of `float ** float`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FloatPow {
    Float(f64),
    /// A negative base with a non-integer exponent: the caller computes the power as
    /// `complex(a) ** complex(b)`, as CPython does.
    Complex,
}

/// CPython's `DOUBLE_IS_ODD_INTEGER`.
fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// `a ** b` as CPython's `float_pow`.
pub fn pow(a: f64, b: f64) -> NumResult<FloatPow> {
    use FloatPow::Float;
    if b == 0.0 {
        return Ok(Float(1.0));
    }
    if a.is_nan() {
        return Ok(Float(a));
    }
    if b.is_nan() {
        return Ok(Float(if a == 1.0 { 1.0 } else { b }));
    }
    if b.is_infinite() {
        let a = a.abs();
        return Ok(Float(if a == 1.0 {
            1.0
        } else if (b > 0.0) == (a > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    if a.is_infinite() {
        let odd = is_odd_integer(b);
        return Ok(Float(match (b > 0.0, odd) {
            (true, true) => a,
            (true, false) => a.abs(),
            (false, true) => 0.0f64.copysign(a),
            (false, false) => 0.0,
        }));
    }
    if a == 0.0 {
        if b < 0.0 {
            return Err(NumError::zero_div(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Float(if is_odd_integer(b) { a } else { 0.0 }));
    }
    let mut negate = false;
    let mut base = a;
    if a < 0.0 {
        if b != b.floor() {
            return Ok(FloatPow::Complex);
        }
        base = -a;
        negate = is_odd_integer(b);
    }
    if base == 1.0 {
        return Ok(Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(b);
    if r.is_infinite() {
        return Err(NumError::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(Float(if negate { -r } else { r }))
}

// ---------------------------------------------------------------------------------
// Exact decomposition and conversion to int

/// `|x| == m * 2**e` for finite `x` (m < 2**53).
pub fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp - 1075)
    }
}

/// The exact integer value of an integral finite float.
fn integral_to_bigint(x: f64) -> BigInt {
    let (m, e) = decompose(x);
    let mag = if e >= 0 {
        BigUint::from(m) << e as u64
    } else {
        BigUint::from(m >> (-e).min(63) as u32)
    };
    BigInt::from_biguint(if x < 0.0 { Sign::Minus } else { Sign::Plus }, mag)
}

fn check_finite(x: f64) -> NumResult<()> {
    if x.is_nan() {
        Err(NumError::value("cannot convert float NaN to integer"))
    } else if x.is_infinite() {
        Err(NumError::overflow(
            "cannot convert float infinity to integer",
        ))
    } else {
        Ok(())
    }
}

/// `int(x)`: truncation toward zero.
pub fn to_int(x: f64) -> NumResult<BigInt> {
    check_finite(x)?;
    Ok(integral_to_bigint(x.trunc()))
}

/// `math.floor(x)` for a float.
pub fn floor_to_int(x: f64) -> NumResult<BigInt> {
    check_finite(x)?;
    Ok(integral_to_bigint(x.floor()))
}

/// `math.ceil(x)` for a float.
pub fn ceil_to_int(x: f64) -> NumResult<BigInt> {
    check_finite(x)?;
    Ok(integral_to_bigint(x.ceil()))
}

/// `round(x)`: nearest integer, ties to even.
pub fn round_to_int(x: f64) -> NumResult<BigInt> {
    check_finite(x)?;
    Ok(integral_to_bigint(x.round_ties_even()))
}

/// `round(x, ndigits)` as CPython's dtoa-based `double_round`.
pub fn round_ndigits(x: f64, ndigits: i64) -> NumResult<f64> {
    // Beyond these, x rounds to itself or to a zero (floatobject.c's NDIGITS_MAX/MIN).
    if !x.is_finite() || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let (m, e) = decompose(x);
    if m == 0 || (ndigits >= 0 && e >= 0) {
        return Ok(x);
    }
    // k = round_half_even(|x| * 10**ndigits) = round_half_even(num / den).
    let p: BigUint = Pow::pow(BigUint::from(10u32), ndigits.unsigned_abs());
    let (mut num, mut den) = (BigUint::from(m), BigUint::from(1u32));
    if ndigits >= 0 {
        num *= &p;
    } else {
        den *= &p;
    }
    if e >= 0 {
        num <<= e as u64;
    } else {
        den <<= (-e) as u64;
    }
    let (q, r) = num.div_rem(&den);
    let twice = r << 1u32;
    let k = if twice > den || (twice == den && q.is_odd()) {
        q + 1u32
    } else {
        q
    };
    let r = if ndigits >= 0 {
        true_div(&BigInt::from(k), &BigInt::from(p))?
    } else {
        int_to_f64(&BigInt::from(k * p))
            .map_err(|_| NumError::overflow("rounded value too large to represent"))?
    };
    Ok(r.copysign(x))
}

/// `float.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x == x.floor()
}

/// `float.as_integer_ratio()`: the lowest-terms pair with a positive denominator.
pub fn as_integer_ratio(x: f64) -> NumResult<(BigInt, BigInt)> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (m, e) = decompose(x);
    let sign = if x < 0.0 { Sign::Minus } else { Sign::Plus };
    if m == 0 {
        return Ok((BigInt::zero(), BigInt::from(1)));
    }
    if e >= 0 {
        let n = BigUint::from(m) << e as u64;
        return Ok((BigInt::from_biguint(sign, n), BigInt::from(1)));
    }
    let tz = i64::from(m.trailing_zeros()).min(-e);
    let n = BigUint::from(m >> tz);
    let d = BigUint::from(1u32) << (-e - tz) as u64;
    Ok((BigInt::from_biguint(sign, n), BigInt::from(d)))
}

// ---------------------------------------------------------------------------------
// Exact int/float comparison

/// Compares an int with a float exactly; `None` when `x` is NaN.
pub fn cmp_int_float(n: &BigInt, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let t = x.trunc();
    Some(n.cmp(&integral_to_bigint(t)).then_with(|| {
        // n equals the integer part of x: the fraction decides.
        0.0.partial_cmp(&(x - t)).unwrap_or(Ordering::Equal)
    }))
}

/// Compares a small int with a float exactly; `None` when `x` is NaN.
pub fn cmp_i64_float(n: i64, x: f64) -> Option<Ordering> {
    const EXACT: u64 = 1 << 53;
    if n.unsigned_abs() <= EXACT {
        return (n as f64).partial_cmp(&x);
    }
    cmp_int_float(&BigInt::from(n), x)
}

/// `n == x` exactly.
pub fn eq_int_float(n: &BigInt, x: f64) -> bool {
    cmp_int_float(n, x) == Some(Ordering::Equal)
}

#[cfg(test)]
mod tests {
    use super::super::int::ExcKind;
    use super::*;

    fn bits(r: NumResult<(f64, f64)>) -> (u64, u64) {
        let (a, b) = r.unwrap();
        (a.to_bits(), b.to_bits())
    }

    #[test]
    fn division_family() {
        // python3: divmod(-0.0, 1.0), divmod(0.0, -1.0), divmod(-1.0, inf),
        //   divmod(1.0, -inf), divmod(-5.5, 2.0), divmod(5.5, -2.0), divmod(1e308, 1e-308),
        //   (-0.0) % 5.0, 0.0 % -5.0, -1e-300 % 1.0
        let inf = f64::INFINITY;
        assert_eq!(
            bits(divmod(-0.0, 1.0)),
            ((-0.0f64).to_bits(), 0.0f64.to_bits())
        );
        assert_eq!(
            bits(divmod(0.0, -1.0)),
            ((-0.0f64).to_bits(), (-0.0f64).to_bits())
        );
        assert_eq!(divmod(-1.0, inf), Ok((-1.0, inf)));
        assert_eq!(divmod(1.0, -inf), Ok((-1.0, -inf)));
        assert!(divmod(inf, 1.0).is_ok_and(|(q, r)| q.is_nan() && r.is_nan()));
        assert_eq!(divmod(-5.5, 2.0), Ok((-3.0, 0.5)));
        assert_eq!(divmod(5.5, -2.0), Ok((-3.0, -0.5)));
        assert_eq!(divmod(1e308, 1e-308), Ok((inf, 3.498445546245627e-309)));
        assert_eq!(modulo(-0.0, 5.0).map(f64::to_bits), Ok(0));
        assert_eq!(modulo(0.0, -5.0).map(f64::to_bits), Ok((-0.0f64).to_bits()));
        assert_eq!(modulo(-1e-300, 1.0), Ok(1.0));
        assert_eq!(floordiv(7.0, -2.0), Ok(-4.0));
        // python3: 1.0//0.0, 1.0%0.0, divmod(1.0, 0.0), 1.0/0.0 raise ZeroDivisionError
        let e = floordiv(1.0, 0.0).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ExcKind::ZeroDivisionError, "float floor division by zero")
        );
        assert_eq!(modulo(1.0, 0.0).unwrap_err().msg, "float modulo");
        assert_eq!(divmod(1.0, -0.0).unwrap_err().msg, "float divmod()");
        assert_eq!(div(1.0, 0.0).unwrap_err().msg, "float division by zero");
    }

    #[test]
    fn powers() {
        // python3: 0.0**-1, (-0.0)**-3 raise ZeroDivisionError; (-8.0)**(1/3) is complex;
        //   1e300**2 raises OverflowError "(34, 'Numerical result out of range')";
        //   10.0**-400, (-1.0)**inf, 1.0**nan, nan**0, (-2.0)**3.0, (-0.5)**-inf, (-0.0)**3
        use FloatPow::*;
        let inf = f64::INFINITY;
        let e = pow(0.0, -1.0).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (
                ExcKind::ZeroDivisionError,
                "0.0 cannot be raised to a negative power"
            )
        );
        assert!(pow(-0.0, -3.0).is_err());
        assert_eq!(pow(-8.0, 1.0 / 3.0), Ok(Complex));
        let e = pow(1e300, 2.0).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (
                ExcKind::OverflowError,
                "(34, 'Numerical result out of range')"
            )
        );
        assert!(pow(-2.0, 1e300).is_err());
        assert_eq!(pow(10.0, -400.0), Ok(Float(0.0)));
        assert_eq!(pow(-1.0, inf), Ok(Float(1.0)));
        assert_eq!(pow(1.0, f64::NAN), Ok(Float(1.0)));
        assert_eq!(pow(f64::NAN, 0.0), Ok(Float(1.0)));
        assert_eq!(pow(-2.0, 3.0), Ok(Float(-8.0)));
        assert_eq!(pow(-0.5, -inf), Ok(Float(inf)));
        assert_eq!(
            pow(-0.0, 3.0).map(|p| matches!(p, Float(x) if x.is_sign_negative())),
            Ok(true)
        );
        assert_eq!(
            pow(-inf, -3.0).map(|p| matches!(p, Float(x) if x == 0.0 && x.is_sign_negative())),
            Ok(true)
        );
    }

    #[test]
    fn rounding() {
        // python3: round(2.5), round(-0.5), round(inf), round(nan), round(2.675, 2),
        //   round(0.125, 2), round(0.375, 2), round(-0.4, 0), round(1.7976931348623157e308, -308),
        //   round(1e300, -300), round(5e-324, 323), round(5e-324, 400), round(-1.5, -400),
        //   round(123456.789, -2), round(2.5e-10, 10)
        assert_eq!(round_to_int(2.5), Ok(BigInt::from(2)));
        assert_eq!(round_to_int(-0.5), Ok(BigInt::from(0)));
        let e = round_to_int(f64::INFINITY).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (
                ExcKind::OverflowError,
                "cannot convert float infinity to integer"
            )
        );
        let e = round_to_int(f64::NAN).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ExcKind::ValueError, "cannot convert float NaN to integer")
        );
        assert_eq!(round_ndigits(2.675, 2), Ok(2.67));
        assert_eq!(round_ndigits(0.125, 2), Ok(0.12));
        assert_eq!(round_ndigits(0.375, 2), Ok(0.38));
        assert_eq!(
            round_ndigits(-0.4, 0).map(f64::to_bits),
            Ok((-0.0f64).to_bits())
        );
        let e = round_ndigits(f64::MAX, -308).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (
                ExcKind::OverflowError,
                "rounded value too large to represent"
            )
        );
        assert_eq!(round_ndigits(1e300, -300), Ok(1e300));
        assert_eq!(round_ndigits(5e-324, 323), Ok(0.0));
        assert_eq!(round_ndigits(5e-324, 400), Ok(5e-324));
        assert_eq!(
            round_ndigits(-1.5, -400).map(f64::to_bits),
            Ok((-0.0f64).to_bits())
        );
        assert_eq!(round_ndigits(123456.789, -2), Ok(123500.0));
        assert_eq!(round_ndigits(2.5e-10, 10), Ok(3e-10));
        assert!(round_ndigits(f64::NAN, 2).unwrap().is_nan());
    }

    #[test]
    fn integers_and_ratios() {
        // python3: int(-1e20), int(1e300) == 10**300 -> False, math.floor(-0.5),
        //   (0.1).as_integer_ratio(), (-0.0).as_integer_ratio(), (-2.5).as_integer_ratio()
        assert_eq!(to_int(-1e20), Ok("-100000000000000000000".parse().unwrap()));
        assert_eq!(to_int(1e300).unwrap().to_string().len(), 301);
        assert_eq!(floor_to_int(-0.5), Ok(BigInt::from(-1)));
        assert_eq!(ceil_to_int(-0.5), Ok(BigInt::from(0)));
        assert_eq!(
            ceil_to_int(f64::INFINITY).unwrap_err().kind,
            ExcKind::OverflowError
        );
        let r = as_integer_ratio(0.1).unwrap();
        assert_eq!(
            (r.0.to_string(), r.1.to_string()),
            ("3602879701896397".into(), "36028797018963968".into())
        );
        assert_eq!(
            as_integer_ratio(-0.0),
            Ok((BigInt::from(0), BigInt::from(1)))
        );
        assert_eq!(
            as_integer_ratio(-2.5),
            Ok((BigInt::from(-5), BigInt::from(2)))
        );
        assert_eq!(
            as_integer_ratio(f64::INFINITY).unwrap_err().msg,
            "cannot convert Infinity to integer ratio"
        );
        assert_eq!(
            as_integer_ratio(f64::NAN).unwrap_err().msg,
            "cannot convert NaN to integer ratio"
        );
        assert!(is_integer(2.0) && !is_integer(1.5) && !is_integer(f64::INFINITY));
    }

    #[test]
    fn mixed_comparison() {
        // python3: 2**53+1 == float(2**53+1) -> False; 2**53+1 > float(2**53) -> True;
        //   10**400 > inf -> False; (2**53+1) < 9007199254740993.0 -> False; -1 < -0.5
        use Ordering::*;
        let two53 = BigInt::from(1u64 << 53);
        assert_eq!(
            cmp_int_float(&(&two53 + 1), 9007199254740992.0),
            Some(Greater)
        );
        assert_eq!(cmp_int_float(&two53, 9007199254740992.0), Some(Equal));
        let p: BigInt = Pow::pow(BigInt::from(10), 400u32);
        assert_eq!(cmp_int_float(&p, f64::INFINITY), Some(Less));
        assert_eq!(cmp_int_float(&-p, f64::NEG_INFINITY), Some(Greater));
        assert_eq!(cmp_int_float(&BigInt::from(-1), -0.5), Some(Less));
        assert_eq!(cmp_int_float(&BigInt::from(0), -0.5), Some(Greater));
        assert_eq!(cmp_int_float(&BigInt::from(0), f64::NAN), None);
        assert_eq!(cmp_i64_float(i64::MAX, 9223372036854775807.0), Some(Less));
        assert_eq!(cmp_i64_float(3, 3.0), Some(Equal));
        assert!(eq_int_float(&BigInt::from(1), 1.0));
    }
}
