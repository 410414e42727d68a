//! Number formatting with CPython's rules: `repr(float)` and the format-spec mini-language
//! (`format(x, spec)`, f-strings, `str.format`) for int, float and str.
//!
//! Float digits come from Rust's formatter, which produces the shortest round-tripping
//! digits (`{:e}`) and correctly rounded fixed digits (`{:.N}`, `{:.Ne}`); this module
//! only lays them out as CPython does. `repr` switches to exponent notation when the
//! decimal exponent is below -4 or above 15, exactly as CPython's `float_repr_style`
//! 'short' does.
//!
//! What must hold: for every finite f64, `float_repr` parses back to the same value and
//! equals CPython's `repr`.

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alternate: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a format spec; the error is CPython's ValueError message.
pub fn parse_spec(s: &str) -> Result<Spec, String> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec {
        fill: ' ',
        ..Spec::default()
    };
    let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = c[0];
        sp.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alternate = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        sp.zero = true;
        if sp.align.is_none() {
            sp.fill = '0';
            sp.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = c[start..i].iter().collect();
        sp.width = w
            .parse()
            .map_err(|_| "Too many decimal digits in format string".to_string())?;
    }
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        sp.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let ps = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == ps {
            return Err("Format specifier missing precision".into());
        }
        let p: String = c[ps..i].iter().collect();
        sp.precision = Some(
            p.parse()
                .map_err(|_| "Too many decimal digits in format string".to_string())?,
        );
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err("Invalid format specifier".into());
    }
    Ok(sp)
}

/// Pads `body` (with its sign already split off into `sign`) to the spec's width.
pub fn pad(sign: &str, body: &str, sp: &Spec, default_align: char) -> String {
    let len = sign.chars().count() + body.chars().count();
    if sp.width <= len {
        return format!("{sign}{body}");
    }
    let fill: String = std::iter::repeat_n(sp.fill, sp.width - len).collect();
    match sp.align.unwrap_or(default_align) {
        '<' => format!("{sign}{body}{fill}"),
        '^' => {
            let n = sp.width - len;
            let left: String = std::iter::repeat_n(sp.fill, n / 2).collect();
            let right: String = std::iter::repeat_n(sp.fill, n - n / 2).collect();
            format!("{left}{sign}{body}{right}")
        }
        '=' => format!("{sign}{fill}{body}"),
        _ => format!("{fill}{sign}{body}"),
    }
}

/// Inserts a grouping separator every `every` digits of the integer part of `digits`.
pub fn group(digits: &str, sep: char, every: usize) -> String {
    let (int, rest) = match digits.find(|c: char| !c.is_ascii_alphanumeric()) {
        Some(p) => digits.split_at(p),
        None => (digits, ""),
    };
    let n = int.len();
    let mut out = String::with_capacity(n + n / every + rest.len());
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out.push_str(rest);
    out
}

