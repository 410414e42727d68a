//! The computations of CPython 3.11's `math` module, on `f64` and `BigInt`.
//!
//! How it works: most functions call the platform libm through `f64` methods, exactly
//! as `mathmodule.c` does, and apply its error rules (`math_1`, `math_2`, `math_pow`):
//! a NaN from non-NaN input is ValueError "math domain error", an infinity from finite
//! input is OverflowError "math range error" where the function can overflow and
//! ValueError otherwise, and underflow is never an error. Functions that CPython
//! computes itself (`gamma`, `lgamma`, `fsum`, `hypot`/`dist`, `remainder`, `log` of
//! huge ints) reimplement its published algorithms. `erf`, `erfc`, `asinh`, `acosh`,
//! `atanh` and `cbrt`, which CPython takes from glibc but Rust's std lacks or computes
//! differently, follow glibc's algorithms so the bits agree on Linux.
//!
//! Special functions live in `math/special.rs`, integer ones in `math/integer.rs`;
//! both are re-exported here.
//!
//! What must hold: results and errors equal CPython 3.11's on x86-64 Linux with glibc.

#![forbid(unsafe_code)]

use super::float;
use super::int::{self, NumError, NumResult};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

mod integer;
mod special;
pub use integer::{comb, factorial, gcd, isqrt, lcm, perm};
use special::{acosh_glibc, asinh_glibc, atanh_glibc, cbrt_glibc};
pub use special::{erf, erfc, gamma, lgamma};

pub const PI: f64 = std::f64::consts::PI;
pub const E: f64 = std::f64::consts::E;
pub const TAU: f64 = std::f64::consts::TAU;
pub const INF: f64 = f64::INFINITY;
pub const NAN: f64 = f64::NAN;

fn domain_error() -> NumError {
    NumError::value("math domain error")
}

fn range_error() -> NumError {
    NumError::overflow("math range error")
}

/// CPython's `math_1`: checks the result of a one-argument libm function.
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> NumResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

/// CPython's `math_2`: checks the result of a two-argument libm function.
fn math_2(x: f64, y: f64, f: fn(f64, f64) -> f64) -> NumResult<f64> {
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(r)
}

macro_rules! math_1_fns {
    ($($(#[$doc:meta])* $name:ident = $f:expr, $overflow:expr;)*) => {$(
        $(#[$doc])*
        pub fn $name(x: f64) -> NumResult<f64> {
            math_1(x, $f, $overflow)
        }
    )*};
}

math_1_fns! {
    /// `math.acos`.
    acos = f64::acos, false;
    /// `math.acosh` (glibc's algorithm).
    acosh = acosh_glibc, false;
    /// `math.asin`.
    asin = f64::asin, false;
    /// `math.asinh` (glibc's algorithm).
    asinh = asinh_glibc, false;
    /// `math.atan`.
    atan = f64::atan, false;
    /// `math.atanh` (glibc's algorithm).
    atanh = atanh_glibc, false;
    /// `math.cbrt` (glibc's algorithm; Rust's own cbrt rounds differently).
    cbrt = cbrt_glibc, false;
    /// `math.cos`.
    cos = f64::cos, false;
    /// `math.cosh`.
    cosh = f64::cosh, true;
    /// `math.exp`.
    exp = f64::exp, true;
    /// `math.exp2`.
    exp2 = f64::exp2, true;
    /// `math.expm1`.
    expm1 = f64::exp_m1, true;
    /// `math.fabs`.
    fabs = f64::abs, false;
    /// `math.log1p`.
    log1p = f64::ln_1p, false;
    /// `math.sin`.
    sin = f64::sin, false;
    /// `math.sinh`.
    sinh = f64::sinh, true;
    /// `math.sqrt`.
    sqrt = f64::sqrt, false;
    /// `math.tan`.
    tan = f64::tan, false;
    /// `math.tanh`.
    tanh = f64::tanh, false;
}

/// `math.atan2(y, x)`.
pub fn atan2(y: f64, x: f64) -> NumResult<f64> {
    math_2(y, x, |y, x| {
        if x.is_nan() || y.is_nan() {
            f64::NAN
        } else if y.is_infinite() {
            let q = if x.is_infinite() {
                if x > 0.0 {
                    0.25
                } else {
                    0.75
                }
            } else {
                0.5
            };
            (q * PI).copysign(y)
        } else if x.is_infinite() || y == 0.0 {
            if x.is_sign_positive() {
                0.0f64.copysign(y)
            } else {
                PI.copysign(y)
            }
        } else {
            y.atan2(x)
        }
    })
}

/// `math.copysign(x, y)`.
pub fn copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// `math.remainder(x, y)`: `x - n*y` for the integer `n` nearest `x/y` (ties to even).
pub fn remainder(x: f64, y: f64) -> NumResult<f64> {
    math_2(x, y, |x, y| {
        if x.is_finite() && y.is_finite() {
            if y == 0.0 {
                return f64::NAN;
            }
            let (ax, ay) = (x.abs(), y.abs());
            let m = ax % ay;
            let c = ay - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                m - 2.0 * ((0.5 * (ax - m)) % ay)
            };
            return 1.0f64.copysign(x) * r;
        }
        if x.is_nan() {
            x
        } else if y.is_nan() {
            y
        } else if x.is_infinite() {
            f64::NAN
        } else {
            x
        }
    })
}

/// `math.fmod(x, y)`.
pub fn fmod(x: f64, y: f64) -> NumResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.pow(x, y)` (unlike `**`, `0.0 ** -1.0` is ValueError here).
pub fn pow(x: f64, y: f64) -> NumResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        return Ok(if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    let r = x.powf(y);
    if r.is_nan() || (r.is_infinite() && x == 0.0) {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.degrees(x)`.
pub fn degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}

