//! The searching, splitting and stripping methods of `str`, as pure functions on `&str`.
//!
//! Indices in and out are code points, as in Python; `start`/`end` arguments go through
//! CPython's `ADJUST_INDICES` (`indices::adjust_indices`), and the empty-needle rules
//! follow CPython (`'abc'.count('') == 4`, `'abc'.find('', 5) == -1`). Searching runs on
//! the UTF-8 bytes with std's two-way search: a match of valid UTF-8 inside valid UTF-8
//! always starts on a char boundary, so byte offsets convert back to code points safely.
//! `split(None)`, `strip()` and `splitlines()` use CPython's whitespace and line-break
//! sets (`unicode::is_space`, `unicode::is_linebreak`), which are not Rust's.
//!
//! What must hold: each function returns what the `str` method of CPython 3.11 returns
//! for the same arguments, and never panics: slices are taken only at char boundaries.

use super::error::{size_mul_add, string_with_capacity, TextError, TextResult};
use super::indices::{adjust_indices, byte_offset, char_index, char_len, char_slice};
use super::unicode::{is_linebreak, is_space};

/// The byte range of code points `start..end` of `s` (`start <= end <= len`).
fn byte_range(s: &str, start: usize, end: usize) -> (usize, usize) {
    let b0 = byte_offset(s, start);
    (b0, b0 + byte_offset(&s[b0..], end - start))
}

/// Shared body of `find`/`rfind`: the code-point index of the first (or last) match.
fn find_impl(s: &str, sub: &str, start: Option<isize>, end: Option<isize>, rev: bool) -> isize {
    let (start, end) = adjust_indices(start, end, char_len(s));
    let sub_len = char_len(sub);
    if end < start || end - start < sub_len {
        return -1;
    }
    if sub.is_empty() {
        return if rev { end as isize } else { start as isize };
    }
    let (b0, b1) = byte_range(s, start, end);
    let hay = &s[b0..b1];
    let hit = if rev { hay.rfind(sub) } else { hay.find(sub) };
    match hit {
        Some(p) => (start + char_index(hay, p)) as isize,
        None => -1,
    }
}

