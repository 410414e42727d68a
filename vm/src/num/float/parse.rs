//! `float(s)`, `float.hex()` and `float.fromhex(s)` with CPython 3.11's rules.
//!
//! How it works: `float(s)` maps a `str` to ASCII like `int(s)` does, checks CPython's
//! grammar (`inf`/`infinity`/`nan` in any case with a sign, underscores only between
//! digits, `.5`, `5.` and exponents with digits) and hands the cleaned text to Rust's
//! correctly rounded parser. `fromhex` reads the hex digits into a `BigUint` and rounds
//! once, ties to even, through `int::round_to_f64`; like `float_fromhex` it reports
//! overflow before it complains about trailing garbage.
//!
//! What must hold: the same strings are accepted as by CPython with the same value
//! (the sign of `-nan` included) and the same errors.

use super::super::int::{is_ascii_space, round_to_f64, str_to_ascii, NumError, NumResult};
use num_bigint::BigUint;
use num_traits::ToPrimitive;

/// `float(s)` failed; [`parse_error`] builds CPython's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloatParseError;

/// The ValueError for a failed `float(s)`; `repr` is the Python repr of the argument.
pub fn parse_error(repr: &str) -> NumError {
    NumError::value(format!("could not convert string to float: {repr}"))
}

/// `float(s)` for a `str` (Unicode whitespace and decimal digits are accepted).
pub fn parse_float_str(s: &str) -> Result<f64, FloatParseError> {
    parse_float_bytes(&str_to_ascii(s))
}

/// `float(b)` for `bytes`/`bytearray`.
pub fn parse_float_bytes(s: &[u8]) -> Result<f64, FloatParseError> {
    let s = trim_ascii_space(s);
    let (negative, body) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = |x: f64| if negative { -x } else { x };
    let lower = body.to_ascii_lowercase();
    match lower.as_slice() {
        b"inf" | b"infinity" => return Ok(sign(f64::INFINITY)),
        b"nan" => return Ok(sign(f64::NAN)),
        _ => {}
    }
    let mut clean = String::with_capacity(body.len() + 1);
    if negative {
        clean.push('-');
    }
    let mut i = 0;
    let int_digits = copy_digits(body, &mut i, &mut clean)?;
    let mut frac_digits = 0;
    if body.get(i) == Some(&b'.') {
        clean.push('.');
        i += 1;
        frac_digits = copy_digits(body, &mut i, &mut clean)?;
    }
    if int_digits + frac_digits == 0 {
        return Err(FloatParseError);
    }
    if matches!(body.get(i), Some(b'e' | b'E')) {
        clean.push('e');
        i += 1;
        if let Some(&c @ (b'+' | b'-')) = body.get(i) {
            clean.push(c as char);
            i += 1;
        }
        if copy_digits(body, &mut i, &mut clean)? == 0 {
            return Err(FloatParseError);
        }
    }
    if i != body.len() {
        return Err(FloatParseError);
    }
    clean.parse().map_err(|_| FloatParseError)
}

fn trim_ascii_space(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if !is_ascii_space(*first) {
            break;
        }
        s = rest;
    }
    while let [rest @ .., last] = s {
        if !is_ascii_space(*last) {
            break;
        }
        s = rest;
    }
    s
}

/// Copies `digit (['_'] digit)*` from `s[*i..]` into `out`; returns the digit count.
fn copy_digits(s: &[u8], i: &mut usize, out: &mut String) -> Result<usize, FloatParseError> {
    let mut n = 0;
    while let Some(&c) = s.get(*i) {
        if c.is_ascii_digit() {
            out.push(c as char);
            n += 1;
        } else if c == b'_' && n > 0 && s.get(*i + 1).is_some_and(u8::is_ascii_digit) {
            // An underscore must sit between two digits.
        } else if c == b'_' {
            return Err(FloatParseError);
        } else {
            break;
        }
        *i += 1;
    }
    Ok(n)
}

/// `float.hex()`: `0x1.8000000000000p+0`, `0x0.0p+0`, `inf`, `nan`.
pub fn to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!("{sign}0x{lead}.{frac:013x}p{e:+}")
}

const BAD_HEX: &str = "invalid hexadecimal floating-point string";

