//! The codecs the VM builds in (UTF-8, Latin-1, ASCII, UTF-16 and UTF-32), their error handlers, and
//! `bytes.hex()`/`bytes.fromhex()`.
//!
//! Decoding UTF-8 rides on std's validator, whose error positions follow the same
//! "maximal subpart" rule as CPython's decoder: an invalid sequence is the longest
//! prefix of a valid one (or one byte), so `errors='replace'` yields one U+FFFD per
//! such sequence and the strict error names the same byte range and reason. Encoding
//! reports runs of unencodable characters as CPython does, with code-point positions.
//! Error handlers are looked up only when an error occurs (an unknown name is harmless
//! on clean input, as in CPython). Lone surrogates cannot exist in a Rust `str`, so the
//! surrogate handlers act as `strict` when encoding and are refused when decoding would
//! have to produce a surrogate; `namereplace` is not supported. UTF-16 and UTF-32 are
//! in `codecs/wide.rs`.
//!
//! What must hold: results and error messages equal CPython 3.11's for these codecs.

use std::borrow::Cow;
use std::fmt::Write;

use super::error::{CodecError, ExcType, TextError, TextResult};

mod wide;

/// The byte order of a UTF-16/UTF-32 codec; `Bom` reads a byte-order mark first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Bom,
    Le,
    Be,
}

/// A built-in codec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Latin1,
    Ascii,
    Utf16(Order),
    Utf32(Order),
}

impl Codec {
    /// The name CPython's messages use for the codec.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Latin1 => "latin-1",
            Codec::Ascii => "ascii",
            Codec::Utf16(Order::Bom) => "utf-16",
            Codec::Utf16(Order::Le) => "utf-16-le",
            Codec::Utf16(Order::Be) => "utf-16-be",
            Codec::Utf32(Order::Bom) => "utf-32",
            Codec::Utf32(Order::Le) => "utf-32-le",
            Codec::Utf32(Order::Be) => "utf-32-be",
        }
    }
}

/// Finds a codec by any of CPython's names for it (`'UTF8'`, `'iso-8859-1'`, `'l1'`,
/// `'us-ascii'`...), or `LookupError: unknown encoding: NAME`.
pub fn lookup(encoding: &str) -> TextResult<Codec> {
    // encodings.normalize_encoding: runs of other chars become one '_', lower-cased.
    let mut norm = String::with_capacity(encoding.len());
    let mut punct = false;
    for c in encoding.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            if c.is_ascii() {
                norm.push(c.to_ascii_lowercase());
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    let find = |n: &str| match n {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
            Some(Codec::Utf8)
        }
        "latin_1" | "latin1" | "latin" | "l1" | "8859" | "cp819" | "csisolatin1" | "ibm819"
        | "iso8859" | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" => {
            Some(Codec::Latin1)
        }
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3.4_1986" | "ansi_x3_4_1968" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
        | "us_ascii" => Some(Codec::Ascii),
        "utf_16" | "utf16" | "u16" => Some(Codec::Utf16(Order::Bom)),
        "utf_16_le" | "utf_16le" => Some(Codec::Utf16(Order::Le)),
        "utf_16_be" | "utf_16be" => Some(Codec::Utf16(Order::Be)),
        "utf_32" | "utf32" | "u32" => Some(Codec::Utf32(Order::Bom)),
        "utf_32_le" | "utf_32le" => Some(Codec::Utf32(Order::Le)),
        "utf_32_be" | "utf_32be" => Some(Codec::Utf32(Order::Be)),
        _ => None,
    };
    find(&norm)
        .or_else(|| find(&norm.replace('.', "_")))
        .ok_or_else(|| {
            TextError::new(
                ExcType::LookupError,
                format!("unknown encoding: {encoding}"),
            )
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Replace,
    Ignore,
    BackslashReplace,
    XmlCharRefReplace,
}

/// The handler named `errors`, resolved when an error needs it.
fn handler(errors: &str, decoding: bool) -> TextResult<Handler> {
    let h = match errors {
        "strict" | "surrogatepass" | "surrogateescape" => Handler::Strict,
        "replace" => Handler::Replace,
        "ignore" => Handler::Ignore,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" if !decoding => {
            return Err(TextError::value(
                "the 'namereplace' error handler is not supported",
            ))
        }
        "namereplace" => Handler::XmlCharRefReplace,
        _ => {
            return Err(TextError::new(
                ExcType::LookupError,
                format!("unknown error handler name '{errors}'"),
            ))
        }
    };
    if decoding && errors == "surrogateescape" {
        return Err(TextError::value(
            "errors='surrogateescape' would make lone surrogates, which hotpy strings cannot hold",
        ));
    }
    if decoding && h == Handler::XmlCharRefReplace {
        return Err(TextError::type_error(
            "don't know how to handle UnicodeDecodeError in error callback",
        ));
    }
    Ok(h)
}

