//! Tests of `bytesmethods`. Each row calls a function and compares the Python repr of
//! its result with what python3 printed for the expression in the row's comment
//! (exceptions as "Type: message").

use super::*;
use crate::text::repr::repr_bytes;

/// Python's repr of a result.
trait Py {
    fn py(&self) -> String;
}

impl Py for [u8] {
    fn py(&self) -> String {
        repr_bytes(self)
    }
}
impl Py for &[u8] {
    fn py(&self) -> String {
        repr_bytes(self)
    }
}
impl Py for Vec<u8> {
    fn py(&self) -> String {
        repr_bytes(self)
    }
}
impl Py for Vec<&[u8]> {
    fn py(&self) -> String {
        let items: Vec<String> = self.iter().map(|b| b.py()).collect();
        format!("[{}]", items.join(", "))
    }
}
impl Py for (&[u8], &[u8], &[u8]) {
    fn py(&self) -> String {
        format!("({}, {}, {})", self.0.py(), self.1.py(), self.2.py())
    }
}
impl Py for bool {
    fn py(&self) -> String {
        if *self { "True" } else { "False" }.into()
    }
}
impl Py for isize {
    fn py(&self) -> String {
        self.to_string()
    }
}
impl Py for usize {
    fn py(&self) -> String {
        self.to_string()
    }
}
impl<T: Py> Py for TextResult<T> {
    fn py(&self) -> String {
        match self {
            Ok(v) => v.py(),
            Err(e) => format!("{}: {}", e.exc.name(), e.msg),
        }
    }
}

#[allow(non_snake_case)]
fn S(b: &[u8]) -> Option<&[u8]> {
    Some(b)
}

fn check(got: String, want: &str) {
    assert_eq!(got, want);
}