fn sign_str(negative: bool, sp: &Spec) -> &'static str {
    if negative {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Shortest round-trip digits and decimal point position: x = 0.DIGITS * 10^decpt.
fn shortest(x: f64) -> (String, i32) {
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

/// CPython's `repr(float)`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let neg = x.is_sign_negative();
    let body = if x == 0.0 {
        "0.0".to_string()
    } else {
        let (digits, decpt) = shortest(x);
        if !(-4 < decpt && decpt <= 16) {
            exp_layout(&digits, decpt - 1, false)
        } else {
            fixed_layout(&digits, decpt, true)
        }
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// Digits with a decimal point at `decpt`; `dot0` appends ".0" to whole numbers.
fn fixed_layout(digits: &str, decpt: i32, dot0: bool) -> String {
    let n = digits.len() as i32;
    if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt >= n {
        let z = "0".repeat((decpt - n) as usize);
        if dot0 {
            format!("{digits}{z}.0")
        } else {
            format!("{digits}{z}")
        }
    } else {
        let (a, b) = digits.split_at(decpt as usize);
        format!("{a}.{b}")
    }
}

fn exp_layout(digits: &str, exp: i32, keep_point: bool) -> String {
    let (a, b) = digits.split_at(1);
    let mant = if b.is_empty() {
        if keep_point {
            format!("{a}.")
        } else {
            a.to_string()
        }
    } else {
        format!("{a}.{b}")
    };
    format!("{mant}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// Rust's `{:.Pe}` output rewritten with CPython's exponent (`e+05`).
fn fmt_e(x: f64, p: usize, upper: bool, alt: bool) -> String {
    let s = format!("{:.*e}", p, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let m = if alt && p == 0 {
        format!("{m}.")
    } else {
        m.to_string()
    };
    let r = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    if upper {
        r.to_uppercase()
    } else {
        r
    }
}

/// `%g`-style formatting with CPython's rules.
fn fmt_g(x: f64, p: usize, alt: bool, upper: bool, at_least_one: bool) -> String {
    let p = p.max(1);
    if x == 0.0 {
        let mut s = if alt {
            format!("0.{}", "0".repeat(p - 1))
        } else {
            "0".to_string()
        };
        if at_least_one && !s.contains('.') {
            s.push_str(".0");
        }
        return s;
    }
    let es = format!("{:.*e}", p - 1, x);
    let exp: i32 = es
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let mut s = if -4 <= exp && exp < p as i32 {
        format!("{:.*}", (p as i32 - 1 - exp) as usize, x)
    } else {
        fmt_e(x, p - 1, upper, alt)
    };
    if !alt {
        // Strip trailing zeros of the fraction.
        let (m, e) = match s.find(['e', 'E']) {
            Some(i) => (s[..i].to_string(), s[i..].to_string()),
            None => (s.clone(), String::new()),
        };
        let m = if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            m
        };
        s = format!("{m}{e}");
    }
    if at_least_one && !s.contains(['.', 'e', 'E']) {
        s.push_str(".0");
    }
    s
}

/// `format(x, spec)` for floats.
pub fn format_float(x: f64, sp: &Spec) -> Result<String, String> {
    let ty = sp.ty;
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut body = if !x.is_finite() {
        let s = if x.is_nan() { "nan" } else { "inf" };
        let s = if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        };
        if ty == Some('%') {
            format!("{s}%")
        } else {
            s
        }
    } else {
        match ty {
            None => match sp.precision {
                None => float_repr(a),
                Some(p) => fmt_g(a, p, sp.alternate, false, true),
            },
            Some('f' | 'F') => {
                let s = format!("{:.*}", sp.precision.unwrap_or(6), a);
                if sp.alternate && !s.contains('.') {
                    format!("{s}.")
                } else {
                    s
                }
            }
            Some('e' | 'E') => fmt_e(a, sp.precision.unwrap_or(6), upper, sp.alternate),
            Some('g' | 'G' | 'n') => {
                fmt_g(a, sp.precision.unwrap_or(6), sp.alternate, upper, false)
            }
            Some('%') => format!("{:.*}%", sp.precision.unwrap_or(6), a * 100.0),
            Some(c) => {
                return Err(format!(
                    "Unknown format code '{c}' for object of type 'float'"
                ))
            }
        }
    };
    if let Some(g) = sp.grouping {
        body = group(&body, g, 3);
    }
    Ok(pad(sign_str(neg, sp), &body, sp, '>'))
}

/// `format(n, spec)` for integers given as sign and decimal magnitude digits.
/// Float presentation types are handled by the caller (converting to float).
pub fn format_int_digits(
    negative: bool,
    magnitude: &num_bigint::BigUint,
    sp: &Spec,
) -> Result<String, String> {
    let (radix, prefix, upper) = match sp.ty {
        None | Some('d') | Some('n') => (10, "", false),
        Some('b') => (2, "0b", false),
        Some('o') => (8, "0o", false),
        Some('x') => (16, "0x", false),
        Some('X') => (16, "0X", true),
        Some(c) => {
            return Err(format!(
                "Unknown format code '{c}' for object of type 'int'"
            ))
        }
    };
    if sp.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    let mut digits = magnitude.to_str_radix(radix);
    if upper {
        digits = digits.to_uppercase();
    }
    if let Some(g) = sp.grouping {
        if g == ',' && radix != 10 {
            return Err(format!(
                "Cannot specify ',' with '{}'.",
                sp.ty.unwrap_or('d')
            ));
        }
        digits = group(&digits, g, if radix == 10 { 3 } else { 4 });
    }
    let sign = sign_str(negative, sp);
    let pre = if sp.alternate { prefix } else { "" };
    Ok(pad(&format!("{sign}{pre}"), &digits, sp, '>'))
}

/// `format(s, spec)` for str.
pub fn format_str(s: &str, sp: &Spec) -> Result<String, String> {
    if let Some(t) = sp.ty {
        if t != 's' {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'str'"
            ));
        }
    }
    if sp.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    if sp.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    let body: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad("", &body, sp, '<'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let cases = [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (2.0f64.powi(60), "1.152921504606847e+18"),
            (1.0 / 3.0, "0.3333333333333333"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1e22, "1e+22"),
            (5e-324, "5e-324"),
            (9999999999999998.0, "9999999999999998.0"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:e})");
        }
    }

    fn f(x: f64, spec: &str) -> String {
        format_float(x, &parse_spec(spec).unwrap()).unwrap()
    }

    #[test]
    fn float_specs() {
        assert_eq!(f(2.34567, ".2f"), "2.35");
        assert_eq!(f(2.34567, "10.3f"), "     2.346");
        assert_eq!(f(-2.34567, "<10.1f"), "-2.3      ");
        assert_eq!(f(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(f(12345.678, "e"), "1.234568e+04");
        assert_eq!(f(0.000123, ".3g"), "0.000123");
        assert_eq!(f(123456789.0, "g"), "1.23457e+08");
        assert_eq!(f(100.0, "g"), "100");
        assert_eq!(f(0.25, "%"), "25.000000%");
        assert_eq!(f(0.5, ".0%"), "50%");
        assert_eq!(f(2.5, ".0f"), "2");
        assert_eq!(f(1.0, ".3"), "1.0");
        assert_eq!(f(1e20, ".3"), "1e+20");
        assert_eq!(f(42.0, "+"), "+42.0");
        assert_eq!(f(42.0, "08.2f"), "00042.00");
        assert_eq!(f(-42.0, "08.2f"), "-0042.00");
        assert_eq!(f(3.0, "^9.1f"), "   3.0   ");
        assert_eq!(f(f64::NAN, "f"), "nan");
        assert_eq!(f(1.5, ""), "1.5");
    }

    #[test]
    fn int_and_str_specs() {
        let n = |v: u64, neg: bool, s: &str| {
            format_int_digits(neg, &num_bigint::BigUint::from(v), &parse_spec(s).unwrap()).unwrap()
        };
        assert_eq!(n(255, false, "x"), "ff");
        assert_eq!(n(255, false, "#X"), "0XFF");
        assert_eq!(n(5, false, "08b"), "00000101");
        assert_eq!(n(1234567, false, ","), "1,234,567");
        assert_eq!(n(1234567, true, "_"), "-1_234_567");
        assert_eq!(n(42, false, "*^8"), "***42***");
        assert_eq!(n(42, true, "=+8"), "-     42");
        let s = |x: &str, spec: &str| format_str(x, &parse_spec(spec).unwrap()).unwrap();
        assert_eq!(s("ab", ">5"), "   ab");
        assert_eq!(s("abcdef", ".3"), "abc");
        assert_eq!(s("ab", "-^6"), "--ab--");
        assert!(parse_spec(".").is_err());
        assert!(format_str("x", &parse_spec("d").unwrap()).is_err());
    }
}
