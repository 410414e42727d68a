//! printf-style `%` formatting for str and bytes (`'%5.2f' % x`, `b'%s' % y`).
//!
//! The engine parses the format and lays out each conversion; everything that touches
//! objects goes through the `PercentArgs` trait the VM implements: fetching arguments,
//! mapping lookups for `%(key)s`, `str()`/`repr()`/`ascii()`, and turning an argument
//! into an int, a float, a char or bytes. The parser is a port of the state machine in
//! CPython's `PyUnicode_Format`/`_PyBytes_FormatEx`, down to the order of its checks:
//! the argument is fetched before the conversion char is validated (`'%y' % ()` is "not
//! enough arguments"), `%%` is only a literal when the `%` follows at once, one `h`,
//! `l` or `L` length modifier is skipped, and after `%(key)` the looked-up value becomes
//! the only remaining argument. Floats are laid out by `crate::num::fmt`.
//!
//! What must hold: for any format and arguments the result, or the exception type and
//! message, is what CPython 3.11 gives.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use super::error::{TextError, TextResult};
use super::indices::char_index;
use crate::num::fmt::{format_float, Spec};

/// A `%(key)` mapping key: str for str formatting, bytes for bytes formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentKey<'a> {
    Str(&'a str),
    Bytes(&'a [u8]),
}

/// How an argument must become an int.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntWant {
    /// `*` width/precision: only an int instance (bool included), no conversion.
    Exact,
    /// `%d %i %u`: any number, through `int()` (`__int__`, floats truncate).
    Number,
    /// `%x %X %o`: through `__index__` only.
    Index,
}

/// An argument of `%c`, as the VM sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CharArg {
    /// A str instance.
    Str(String),
    /// A bytes or bytearray instance.
    Bytes(Vec<u8>),
    /// Anything with `__index__`, converted.
    Int(BigInt),
    /// Anything else.
    Other,
}

/// What the VM provides to the engine. `Value` is the VM's object handle.
///
/// The right operand of `%` is either a tuple (`tuple_len` is `Some`) or a single
/// object (`whole`). It counts as a mapping (`is_mapping`) when its type has
/// `__getitem__` and it is not a tuple or str (str formatting), or not a tuple, str,
/// bytes or bytearray (bytes formatting): CPython's exact test, so `'abc' % [1]` is
/// `'abc'`.
pub trait PercentArgs {
    type Value: Clone;
    type Error: From<TextError>;

    /// The length of the right operand when it is a tuple.
    fn tuple_len(&self) -> Option<usize>;
    /// Item `i < tuple_len` of the tuple operand.
    fn tuple_item(&mut self, i: usize) -> Self::Value;
    /// The right operand itself, when it is not a tuple.
    fn whole(&mut self) -> Self::Value;
    fn is_mapping(&self) -> bool;
    /// `operand[key]`; its errors (`KeyError`...) pass through.
    fn get_item(&mut self, key: PercentKey<'_>) -> Result<Self::Value, Self::Error>;
    /// `type(v).__name__`, for error messages.
    fn type_name(&mut self, v: &Self::Value) -> String;
    fn str_of(&mut self, v: &Self::Value) -> Result<String, Self::Error>;
    fn repr_of(&mut self, v: &Self::Value) -> Result<String, Self::Error>;
    fn ascii_of(&mut self, v: &Self::Value) -> Result<String, Self::Error>;
    /// Bytes formatting's `%s`/`%b`: the buffer or `__bytes__()` of `v`; `None` when it
    /// has neither.
    fn bytes_of(&mut self, v: &Self::Value) -> Result<Option<Vec<u8>>, Self::Error>;
    /// `v` as an int; `None` when it is not acceptable (not a number, or the conversion
    /// raised `TypeError`). Other errors of the conversion pass through.
    fn int_of(&mut self, v: &Self::Value, want: IntWant) -> Result<Option<BigInt>, Self::Error>;
    /// `float(v)` for `%e %f %g`; `None` when `v` is not a real number.
    fn float_of(&mut self, v: &Self::Value) -> Result<Option<f64>, Self::Error>;
    fn char_of(&mut self, v: &Self::Value) -> Result<CharArg, Self::Error>;
}

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// Where the next argument comes from (CPython's `args`, `arglen`, `argidx`).
struct ArgState<V> {
    /// The value a `%(key)` lookup produced, standing in for the operand.
    item: Option<V>,
    arglen: isize,
    argidx: isize,
}

struct Engine<'f, 'a, A: PercentArgs> {
    fmt: &'f [u8],
    /// The format as str, for str formatting (error positions count code points).
    text: Option<&'f str>,
    args: &'a mut A,
    st: ArgState<A::Value>,
    out: Vec<u8>,
    pos: usize,
    /// CPython's `fmtcnt`: chars left after `pos`, going negative once a read fails.
    cnt: isize,
    ch: u8,
}

fn err<T, E: From<TextError>>(e: TextError) -> Result<T, E> {
    Err(E::from(e))
}

impl<A: PercentArgs> Engine<'_, '_, A> {
    fn bytes_mode(&self) -> bool {
        self.text.is_none()
    }

