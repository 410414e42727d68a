//! Number formatting with CPython's rules: `repr(float)` and the format-spec mini-language
//! (`format(x, spec)`, f-strings, `str.format`) for int, float and str.
//!
//! Float digits come from Rust's formatter, which produces the shortest round-tripping
//! digits (`{:e}`) and correctly rounded digits (`{:.Ne}`, `{:.N}`), exactly what
//! CPython's `_Py_dg_dtoa` modes 0, 2 and 3 return. `float_string` then lays them out
//! as CPython's `format_float_short` does (a window over the digit string padded with
//! zeros on both sides, exponent or not, `#` keeping the point). Precisions beyond
//! `MAX_DIGITS` ask std for `MAX_DIGITS` only: an f64's exact decimal expansion has at
//! most 767 significant and 1074 fractional digits, so the rest are zeros, which the
//! layout adds (std's formatter cannot take precisions above 65535).
//!
//! Spec parsing follows `parse_internal_render_format_spec`: errors that do not depend
//! on the object (grouping with a type that forbids it, missing precision, too many
//! digits) come from `parse_spec`; those that name the object's type ("Invalid format
//! specifier ... for object of type 'int'") are reported by the `format_*` function of
//! that type, which is why `Spec::invalid` carries the rejected spec to them.
//!
//! What must hold: for every finite f64, `float_repr` parses back to the same value and
//! equals CPython's `repr`; every result and error message is CPython 3.11's; no input
//! makes these functions panic or abort (huge widths fail with an error).

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spec {
    pub fill: char,
    /// The alignment; `'='` when only the `0` flag asked for zero padding (numbers pad
    /// after the sign; `format_str` treats that case as `'<'`, as CPython does).
    pub align: Option<char>,
    pub sign: Option<char>,
    /// `z`: negative zero (after rounding) is printed without its sign.
    pub no_neg_0: bool,
    pub alternate: bool,
    /// The `0` flag set the fill (and, without an explicit alignment, the alignment).
    pub zero: bool,
    /// An alignment char was written.
    pub align_explicit: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
    /// More than one char followed the precision: the whole spec, for the error the
    /// object's `format_*` raises ("Invalid format specifier 'x' for object of type").
    pub invalid: Option<String>,
    /// Type `c` with a flag only other int types allow (sign, `#`, `z`, precision):
    /// `ty` is cleared so that callers laying out `c` themselves do not, and each
    /// `format_*` reports the error its type gives.
    pub c_rejected: bool,
}

/// Largest width or precision the parser accepts (CPython's `Py_ssize_t`).
const MAX_SIZE: usize = isize::MAX as usize;

/// Digits asked of std's formatter at most; see the module comment.
const MAX_DIGITS: usize = 1100;

fn too_many_digits() -> String {
    "Too many decimal digits in format string".into()
}

/// CPython's name for a presentation type in messages: the char when printable ASCII,
/// else `\x` and its hex code.
fn type_char(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        c.to_string()
    } else {
        format!("\\x{u:x}")
    }
}

/// `Unknown format code 'q' for object of type 'int'`.
fn unknown_type(c: char, type_name: &str) -> String {
    format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        type_char(c)
    )
}

fn invalid_spec(sp: &Spec, type_name: &str) -> Option<String> {
    sp.invalid
        .as_ref()
        .map(|s| format!("Invalid format specifier '{s}' for object of type '{type_name}'"))
}

