//! UTF-16 and UTF-32, in both byte orders and with a byte-order mark.
//!
//! Decoding follows CPython's `PyUnicode_DecodeUTF16Stateful`/`DecodeUTF32Stateful`:
//! a trailing odd unit is "truncated data", a high surrogate without room for its
//! partner is "unexpected end of data" (covering the rest of the input), a lone low
//! surrogate is "illegal encoding", a high surrogate followed by something else is
//! "illegal UTF-16 surrogate" (covering the high unit only); UTF-32 rejects surrogates
//! and values past U+10FFFF. Without a BOM, the BOM variants read little-endian (the
//! native order of the machines hotpy runs on) and their errors name `utf-16-le` /
//! `utf-32-le`, as CPython's do on those machines; encoding writes a little-endian BOM.
//!
//! What must hold: results and error ranges/messages equal CPython 3.11's.

use super::{decode_error, handler, push_decode_replacement, Codec, Handler, Order};
use crate::text::error::TextResult;

/// Reads the unit at `i` (`unit` bytes, `le` order); callers check the bounds.
fn read(data: &[u8], i: usize, unit: usize, le: bool) -> u32 {
    let mut v = 0u32;
    for k in 0..unit {
        let b = if le {
            data[i + unit - 1 - k]
        } else {
            data[i + k]
        };
        v = (v << 8) | b as u32;
    }
    v
}

/// The byte order of `data` and the length of its BOM, for a BOM codec.
fn sniff(data: &[u8], unit: usize) -> (Order, usize) {
    match (unit, data) {
        (2, [0xff, 0xfe, ..]) => (Order::Le, 2),
        (2, [0xfe, 0xff, ..]) => (Order::Be, 2),
        (4, [0xff, 0xfe, 0, 0, ..]) => (Order::Le, 4),
        (4, [0, 0, 0xfe, 0xff, ..]) => (Order::Be, 4),
        _ => (Order::Le, 0),
    }
}

/// `data.decode(codec, errors)` for a UTF-16 or UTF-32 codec.
pub(super) fn decode(codec: Codec, data: &[u8], errors: &str) -> TextResult<String> {
    let (unit, order) = match codec {
        Codec::Utf32(o) => (4, o),
        Codec::Utf16(o) => (2, o),
        _ => (2, Order::Le),
    };
    let (order, mut pos) = match order {
        Order::Bom => sniff(data, unit),
        o => (o, 0),
    };
    let named = if unit == 2 {
        Codec::Utf16(order)
    } else {
        Codec::Utf32(order)
    };
    let le = order != Order::Be;
    let len = data.len();
    let mut out = String::with_capacity(len / unit);
    while pos < len {
        let (start, end, reason) = if len - pos < unit {
            (pos, len, "truncated data")
        } else if unit == 4 {
            let ch = read(data, pos, 4, le);
            match char::from_u32(ch) {
                Some(c) => {
                    out.push(c);
                    pos += 4;
                    continue;
                }
                None if (0xd800..0xe000).contains(&ch) => (
                    pos,
                    pos + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)",
                ),
                None => (pos, pos + 4, "code point not in range(0x110000)"),
            }
        } else {
            let ch = read(data, pos, 2, le);
            if let Some(c) = char::from_u32(ch) {
                out.push(c);
                pos += 2;
                continue;
            }
            if ch >= 0xdc00 {
                (pos, pos + 2, "illegal encoding")
            } else if len - (pos + 2) < 2 {
                (pos, len, "unexpected end of data")
            } else {
                let lo = read(data, pos + 2, 2, le);
                if (0xdc00..0xe000).contains(&lo) {
                    let c = 0x10000 + ((ch - 0xd800) << 10) + (lo - 0xdc00);
                    out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                    pos += 4;
                    continue;
                }
                (pos, pos + 2, "illegal UTF-16 surrogate")
            }
        };
        match handler(errors, true)? {
            Handler::Strict => return Err(decode_error(named, data, start, end, reason)),
            h => push_decode_replacement(&mut out, h, &data[start..end]),
        }
        pos = end;
    }
    Ok(out)
}

/// `s.encode(codec)` for a UTF-16 or UTF-32 codec (a Rust str cannot hold what these
/// codecs refuse, so there are no errors).
pub(super) fn encode(codec: Codec, s: &str) -> Vec<u8> {
    let (unit, order) = match codec {
        Codec::Utf32(o) => (4, o),
        Codec::Utf16(o) => (2, o),
        _ => (2, Order::Le),
    };
    let mut out = Vec::with_capacity(s.len() * unit + unit);
    let le = order != Order::Be;
    let mut put = |v: u32| {
        let bytes = if unit == 2 {
            let b = (v as u16).to_le_bytes();
            if le {
                b.to_vec()
            } else {
                vec![b[1], b[0]]
            }
        } else if le {
            v.to_le_bytes().to_vec()
        } else {
            v.to_be_bytes().to_vec()
        };
        out.extend_from_slice(&bytes);
    };
    if order == Order::Bom {
        put(0xfeff);
    }
    for c in s.chars() {
        if unit == 4 {
            put(c as u32);
        } else {
            let mut buf = [0u16; 2];
            for u in c.encode_utf16(&mut buf) {
                put(*u as u32);
            }
        }
    }
    out
}
