//! `int(s, base)` and `str(n)`/`bin`/`oct`/`hex`, with CPython 3.11's rules.
//!
//! How it works: a `str` is first mapped to ASCII as CPython's
//! `_PyUnicode_TransformDecimalAndSpaceToASCII` does (non-ASCII whitespace becomes a
//! space, Unicode decimal digits become ASCII digits, anything else non-ASCII becomes
//! `'?'`), then one byte-level parser serves `str`, `bytes` and `bytearray`. It follows
//! `PyLong_FromString`: optional sign, base prefixes (base 0 guesses from them and
//! rejects leading zeros), single underscores between digits (and after a prefix),
//! and `sys.int_info`'s digit limit for bases that are not powers of two.
//!
//! What must hold: the same strings are accepted and refused as by CPython, with the
//! same messages, including which error wins when a string is both too long and bad.

use super::{NumError, NumResult};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Signed;

// ---------------------------------------------------------------------------------
// Parsing: int(s, base)

/// Python's `str.isspace` for one character.
pub fn py_isspace(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x1f'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// First code point (the zero) of each run of ten Unicode decimal digits (category Nd),
/// Unicode 14 as in CPython 3.11.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit (`unicodedata.decimal`), if `c` is one.
pub fn decimal_value(c: char) -> Option<u32> {
    let c = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= c);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (c - zero < 10).then_some(c - zero)
}

/// Maps a `str` to the ASCII bytes CPython's parsers see: ASCII is kept, other
/// whitespace becomes `' '`, other decimal digits become `'0'..='9'`, and anything else
/// becomes `'?'` (which no parser accepts).
pub fn str_to_ascii(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            c if (c as u32) < 127 => c as u8,
            c if py_isspace(c) => b' ',
            c => decimal_value(c).map_or(b'?', |d| b'0' + d as u8),
        })
        .collect()
}

/// ASCII whitespace as CPython's `Py_ISSPACE` sees it.
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// Why `int(s, base)` failed; [`IntParseError::into_error`] builds CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntParseError {
    /// `invalid literal for int() with base N: <repr>`
    InvalidLiteral,
    /// `int() base must be >= 2 and <= 36, or 0`
    BadBase,
    /// More decimal digits than `sys.get_int_max_str_digits()` allows.
    TooManyDigits { digits: usize, limit: usize },
}

impl IntParseError {
    /// The ValueError for this failure; `repr` is the Python repr of the argument
    /// (`'12x'` or `b'12x'`), cut to 200 characters as CPython's `%.200R` does.
    pub fn into_error(self, base: i64, repr: &str) -> NumError {
        match self {
            IntParseError::InvalidLiteral => {
                let cut: String = repr.chars().take(200).collect();
                NumError::value(format!("invalid literal for int() with base {base}: {cut}"))
            }
            IntParseError::BadBase => NumError::value("int() base must be >= 2 and <= 36, or 0"),
            IntParseError::TooManyDigits { digits, limit } => NumError::value(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has \
                 {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            )),
        }
    }
}

/// `int(s, base)` for a `str`. `max_str_digits` is `sys.get_int_max_str_digits()`
/// (0 means unlimited); it applies to bases that are not powers of two.
pub fn parse_int_str(s: &str, base: i64, max_str_digits: usize) -> Result<BigInt, IntParseError> {
    parse_int_bytes(&str_to_ascii(s), base, max_str_digits)
}

/// `int(b, base)` for `bytes`/`bytearray` (only ASCII whitespace and digits count).
pub fn parse_int_bytes(
    s: &[u8],
    base: i64,
    max_str_digits: usize,
) -> Result<BigInt, IntParseError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(IntParseError::BadBase);
    }
    let mut base = base as u32;
    let mut i = 0;
    while i < s.len() && is_ascii_space(s[i]) {
        i += 1;
    }
    let negative = match s.get(i) {
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
    let at = |k: usize| s.get(k).copied().unwrap_or(0).to_ascii_lowercase();
    let mut must_be_zero = false;
    if base == 0 {
        base = match (at(i), at(i + 1)) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                must_be_zero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0' && matches!((base, at(i + 1)), (16, b'x') | (8, b'o') | (2, b'b')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(IntParseError::InvalidLiteral);
    }
    let mut digits = Vec::new();
    let mut prev_underscore = false;
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            if prev_underscore {
                return Err(IntParseError::InvalidLiteral);
            }
            prev_underscore = true;
        } else {
            match (c as char).to_digit(36) {
                Some(d) if d < base => digits.push(d as u8),
                _ => break,
            }
            prev_underscore = false;
        }
        i += 1;
    }
    if prev_underscore || digits.is_empty() {
        return Err(IntParseError::InvalidLiteral);
    }
    if !base.is_power_of_two() && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(IntParseError::TooManyDigits {
            digits: digits.len(),
            limit: max_str_digits,
        });
    }
    if must_be_zero && digits.iter().any(|&d| d != 0) {
        return Err(IntParseError::InvalidLiteral);
    }
    while i < s.len() && is_ascii_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return Err(IntParseError::InvalidLiteral);
    }
    let mag = BigUint::from_radix_be(&digits, base).ok_or(IntParseError::InvalidLiteral)?;
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_biguint(sign, mag))
}