/// Reads a run of ASCII digits at `c[*i..]`; `Ok(None)` when there is none.
fn get_integer(c: &[char], i: &mut usize) -> Result<Option<usize>, String> {
    let start = *i;
    let mut acc: usize = 0;
    while let Some(d) = c.get(*i).and_then(|ch| ch.to_digit(10)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= MAX_SIZE)
            .ok_or_else(too_many_digits)?;
        *i += 1;
    }
    Ok((*i > start).then_some(acc))
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
    let mut fill_explicit = false;
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = c[0];
        sp.align = Some(c[1]);
        fill_explicit = true;
        sp.align_explicit = true;
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        sp.align_explicit = true;
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        sp.no_neg_0 = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alternate = true;
        i += 1;
    }
    if !fill_explicit && i < c.len() && c[i] == '0' {
        sp.zero = true;
        sp.fill = '0';
        if sp.align.is_none() {
            sp.align = Some('=');
        }
        i += 1;
    }
    if let Some(w) = get_integer(&c, &mut i)? {
        sp.width = w;
    }
    let both = || Err("Cannot specify both ',' and '_'.".to_string());
    if i < c.len() && c[i] == ',' {
        sp.grouping = Some(',');
        i += 1;
    }
    if i < c.len() && c[i] == '_' {
        if sp.grouping.is_some() {
            return both();
        }
        sp.grouping = Some('_');
        i += 1;
    }
    if i < c.len() && c[i] == ',' && sp.grouping == Some('_') {
        return both();
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        match get_integer(&c, &mut i)? {
            Some(p) => sp.precision = Some(p),
            None => return Err("Format specifier missing precision".into()),
        }
    }
    if c.len() - i > 1 {
        sp.invalid = Some(s.to_string());
        return Ok(sp);
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
    }
    if sp.ty == Some('c')
        && (sp.sign.is_some() || sp.alternate || sp.no_neg_0 || sp.precision.is_some())
        && sp.grouping.is_none()
    {
        sp.ty = None;
        sp.c_rejected = true;
    }
    if let Some(g) = sp.grouping {
        let ok = match sp.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            Some(_) => false,
        };
        if !ok {
            return Err(grouping_error(g, sp.ty.unwrap_or('d')));
        }
    }
    Ok(sp)
}

fn grouping_error(g: char, ty: char) -> String {
    format!("Cannot specify '{g}' with '{}'.", type_char(ty))
}

/// An empty string with room for `n` bytes, or the error for a width too large to
/// allocate (the process must not abort).
fn room(n: usize) -> Result<String, String> {
    let mut s = String::new();
    s.try_reserve(n)
        .map_err(|_| "format width or precision too large (out of memory)".to_string())?;
    Ok(s)
}

fn push_n(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// Pads `sign` + `body` to `width` code points, `fill` placed per `align`.
fn pad_to(sign: &str, body: &str, fill: char, align: char, width: usize) -> Result<String, String> {
    let len = sign.chars().count() + body.chars().count();
    let n = width.saturating_sub(len);
    let mut out = room(sign.len() + body.len() + n * fill.len_utf8())?;
    let (left, mid, right) = match align {
        '<' => (0, 0, n),
        '^' => (n / 2, 0, n - n / 2),
        '=' => (0, n, 0),
        _ => (n, 0, 0),
    };
    push_n(&mut out, fill, left);
    out.push_str(sign);
    push_n(&mut out, fill, mid);
    out.push_str(body);
    push_n(&mut out, fill, right);
    Ok(out)
}

/// Pads `body` (with its sign already split off into `sign`) to the spec's width.
pub fn pad(sign: &str, body: &str, sp: &Spec, default_align: char) -> String {
    let align = sp.align.unwrap_or(default_align);
    pad_to(sign, body, sp.fill, align, sp.width).unwrap_or_else(|_| format!("{sign}{body}"))
}

/// Inserts a grouping separator every `every` digits of the integer part of `digits`.
pub fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(digits.len());
    let (int, rest) = digits.split_at(n);
    grouped(int, sep, every, 0) + rest
}

/// `digits` with `sep` every `every` digits from the right, first padded with zeros
/// until the result is at least `min_width` chars (CPython's zero padding with
/// grouping, which never starts with a separator).
fn grouped(digits: &str, sep: char, every: usize, min_width: usize) -> String {
    let every = every.max(1);
    let glen = |n: usize| n + n.saturating_sub(1) / every;
    let mut n = digits.len();
    while glen(n) < min_width {
        n += 1;
    }
    let padded: String = std::iter::repeat_n('0', n - digits.len())
        .chain(digits.chars())
        .collect();
    let mut out = String::with_capacity(glen(n));
    for (i, ch) in padded.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(ch);
    }
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