#[test]
fn methods_match_cpython() {
    check(find(b"abcabc", b"c", None, None).py(), "2"); // b'abcabc'.find(b'c')
    check(rfind(b"abcabc", b"c", None, None).py(), "5"); // b'abcabc'.rfind(b'c')
    check(find(b"abcabc", b"c", Some(3), None).py(), "5"); // b'abcabc'.find(b'c', 3)
    check(find(b"abcabc", b"", Some(7), None).py(), "-1"); // b'abcabc'.find(b'', 7)
    check(find(b"abcabc", b"", Some(6), None).py(), "6"); // b'abcabc'.find(b'', 6)
    check(rfind(b"abcabc", b"", Some(1), Some(4)).py(), "4"); // b'abcabc'.rfind(b'', 1, 4)
    check(find(b"abcabc", b"bca", Some(-5), Some(-1)).py(), "1"); // b'abcabc'.find(b'bca', -5, -1)
    check(find(b"abcabc", b"bca", Some(-5), Some(-2)).py(), "1"); // b'abcabc'.find(b'bca', -5, -2)
    check(count(b"aaaa", b"aa", None, None).py(), "2"); // b'aaaa'.count(b'aa')
    check(count(b"abc", b"", None, None).py(), "4"); // b'abc'.count(b'')
    check(count(b"abc", b"", Some(5), None).py(), "0"); // b'abc'.count(b'', 5)
    check(
        index(b"abc", b"z", None, None).py(),
        "ValueError: subsection not found",
    ); // b'abc'.index(b'z')
    check(rindex(b"abc", b"b", None, None).py(), "1"); // b'abc'.rindex(b'b')
    check(startswith(b"abc", b"", Some(4), None).py(), "False"); // b'abc'.startswith(b'', 4)
    check(startswith(b"abc", b"bc", Some(1), None).py(), "True"); // b'abc'.startswith(b'bc', 1)
    check(endswith(b"abc", b"ab", Some(0), Some(2)).py(), "True"); // b'abc'.endswith(b'ab', 0, 2)
    check(replace(b"abc", b"", b"-", -1).py(), "b'-a-b-c-'"); // b'abc'.replace(b'', b'-')
    check(replace(b"abc", b"", b"-", 2).py(), "b'-a-bc'"); // b'abc'.replace(b'', b'-', 2)
    check(replace(b"", b"", b"x", -1).py(), "b'x'"); // b''.replace(b'', b'x')
    check(replace(b"aaa", b"a", b"bb", 2).py(), "b'bbbba'"); // b'aaa'.replace(b'a', b'bb', 2)
    check(replace(b"a.b.c", b".", b"", -1).py(), "b'abc'"); // b'a.b.c'.replace(b'.', b'')
    check(split(b" a\x0b b\x85 ", None, -1).py(), "[b'a', b'b\\x85']"); // b' a\x0b b\x85 '.split()
    check(split(b"  a b  c  ", None, 1).py(), "[b'a', b'b  c  ']"); // b'  a b  c  '.split(None, 1)
    check(rsplit(b"  a b  c  ", None, 1).py(), "[b'  a b', b'c']"); // b'  a b  c  '.rsplit(None, 1)
    check(split(b"a\x1cb", None, -1).py(), "[b'a\\x1cb']"); // b'a\x1cb'.split()
    check(split(b"a,b,,c", S(b","), 2).py(), "[b'a', b'b', b',c']"); // b'a,b,,c'.split(b',', 2)
    check(rsplit(b"a,b,,c", S(b","), 2).py(), "[b'a,b', b'', b'c']"); // b'a,b,,c'.rsplit(b',', 2)
    check(
        split(b"abc", S(b""), -1).py(),
        "ValueError: empty separator",
    ); // b'abc'.split(b'')
    check(split(b"", None, -1).py(), "[]"); // b''.split()
    check(split(b"", S(b"x"), -1).py(), "[b'']"); // b''.split(b'x')
    check(rsplit(b"  ", None, 0).py(), "[]"); // b'  '.rsplit(None, 0)
    check(rsplit(b" a ", None, 0).py(), "[b' a']"); // b' a '.rsplit(None, 0)
    check(
        splitlines(b"a\rb\nc\r\nd\x0be\x1cf", false).py(),
        "[b'a', b'b', b'c', b'd\\x0be\\x1cf']",
    ); // b'a\rb\nc\r\nd\x0be\x1cf'.splitlines()
    check(
        splitlines(b"a\r\n\rb\n", true).py(),
        "[b'a\\r\\n', b'\\r', b'b\\n']",
    ); // b'a\r\n\rb\n'.splitlines(True)
    check(partition(b"a=b=c", b"=").py(), "(b'a', b'=', b'b=c')"); // b'a=b=c'.partition(b'=')
    check(rpartition(b"a=b=c", b"=").py(), "(b'a=b', b'=', b'c')"); // b'a=b=c'.rpartition(b'=')
    check(partition(b"abc", b"x").py(), "(b'abc', b'', b'')"); // b'abc'.partition(b'x')
    check(rpartition(b"abc", b"x").py(), "(b'', b'', b'abc')"); // b'abc'.rpartition(b'x')
    check(partition(b"abc", b"").py(), "ValueError: empty separator"); // b'abc'.partition(b'')
    check(strip(b" \t a \x0c", None).py(), "b'a'"); // b' \t a \x0c'.strip()
    check(strip(b"\x1c a", None).py(), "b'\\x1c a'"); // b'\x1c a'.strip()
    check(strip(b"xyaxy", S(b"xy")).py(), "b'a'"); // b'xyaxy'.strip(b'xy')
    check(lstrip(b"xyaxy", S(b"x")).py(), "b'yaxy'"); // b'xyaxy'.lstrip(b'x')
    check(rstrip(b"xyaxy", S(b"y")).py(), "b'xyax'"); // b'xyaxy'.rstrip(b'y')
    check(strip(b"xx", S(b"x")).py(), "b''"); // b'xx'.strip(b'x')
    check(removeprefix(b"abc", b"ab").py(), "b'c'"); // b'abc'.removeprefix(b'ab')
    check(removesuffix(b"abc", b"x").py(), "b'abc'"); // b'abc'.removesuffix(b'x')
    check(
        title(b"Hello wORLD 3rd \xe9x").py(),
        "b'Hello World 3Rd \\xe9X'",
    ); // b'Hello wORLD 3rd \xe9x'.title()
    check(capitalize(b"hELLO \xe9X").py(), "b'Hello \\xe9x'"); // b'hELLO \xe9X'.capitalize()
    check(swapcase(b"aB\xe9").py(), "b'Ab\\xe9'"); // b'aB\xe9'.swapcase()
    check(upper(b"aB\xe9").py(), "b'AB\\xe9'"); // b'aB\xe9'.upper()
    check(lower(b"aB\xe9").py(), "b'ab\\xe9'"); // b'aB\xe9'.lower()
    check(istitle(b"Ab Cd").py(), "True"); // b'Ab Cd'.istitle()
    check(istitle(b"AB").py(), "False"); // b'AB'.istitle()
    check(isascii(b"").py(), "True"); // b''.isascii()
    check(isascii(b"\x80").py(), "False"); // b'\x80'.isascii()
    check(isalnum(b"a1").py(), "True"); // b'a1'.isalnum()
    check(isalpha(b"\xe9").py(), "False"); // b'\xe9'.isalpha()
    check(isspace(b" \x0b").py(), "True"); // b' \x0b'.isspace()
    check(isspace(b"\x1c").py(), "False"); // b'\x1c'.isspace()
    check(isdigit(b"").py(), "False"); // b''.isdigit()
    check(isdigit(b"12").py(), "True"); // b'12'.isdigit()
    check(islower(b"a1").py(), "True"); // b'a1'.islower()
    check(islower(b"1").py(), "False"); // b'1'.islower()
    check(isupper(b"A1b").py(), "False"); // b'A1b'.isupper()
    check(isupper(b"A1").py(), "True"); // b'A1'.isupper()
    check(center(b"abc", 6, b'*').py(), "b'*abc**'"); // b'abc'.center(6, b'*')
    check(center(b"ab", 5, b'*').py(), "b'**ab*'"); // b'ab'.center(5, b'*')
    check(center(b"a", 4, b'*').py(), "b'*a**'"); // b'a'.center(4, b'*')
    check(ljust(b"ab", 4, b'.').py(), "b'ab..'"); // b'ab'.ljust(4, b'.')
    check(rjust(b"ab", -4, b' ').py(), "b'ab'"); // b'ab'.rjust(-4)
    check(zfill(b"-42", 6).py(), "b'-00042'"); // b'-42'.zfill(6)
    check(zfill(b"+", 3).py(), "b'+00'"); // b'+'.zfill(3)
    check(zfill(b"4-2", 4).py(), "b'04-2'"); // b'4-2'.zfill(4)
    check(expandtabs(b"a\tb\xe9\tc", 4).py(), "b'a   b\\xe9  c'"); // b'a\tb\xe9\tc'.expandtabs(4)
    check(
        expandtabs(b"a\r\tb\n\t", 8).py(),
        "b'a\\r        b\\n        '",
    ); // b'a\r\tb\n\t'.expandtabs()
    check(expandtabs(b"a\tb", 0).py(), "b'ab'"); // b'a\tb'.expandtabs(0)
}

#[test]
fn search_agrees_with_naive() {
    // Rabin-Karp against a naive scan over every needle of a small alphabet.
    let hay = b"abaababaabaaabbbabab";
    for n in 1..6 {
        for start in 0..hay.len() - n {
            let needle = &hay[start..start + n];
            let naive = hay.windows(n).position(|w| w == needle);
            let rnaive = hay.windows(n).rposition(|w| w == needle);
            assert_eq!(find_bytes(hay, needle), naive);
            assert_eq!(rfind_bytes(hay, needle), rnaive);
        }
    }
    assert_eq!(find_bytes(b"ab", b"abc"), None);
    assert_eq!(rfind_bytes(b"ab", b""), Some(2));
    assert!(center(b"a", isize::MAX, b' ').is_err());
    assert!(expandtabs(b"\t\t", isize::MAX).is_err());
}