/// `math.radians(x)`.
pub fn radians(x: f64) -> f64 {
    x * (PI / 180.0)
}

/// `math.isfinite(x)`.
pub fn isfinite(x: f64) -> bool {
    x.is_finite()
}

/// `math.isinf(x)`.
pub fn isinf(x: f64) -> bool {
    x.is_infinite()
}

/// `math.isnan(x)`.
pub fn isnan(x: f64) -> bool {
    x.is_nan()
}

/// `math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)` (defaults 1e-09 and 0.0).
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> NumResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(NumError::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `math.floor(x)` for a float (ints floor to themselves).
pub fn floor(x: f64) -> NumResult<BigInt> {
    float::floor_to_int(x)
}

/// `math.ceil(x)` for a float.
pub fn ceil(x: f64) -> NumResult<BigInt> {
    float::ceil_to_int(x)
}

/// `math.trunc(x)` for a float.
pub fn trunc(x: f64) -> NumResult<BigInt> {
    float::to_int(x)
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1`.
pub fn frexp(x: f64) -> (f64, i64) {
    if !x.is_finite() || x == 0.0 {
        return (x, 0);
    }
    let (m, e) = float::decompose(x);
    let bits = 64 - i64::from(m.leading_zeros());
    let mant = int::round_to_f64(u128::from(m), -bits, false).unwrap_or(0.5);
    (mant.copysign(x), e + bits)
}

/// `math.ldexp(x, i)`: `x * 2**i`, correctly rounded. The caller saturates a huge
/// Python int `i` to the i64 range, as CPython saturates it to a C long.
pub fn ldexp(x: f64, i: i64) -> NumResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let (m, e) = float::decompose(x);
    let e = e.saturating_add(i.clamp(-10_000, 10_000));
    match int::round_to_f64(u128::from(m), e, false) {
        Some(r) => Ok(r.copysign(x)),
        None => Err(range_error()),
    }
}

/// `math.modf(x)`: `(fractional part, integer part)`, both with the sign of x.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let t = x.trunc();
    ((x - t).copysign(x), t)
}

/// `math.nextafter(x, y)`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    // Moving away from zero increments the magnitude bits, toward zero decrements.
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

/// `math.ulp(x)`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        x - nextafter(x, f64::NEG_INFINITY)
    } else {
        up - x
    }
}

// ---------------------------------------------------------------------------------
// Logarithms

/// An argument of `math.log`/`log2`/`log10`: ints of any size are allowed.
#[derive(Debug, Clone, Copy)]
pub enum LogArg<'a> {
    Float(f64),
    Int(&'a BigInt),
}

/// `n ~= m * 2**e` with `0.5 <= m < 1` correctly rounded (CPython's `_PyLong_Frexp`).
fn frexp_bigint(n: &BigInt) -> (f64, i64) {
    let mag = n.magnitude();
    let bits = mag.bits();
    let shift = bits.saturating_sub(128);
    let sticky = shift > 0 && mag.trailing_zeros().is_some_and(|tz| tz < shift);
    let top = (mag >> shift).to_u128().unwrap_or(u128::MAX);
    let m = int::round_to_f64(top, shift as i64 - bits as i64, sticky).unwrap_or(0.5);
    if m >= 1.0 {
        (0.5, bits as i64 + 1)
    } else {
        (m, bits as i64)
    }
}

fn loghelper(x: LogArg, f: fn(f64) -> f64) -> NumResult<f64> {
    match x {
        LogArg::Float(x) => math_1(x, f, false),
        LogArg::Int(n) => {
            if !n.is_positive() {
                return Err(domain_error());
            }
            match int::int_to_f64(n) {
                Ok(x) => Ok(f(x)),
                Err(_) => {
                    let (m, e) = frexp_bigint(n);
                    Ok(f(m) + f(2.0) * e as f64)
                }
            }
        }
    }
}

/// `math.log(x)` or `math.log(x, base)`.
pub fn log(x: LogArg, base: Option<LogArg>) -> NumResult<f64> {
    let num = loghelper(x, f64::ln)?;
    match base {
        None => Ok(num),
        Some(b) => float::div(num, loghelper(b, f64::ln)?),
    }
}

/// `math.log2(x)`.
pub fn log2(x: LogArg) -> NumResult<f64> {
    loghelper(x, f64::log2)
}

/// `math.log10(x)`.
pub fn log10(x: LogArg) -> NumResult<f64> {
    loghelper(x, f64::log10)
}

// ---------------------------------------------------------------------------------
// hypot, dist, fsum, prod

/// CPython 3.11's `vector_norm`: `sqrt(sum(x*x))` with scaling, Dekker squaring,
/// compensated summation and a final differential correction. `vec` holds absolute
/// values whose maximum is `max`.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134_217_729.0; // 2**27 + 1
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    let add = |csum: &mut f64, frac: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    };
    let split = |x: f64| {
        let t = x * T27;
        let hi = t - (t - x);
        (hi, x - hi)
    };
    if max_e >= -1023 {
        let scale = ldexp(1.0, -max_e).unwrap_or(1.0);
        for &v in vec {
            let (hi, lo) = split(v * scale);
            add(&mut csum, &mut frac1, hi * hi);
            add(&mut csum, &mut frac2, 2.0 * hi * lo);
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let (hi, lo) = split(h);
        add(&mut csum, &mut frac1, -hi * hi);
        add(&mut csum, &mut frac2, -2.0 * hi * lo);
        add(&mut csum, &mut frac3, -lo * lo);
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Too small to scale by a power of two: divide by max instead.
    for &v in vec {
        let x = v / max;
        add(&mut csum, &mut frac1, x * x);
    }
    max * (csum - 1.0 + frac1).sqrt()
}

/// `math.hypot(*coordinates)`.
pub fn hypot(coords: &[f64]) -> f64 {
    let v: Vec<f64> = coords.iter().map(|x| x.abs()).collect();
    let max = v.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    vector_norm(&v, max, v.iter().any(|x| x.is_nan()))
}

/// `math.dist(p, q)`.
pub fn dist(p: &[f64], q: &[f64]) -> NumResult<f64> {
    if p.len() != q.len() {
        return Err(NumError::value(
            "both points must have the same number of dimensions",
        ));
    }
    let v: Vec<f64> = p.iter().zip(q).map(|(a, b)| (a - b).abs()).collect();
    let max = v.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    Ok(vector_norm(&v, max, v.iter().any(|x| x.is_nan())))
}

/// `math.fsum(values)`: the correctly rounded sum (Shewchuk's partials, as CPython).
pub fn fsum(values: impl IntoIterator<Item = f64>) -> NumResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for xsave in values {
        let mut x = xsave;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // From an inf or nan summand, or from intermediate overflow.
                if xsave.is_finite() {
                    return Err(NumError::overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(NumError::value("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let Some(mut hi) = partials.pop() else {
        return Ok(0.0);
    };
    let mut lo = 0.0;
    while let Some(y) = partials.pop() {
        let x = hi;
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    // Half-even rounding across partials: a remaining partial of lo's sign means the
    // exact sum lies beyond the halfway point.
    if let Some(&next) = partials.last() {
        if (lo < 0.0 && next < 0.0) || (lo > 0.0 && next > 0.0) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// `math.prod` over floats: `start` times each value, left to right.
pub fn prod_f64(start: f64, values: impl IntoIterator<Item = f64>) -> f64 {
    values.into_iter().fold(start, |acc, x| acc * x)
}

#[cfg(test)]
mod tests {
    use super::super::int::ExcKind;
    use super::*;

    fn kind(r: NumResult<f64>) -> Option<(ExcKind, String)> {
        r.err().map(|e| (e.kind, e.msg))
    }

    fn domain() -> Option<(ExcKind, String)> {
        Some((ExcKind::ValueError, "math domain error".into()))
    }

    fn range() -> Option<(ExcKind, String)> {
        Some((ExcKind::OverflowError, "math range error".into()))
    }

    #[test]
    fn error_conventions() {
        // python3: math.sqrt(-1), math.log1p(-1), math.atanh(1), math.fmod(1, 0),
        //   math.remainder(1, 0), math.pow(-8, 1/3), math.pow(0.0, -1) -> ValueError
        //   "math domain error"; math.exp(1000), math.exp2(1024), math.expm1(1000),
        //   math.cosh(1000), math.pow(10, 400), math.ldexp(1.0, 2**70) -> OverflowError
        //   "math range error"
        assert_eq!(kind(sqrt(-1.0)), domain());
        assert_eq!(kind(log1p(-1.0)), domain());
        assert_eq!(kind(atanh(1.0)), domain());
        assert_eq!(kind(fmod(1.0, 0.0)), domain());
        assert_eq!(kind(remainder(1.0, 0.0)), domain());
        assert_eq!(kind(pow(-8.0, 1.0 / 3.0)), domain());
        assert_eq!(kind(pow(0.0, -1.0)), domain());
        assert_eq!(kind(sin(f64::INFINITY)), domain());
        assert_eq!(kind(exp(1000.0)), range());
        assert_eq!(kind(exp2(1024.0)), range());
        assert_eq!(kind(expm1(1000.0)), range());
        assert_eq!(kind(cosh(1000.0)), range());
        assert_eq!(kind(pow(10.0, 400.0)), range());
        assert_eq!(kind(ldexp(1.0, i64::MAX)), range());
        assert_eq!(exp(f64::INFINITY), Ok(f64::INFINITY));
        assert_eq!(exp(-1000.0), Ok(0.0));
    }

    #[test]
    fn values() {
        // python3: math.nextafter(1, 2), math.ulp(1e308), math.frexp(0.1), math.modf(-3.0),
        //   math.asinh(1e300), math.acosh(1.5), math.ldexp(3.0, -1075), math.fmod(-7, inf),
        //   math.remainder(5, 2), math.remainder(7, 2), math.atan2(1, -inf),
        //   math.degrees(math.pi), math.radians(180)
        assert_eq!(nextafter(1.0, 2.0), 1.0000000000000002);
        assert_eq!(ulp(1e308), 1.99584030953472e292);
        assert_eq!(ulp(f64::MAX), 1.99584030953472e292);
        assert_eq!(frexp(0.1), (0.8, -3));
        assert_eq!(frexp(5e-324), (0.5, -1073));
        let (f, i) = modf(-3.0);
        assert!(f == 0.0 && f.is_sign_negative() && i == -3.0);
        assert_eq!(asinh(1e300), Ok(691.4686750787736));
        assert_eq!(acosh(1.5), Ok(0.9624236501192069));
        assert_eq!(ldexp(1.0, -1075), Ok(0.0));
        assert_eq!(ldexp(3.0, -1075), Ok(1e-323));
        assert_eq!(fmod(-7.0, f64::INFINITY), Ok(-7.0));
        assert_eq!(remainder(5.0, 2.0), Ok(1.0));
        assert_eq!(remainder(7.0, 2.0), Ok(-1.0));
        assert_eq!(atan2(1.0, f64::NEG_INFINITY), Ok(PI));
        assert_eq!(degrees(PI), 180.0);
        assert_eq!(radians(180.0), PI);
        // python3: math.cbrt(27) == 3.0000000000000004 (glibc), math.cbrt(-10)
        assert_eq!(cbrt(27.0), Ok(3.0000000000000004));
        assert_eq!(cbrt(-10.0), Ok(-2.1544346900318834));
    }

    #[test]
    fn logs() {
        // python3: math.log(10**1000), math.log(10**1000, 10), math.log2(2**5000),
        //   math.log10(10**400), math.log(10, 1) (ZeroDivisionError), math.log(0), math.log(-5)
        let p = |e: u32| -> BigInt { num_traits::Pow::pow(BigInt::from(10), e) };
        let (big, ten) = (p(1000), BigInt::from(10));
        assert_eq!(log(LogArg::Int(&big), None), Ok(2302.585092994045));
        let r = log(LogArg::Int(&big), Some(LogArg::Int(&ten)));
        assert_eq!(r, Ok(999.9999999999997));
        let two5000 = BigInt::from(1) << 5000u32;
        assert_eq!(log2(LogArg::Int(&two5000)), Ok(5000.0));
        assert_eq!(log10(LogArg::Int(&p(400))), Ok(400.0));
        let e = log(LogArg::Int(&ten), Some(LogArg::Float(1.0))).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ExcKind::ZeroDivisionError, "float division by zero")
        );
        assert_eq!(kind(log(LogArg::Int(&BigInt::from(0)), None)), domain());
        assert_eq!(kind(log(LogArg::Float(0.0), None)), domain());
        assert_eq!(kind(log(LogArg::Float(-5.0), None)), domain());
    }

    #[test]
    fn sums_and_norms() {
        // python3: math.fsum([1e-16, 1, 1e16]), math.fsum([0.1]*10), math.hypot(3, 4),
        //   math.hypot(), math.hypot(1e-320, 1e-320), math.dist([0, 0], [3, 4]);
        //   fsum([1e308, 1e308]) -> OverflowError "intermediate overflow in fsum";
        //   fsum([inf, -inf]) -> ValueError "-inf + inf in fsum"; fsum([inf, 1]) == inf
        assert_eq!(fsum([1e-16, 1.0, 1e16]), Ok(1.0000000000000002e16));
        assert_eq!(fsum([0.1; 10]), Ok(1.0));
        assert_eq!(fsum([]), Ok(0.0));
        let e = fsum([1e308, 1e308]).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ExcKind::OverflowError, "intermediate overflow in fsum")
        );
        let e = fsum([f64::INFINITY, f64::NEG_INFINITY]).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ExcKind::ValueError, "-inf + inf in fsum")
        );
        assert_eq!(fsum([f64::INFINITY, 1.0]), Ok(f64::INFINITY));
        assert_eq!(hypot(&[3.0, 4.0]), 5.0);
        assert_eq!(hypot(&[]), 0.0);
        assert_eq!(hypot(&[1e-320, 1e-320]), 1.414e-320);
        assert_eq!(hypot(&[f64::NAN, f64::INFINITY]), f64::INFINITY);
        assert_eq!(dist(&[0.0, 0.0], &[3.0, 4.0]), Ok(5.0));
        let e = dist(&[1.0], &[1.0, 2.0]).unwrap_err();
        assert_eq!(e.msg, "both points must have the same number of dimensions");
        assert_eq!(prod_f64(2.0, [3.0, 0.5]), 3.0);
    }

    #[test]
    fn closeness() {
        // python3: math.isclose(1, 1, rel_tol=-1) -> ValueError "tolerances must be
        //   non-negative"; math.isclose(1.0, 1.0000000001) -> True
        let e = isclose(1.0, 1.0, -1.0, 0.0).unwrap_err();
        assert_eq!(e.msg, "tolerances must be non-negative");
        assert_eq!(isclose(1.0, 1.0000000001, 1e-9, 0.0), Ok(true));
        assert_eq!(isclose(f64::INFINITY, f64::INFINITY, 1e-9, 0.0), Ok(true));
        assert_eq!(isclose(f64::NAN, f64::NAN, 1e-9, 0.0), Ok(false));
        assert!(isfinite(1.0) && isinf(-INF) && isnan(NAN));
    }
}