/// Lays out a number as CPython's `format_float_internal`/`format_long_internal` do:
/// `sign prefix digits remainder`, the leading digit run grouped, zero padding (fill
/// `'0'` with `'='`) going into the grouped digits.
fn layout_number(
    sign: &str,
    prefix: &str,
    body: &str,
    sp: &Spec,
    every: usize,
) -> Result<String, String> {
    let ndig = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(ndig);
    let align = sp.align.unwrap_or('>');
    let head = format!("{sign}{prefix}");
    let Some(g) = sp.grouping.filter(|_| !digits.is_empty()) else {
        return pad_to(&head, body, sp.fill, align, sp.width);
    };
    let min = if sp.fill == '0' && align == '=' {
        sp.width
            .saturating_sub(head.chars().count() + rest.chars().count())
    } else {
        0
    };
    room(min.saturating_add(body.len()))?;
    let body = grouped(digits, g, every, min) + rest;
    pad_to(&head, &body, sp.fill, align, sp.width)
}

/// Digits of `x >= 0` and the decimal point position (`x = 0.DIGITS * 10^decpt`), as
/// `_Py_dg_dtoa` returns them: mode 0 (shortest), 2 (`n` significant digits) or 3 (`n`
/// digits after the point), trailing zeros stripped, "0" for zero.
fn dtoa(x: f64, mode: u8, n: usize) -> (String, i64) {
    if x == 0.0 {
        return ("0".into(), 1);
    }
    let (mut digits, mut decpt) = match mode {
        3 => {
            let s = format!("{:.*}", n.min(MAX_DIGITS), x);
            let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
            (format!("{int}{frac}"), int.len() as i64)
        }
        _ => {
            let s = if mode == 0 {
                format!("{x:e}")
            } else {
                format!("{:.*e}", n.clamp(1, MAX_DIGITS) - 1, x)
            };
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
            (digits, exp.parse::<i64>().unwrap_or(0) + 1)
        }
    };
    let lead = digits.bytes().take_while(|&b| b == b'0').count();
    digits.drain(..lead);
    decpt -= lead as i64;
    let keep = digits.trim_end_matches('0').len();
    digits.truncate(keep);
    if digits.is_empty() {
        return ("0".into(), 1);
    }
    (digits, decpt)
}

/// CPython's `PyOS_double_to_string` for finite `x >= 0`: `code` is `e`, `f`, `g` or
/// `r` (repr), `add_dot_0` keeps a `.0` on integral results in fixed notation.
fn float_string(
    x: f64,
    code: char,
    precision: usize,
    alt: bool,
    add_dot_0: bool,
) -> Result<String, String> {
    let (mode, prec) = match code {
        'e' => (2, precision.saturating_add(1)),
        'f' => (3, precision),
        'g' => (2, precision.max(1)),
        _ => (0, 0),
    };
    let (digits, decpt0) = dtoa(x, mode, prec);
    let dlen = digits.len() as i64;
    let mut decpt = decpt0;
    let mut vend = dlen;
    let mut use_exp = false;
    if code == 'e' {
        use_exp = true;
        vend = prec as i64;
    } else if code == 'f' {
        vend = decpt + prec as i64;
    } else if code == 'g' {
        let limit = if add_dot_0 {
            prec as i64 - 1
        } else {
            prec as i64
        };
        if decpt <= -4 || decpt > limit {
            use_exp = true;
        }
        if alt {
            vend = prec as i64;
        }
    } else if decpt <= -4 || decpt > 16 {
        use_exp = true;
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && add_dot_0 {
        vend.max(decpt + 1)
    } else {
        vend.max(decpt)
    };
    let total = (vend - vstart + 8).max(0) as usize;
    let mut out = room(total)?;
    let zeros = |out: &mut String, n: i64| push_n(out, '0', n.max(0) as usize);
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= dlen {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if dlen < decpt {
        zeros(&mut out, decpt - dlen);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - dlen);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        let s = if exp < 0 { '-' } else { '+' };
        out.push_str(&format!("e{s}{:02}", exp.abs()));
    }
    Ok(out)
}

/// CPython's `repr(float)`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let body = float_string(x.abs(), 'r', 0, false, true).unwrap_or_default();
    if x.is_sign_negative() {
        format!("-{body}")
    } else {
        body
    }
}