    /// CPython's `if (--fmtcnt >= 0) { ch = READ(fmtpos); fmtpos++; }`.
    fn step(&mut self) -> bool {
        self.cnt -= 1;
        if self.cnt < 0 {
            return false;
        }
        match self.fmt.get(self.pos) {
            Some(&c) => {
                self.ch = c;
                self.pos += 1;
                true
            }
            None => false,
        }
    }

    fn next_arg(&mut self) -> Result<A::Value, A::Error> {
        let st = &mut self.st;
        if st.argidx < st.arglen {
            st.argidx += 1;
            if st.arglen < 0 {
                return Ok(match &st.item {
                    Some(v) => v.clone(),
                    None => self.args.whole(),
                });
            }
            return Ok(self.args.tuple_item((st.argidx - 1) as usize));
        }
        err(TextError::type_error(
            "not enough arguments for format string",
        ))
    }

    /// Runs the whole format.
    fn run(&mut self) -> Result<(), A::Error> {
        while self.pos < self.fmt.len() {
            let rest = &self.fmt[self.pos..];
            let lit = rest.iter().position(|&b| b == b'%').unwrap_or(rest.len());
            self.out.extend_from_slice(&rest[..lit]);
            self.pos += lit;
            if self.pos < self.fmt.len() {
                self.pos += 1;
                self.cnt = (self.fmt.len() - self.pos) as isize;
                self.directive()?;
            }
        }
        if self.st.argidx < self.st.arglen && !self.args.is_mapping() {
            let what = if self.bytes_mode() { "bytes" } else { "string" };
            return err(TextError::type_error(format!(
                "not all arguments converted during {what} formatting"
            )));
        }
        Ok(())
    }

