//! Tests of `codecs`: each row holds the arguments and what python3 printed for
//! `repr(data.decode(encoding, errors))`, `repr(s.encode(encoding, errors))`,
//! `repr(data.hex(sep, n))` or `repr(bytes.fromhex(s))` (exceptions as "Type: message").

use super::*;
use crate::text::repr::{repr_bytes, repr_str};

fn shown(e: TextError) -> String {
    format!("{}: {}", e.exc.name(), e.msg)
}

#[test]
fn decoding() {
    let cases: &[(&[u8], &str, &str, &str)] = &[
        (&b"\xff"[..], "utf-8", "strict", "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
        (&b"\xe2\x82"[..], "utf-8", "strict", "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"),
        (&b"\xe2("[..], "utf-8", "strict", "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte"),
        (&b"ab\xf0\x9f\x98X"[..], "utf-8", "strict", "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 2-4: invalid continuation byte"),
        (&b"\xed\xa0\x80"[..], "utf-8", "strict", "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"),
        (&b"\xc0\x80"[..], "utf8", "strict", "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"),
        (&b"\xe0\x80"[..], "UTF_8", "strict", "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe0 in position 0: invalid continuation byte"),
        (&b"a\xffb\xe2\x82"[..], "utf-8", "replace", "'a\u{fffd}b\u{fffd}'"),
        (&b"a\xffb\xe2\x82"[..], "utf-8", "ignore", "'ab'"),
        (&b"a\xffb\xe2\x82"[..], "utf-8", "backslashreplace", "'a\\\\xffb\\\\xe2\\\\x82'"),
        (&b"a\xff"[..], "utf-8", "bogus", "LookupError: unknown error handler name 'bogus'"),
        (&b"a"[..], "utf-8", "bogus", "'a'"),
        (&b"\xf4\x90\x80\x80"[..], "utf-8", "replace", "'\u{fffd}\u{fffd}\u{fffd}\u{fffd}'"),
        (&b"\xf0\x80\x80"[..], "utf-8", "replace", "'\u{fffd}\u{fffd}\u{fffd}'"),
        (&b"\xe2\x82\xe2\x82\xac"[..], "utf-8", "replace", "'\u{fffd}\u{20ac}'"),
        (&b"\xf8\x88\x80\x80\x80"[..], "utf-8", "replace", "'\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}'"),
        (&b"\xff"[..], "utf-8", "xmlcharrefreplace", "TypeError: don't know how to handle UnicodeDecodeError in error callback"),
        (&b"\xff"[..], "utf-8", "surrogatepass", "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
        (&b"\xf0\x9f\x98\x80\xc3\xa9"[..], "utf-8", "strict", "'\u{1f600}\u{e9}'"),
        (&b"\x80abc"[..], "u8", "strict", "UnicodeDecodeError: 'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte"),
        (&b"\xff\xfe"[..], "ascii", "strict", "UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 0: ordinal not in range(128)"),
        (&b"a\xff\xfe"[..], "ascii", "replace", "'a\u{fffd}\u{fffd}'"),
        (&b"a\xff"[..], "ascii", "backslashreplace", "'a\\\\xff'"),
        (&b"a\xffb"[..], "us-ascii", "ignore", "'ab'"),
        (&b"\xff"[..], "ascii", "namereplace", "TypeError: don't know how to handle UnicodeDecodeError in error callback"),
        (&b"abc"[..], "ascii", "strict", "'abc'"),
        (&b"\xff\x00a"[..], "latin-1", "strict", "'\u{ff}\\x00a'"),
        (&b"\xe9"[..], "ISO-8859-1", "strict", "'\u{e9}'"),
        (&b"a"[..], "foo", "strict", "LookupError: unknown encoding: foo"),
    ];
    for &(data, encoding, errors, want) in cases {
        let got = lookup(encoding)
            .and_then(|c| decode(c, data, errors))
            .map_or_else(shown, |s| repr_str(&s));
        assert_eq!(got, want, "{data:?}.decode({encoding:?}, {errors:?})");
    }
}

#[test]
fn encoding() {
    let cases: &[(&str, &str, &str, &str)] = &[
        ("\u{20ac}", "latin-1", "strict", "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)"),
        ("a\u{20ac}\u{20ac}b\u{20ac}", "latin-1", "strict", "UnicodeEncodeError: 'latin-1' codec can't encode characters in position 1-2: ordinal not in range(256)"),
        ("\u{e9}", "ascii", "strict", "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)"),
        ("\u{1f600}", "ascii", "strict", "UnicodeEncodeError: 'ascii' codec can't encode character '\\U0001f600' in position 0: ordinal not in range(128)"),
        ("\u{100}", "latin1", "strict", "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u0100' in position 0: ordinal not in range(256)"),
        ("a\u{e9}\u{20ac}\u{1f600}", "ascii", "replace", "b'a???'"),
        ("a\u{e9}\u{20ac}\u{1f600}", "ascii", "backslashreplace", "b'a\\\\xe9\\\\u20ac\\\\U0001f600'"),
        ("a\u{e9}\u{20ac}\u{1f600}", "ascii", "xmlcharrefreplace", "b'a&#233;&#8364;&#128512;'"),
        ("a\u{e9}\u{20ac}", "ascii", "ignore", "b'a'"),
        ("a\u{e9}", "ascii", "bogus", "LookupError: unknown error handler name 'bogus'"),
        ("a", "ascii", "bogus", "b'a'"),
        ("\u{20ac}", "iso8859-1", "strict", "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)"),
        ("\u{20ac}", "l1", "strict", "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)"),
        ("\u{e9}", "us-ascii", "strict", "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)"),
        ("\u{e9}", "ascii", "surrogateescape", "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)"),
        ("a\u{20ac}b", "latin-1", "replace", "b'a?b'"),
        ("\u{e9}\u{20ac}", "utf-8", "strict", "b'\\xc3\\xa9\\xe2\\x82\\xac'"),
        ("\u{e9}", "latin-1", "strict", "b'\\xe9'"),
        ("x", "foo", "strict", "LookupError: unknown encoding: foo"),
        ("x", "Latin 1", "strict", "b'x'"),
        ("x", "UTF-8!", "strict", "b'x'"),
    ];
    for &(s, encoding, errors, want) in cases {
        let got = lookup(encoding)
            .and_then(|c| encode(c, s, errors))
            .map_or_else(shown, |b| repr_bytes(&b));
        assert_eq!(got, want, "{s:?}.encode({encoding:?}, {errors:?})");
    }
}

#[test]
fn codec_error_fields() {
    // python3: e = b'ab\xf0\x9f\x98X'.decode() -> e.start, e.end, e.reason = 2, 5, 'invalid ...'
    let e = decode(Codec::Utf8, b"ab\xf0\x9f\x98X", "strict").unwrap_err();
    let info = e.codec.unwrap();
    assert_eq!(
        (info.encoding, info.start, info.end, info.reason),
        ("utf-8", 2, 5, "invalid continuation byte")
    );
    // python3: '\u20ac\u20ac'.encode('latin-1') -> start 0, end 2
    let e = encode(Codec::Latin1, "€€", "strict").unwrap_err();
    assert_eq!(e.exc, ExcType::UnicodeEncodeError);
    let info = e.codec.unwrap();
    assert_eq!((info.start, info.end), (0, 2));
}

#[test]
fn hex_and_fromhex() {
    let cases: &[(&[u8], Option<HexSep<'_>>, isize, &str)] = &[
        (&b"\x01\x02\x03"[..], Some(HexSep::Str(":")), 2, "'01:0203'"),
        (
            &b"\x01\x02\x03"[..],
            Some(HexSep::Str(":")),
            -2,
            "'0102:03'",
        ),
        (
            &b"\x01\x02\x03"[..],
            Some(HexSep::Str("::")),
            1,
            "ValueError: sep must be length 1.",
        ),
        (
            &b"\x01\x02\x03"[..],
            Some(HexSep::Str("\u{e9}")),
            1,
            "ValueError: sep must be ASCII.",
        ),
        (
            &b"\x01\x02\x03"[..],
            Some(HexSep::Bytes(&b"-"[..])),
            1,
            "'01-02-03'",
        ),
        (&b""[..], Some(HexSep::Str(":")), 1, "''"),
        (&b"\x01\x02\x03"[..], Some(HexSep::Str(":")), 0, "'010203'"),
        (
            &b"\x01\x02\x03\x04\x05"[..],
            Some(HexSep::Str(" ")),
            2,
            "'01 0203 0405'",
        ),
        (&b"\xab"[..], None, 1, "'ab'"),
        (&b"\x01\x02\x03"[..], Some(HexSep::Str(":")), 5, "'010203'"),
        (&b"\x01\x02\x03"[..], Some(HexSep::Str(":")), -5, "'010203'"),
        (
            &b"\x01\x02"[..],
            Some(HexSep::Bytes(&b"\xff"[..])),
            1,
            "ValueError: sep must be ASCII.",
        ),
        (
            &b"\x01\x02"[..],
            Some(HexSep::Str("\u{e9}\u{e9}")),
            1,
            "ValueError: sep must be length 1.",
        ),
        (
            &b"\x01\x02\x03\x04\x05"[..],
            Some(HexSep::Str("_")),
            -2,
            "'0102_0304_05'",
        ),
    ];
    for &(data, sep, n, want) in cases {
        let got = hex(data, sep, n).map_or_else(shown, |s| repr_str(&s));
        assert_eq!(got, want, "{data:?}.hex({sep:?}, {n})");
    }
    let cases: &[(&str, &str)] = &[
        (
            "0",
            "ValueError: non-hexadecimal number found in fromhex() arg at position 1",
        ),
        (
            "0 1",
            "ValueError: non-hexadecimal number found in fromhex() arg at position 1",
        ),
        (" 01 02\u{9}\u{a}0a ", "b'\\x01\\x02\\n'"),
        (
            "0g",
            "ValueError: non-hexadecimal number found in fromhex() arg at position 1",
        ),
        (
            "g0",
            "ValueError: non-hexadecimal number found in fromhex() arg at position 0",
        ),
        (
            "01\u{1c}02",
            "ValueError: non-hexadecimal number found in fromhex() arg at position 2",
        ),
        (
            "\u{e9}0",
            "ValueError: non-hexadecimal number found in fromhex() arg at position 0",
        ),
        ("AbCd", "b'\\xab\\xcd'"),
        ("", "b''"),
        (
            "012",
            "ValueError: non-hexadecimal number found in fromhex() arg at position 3",
        ),
        (
            "zz \u{e9}",
            "ValueError: non-hexadecimal number found in fromhex() arg at position 3",
        ),
        (
            "0\u{b}1",
            "ValueError: non-hexadecimal number found in fromhex() arg at position 1",
        ),
        ("01 \u{c}", "b'\\x01'"),
    ];
    for &(s, want) in cases {
        let got = fromhex(s).map_or_else(shown, |b| repr_bytes(&b));
        assert_eq!(got, want, "bytes.fromhex({s:?})");
    }
}

#[test]
fn wide_codecs() {
    // Rows: python3's repr(data.decode(encoding, errors)), or its exception.
    let cases: &[(&[u8], &str, &str, &str)] = &[
        (&b"\x61"[..], "utf-16-le", "strict", "UnicodeDecodeError: 'utf-16-le' codec can't decode byte 0x61 in position 0: truncated data"),
        (&b"\x61"[..], "utf-16-le", "replace", "'\u{fffd}'"),
        (&b"\x61"[..], "utf-16-le", "ignore", "''"),
        (&b"\x61"[..], "utf-16-le", "backslashreplace", "'\\\\x61'"),
        (&b"\x00\xd8"[..], "utf-16-le", "strict", "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: unexpected end of data"),
        (&b"\x00\xd8"[..], "utf-16-le", "replace", "'\u{fffd}'"),
        (&b"\x00\xd8"[..], "utf-16-le", "ignore", "''"),
        (&b"\x00\xd8"[..], "utf-16-le", "backslashreplace", "'\\\\x00\\\\xd8'"),
        (&b"\x00\xdc\x61\x00"[..], "utf-16-le", "strict", "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding"),
        (&b"\x00\xdc\x61\x00"[..], "utf-16-le", "replace", "'\u{fffd}a'"),
        (&b"\x00\xdc\x61\x00"[..], "utf-16-le", "ignore", "'a'"),
        (&b"\x00\xdc\x61\x00"[..], "utf-16-le", "backslashreplace", "'\\\\x00\\\\xdca'"),
        (&b"\x00\xd8\x61\x00"[..], "utf-16-le", "strict", "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate"),
        (&b"\x00\xd8\x61\x00"[..], "utf-16-le", "replace", "'\u{fffd}a'"),
        (&b"\x00\xd8\x61\x00"[..], "utf-16-le", "ignore", "'a'"),
        (&b"\x00\xd8\x61\x00"[..], "utf-16-le", "backslashreplace", "'\\\\x00\\\\xd8a'"),
        (&b"\x00\xd8\x61"[..], "utf-16-le", "strict", "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-2: unexpected end of data"),
        (&b"\x00\xd8\x61"[..], "utf-16-le", "replace", "'\u{fffd}'"),
        (&b"\x00\xd8\x61"[..], "utf-16-le", "ignore", "''"),
        (&b"\x00\xd8\x61"[..], "utf-16-le", "backslashreplace", "'\\\\x00\\\\xd8\\\\x61'"),
        (&b"\x61\x62\x63"[..], "utf-16", "strict", "UnicodeDecodeError: 'utf-16-le' codec can't decode byte 0x63 in position 2: truncated data"),
        (&b"\x61\x62\x63"[..], "utf-16", "replace", "'\u{6261}\u{fffd}'"),
        (&b"\x61\x62\x63"[..], "utf-16", "ignore", "'\u{6261}'"),
        (&b"\x61\x62\x63"[..], "utf-16", "backslashreplace", "'\u{6261}\\\\x63'"),
        (&b"\xff\xfe\x61\x00"[..], "utf-16", "strict", "'a'"),
        (&b"\xff\xfe\x61\x00"[..], "utf-16", "replace", "'a'"),
        (&b"\xff\xfe\x61\x00"[..], "utf-16", "ignore", "'a'"),
        (&b"\xff\xfe\x61\x00"[..], "utf-16", "backslashreplace", "'a'"),
        (&b"\xfe\xff\x00\x61"[..], "utf-16", "strict", "'a'"),
        (&b"\xfe\xff\x00\x61"[..], "utf-16", "replace", "'a'"),
        (&b"\xfe\xff\x00\x61"[..], "utf-16", "ignore", "'a'"),
        (&b"\xfe\xff\x00\x61"[..], "utf-16", "backslashreplace", "'a'"),
        (&b"\xfe\xff\x00"[..], "utf-16", "strict", "UnicodeDecodeError: 'utf-16-be' codec can't decode byte 0x00 in position 2: truncated data"),
        (&b"\xfe\xff\x00"[..], "utf-16", "replace", "'\u{fffd}'"),
        (&b"\xfe\xff\x00"[..], "utf-16", "ignore", "''"),
        (&b"\xfe\xff\x00"[..], "utf-16", "backslashreplace", "'\\\\x00'"),
        (&b"\x00\x61"[..], "utf-16-be", "strict", "'a'"),
        (&b"\x00\x61"[..], "utf-16-be", "replace", "'a'"),
        (&b"\x00\x61"[..], "utf-16-be", "ignore", "'a'"),
        (&b"\x00\x61"[..], "utf-16-be", "backslashreplace", "'a'"),
        (&b"\x61\x00\x00\x00"[..], "utf-32", "strict", "'a'"),
        (&b"\x61\x00\x00\x00"[..], "utf-32", "replace", "'a'"),
        (&b"\x61\x00\x00\x00"[..], "utf-32", "ignore", "'a'"),
        (&b"\x61\x00\x00\x00"[..], "utf-32", "backslashreplace", "'a'"),
        (&b"\x00\x00\x11\x00"[..], "utf-32-le", "strict", "UnicodeDecodeError: 'utf-32-le' codec can't decode bytes in position 0-3: code point not in range(0x110000)"),
        (&b"\x00\x00\x11\x00"[..], "utf-32-le", "replace", "'\u{fffd}'"),
        (&b"\x00\x00\x11\x00"[..], "utf-32-le", "ignore", "''"),
        (&b"\x00\x00\x11\x00"[..], "utf-32-le", "backslashreplace", "'\\\\x00\\\\x00\\\\x11\\\\x00'"),
        (&b"\x00\xd8\x00\x00"[..], "utf-32-le", "strict", "UnicodeDecodeError: 'utf-32-le' codec can't decode bytes in position 0-3: code point in surrogate code point range(0xd800, 0xe000)"),
        (&b"\x00\xd8\x00\x00"[..], "utf-32-le", "replace", "'\u{fffd}'"),
        (&b"\x00\xd8\x00\x00"[..], "utf-32-le", "ignore", "''"),
        (&b"\x00\xd8\x00\x00"[..], "utf-32-le", "backslashreplace", "'\\\\x00\\\\xd8\\\\x00\\\\x00'"),
        (&b"\x61\x62"[..], "utf-32-le", "strict", "UnicodeDecodeError: 'utf-32-le' codec can't decode bytes in position 0-1: truncated data"),
        (&b"\x61\x62"[..], "utf-32-le", "replace", "'\u{fffd}'"),
        (&b"\x61\x62"[..], "utf-32-le", "ignore", "''"),
        (&b"\x61\x62"[..], "utf-32-le", "backslashreplace", "'\\\\x61\\\\x62'"),
        (&b"\xff\xfe\x00\x00\x61\x00\x00\x00"[..], "utf-32", "strict", "'a'"),
        (&b"\xff\xfe\x00\x00\x61\x00\x00\x00"[..], "utf-32", "replace", "'a'"),
        (&b"\xff\xfe\x00\x00\x61\x00\x00\x00"[..], "utf-32", "ignore", "'a'"),
        (&b"\xff\xfe\x00\x00\x61\x00\x00\x00"[..], "utf-32", "backslashreplace", "'a'"),
        (&b"\x00\x00\xfe\xff\x00\x00\x00\x61\x00"[..], "utf-32", "strict", "UnicodeDecodeError: 'utf-32-be' codec can't decode byte 0x00 in position 8: truncated data"),
        (&b"\x00\x00\xfe\xff\x00\x00\x00\x61\x00"[..], "utf-32", "replace", "'a\u{fffd}'"),
        (&b"\x00\x00\xfe\xff\x00\x00\x00\x61\x00"[..], "utf-32", "ignore", "'a'"),
        (&b"\x00\x00\xfe\xff\x00\x00\x00\x61\x00"[..], "utf-32", "backslashreplace", "'a\\\\x00'"),
        (&b"\x00\xd8\x78\x00\x00\xdc"[..], "utf-16-le", "strict", "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate"),
        (&b"\x00\xd8\x78\x00\x00\xdc"[..], "utf-16-le", "replace", "'\u{fffd}x\u{fffd}'"),
        (&b"\x00\xd8\x78\x00\x00\xdc"[..], "utf-16-le", "ignore", "'x'"),
        (&b"\x00\xd8\x78\x00\x00\xdc"[..], "utf-16-le", "backslashreplace", "'\\\\x00\\\\xd8x\\\\x00\\\\xdc'"),
        (&b"\x3d\xd8\x00\xde"[..], "utf_16le", "strict", "'\u{1f600}'"),
        (&b"\x3d\xd8\x00\xde"[..], "utf_16le", "replace", "'\u{1f600}'"),
        (&b"\x3d\xd8\x00\xde"[..], "utf_16le", "ignore", "'\u{1f600}'"),
        (&b"\x3d\xd8\x00\xde"[..], "utf_16le", "backslashreplace", "'\u{1f600}'"),
        (&b"\xd8\x3d\xde\x00"[..], "UTF-16BE", "strict", "'\u{1f600}'"),
        (&b"\xd8\x3d\xde\x00"[..], "UTF-16BE", "replace", "'\u{1f600}'"),
        (&b"\xd8\x3d\xde\x00"[..], "UTF-16BE", "ignore", "'\u{1f600}'"),
        (&b"\xd8\x3d\xde\x00"[..], "UTF-16BE", "backslashreplace", "'\u{1f600}'"),
    ];
    for &(data, encoding, errors, want) in cases {
        let got = lookup(encoding)
            .and_then(|c| decode(c, data, errors))
            .map_or_else(shown, |s| repr_str(&s));
        assert_eq!(got, want, "{data:?}.decode({encoding:?}, {errors:?})");
    }
    // Rows: python3's repr(s.encode(encoding)).
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "a\u{20ac}\u{1f600}",
            "utf-16",
            "strict",
            "b'\\xff\\xfea\\x00\\xac =\\xd8\\x00\\xde'",
        ),
        ("", "utf-16", "strict", "b'\\xff\\xfe'"),
        (
            "a\u{20ac}\u{1f600}",
            "utf-16-le",
            "strict",
            "b'a\\x00\\xac =\\xd8\\x00\\xde'",
        ),
        ("", "utf-16-le", "strict", "b''"),
        (
            "a\u{20ac}\u{1f600}",
            "utf-16be",
            "strict",
            "b'\\x00a \\xac\\xd8=\\xde\\x00'",
        ),
        ("", "utf-16be", "strict", "b''"),
        (
            "a\u{20ac}\u{1f600}",
            "utf-32",
            "strict",
            "b'\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00\\xac \\x00\\x00\\x00\\xf6\\x01\\x00'",
        ),
        ("", "utf-32", "strict", "b'\\xff\\xfe\\x00\\x00'"),
        (
            "a\u{20ac}\u{1f600}",
            "utf_32_le",
            "strict",
            "b'a\\x00\\x00\\x00\\xac \\x00\\x00\\x00\\xf6\\x01\\x00'",
        ),
        ("", "utf_32_le", "strict", "b''"),
        (
            "a\u{20ac}\u{1f600}",
            "UTF-32BE",
            "strict",
            "b'\\x00\\x00\\x00a\\x00\\x00 \\xac\\x00\\x01\\xf6\\x00'",
        ),
        ("", "UTF-32BE", "strict", "b''"),
        (
            "a\u{20ac}\u{1f600}",
            "u16",
            "strict",
            "b'\\xff\\xfea\\x00\\xac =\\xd8\\x00\\xde'",
        ),
        ("", "u16", "strict", "b'\\xff\\xfe'"),
        (
            "a\u{20ac}\u{1f600}",
            "u32",
            "strict",
            "b'\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00\\xac \\x00\\x00\\x00\\xf6\\x01\\x00'",
        ),
        ("", "u32", "strict", "b'\\xff\\xfe\\x00\\x00'"),
    ];
    for &(s, encoding, errors, want) in cases {
        let got = lookup(encoding)
            .and_then(|c| encode(c, s, errors))
            .map_or_else(shown, |b| repr_bytes(&b));
        assert_eq!(got, want, "{s:?}.encode({encoding:?})");
    }
}
