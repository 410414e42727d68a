//! Complex arithmetic, parsing and `repr` with CPython 3.11's rules, independent of the
//! object model.
//!
//! How it works: the operations follow `Objects/complexobject.c` formula by formula
//! (`_Py_c_quot` divides by the larger part of the divisor, `complex_pow` uses repeated
//! squaring for integral exponents up to 100 and the polar form otherwise), including
//! its use of `errno`: a zero divisor is EDOM and an infinite power is ERANGE. Parsing
//! follows `complex_from_string`: the forms `<float>`, `<float>j`, `<float><signed
//! float>j`, `<float><sign>j`, `<sign>j` and `j`, optionally in parentheses, with
//! underscores allowed only between digits.
//!
//! What must hold: results (including signs of zeros and NaNs), `repr` text and error
//! messages equal CPython's; nothing here panics.

#![forbid(unsafe_code)]

use super::int::{str_to_ascii, NumError, NumResult};

/// A complex number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Complex {
    pub const fn new(re: f64, im: f64) -> Self {
        Complex { re, im }
    }
}

const ONE: Complex = Complex::new(1.0, 0.0);

/// `errno` as the C code sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

pub fn add(a: Complex, b: Complex) -> Complex {
    Complex::new(a.re + b.re, a.im + b.im)
}

pub fn sub(a: Complex, b: Complex) -> Complex {
    Complex::new(a.re - b.re, a.im - b.im)
}

pub fn mul(a: Complex, b: Complex) -> Complex {
    Complex::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// `_Py_c_quot`: EDOM for a zero divisor.
fn quot(a: Complex, b: Complex) -> (Complex, Errno) {
    let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return (Complex::new(0.0, 0.0), Errno::Dom);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        (
            Complex::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom),
            Errno::Ok,
        )
    } else if abs_bi >= abs_br {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        (
            Complex::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom),
            Errno::Ok,
        )
    } else {
        // A part of the divisor is a NaN.
        (Complex::new(f64::NAN, f64::NAN), Errno::Ok)
    }
}

/// `a / b`.
pub fn div(a: Complex, b: Complex) -> NumResult<Complex> {
    match quot(a, b) {
        (_, Errno::Dom) => Err(NumError::zero_div("complex division by zero")),
        (r, _) => Ok(r),
    }
}

/// `_Py_c_pow`.
fn c_pow(a: Complex, b: Complex) -> (Complex, Errno) {
    if b.re == 0.0 && b.im == 0.0 {
        return (ONE, Errno::Ok);
    }
    if a.re == 0.0 && a.im == 0.0 {
        let e = if b.im != 0.0 || b.re < 0.0 {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (Complex::new(0.0, 0.0), e);
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    (
        Complex::new(len * phase.cos(), len * phase.sin()),
        Errno::Ok,
    )
}

/// `c_powu`: `x ** n` for `n >= 0` by repeated squaring.
fn c_powu(x: Complex, n: i64) -> Complex {
    let (mut r, mut p) = (ONE, x);
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask = mask.wrapping_shl(1);
        p = mul(p, p);
    }
    r
}

/// `c_powi`.
fn c_powi(x: Complex, n: i64) -> (Complex, Errno) {
    if n > 0 {
        (c_powu(x, n), Errno::Ok)
    } else {
        quot(ONE, c_powu(x, -n))
    }
}

/// `a ** b` (`complex_pow` without a modulus).
pub fn pow(a: Complex, b: Complex) -> NumResult<Complex> {
    let (p, mut errno) = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        c_powi(a, b.re as i64)
    } else {
        c_pow(a, b)
    };
    // _Py_ADJUST_ERANGE2
    if p.re.is_infinite() || p.im.is_infinite() {
        if errno == Errno::Ok {
            errno = Errno::Range;
        }
    } else if errno == Errno::Range {
        errno = Errno::Ok;
    }
    match errno {
        Errno::Dom => Err(NumError::zero_div("0.0 to a negative or complex power")),
        Errno::Range => Err(NumError::overflow("complex exponentiation")),
        Errno::Ok => Ok(p),
    }
}