    /// One directive; `pos` is just past its `%`.
    fn directive(&mut self) -> Result<(), A::Error> {
        if self.fmt.get(self.pos) == Some(&b'%') {
            self.pos += 1;
            self.out.push(b'%');
            return Ok(());
        }
        self.ch = 0;
        let (mut flags, mut width, mut prec) = (0u8, -1isize, -1i32);
        if self.fmt.get(self.pos) == Some(&b'(') {
            self.mapping_key()?;
        }
        while self.step() {
            match self.ch {
                b'-' => flags |= F_LJUST,
                b'+' => flags |= F_SIGN,
                b' ' => flags |= F_BLANK,
                b'#' => flags |= F_ALT,
                b'0' => flags |= F_ZERO,
                _ => break,
            }
        }
        if self.ch == b'*' {
            let v = self.next_arg()?;
            let n = self.star_int(&v, "ssize_t")?;
            width = n.to_isize().unwrap_or(0);
            if width < 0 {
                flags |= F_LJUST;
                width = width.checked_neg().unwrap_or(0);
            }
            self.step();
        } else if self.ch.is_ascii_digit() {
            width = (self.ch - b'0') as isize;
            while self.step() && self.ch.is_ascii_digit() {
                let d = (self.ch - b'0') as isize;
                if width > (isize::MAX - d) / 10 {
                    return err(TextError::value("width too big"));
                }
                width = width * 10 + d;
            }
        }
        if self.ch == b'.' {
            prec = 0;
            self.step();
            if self.ch == b'*' {
                let v = self.next_arg()?;
                prec = self.star_int(&v, "int")?.to_i32().unwrap_or(0).max(0);
                self.step();
            } else if self.ch.is_ascii_digit() {
                prec = (self.ch - b'0') as i32;
                while self.step() && self.ch.is_ascii_digit() {
                    let d = (self.ch - b'0') as i32;
                    if prec > (i32::MAX - d) / 10 {
                        let msg = if self.bytes_mode() {
                            "prec too big"
                        } else {
                            "precision too big"
                        };
                        return err(TextError::value(msg));
                    }
                    prec = prec * 10 + d;
                }
            }
        }
        if self.cnt >= 0 && matches!(self.ch, b'h' | b'l' | b'L') {
            self.step();
        }
        if self.cnt < 0 {
            return err(TextError::value("incomplete format"));
        }
        let v = self.next_arg()?;
        let spec = Directive {
            flags,
            width,
            prec,
            ch: self.ch,
        };
        self.convert(&v, &spec)?;
        if self.args.is_mapping() && self.st.argidx < self.st.arglen {
            return err(TextError::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(())
    }

    /// `%(key)`: looks the key up and makes the value the only argument.
    fn mapping_key(&mut self) -> Result<(), A::Error> {
        if !self.args.is_mapping() {
            return err(TextError::type_error("format requires a mapping"));
        }
        self.pos += 1;
        self.cnt -= 1;
        let start = self.pos;
        let mut depth = 1;
        while depth > 0 && self.step() {
            match self.ch {
                b')' => depth -= 1,
                b'(' => depth += 1,
                _ => {}
            }
        }
        if self.cnt < 0 || depth > 0 {
            return err(TextError::value("incomplete format key"));
        }
        let raw = &self.fmt[start..self.pos - 1];
        let key = match self.text {
            // The key lies between ASCII parentheses, so it is whole UTF-8.
            Some(t) => PercentKey::Str(t.get(start..self.pos - 1).unwrap_or_default()),
            None => PercentKey::Bytes(raw),
        };
        let v = self.args.get_item(key)?;
        self.st = ArgState {
            item: Some(v),
            arglen: -1,
            argidx: -2,
        };
        Ok(())
    }

    /// A `*` argument: an int instance that fits a C `ssize_t` or `int`.
    fn star_int(&mut self, v: &A::Value, ctype: &str) -> Result<BigInt, A::Error> {
        let Some(n) = self.args.int_of(v, IntWant::Exact)? else {
            return err(TextError::type_error("* wants int"));
        };
        let fits = if ctype == "int" {
            n.to_i32().is_some()
        } else {
            n.to_isize().is_some()
        };
        if !fits {
            return err(TextError::overflow(format!(
                "Python int too large to convert to C {ctype}"
            )));
        }
        Ok(n)
    }

    fn convert(&mut self, v: &A::Value, d: &Directive) -> Result<(), A::Error> {
        let bytes_mode = self.bytes_mode();
        match d.ch {
            b's' | b'r' | b'a' | b'b' if bytes_mode || d.ch != b'b' => {
                let text: Vec<u8> = match d.ch {
                    b's' | b'b' if bytes_mode => match self.args.bytes_of(v)? {
                        Some(b) => b,
                        None => {
                            let t = self.args.type_name(v);
                            return err(TextError::type_error(format!(
                                "%b requires a bytes-like object, or an object that \
                                 implements __bytes__, not '{t}'"
                            )));
                        }
                    },
                    b's' => self.args.str_of(v)?.into_bytes(),
                    b'r' if !bytes_mode => self.args.repr_of(v)?.into_bytes(),
                    _ => self.args.ascii_of(v)?.into_bytes(),
                };
                let text = truncate(&text, d.prec, bytes_mode);
                self.pad_out(d, false, "", "", text)
            }
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => {
                let want = if matches!(d.ch, b'o' | b'x' | b'X') {
                    IntWant::Index
                } else {
                    IntWant::Number
                };
                let Some(n) = self.args.int_of(v, want)? else {
                    let t = self.args.type_name(v);
                    let what = if want == IntWant::Index {
                        "an integer"
                    } else {
                        "a real number"
                    };
                    // Bytes formatting turns `%i` into `%d` before converting.
                    let shown = if bytes_mode && d.ch == b'i' {
                        'd'
                    } else {
                        d.ch as char
                    };
                    return err(TextError::type_error(format!(
                        "%{shown} format: {what} is required, not {t}"
                    )));
                };
                let (radix, prefix) = match d.ch {
                    b'o' => (8, "0o"),
                    b'x' => (16, "0x"),
                    b'X' => (16, "0X"),
                    _ => (10, ""),
                };
                let mut digits = n.magnitude().to_str_radix(radix);
                if d.ch == b'X' {
                    digits.make_ascii_uppercase();
                }
                if let Ok(p) = usize::try_from(d.prec) {
                    if p > digits.len() {
                        let mut z = zeros(p - digits.len())?;
                        z.push_str(&digits);
                        digits = z;
                    }
                }
                let sign = sign_of(n.sign() == Sign::Minus, d.flags);
                let prefix = if d.flags & F_ALT != 0 { prefix } else { "" };
                self.pad_out(d, true, sign, prefix, digits.as_bytes())
            }
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let Some(x) = self.args.float_of(v)? else {
                    let t = self.args.type_name(v);
                    let msg = if bytes_mode {
                        format!("float argument required, not {t}")
                    } else {
                        format!("must be real number, not {t}")
                    };
                    return err(TextError::type_error(msg));
                };
                let prec = usize::try_from(d.prec).unwrap_or(6);
                let body = float_body(x.abs(), d.ch as char, prec, d.flags & F_ALT != 0)?;
                let sign = sign_of(x.is_sign_negative() && !x.is_nan(), d.flags);
                self.pad_out(d, true, sign, "", body.as_bytes())
            }
            b'c' => {
                let c = self.char_arg(v)?;
                self.pad_out(d, false, "", "", &c)
            }
            _ => err(self.unsupported(d.ch)),
        }
    }

    /// The encoded char or byte of a `%c` argument.
    fn char_arg(&mut self, v: &A::Value) -> Result<Vec<u8>, A::Error> {
        let arg = self.args.char_of(v)?;
        if self.bytes_mode() {
            return match arg {
                CharArg::Bytes(b) if b.len() == 1 => Ok(b),
                CharArg::Int(n) => match n.to_u8() {
                    Some(b) => Ok(vec![b]),
                    None => err(TextError::overflow("%c arg not in range(256)")),
                },
                _ => err(TextError::type_error(
                    "%c requires an integer in range(256) or a single byte",
                )),
            };
        }
        let c = match arg {
            CharArg::Str(s) => {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => c,
                    _ => return err(TextError::type_error("%c requires int or char")),
                }
            }
            CharArg::Int(n) => match n.to_u32().filter(|&u| u < 0x110000) {
                Some(u) => char::from_u32(u).ok_or_else(|| {
                    TextError::value("%c arg is a lone surrogate, which hotpy does not support")
                })?,
                None => return err(TextError::overflow("%c arg not in range(0x110000)")),
            },
            _ => return err(TextError::type_error("%c requires int or char")),
        };
        Ok(c.to_string().into_bytes())
    }