/// `format(x, spec)` for floats.
pub fn format_float(x: f64, sp: &Spec) -> Result<String, String> {
    if let Some(e) = invalid_spec(sp, "float") {
        return Err(e);
    }
    if sp.c_rejected {
        return Err(unknown_type('c', "float"));
    }
    let ty = sp.ty;
    let (code, add_dot_0) = match ty {
        None if sp.precision.is_none() => ('r', true),
        None => ('g', true),
        Some('e' | 'E') => ('e', false),
        Some('f' | 'F' | '%') => ('f', false),
        Some('g' | 'G' | 'n') => ('g', false),
        Some(c) => return Err(unknown_type(c, "float")),
    };
    if sp.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".into());
    }
    let precision = sp.precision.unwrap_or(if ty.is_none() { 0 } else { 6 });
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let pct = ty == Some('%');
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let mut body = if !x.is_finite() {
        let s = if x.is_nan() { "nan" } else { "inf" };
        s.to_string()
    } else {
        let a = if pct { x.abs() * 100.0 } else { x.abs() };
        float_string(a, code, precision, sp.alternate, add_dot_0)?
    };
    if sp.no_neg_0 && neg && x.is_finite() {
        let mant = body.split(['e', 'E']).next().unwrap_or("");
        if mant.bytes().all(|b| b == b'0' || b == b'.') {
            neg = false;
        }
    }
    if upper {
        body.make_ascii_uppercase();
    }
    if pct {
        body.push('%');
    }
    layout_number(sign_str(neg, sp), "", &body, sp, 3)
}

/// `format(n, spec)` for integers given as sign and magnitude.
/// Float presentation types and `c` are handled by the caller.
pub fn format_int_digits(
    negative: bool,
    magnitude: &num_bigint::BigUint,
    sp: &Spec,
) -> Result<String, String> {
    if let Some(e) = invalid_spec(sp, "int") {
        return Err(e);
    }
    let (radix, prefix, upper) = match sp.ty {
        None | Some('d') | Some('n') => (10, "", false),
        Some('b') => (2, "0b", false),
        Some('o') => (8, "0o", false),
        Some('x') => (16, "0x", false),
        Some('X') => (16, "0X", true),
        Some(c) => return Err(unknown_type(c, "int")),
    };
    if sp.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if sp.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    if sp.c_rejected {
        return Err(if sp.sign.is_some() {
            "Sign not allowed with integer format specifier 'c'".into()
        } else {
            "Alternate form (#) not allowed with integer format specifier 'c'".into()
        });
    }
    let mut digits = magnitude.to_str_radix(radix);
    if upper {
        digits.make_ascii_uppercase();
    }
    let pre = if sp.alternate { prefix } else { "" };
    let every = if radix == 10 { 3 } else { 4 };
    layout_digits(sign_str(negative, sp), pre, &digits, sp, every)
}

/// Like `layout_number` for an all-digit body (any radix).
fn layout_digits(
    sign: &str,
    prefix: &str,
    digits: &str,
    sp: &Spec,
    every: usize,
) -> Result<String, String> {
    let align = sp.align.unwrap_or('>');
    let head = format!("{sign}{prefix}");
    let Some(g) = sp.grouping else {
        return pad_to(&head, digits, sp.fill, align, sp.width);
    };
    let min = if sp.fill == '0' && align == '=' {
        sp.width.saturating_sub(head.chars().count())
    } else {
        0
    };
    room(min.saturating_add(digits.len()))?;
    let body = grouped(digits, g, every, min);
    pad_to(&head, &body, sp.fill, align, sp.width)
}

/// `format(s, spec)` for str.
pub fn format_str(s: &str, sp: &Spec) -> Result<String, String> {
    if let Some(e) = invalid_spec(sp, "str") {
        return Err(e);
    }
    if sp.c_rejected {
        return Err(unknown_type('c', "str"));
    }
    match sp.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_type(t, "str")),
    }
    if let Some(g) = sp.grouping {
        return Err(grouping_error(g, 's'));
    }
    match sp.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".into()),
        Some(_) => return Err("Sign not allowed in string format specifier".into()),
        None => {}
    }
    if sp.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if sp.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    let align = match sp.align {
        Some('=') if sp.zero && !sp.align_explicit => '<',
        Some('=') => return Err("'=' alignment not allowed in string format specifier".into()),
        Some(a) => a,
        None => '<',
    };
    let body = match sp.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((cut, _)) => &s[..cut],
            None => s,
        },
        None => s,
    };
    pad_to("", body, sp.fill, align, sp.width)
}

#[cfg(test)]
#[path = "fmt_tests.rs"]
mod tests;