/// `abs(z)`.
pub fn abs(z: Complex) -> NumResult<f64> {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() {
            return Ok(z.re.abs());
        }
        if z.im.is_infinite() {
            return Ok(z.im.abs());
        }
        return Ok(f64::NAN);
    }
    let r = z.re.hypot(z.im);
    if r.is_finite() {
        Ok(r)
    } else {
        Err(NumError::overflow("absolute value too large"))
    }
}

// ---------------------------------------------------------------------------------
// repr

/// One part as `PyOS_double_to_string(x, 'r', 0, flags)`: no `.0` is added, and with
/// `sign` a `+` precedes non-negative values (and every NaN).
pub fn part_repr(x: f64, sign: bool) -> String {
    let mut s = super::fmt::float_repr(x);
    if s.ends_with(".0") {
        s.truncate(s.len() - 2);
    }
    if sign && !s.starts_with('-') {
        s.insert(0, '+');
    }
    s
}

/// `repr(complex(re, im))`: `1.5j`, `(1+2j)`, `(-0-0j)`, `(nan+nanj)`.
pub fn repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", part_repr(im, false))
    } else {
        format!("({}{}j)", part_repr(re, false), part_repr(im, true))
    }
}

// ---------------------------------------------------------------------------------
// Parsing

const MALFORMED: &str = "complex() arg is a malformed string";