fn decode_error(
    codec: Codec,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &'static str,
) -> TextError {
    let enc = codec.name();
    let msg = if end - start == 1 {
        let b = data.get(start).copied().unwrap_or(0);
        format!("'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
    } else {
        format!(
            "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    TextError {
        exc: ExcType::UnicodeDecodeError,
        msg,
        codec: Some(Box::new(CodecError {
            encoding: enc,
            start,
            end,
            reason,
        })),
    }
}

/// `data.decode(codec, errors)`.
pub fn decode<'a>(codec: Codec, data: &'a [u8], errors: &str) -> TextResult<Cow<'a, str>> {
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect::<String>().into()),
        Codec::Ascii => {
            if data.is_ascii() {
                // ASCII is valid UTF-8, so this cannot fail.
                return Ok(Cow::Borrowed(std::str::from_utf8(data).unwrap_or_default()));
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b.is_ascii() {
                    out.push(b as char);
                    continue;
                }
                match handler(errors, true)? {
                    Handler::Strict => {
                        return Err(decode_error(
                            codec,
                            data,
                            i,
                            i + 1,
                            "ordinal not in range(128)",
                        ))
                    }
                    h => push_decode_replacement(&mut out, h, &data[i..i + 1]),
                }
            }
            Ok(Cow::Owned(out))
        }
        Codec::Utf8 => decode_utf8(data, errors),
        Codec::Utf16(_) | Codec::Utf32(_) => wide::decode(codec, data, errors).map(Cow::Owned),
    }
}

fn push_decode_replacement(out: &mut String, h: Handler, bad: &[u8]) {
    match h {
        Handler::Replace => out.push('\u{fffd}'),
        Handler::BackslashReplace => {
            for b in bad {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
        _ => {}
    }
}

fn decode_utf8<'a>(data: &'a [u8], errors: &str) -> TextResult<Cow<'a, str>> {
    let mut rest = match std::str::from_utf8(data) {
        Ok(s) => return Ok(Cow::Borrowed(s)),
        Err(_) => data,
    };
    let mut out = String::with_capacity(data.len());
    loop {
        let e = match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(Cow::Owned(out));
            }
            Err(e) => e,
        };
        let valid = e.valid_up_to();
        out.push_str(std::str::from_utf8(&rest[..valid]).unwrap_or_default());
        let start = data.len() - rest.len() + valid;
        let (len, reason) = match e.error_len() {
            None => (rest.len() - valid, "unexpected end of data"),
            Some(n) if (0xc2..=0xf4).contains(&rest[valid]) => (n, "invalid continuation byte"),
            Some(n) => (n, "invalid start byte"),
        };
        match handler(errors, true)? {
            Handler::Strict => {
                return Err(decode_error(Codec::Utf8, data, start, start + len, reason))
            }
            h => push_decode_replacement(&mut out, h, &rest[valid..valid + len]),
        }
        rest = &rest[valid + len..];
    }
}