    /// CPython's error for an unknown conversion char at `pos - 1`.
    fn unsupported(&self, b: u8) -> TextError {
        let at = self.pos.saturating_sub(1);
        match self.text {
            None if b >= 0x80 => TextError::overflow("character argument not in range(0x110000)"),
            None => TextError::value(format!(
                "unsupported format character '{}' (0x{b:x}) at index {at}",
                b as char
            )),
            Some(t) => {
                let c = t.get(at..).and_then(|s| s.chars().next()).unwrap_or('?');
                let shown = if (31..=126).contains(&(c as u32)) {
                    c
                } else {
                    '?'
                };
                TextError::value(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {}",
                    c as u32,
                    char_index(t, at)
                ))
            }
        }
    }

    /// Writes `sign prefix body` padded to the directive's width. Zero padding goes
    /// between the prefix and the body, and only for numbers.
    fn pad_out(
        &mut self,
        d: &Directive,
        numeric: bool,
        sign: &str,
        prefix: &str,
        body: &[u8],
    ) -> Result<(), A::Error> {
        let body_len = if self.bytes_mode() {
            body.len()
        } else {
            body.iter().filter(|&&b| (b as i8) >= -0x40).count()
        };
        let len = sign.len() + prefix.len() + body_len;
        let fill = usize::try_from(d.width).unwrap_or(0).saturating_sub(len);
        let grow = fill.checked_add(sign.len() + prefix.len() + body.len());
        if grow.is_none_or(|g| self.out.try_reserve(g).is_err()) {
            return err(TextError::memory());
        }
        let spaces = |out: &mut Vec<u8>| out.extend(std::iter::repeat_n(b' ', fill));
        if d.flags & F_LJUST != 0 {
            self.out.extend_from_slice(sign.as_bytes());
            self.out.extend_from_slice(prefix.as_bytes());
            self.out.extend_from_slice(body);
            spaces(&mut self.out);
        } else if numeric && d.flags & F_ZERO != 0 {
            self.out.extend_from_slice(sign.as_bytes());
            self.out.extend_from_slice(prefix.as_bytes());
            self.out.extend(std::iter::repeat_n(b'0', fill));
            self.out.extend_from_slice(body);
        } else {
            spaces(&mut self.out);
            self.out.extend_from_slice(sign.as_bytes());
            self.out.extend_from_slice(prefix.as_bytes());
            self.out.extend_from_slice(body);
        }
        Ok(())
    }
}