// ---------------------------------------------------------------------------------
// Formatting: str(), bin(), oct(), hex()

/// `str(n)` in base 10, refusing more than `max_str_digits` digits (0 means unlimited)
/// with CPython's ValueError. The sign is not counted.
pub fn to_decimal_string(n: &BigInt, max_str_digits: usize) -> NumResult<String> {
    if max_str_digits > 0 {
        // A number of b bits has at least floor((b - 1) * log10(2)) + 1 digits.
        let min_digits = (n.bits().saturating_sub(1) as f64 * std::f64::consts::LOG10_2) as u64;
        let too_many = || {
            NumError::value(format!(
                "Exceeds the limit ({max_str_digits} digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit"
            ))
        };
        if min_digits > max_str_digits as u64 + 1 {
            return Err(too_many());
        }
        let s = n.to_string();
        let digits = s.len() - usize::from(n.is_negative());
        return if digits > max_str_digits {
            Err(too_many())
        } else {
            Ok(s)
        };
    }
    Ok(n.to_string())
}

/// `n` in `radix` (2..=36, lowercase digits) with `prefix` after the sign, as
/// `bin`/`oct`/`hex` print it: `format_radix(-255, 16, "0x")` is `-0xff`.
pub fn format_radix(n: &BigInt, radix: u32, prefix: &str) -> String {
    let digits = n.magnitude().to_str_radix(radix.clamp(2, 36));
    let sign = if n.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// `bin(n)`.
pub fn bin(n: &BigInt) -> String {
    format_radix(n, 2, "0b")
}

/// `oct(n)`.
pub fn oct(n: &BigInt) -> String {
    format_radix(n, 8, "0o")
}

/// `hex(n)`.
pub fn hex(n: &BigInt) -> String {
    format_radix(n, 16, "0x")
}

#[cfg(test)]
mod tests {
    use super::super::{ExcKind, DEFAULT_MAX_STR_DIGITS};
    use super::*;
    use num_traits::Pow;

    fn parse(s: &str, base: i64) -> Result<BigInt, IntParseError> {
        parse_int_str(s, base, DEFAULT_MAX_STR_DIGITS)
    }

    #[test]
    fn parse_accepts_what_cpython_accepts() {
        // python3: int('  12  '), int('+12'), int('-12'), int('1_000'), int('0x_1f', 16),
        //   int('0x_1f', 0), int('0_0', 0), int('00', 0), int('0b101', 0), int('0o17', 0),
        //   int('1f', 16), int('Z', 36), int('١٢'), int('\u00a012\u2003'), int('-0x10', 0)
        let ok = [
            ("  12  ", 10, 12),
            ("+12", 10, 12),
            ("-12", 10, -12),
            ("1_000", 10, 1000),
            ("0x_1f", 16, 31),
            ("0x_1f", 0, 31),
            ("0_0", 0, 0),
            ("00", 0, 0),
            ("0b101", 0, 5),
            ("0o17", 0, 15),
            ("1f", 16, 31),
            ("0x1f", 16, 31),
            ("Z", 36, 35),
            ("\u{661}\u{662}", 10, 12),
            ("\u{a0}12\u{2003}", 10, 12),
            ("\u{85} 12", 10, 12),
            ("-0x10", 0, -16),
        ];
        for (s, base, want) in ok {
            assert_eq!(parse(s, base), Ok(BigInt::from(want)), "{s:?}");
        }
    }

    #[test]
    fn parse_rejects_what_cpython_rejects() {
        // python3: each raises "invalid literal for int() with base N: ..."
        let bad = [
            ("1__000", 10),
            ("_1", 10),
            ("1_", 10),
            ("01", 0),
            ("0x", 16),
            ("", 10),
            ("  ", 10),
            ("- 1", 10),
            ("+-1", 10),
            ("1 2", 10),
            ("0_7", 0),
            ("0b", 0),
            ("0b_", 0),
            ("0b1_", 0),
            ("\x1c12", 10),
            ("1\0", 10),
            ("12", 2),
        ];
        for (s, base) in bad {
            assert_eq!(parse(s, base), Err(IntParseError::InvalidLiteral), "{s:?}");
        }
        assert_eq!(
            parse_int_bytes(b"\xa012", 10, 4300),
            Err(IntParseError::InvalidLiteral)
        );
        assert_eq!(parse_int_bytes(b" 12 ", 10, 4300), Ok(BigInt::from(12)));
        for base in [1, 37, -1] {
            assert_eq!(parse("1", base), Err(IntParseError::BadBase));
        }
    }

    #[test]
    fn parse_messages() {
        // python3: int('x'*300) -> message of 240 characters (repr cut to 200)
        let repr = format!("'{}'", "x".repeat(300));
        let e = IntParseError::InvalidLiteral.into_error(10, &repr);
        assert_eq!(e.kind, ExcKind::ValueError);
        assert_eq!(e.msg.chars().count(), 240);
        assert!(e
            .msg
            .starts_with("invalid literal for int() with base 10: 'xxx"));
        let e = IntParseError::BadBase.into_error(1, "'1'");
        assert_eq!(e.msg, "int() base must be >= 2 and <= 36, or 0");
    }

    #[test]
    fn digit_limit() {
        // python3: int('9'*5000) / int('9'*5000+'x') / int('1_'*4301+'1') raise
        //   "Exceeds the limit (4300 digits) for integer string conversion: value has
        //   5000 digits; use sys.set_int_max_str_digits() to increase the limit"
        let e = parse(&"9".repeat(5000), 10).unwrap_err();
        assert_eq!(
            e,
            IntParseError::TooManyDigits {
                digits: 5000,
                limit: 4300
            }
        );
        assert_eq!(
            e.into_error(10, "").msg,
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        let e = parse(&format!("{}x", "9".repeat(5000)), 10).unwrap_err();
        assert!(matches!(
            e,
            IntParseError::TooManyDigits { digits: 5000, .. }
        ));
        let s = format!("{}1", "1_".repeat(4301));
        assert!(matches!(
            parse(&s, 10),
            Err(IntParseError::TooManyDigits { digits: 4302, .. })
        ));
        assert!(parse(&"9".repeat(4300), 10).is_ok());
        // python3: int('0'*5000, 0) -> the digit-limit error, not "invalid literal"
        let e = parse(&"0".repeat(5000), 0);
        assert!(matches!(
            e,
            Err(IntParseError::TooManyDigits { digits: 5000, .. })
        ));
        assert_eq!(parse(&"1".repeat(5000), 16).unwrap().bits(), 19997);
        assert!(parse(&"1".repeat(5000), 36).is_err());
        assert!(parse_int_str(&"9".repeat(5000), 10, 0).is_ok());

        // python3: str(10**4300) raises "Exceeds the limit (4300 digits) for integer
        //   string conversion; use sys.set_int_max_str_digits() to increase the limit"
        let p: BigInt = Pow::pow(BigInt::from(10), 4300u32);
        let e = to_decimal_string(&p, 4300).unwrap_err();
        assert_eq!(
            e.msg,
            "Exceeds the limit (4300 digits) for integer string conversion; use \
             sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(to_decimal_string(&-&p, 4300).is_err());
        assert_eq!(to_decimal_string(&(&p - 1), 4300).unwrap().len(), 4300);
        assert_eq!(to_decimal_string(&(1 - &p), 4300).unwrap().len(), 4301);
        assert!(to_decimal_string(&(BigInt::from(1) << 100_000u32), 4300).is_err());
        assert!(to_decimal_string(&p, 0).is_ok());
    }

    #[test]
    fn radix_strings() {
        // python3: hex(-255), bin(-5), oct(8), hex(0)
        assert_eq!(hex(&BigInt::from(-255)), "-0xff");
        assert_eq!(bin(&BigInt::from(-5)), "-0b101");
        assert_eq!(oct(&BigInt::from(8)), "0o10");
        assert_eq!(hex(&BigInt::from(0)), "0x0");
    }

    #[test]
    fn unicode_tables() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{669}'), Some(9));
        assert_eq!(decimal_value('\u{1fbf9}'), Some(9));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{2f}'), None);
        assert!(py_isspace('\u{3000}') && py_isspace('\x1f') && !py_isspace('\u{200b}'));
    }
}