fn encode_error(
    codec: Codec,
    s: &str,
    start: usize,
    end: usize,
    reason: &'static str,
) -> TextError {
    let enc = codec.name();
    let msg = if end - start == 1 {
        let c = s.chars().nth(start).unwrap_or('\0') as u32;
        let shown = if c < 0x100 {
            format!("\\x{c:02x}")
        } else if c < 0x10000 {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        format!("'{enc}' codec can't encode character '{shown}' in position {start}: {reason}")
    } else {
        format!(
            "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        )
    };
    TextError {
        exc: ExcType::UnicodeEncodeError,
        msg,
        codec: Some(Box::new(CodecError {
            encoding: enc,
            start,
            end,
            reason,
        })),
    }
}

/// `s.encode(codec, errors)`.
pub fn encode<'a>(codec: Codec, s: &'a str, errors: &str) -> TextResult<Cow<'a, [u8]>> {
    let (limit, reason) = match codec {
        Codec::Utf8 => return Ok(Cow::Borrowed(s.as_bytes())),
        Codec::Ascii if s.is_ascii() => return Ok(Cow::Borrowed(s.as_bytes())),
        Codec::Ascii => (0x80u32, "ordinal not in range(128)"),
        Codec::Latin1 => (0x100u32, "ordinal not in range(256)"),
        Codec::Utf16(_) | Codec::Utf32(_) => return Ok(Cow::Owned(wide::encode(codec, s))),
    };
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let run_end = chars[i..]
            .iter()
            .position(|&c| (c as u32) < limit)
            .map_or(chars.len(), |n| i + n);
        let h = handler(errors, false)?;
        if h == Handler::Strict {
            return Err(encode_error(codec, s, i, run_end, reason));
        }
        for &c in &chars[i..run_end] {
            match h {
                Handler::Replace => out.push(b'?'),
                Handler::BackslashReplace => {
                    let u = c as u32;
                    let e = if u < 0x100 {
                        format!("\\x{u:02x}")
                    } else if u < 0x10000 {
                        format!("\\u{u:04x}")
                    } else {
                        format!("\\U{u:08x}")
                    };
                    out.extend_from_slice(e.as_bytes());
                }
                Handler::XmlCharRefReplace => {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
                _ => {}
            }
        }
        i = run_end;
    }
    Ok(Cow::Owned(out))
}

/// The separator argument of `hex()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HexSep<'a> {
    Str(&'a str),
    Bytes(&'a [u8]),
}

/// `data.hex(sep, bytes_per_sep)`: groups of `|bytes_per_sep|` bytes, counted from the
/// right when positive and from the left when negative.
pub fn hex(data: &[u8], sep: Option<HexSep<'_>>, bytes_per_sep: isize) -> TextResult<String> {
    let sep = match sep {
        None => None,
        Some(sep) => {
            let (len, first) = match sep {
                HexSep::Str(s) => (s.chars().count(), s.chars().next().map_or(0, |c| c as u32)),
                HexSep::Bytes(b) => (b.len(), b.first().map_or(0, |&b| b as u32)),
            };
            if len != 1 {
                return Err(TextError::value("sep must be length 1."));
            }
            if first > 127 {
                return Err(TextError::value("sep must be ASCII."));
            }
            Some(first as u8 as char)
        }
    };
    let group = bytes_per_sep.unsigned_abs();
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        if let Some(sep) = sep {
            // Counted from the left (negative) or from the right (positive); no
            // separator before the first byte, none at all for a zero group.
            let counted = if bytes_per_sep < 0 { i } else { data.len() - i };
            if i > 0 && group > 0 && counted.is_multiple_of(group) {
                out.push(sep);
            }
        }
        let _ = write!(out, "{b:02x}");
    }
    Ok(out)
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed between pairs.
pub fn fromhex(s: &str) -> TextResult<Vec<u8>> {
    let bad = |pos: usize| {
        TextError::value(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    if !s.is_ascii() {
        // CPython reports the first non-ASCII char before looking at anything else.
        return Err(bad(s.chars().position(|c| !c.is_ascii()).unwrap_or(0)));
    }
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).and_then(|&c| (c as char).to_digit(16));
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    while i < b.len() {
        if super::bytesmethods::is_space(b[i]) {
            i += 1;
            continue;
        }
        let top = digit(i).ok_or_else(|| bad(i))?;
        let bot = digit(i + 1).ok_or_else(|| bad(i + 1))?;
        out.push((top * 16 + bot) as u8);
        i += 2;
    }
    Ok(out)
}

#[cfg(test)]
#[path = "codecs_tests.rs"]
mod tests;