/// `s.find(sub, start, end)`.
pub fn find(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> isize {
    find_impl(s, sub, start, end, false)
}

/// `s.rfind(sub, start, end)`.
pub fn rfind(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> isize {
    find_impl(s, sub, start, end, true)
}

/// `s.index(sub, start, end)`: `find` that raises `ValueError` on a miss.
pub fn index(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> TextResult<usize> {
    match find(s, sub, start, end) {
        -1 => Err(TextError::value("substring not found")),
        i => Ok(i as usize),
    }
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> TextResult<usize> {
    match rfind(s, sub, start, end) {
        -1 => Err(TextError::value("substring not found")),
        i => Ok(i as usize),
    }
}

/// `s.count(sub, start, end)`: non-overlapping matches; an empty `sub` matches at every
/// position of the slice, ends included.
pub fn count(s: &str, sub: &str, start: Option<isize>, end: Option<isize>) -> usize {
    let (start, end) = adjust_indices(start, end, char_len(s));
    if end < start || end - start < char_len(sub) {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    let (b0, b1) = byte_range(s, start, end);
    s[b0..b1].matches(sub).count()
}

/// `s.startswith(prefix, start, end)` for one prefix (the caller loops over a tuple).
pub fn startswith(s: &str, prefix: &str, start: Option<isize>, end: Option<isize>) -> bool {
    let (start, end) = adjust_indices(start, end, char_len(s));
    start <= end && char_slice(s, start, end).starts_with(prefix)
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<isize>, end: Option<isize>) -> bool {
    let (start, end) = adjust_indices(start, end, char_len(s));
    start <= end && char_slice(s, start, end).ends_with(suffix)
}

/// `s.replace(old, new, count)`; a negative `count` replaces every match. An empty
/// `old` inserts `new` before every character and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: isize) -> TextResult<String> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let n = s.matches(old).take(limit).count();
    if n == 0 {
        return Ok(s.to_string());
    }
    let grow = new.len().saturating_sub(old.len());
    let size = size_mul_add(n, grow, s.len())
        .map_err(|_| TextError::overflow("replace string is too long"))?;
    let mut out = string_with_capacity(size)?;
    let mut last = 0;
    for (p, m) in s.match_indices(old).take(n) {
        out.push_str(&s[last..p]);
        out.push_str(new);
        last = p + m.len();
    }
    out.push_str(&s[last..]);
    Ok(out)
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

/// `s * n`; `n <= 0` gives the empty string.
pub fn repeat(s: &str, n: isize) -> TextResult<String> {
    let n = usize::try_from(n).unwrap_or(0);
    if s.is_empty() || n == 0 {
        return Ok(String::new());
    }
    if s.len()
        .checked_mul(n)
        .is_none_or(|x| x > isize::MAX as usize)
    {
        return Err(TextError::overflow("repeated string is too long"));
    }
    let size = size_mul_add(s.len(), n, 0)?;
    let mut out = string_with_capacity(size)?;
    for _ in 0..n {
        out.push_str(s);
    }
    Ok(out)
}

fn max_count(maxsplit: isize) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

/// `s.split(sep, maxsplit)`; `sep = None` splits on runs of whitespace and drops empty
/// pieces. A negative `maxsplit` means no limit.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: isize) -> TextResult<Vec<&'a str>> {
    let mut left = max_count(maxsplit);
    let mut out = Vec::new();
    match sep {
        Some("") => return Err(TextError::value("empty separator")),
        Some(sep) => {
            let mut i = 0;
            while left > 0 {
                let Some(p) = s[i..].find(sep) else { break };
                out.push(&s[i..i + p]);
                i += p + sep.len();
                left -= 1;
            }
            out.push(&s[i..]);
        }
        None => {
            let mut rest = s;
            while left > 0 {
                rest = rest.trim_start_matches(is_space);
                if rest.is_empty() {
                    break;
                }
                let word_end = rest.find(is_space).unwrap_or(rest.len());
                out.push(&rest[..word_end]);
                rest = &rest[word_end..];
                left -= 1;
            }
            let rest = rest.trim_start_matches(is_space);
            if !rest.is_empty() {
                out.push(rest);
            }
        }
    }
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)`: like `split` but the splits are made from the right.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: isize) -> TextResult<Vec<&'a str>> {
    let mut left = max_count(maxsplit);
    let mut out = Vec::new();
    match sep {
        Some("") => return Err(TextError::value("empty separator")),
        Some(sep) => {
            let mut j = s.len();
            while left > 0 {
                let Some(p) = s[..j].rfind(sep) else { break };
                out.push(&s[p + sep.len()..j]);
                j = p;
                left -= 1;
            }
            out.push(&s[..j]);
        }
        None => {
            let mut rest = s;
            while left > 0 {
                rest = rest.trim_end_matches(is_space);
                if rest.is_empty() {
                    break;
                }
                let word_start = rest.rfind(is_space).map_or(0, |p| {
                    p + rest[p..].chars().next().map_or(0, char::len_utf8)
                });
                out.push(&rest[word_start..]);
                rest = &rest[..word_start];
                left -= 1;
            }
            let rest = rest.trim_end_matches(is_space);
            if !rest.is_empty() {
                out.push(rest);
            }
        }
    }
    out.reverse();
    Ok(out)
}

/// `s.splitlines(keepends)`: splits at CPython's line boundaries, `\r\n` counting as one.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && matches!(it.peek(), Some(&(_, '\n'))) {
            it.next();
            end += 1;
        }
        out.push(&s[start..if keepends { end } else { i }]);
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// `s.partition(sep)`: `(head, sep, tail)` around the first match, or `(s, "", "")`.
pub fn partition<'a>(s: &'a str, sep: &str) -> TextResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(TextError::value("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(p) => (&s[..p], &s[p..p + sep.len()], &s[p + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`: around the last match, or `("", "", s)`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> TextResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(TextError::value("empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(p) => (&s[..p], &s[p..p + sep.len()], &s[p + sep.len()..]),
        None => ("", "", s),
    })
}

/// `s.strip(chars)`; `None` strips CPython whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_matches(is_space),
        Some(set) => s.trim_matches(|c| set.contains(c)),
    }
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_family() {
        // python3: s='aé€aé€'; [s.find('é'), s.rfind('é'), s.find('é',2), s.find('é',-2),
        //  s.find('',6), s.find('',7), s.rfind(''), s.rfind('',0,2), s.find('x'),
        //  s.find('é€', 1, 3), s.find('é€', 1, 2), s.rfind('a', -100, -1)]
        // -> [1, 4, 4, 4, 6, -1, 6, 2, -1, 1, -1, 3]
        let s = "aé€aé€";
        let got = [
            find(s, "é", None, None),
            rfind(s, "é", None, None),
            find(s, "é", Some(2), None),
            find(s, "é", Some(-2), None),
            find(s, "", Some(6), None),
            find(s, "", Some(7), None),
            rfind(s, "", None, None),
            rfind(s, "", Some(0), Some(2)),
            find(s, "x", None, None),
            find(s, "é€", Some(1), Some(3)),
            find(s, "é€", Some(1), Some(2)),
            rfind(s, "a", Some(-100), Some(-1)),
        ];
        assert_eq!(got, [1, 4, 4, 4, 6, -1, 6, 2, -1, 1, -1, 3]);
        // python3: 'abc'.find('', 5), 'abc'.find('', 3), 'abc'.index('z') -> -1, 3, ValueError
        assert_eq!(find("abc", "", Some(5), None), -1);
        assert_eq!(find("abc", "", Some(3), None), 3);
        assert_eq!(index("abc", "c", None, None), Ok(2));
        assert_eq!(
            rindex("abc", "z", None, None).unwrap_err().msg,
            "substring not found"
        );
    }

    #[test]
    fn count_and_tails() {
        // python3: ['abc'.count(''), 'abc'.count('',5), 'abc'.count('',3), 'aaaa'.count('aa'),
        //  'é€é'.count('é', 1), 'abc'.count('', 1, 2), 'abc'.count('', 2, 1)] -> [4, 0, 1, 2, 1, 2, 0]
        let got = [
            count("abc", "", None, None),
            count("abc", "", Some(5), None),
            count("abc", "", Some(3), None),
            count("aaaa", "aa", None, None),
            count("é€é", "é", Some(1), None),
            count("abc", "", Some(1), Some(2)),
            count("abc", "", Some(2), Some(1)),
        ];
        assert_eq!(got, [4, 0, 1, 2, 1, 2, 0]);
        // python3: ['abc'.startswith('', 5), 'abc'.startswith('', 3), 'abc'.startswith('bc', 1),
        //  'abc'.startswith('bc', 1, 2), 'é€x'.endswith('€', 0, 2), 'abc'.endswith('', 2, 1),
        //  'abc'.endswith('abc', -10)] -> [False, True, True, False, True, False, True]
        let got = [
            startswith("abc", "", Some(5), None),
            startswith("abc", "", Some(3), None),
            startswith("abc", "bc", Some(1), None),
            startswith("abc", "bc", Some(1), Some(2)),
            endswith("é€x", "€", Some(0), Some(2)),
            endswith("abc", "", Some(2), Some(1)),
            endswith("abc", "abc", Some(-10), None),
        ];
        assert_eq!(got, [false, true, true, false, true, false, true]);
    }

    #[test]
    fn replace_cases() {
        // python3: ['abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'),
        //  ''.replace('', 'x', 0), 'aaa'.replace('a', 'bb', 2), 'aéa'.replace('é', ''),
        //  'abc'.replace('x', 'y')] -> ['-a-b-c-', '-a-bc', 'x', '', 'bbbba', 'aa', 'abc']
        let got = [
            replace("abc", "", "-", -1),
            replace("abc", "", "-", 2),
            replace("", "", "x", -1),
            replace("", "", "x", 0),
            replace("aaa", "a", "bb", 2),
            replace("aéa", "é", "", -1),
            replace("abc", "x", "y", -1),
        ];
        let want = ["-a-b-c-", "-a-bc", "x", "", "bbbba", "aa", "abc"];
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.as_deref(), Ok(w));
        }
        assert_eq!(repeat("ab", 3).as_deref(), Ok("ababab"));
        assert_eq!(repeat("ab", -1).as_deref(), Ok(""));
        assert!(repeat("ab", isize::MAX).is_err());
        assert_eq!(removeprefix("abc", "ab"), "c");
        assert_eq!(removesuffix("abc", "x"), "abc");
    }

    #[test]
    fn splits() {
        // python3: ' a  b\x1cc\u3000 '.split() -> ['a', 'b', 'c']
        assert_eq!(
            split(" a  b\x1cc\u{3000} ", None, -1).unwrap(),
            ["a", "b", "c"]
        );
        // python3: '  a b  c  '.split(None, 1) -> ['a', 'b  c  ']
        assert_eq!(split("  a b  c  ", None, 1).unwrap(), ["a", "b  c  "]);
        // python3: '  a b  c  '.rsplit(None, 1) -> ['  a b', 'c']
        assert_eq!(rsplit("  a b  c  ", None, 1).unwrap(), ["  a b", "c"]);
        // python3: '  a  '.split(None, 0), '  a  '.rsplit(None, 0), '   '.split(None, 0)
        //  -> ['a  '], ['  a'], []
        assert_eq!(split("  a  ", None, 0).unwrap(), ["a  "]);
        assert_eq!(rsplit("  a  ", None, 0).unwrap(), ["  a"]);
        assert!(split("   ", None, 0).unwrap().is_empty());
        // python3: 'a,b,,c'.split(','), 'a,b,,c'.split(',', 2), 'a,b,,c'.rsplit(',', 2),
        //  ''.split(','), ''.split(), 'aéxéb'.rsplit('é') -> ['a', 'b', '', 'c'],
        //  ['a', 'b', ',c'], ['a,b', '', 'c'], [''], [], ['a', 'x', 'b']
        assert_eq!(split("a,b,,c", Some(","), -1).unwrap(), ["a", "b", "", "c"]);
        assert_eq!(split("a,b,,c", Some(","), 2).unwrap(), ["a", "b", ",c"]);
        assert_eq!(rsplit("a,b,,c", Some(","), 2).unwrap(), ["a,b", "", "c"]);
        assert_eq!(split("", Some(","), -1).unwrap(), [""]);
        assert!(split("", None, -1).unwrap().is_empty());
        assert_eq!(rsplit("aéxéb", Some("é"), -1).unwrap(), ["a", "x", "b"]);
        // python3: 'a\u2003b'.rsplit() -> ['a', 'b']
        assert_eq!(rsplit("a\u{2003}b", None, -1).unwrap(), ["a", "b"]);
        assert_eq!(split("a", Some(""), -1).unwrap_err().msg, "empty separator");
    }

    #[test]
    fn lines_and_parts() {
        // python3: 'a\nb\r\nc\rd\x0be\x1cf\x85g\u2028h\n\n'.splitlines()
        //  -> ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '']
        let s = "a\nb\r\nc\rd\x0be\x1cf\u{85}g\u{2028}h\n\n";
        assert_eq!(
            splitlines(s, false),
            ["a", "b", "c", "d", "e", "f", "g", "h", ""]
        );
        // python3: 'a\r\nb\r'.splitlines(True), ''.splitlines(), 'x'.splitlines()
        //  -> ['a\r\n', 'b\r'], [], ['x']
        assert_eq!(splitlines("a\r\nb\r", true), ["a\r\n", "b\r"]);
        assert!(splitlines("", true).is_empty());
        assert_eq!(splitlines("x", false), ["x"]);
        // python3: 'aébéc'.partition('é'), 'aébéc'.rpartition('é'), 'abc'.partition('x'),
        //  'abc'.rpartition('x') -> ('a','é','béc'), ('aéb','é','c'), ('abc','',''), ('','','abc')
        assert_eq!(partition("aébéc", "é").unwrap(), ("a", "é", "béc"));
        assert_eq!(rpartition("aébéc", "é").unwrap(), ("aéb", "é", "c"));
        assert_eq!(partition("abc", "x").unwrap(), ("abc", "", ""));
        assert_eq!(rpartition("abc", "x").unwrap(), ("", "", "abc"));
        assert!(partition("abc", "").is_err());
    }

    #[test]
    fn strips() {
        // python3: ' \x1f\x85 a b\u3000'.strip(), 'xxaxyx'.strip('xy'), 'xxaxyx'.lstrip('x'),
        //  'xxaxyx'.rstrip('xy'), 'abc'.strip(''), ' a '.rstrip() -> 'a b', 'a', 'axyx', 'xxa', 'abc', ' a'
        assert_eq!(strip(" \x1f\u{85} a b\u{3000}", None), "a b");
        assert_eq!(strip("xxaxyx", Some("xy")), "a");
        assert_eq!(lstrip("xxaxyx", Some("x")), "axyx");
        assert_eq!(rstrip("xxaxyx", Some("xy")), "xxa");
        assert_eq!(strip("abc", Some("")), "abc");
        assert_eq!(rstrip(" a ", None), " a");
        assert_eq!(lstrip("é€x", Some("€é")), "x");
    }
}