/// `float.fromhex(s)`, rounding ties to even.
pub fn from_hex(s: &str) -> NumResult<f64> {
    let bad = || NumError::value(BAD_HEX);
    let s = trim_ascii_space(s.as_bytes());
    let (negative, body) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = |x: f64| if negative { -x } else { x };
    match body.to_ascii_lowercase().as_slice() {
        b"inf" | b"infinity" => return Ok(sign(f64::INFINITY)),
        b"nan" => return Ok(sign(f64::NAN)),
        _ => {}
    }
    let mut i = 0;
    if body.len() >= 2 && body[0] == b'0' && body[1].eq_ignore_ascii_case(&b'x') {
        i = 2;
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    while let Some(&c) = body.get(i) {
        if let Some(d) = (c as char).to_digit(16) {
            digits.push(d as u8);
            frac_digits += i64::from(seen_point);
        } else if c == b'.' && !seen_point {
            seen_point = true;
        } else {
            break;
        }
        i += 1;
    }
    if digits.is_empty() {
        return Err(bad());
    }
    let mut exp: i64 = 0;
    if matches!(body.get(i), Some(b'p' | b'P')) {
        i += 1;
        let exp_negative = match body.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while let Some(&c) = body.get(i).filter(|c| c.is_ascii_digit()) {
            // Saturate: anything this large overflows or underflows anyway.
            exp = (exp * 10 + i64::from(c - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(bad());
        }
        if exp_negative {
            exp = -exp;
        }
    }
    // CPython reports overflow before it looks at what follows the number.
    let mant = BigUint::from_radix_be(&digits, 16).ok_or_else(bad)?;
    let e = exp - 4 * frac_digits;
    let bits = mant.bits();
    let (m, e, sticky) = if bits <= 128 {
        (u128_of(&mant), e, false)
    } else {
        let shift = bits - 128;
        let sticky = mant.trailing_zeros().is_some_and(|tz| tz < shift);
        (u128_of(&(mant >> shift)), e + shift as i64, sticky)
    };
    let f = round_to_f64(m, e, sticky)
        .ok_or_else(|| NumError::overflow("hexadecimal value too large to represent as a float"))?;
    if i != body.len() {
        return Err(bad());
    }
    Ok(sign(f))
}

fn u128_of(n: &BigUint) -> u128 {
    n.to_u128().unwrap_or(u128::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<f64> {
        parse_float_str(s).ok()
    }

    #[test]
    fn parsing() {
        // python3: float(' 1.5 '), float('1_0.5'), float('1e1_0'), float('.5'), float('5.'),
        //   float('1.e5'), float('-.5e-3'), float('-Infinity'), float('+iNf'),
        //   float('١.٥'), float('\u20001.5'), float('0.0_1'), float('1e400'), float('1e-400')
        let ok = [
            (" 1.5 ", 1.5),
            ("1_0.5", 10.5),
            ("1e1_0", 1e10),
            (".5", 0.5),
            ("5.", 5.0),
            ("1.e5", 1e5),
            ("-.5e-3", -0.0005),
            ("-Infinity", f64::NEG_INFINITY),
            ("+iNf", f64::INFINITY),
            ("\u{661}.\u{665}", 1.5),
            ("\u{2000}1.5", 1.5),
            ("\x0b1.5\x0c", 1.5),
            ("0.0_1", 0.01),
            ("1e400", f64::INFINITY),
            ("1e-400", 0.0),
            ("1e99999999999999999999999", f64::INFINITY),
            ("0e99999999999999999999999", 0.0),
        ];
        for (s, want) in ok {
            assert_eq!(parse(s), Some(want), "{s:?}");
        }
        // python3: copysign(1, float('-nan')) == -1.0
        assert!(parse("-nan").is_some_and(|x| x.is_nan() && x.is_sign_negative()));
        // python3: each raises "could not convert string to float: ..."
        let bad = [
            "1__0",
            "_1",
            "1_",
            "1_.5",
            "1._5",
            "1.5_",
            "1e_10",
            "1_e10",
            ".",
            "e5",
            "1e",
            "1e+",
            "infinit",
            "infinityx",
            "nan(1)",
            "0x1p3",
            "",
            "  ",
            "1\0",
            "++1",
            "\x1c1.5",
        ];
        for s in bad {
            assert_eq!(parse(s), None, "{s:?}");
        }
        assert_eq!(parse_float_bytes(b"1.5"), Ok(1.5));
        assert_eq!(parse_float_bytes(b"\xa01.5"), Err(FloatParseError));
        assert_eq!(
            parse_error("b'x'").msg,
            "could not convert string to float: b'x'"
        );
    }

    #[test]
    fn hex_round_trip() {
        // python3: (1.5).hex(), (0.0).hex(), (-0.0).hex(), (5e-324).hex(),
        //   (2.2250738585072014e-308).hex(), (1e308).hex(), (0.1).hex()
        assert_eq!(to_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(to_hex(0.0), "0x0.0p+0");
        assert_eq!(to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(to_hex(2.2250738585072014e-308), "0x1.0000000000000p-1022");
        assert_eq!(to_hex(f64::NEG_INFINITY), "-inf");
        assert_eq!(to_hex(f64::NAN), "nan");
        assert_eq!(to_hex(1e308), "0x1.1ccf385ebc8a0p+1023");
        assert_eq!(to_hex(0.1), "0x1.999999999999ap-4");
        // python3: float.fromhex of each string below
        let ok = [
            ("0x1.8p1", 3.0),
            (" -0X1.8P+1 ", -3.0),
            ("1.8", 1.5),
            ("0x.8", 0.5),
            ("0x1.", 1.0),
            ("Infinity", f64::INFINITY),
            ("0x1.fffffffffffff7p1023", f64::MAX),
            ("0x1p-1074", 5e-324),
            ("0x1p-1075", 0.0),
            ("0x1.000001p-1075", 5e-324),
            ("0x3p-1076", 5e-324),
            ("0x1p-99999999999999999999", 0.0),
            ("0x0p99999999999999999999", 0.0),
            ("0x1.00000000000008", 1.0),
            ("0x1.00000000000018", 1.0000000000000004),
            ("0x1.000000000000080000001", 1.0000000000000002),
        ];
        for (s, want) in ok {
            assert_eq!(from_hex(s), Ok(want), "{s}");
        }
        for s in ["0x.p1", "0x1_0p1", "x", "0x", "0x1p", "0x1.8p+-1"] {
            assert_eq!(from_hex(s).unwrap_err().msg, BAD_HEX, "{s}");
        }
        for s in [
            "0x1p1024",
            "0x1.fffffffffffff8p1023",
            "0x1p99999999999999999999",
            "0x1p1024zz",
        ] {
            let e = from_hex(s).unwrap_err();
            assert_eq!(
                e.msg, "hexadecimal value too large to represent as a float",
                "{s}"
            );
        }
        let long = format!("0x1{}p-4000", "0".repeat(1000));
        assert_eq!(from_hex(&long), Ok(1.0));
    }
}