/// A parsed directive: flags, width (-1: none), precision (-1: none), conversion.
struct Directive {
    flags: u8,
    width: isize,
    prec: i32,
    ch: u8,
}

fn sign_of(negative: bool, flags: u8) -> &'static str {
    if negative {
        "-"
    } else if flags & F_SIGN != 0 {
        "+"
    } else if flags & F_BLANK != 0 {
        " "
    } else {
        ""
    }
}

fn zeros(n: usize) -> TextResult<String> {
    let mut s = super::error::string_with_capacity(n)?;
    s.extend(std::iter::repeat_n('0', n));
    Ok(s)
}

/// Digits past this many are zeros for every f64 (its exact decimal expansion has at
/// most 767 significant and 1074 fractional digits); larger precisions are laid out
/// at this one and padded, which also keeps them clear of std's formatter limits.
const MAX_FLOAT_DIGITS: usize = 1100;

/// The unsigned body of a float conversion, `x >= 0` or NaN.
fn float_body(x: f64, ty: char, prec: usize, alt: bool) -> TextResult<String> {
    let spec = Spec {
        fill: ' ',
        ty: Some(ty),
        precision: Some(prec.min(MAX_FLOAT_DIGITS)),
        alternate: alt,
        ..Spec::default()
    };
    let mut body = format_float(x, &spec).map_err(TextError::value)?;
    if alt && matches!(ty, 'g' | 'G') && x.is_finite() && !body.contains('.') {
        // `#` keeps the point even with no digits after it (`'%#.0g' % 1` is `'1.'`),
        // which num::fmt misses in fixed notation.
        let at = body.find(['e', 'E']).unwrap_or(body.len());
        body.insert(at, '.');
    }
    // `%g` drops trailing zeros unless `#` keeps them; nothing to pad otherwise.
    let pads = prec > MAX_FLOAT_DIGITS && x.is_finite() && (alt || !matches!(ty, 'g' | 'G'));
    if !pads {
        return Ok(body);
    }
    let extra = prec - MAX_FLOAT_DIGITS;
    let mut out = super::error::string_with_capacity(body.len().saturating_add(extra))?;
    let cut = body.find(['e', 'E']).unwrap_or(body.len());
    out.push_str(&body[..cut]);
    out.extend(std::iter::repeat_n('0', extra));
    out.push_str(&body[cut..]);
    Ok(out)
}

/// The first `prec` chars (str) or bytes (bytes) of `text`; all of it when `prec < 0`.
fn truncate(text: &[u8], prec: i32, bytes_mode: bool) -> &[u8] {
    let Ok(p) = usize::try_from(prec) else {
        return text;
    };
    if bytes_mode {
        return &text[..p.min(text.len())];
    }
    // Cut before the (p+1)-th char start.
    let cut = text
        .iter()
        .enumerate()
        .filter(|&(_, &b)| (b as i8) >= -0x40)
        .nth(p)
        .map_or(text.len(), |(i, _)| i);
    &text[..cut]
}

fn engine<'f, 'a, A: PercentArgs>(
    fmt: &'f [u8],
    text: Option<&'f str>,
    args: &'a mut A,
) -> Engine<'f, 'a, A> {
    let (arglen, argidx) = match args.tuple_len() {
        Some(n) => (n.min(isize::MAX as usize) as isize, 0),
        None => (-1, -2),
    };
    Engine {
        fmt,
        text,
        args,
        st: ArgState {
            item: None,
            arglen,
            argidx,
        },
        out: Vec::with_capacity(fmt.len() + 16),
        pos: 0,
        cnt: 0,
        ch: 0,
    }
}

/// `fmt % args` for a str format.
pub fn format_str<A: PercentArgs>(fmt: &str, args: &mut A) -> Result<String, A::Error> {
    let mut e = engine(fmt.as_bytes(), Some(fmt), args);
    e.run()?;
    // Every piece written was whole UTF-8 (literal runs end at ASCII '%').
    String::from_utf8(e.out).map_err(|_| A::Error::from(TextError::value("invalid UTF-8")))
}

/// `fmt % args` for a bytes format.
pub fn format_bytes<A: PercentArgs>(fmt: &[u8], args: &mut A) -> Result<Vec<u8>, A::Error> {
    let mut e = engine(fmt, None, args);
    e.run()?;
    Ok(e.out)
}

#[cfg(test)]
#[path = "percent_tests.rs"]
mod tests;
