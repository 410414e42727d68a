//! `repr()` and `ascii()` of str, bytes and bytearray, with CPython's quoting and escapes.
//!
//! A str repr is quoted with `'` unless the text holds `'` and no `"`; backslash, the
//! chosen quote, `\t`, `\n` and `\r` get backslash escapes; other ASCII control chars
//! and DEL become `\xNN`; non-ASCII chars stay as they are when printable (CPython's
//! `isprintable`) and otherwise become `\xNN`, `\uNNNN` or `\UNNNNNNNN`. `ascii()` is the
//! repr with every non-ASCII char escaped the same way. Bytes follow the same quoting
//! rule and escape every byte outside `0x20..0x7f`.
//!
//! What must hold: the output equals CPython 3.11's `repr`/`ascii` and, for str and
//! bytes, evaluates back to the input.

use std::fmt::Write;

use super::unicode::is_printable;

/// The quote CPython picks for a repr: `"` only when the text has `'` and no `"`.
fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// Appends the `\x`/`\u`/`\U` escape of `c`, using the shortest form that fits.
fn push_hex_escape(out: &mut String, c: char) {
    let u = c as u32;
    // Writing to a String cannot fail.
    let _ = if u <= 0xff {
        write!(out, "\\x{u:02x}")
    } else if u <= 0xffff {
        write!(out, "\\u{u:04x}")
    } else {
        write!(out, "\\U{u:08x}")
    };
}

/// `repr(s)` for a str.
pub fn repr_str(s: &str) -> String {
    let quote = pick_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if !c.is_ascii() && is_printable(c) => out.push(c),
            c => push_hex_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// Escapes every non-ASCII char of `s` (`ascii(x)` is `ascii_escape(&repr(x))`).
pub fn ascii_escape(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_hex_escape(&mut out, c);
        }
    }
    out
}

/// `ascii(s)` for a str.
pub fn ascii_str(s: &str) -> String {
    ascii_escape(&repr_str(s))
}

/// Appends `b'...'` for the bytes `b`. `escape_single` escapes `'` even inside
/// double quotes, as CPython's bytearray repr does.
fn push_bytes_literal(out: &mut String, b: &[u8], escape_single: bool) {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"'));
    out.push('b');
    out.push(quote);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            x if x as char == quote || (escape_single && x == b'\'') => {
                out.push('\\');
                out.push(x as char);
            }
            0x20..=0x7e => out.push(x as char),
            x => {
                let _ = write!(out, "\\x{x:02x}");
            }
        }
    }
    out.push(quote);
}

/// `repr(b)` for bytes: `b'...'`.
pub fn repr_bytes(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 3);
    push_bytes_literal(&mut out, b, false);
    out
}

/// `repr(b)` for a bytearray (or a subclass, given its type name): `bytearray(b'...')`.
pub fn repr_bytearray(type_name: &str, b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + type_name.len() + 5);
    out.push_str(type_name);
    out.push('(');
    push_bytes_literal(&mut out, b, true);
    out.push(')');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_repr() {
        // python3: for s in ["a'b", 'a"b', 'a\'"b', 'x\\y', '\t\n\r\x00\x1f\x7f',
        //   '\x80\xa0\xad\xe9', '\u2028\u20ac\ufeff', '\U0001f600\U000e0001\U0010ffff', '']:
        //   print(repr(s), ascii(s))
        let cases = [
            ("a'b", "\"a'b\"", "\"a'b\""),
            ("a\"b", "'a\"b'", "'a\"b'"),
            ("a'\"b", "'a\\'\"b'", "'a\\'\"b'"),
            ("x\\y", "'x\\\\y'", "'x\\\\y'"),
            (
                "\t\n\r\x00\x1f\x7f",
                "'\\t\\n\\r\\x00\\x1f\\x7f'",
                "'\\t\\n\\r\\x00\\x1f\\x7f'",
            ),
            (
                "\u{80}\u{a0}\u{ad}\u{e9}",
                "'\\x80\\xa0\\xadé'",
                "'\\x80\\xa0\\xad\\xe9'",
            ),
            (
                "\u{2028}\u{20ac}\u{feff}",
                "'\\u2028€\\ufeff'",
                "'\\u2028\\u20ac\\ufeff'",
            ),
            (
                "\u{1f600}\u{e0001}\u{10ffff}",
                "'😀\\U000e0001\\U0010ffff'",
                "'\\U0001f600\\U000e0001\\U0010ffff'",
            ),
            ("", "''", "''"),
        ];
        for (s, r, a) in cases {
            assert_eq!(repr_str(s), r, "repr of {s:?}");
            assert_eq!(ascii_str(s), a, "ascii of {s:?}");
        }
        // python3: ascii([1, 'é']) -> "[1, '\\xe9']"
        assert_eq!(ascii_escape("[1, 'é']"), "[1, '\\xe9']");
    }

    #[test]
    fn bytes_repr() {
        // python3: for b in [b"a'b", b'a"b', b'a\'"b', b'\\\t\n\r\x00\x7f\x80\xff', b'']:
        //   print(repr(b))  ;  repr(bytearray(b'x')) -> "bytearray(b'x')"
        let cases: [(&[u8], &str); 5] = [
            (b"a'b", "b\"a'b\""),
            (b"a\"b", "b'a\"b'"),
            (b"a'\"b", "b'a\\'\"b'"),
            (
                b"\\\t\n\r\x00\x7f\x80\xff",
                "b'\\\\\\t\\n\\r\\x00\\x7f\\x80\\xff'",
            ),
            (b"", "b''"),
        ];
        for (b, r) in cases {
            assert_eq!(repr_bytes(b), r);
        }
        assert_eq!(repr_bytearray("bytearray", b"x"), "bytearray(b'x')");
        // python3: repr(bytearray(b"a'b")) -> 'bytearray(b"a\\\'b")'
        assert_eq!(repr_bytearray("bytearray", b"a'b"), "bytearray(b\"a\\'b\")");
        assert_eq!(repr_bytearray("bytearray", b"\"'"), "bytearray(b'\"\\'')");
    }
}