/// Length of the longest prefix of `s` that `PyOS_string_to_double` accepts as a
/// float (sign, digits with an optional point and exponent, or inf/infinity/nan).
fn float_prefix(s: &[u8]) -> usize {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = s[i..].to_ascii_lowercase();
    if rest.starts_with(b"infinity") {
        return i + 8;
    }
    if rest.starts_with(b"inf") || rest.starts_with(b"nan") {
        return i + 3;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < s.len() && s[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut n = digits(&mut i);
    if s.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return 0;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    i
}

/// Reads a float at the start of `s`: its value and length (0 when there is none).
fn read_float(s: &[u8]) -> (f64, usize) {
    let n = float_prefix(s);
    if n == 0 {
        return (0.0, 0);
    }
    match super::float::parse_float_bytes(&s[..n]) {
        Ok(x) => (x, n),
        Err(_) => (0.0, 0),
    }
}

/// Removes underscores as `_Py_string_to_number_with_underscores` does; `None` when
/// one is not between two digits.
fn strip_underscores(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &c in s {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != b'_').then_some(out)
}

fn is_space(c: u8) -> bool {
    super::int::is_ascii_space(c)
}

/// `complex(s)` for a str; `repr` is the argument's Python repr (for the message).
pub fn parse(s: &str, repr: &str) -> NumResult<Complex> {
    parse_bytes(&str_to_ascii(s), repr)
}

/// `complex(s)` for ASCII text.
pub fn parse_bytes(s: &[u8], repr: &str) -> NumResult<Complex> {
    let owned;
    let s = if s.contains(&b'_') {
        owned = strip_underscores(s).ok_or_else(|| {
            NumError::value(format!("could not convert string to complex: {repr}"))
        })?;
        &owned[..]
    } else {
        s
    };
    parse_inner(s).ok_or_else(|| NumError::value(MALFORMED))
}

fn parse_inner(s: &[u8]) -> Option<Complex> {
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < s.len() && is_space(s[*i]) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    let bracket = s.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let (mut x, mut y) = (0.0, 0.0);
    let (z, n) = read_float(&s[i..]);
    if n > 0 {
        i += n;
        match s.get(i) {
            Some(&c @ (b'+' | b'-')) => {
                x = z;
                let (w, m) = read_float(&s[i..]);
                if m > 0 {
                    y = w;
                    i += m;
                } else {
                    y = if c == b'+' { 1.0 } else { -1.0 };
                    i += 1;
                }
                if !is_j(s.get(i)) {
                    return None;
                }
                i += 1;
            }
            c if is_j(c) => {
                i += 1;
                y = z;
            }
            _ => x = z,
        }
    } else {
        match s.get(i) {
            Some(&c @ (b'+' | b'-')) => {
                y = if c == b'+' { 1.0 } else { -1.0 };
                i += 1;
            }
            _ => y = 1.0,
        }
        if !is_j(s.get(i)) {
            return None;
        }
        i += 1;
    }
    skip_space(&mut i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        skip_space(&mut i);
    }
    (i == s.len()).then_some(Complex::new(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> NumResult<Complex> {
        parse(s, &format!("'{s}'"))
    }

    #[test]
    fn parsing() {
        // python3: complex('1+2j'), complex(' ( 1.5e3-2_0j ) '), complex('j'),
        //   complex('-j'), complex('1-j'), complex('infj'), complex('1e500j')
        assert_eq!(p("1+2j"), Ok(Complex::new(1.0, 2.0)));
        assert_eq!(p(" ( 1.5e3-2_0j ) "), Ok(Complex::new(1500.0, -20.0)));
        assert_eq!(p("j"), Ok(Complex::new(0.0, 1.0)));
        assert_eq!(p("-j"), Ok(Complex::new(0.0, -1.0)));
        assert_eq!(p("1-j"), Ok(Complex::new(1.0, -1.0)));
        assert_eq!(p("infj"), Ok(Complex::new(0.0, f64::INFINITY)));
        assert_eq!(p("1e500j"), Ok(Complex::new(0.0, f64::INFINITY)));
        assert_eq!(p("5"), Ok(Complex::new(5.0, 0.0)));
        for bad in ["1+2", "x", "1+2j)", "(1+2j", "", " ", "1 + 2j", "1e", "."] {
            assert_eq!(p(bad).unwrap_err().msg, MALFORMED, "{bad}");
        }
        assert_eq!(
            p("1__0j").unwrap_err().msg,
            "could not convert string to complex: '1__0j'"
        );
        assert_eq!(
            p("_1j").unwrap_err().msg,
            "could not convert string to complex: '_1j'"
        );
    }

    #[test]
    fn reprs() {
        // python3: repr of complex(nan, nan), complex(0, nan), complex(-0.0, -0.0),
        //   1.5j, complex(1, 2), complex(1e16, 1)
        let nan = f64::NAN;
        assert_eq!(repr(nan, nan), "(nan+nanj)");
        assert_eq!(repr(0.0, nan), "nanj");
        assert_eq!(repr(-0.0, -0.0), "(-0-0j)");
        assert_eq!(repr(0.0, 1.5), "1.5j");
        assert_eq!(repr(1.0, 2.0), "(1+2j)");
        assert_eq!(repr(1e16, 1.0), "(1e+16+1j)");
    }

    #[test]
    fn arithmetic() {
        // python3: (1+2j)/(3-4j), (1+1j)**2, 0j**-1, (1e200+1e200j)**2.5, 1/0j
        let q = div(Complex::new(1.0, 2.0), Complex::new(3.0, -4.0)).unwrap();
        assert_eq!(q, Complex::new(-0.2, 0.4));
        assert_eq!(
            pow(Complex::new(1.0, 1.0), Complex::new(2.0, 0.0)),
            Ok(Complex::new(0.0, 2.0))
        );
        assert_eq!(
            pow(Complex::new(0.0, 0.0), Complex::new(-1.0, 0.0))
                .unwrap_err()
                .msg,
            "0.0 to a negative or complex power"
        );
        assert_eq!(
            pow(Complex::new(1e200, 1e200), Complex::new(2.5, 0.0))
                .unwrap_err()
                .msg,
            "complex exponentiation"
        );
        assert_eq!(
            div(ONE, Complex::new(0.0, 0.0)).unwrap_err().msg,
            "complex division by zero"
        );
    }
}
