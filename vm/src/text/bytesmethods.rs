//! The methods of `bytes`/`bytearray` that are pure functions of `&[u8]`.
//!
//! Indices are byte offsets; `start`/`end` go through CPython's `ADJUST_INDICES`, with
//! the same empty-needle rules as str. Whitespace is ASCII's six (`Py_ISSPACE`: space,
//! `\t \n \v \f \r`), line breaks are `\n`, `\r` and `\r\n`, and case is ASCII only:
//! bytes above 0x7f are never letters. Substring search is Rabin-Karp (linear in
//! practice, every hash hit verified), since std has no search on byte slices. A
//! caller with an int needle (`b.find(65)`) passes a one-byte slice.
//!
//! What must hold: each function returns what the `bytes` method of CPython 3.11
//! returns, and never panics.

use super::error::{bytes_with_capacity, size_mul_add, TextError, TextResult};
use super::indices::adjust_indices;

/// `Py_ISSPACE`: the whitespace of bytes methods.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// First offset of `needle` in `hay`.
pub fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let m = needle.len();
    if m == 0 {
        return Some(0);
    }
    if m > hay.len() {
        return None;
    }
    if m == 1 {
        return hay.iter().position(|&b| b == needle[0]);
    }
    const B: u64 = 0x100_0000_01b3;
    let pow = (1..m).fold(1u64, |p, _| p.wrapping_mul(B));
    let hash = |s: &[u8]| {
        s.iter()
            .fold(0u64, |h, &b| h.wrapping_mul(B).wrapping_add(b as u64))
    };
    let target = hash(needle);
    let mut h = hash(&hay[..m]);
    for i in 0..=hay.len() - m {
        if h == target && &hay[i..i + m] == needle {
            return Some(i);
        }
        if i + m < hay.len() {
            h = h
                .wrapping_sub((hay[i] as u64).wrapping_mul(pow))
                .wrapping_mul(B)
                .wrapping_add(hay[i + m] as u64);
        }
    }
    None
}

/// Last offset of `needle` in `hay`.
pub fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let m = needle.len();
    if m > hay.len() {
        return None;
    }
    if m == 0 {
        return Some(hay.len());
    }
    // Search the reversed text for the reversed needle.
    let rh: Vec<u8> = hay.iter().rev().copied().collect();
    let rn: Vec<u8> = needle.iter().rev().copied().collect();
    find_bytes(&rh, &rn).map(|p| hay.len() - p - m)
}

/// Non-overlapping matches of a non-empty `needle`, at most `limit`.
fn match_offsets(hay: &[u8], needle: &[u8], limit: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while out.len() < limit {
        let Some(p) = find_bytes(&hay[i..], needle) else {
            break;
        };
        out.push(i + p);
        i += p + needle.len();
    }
    out
}

fn find_impl(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>, rev: bool) -> isize {
    let (start, end) = adjust_indices(start, end, b.len());
    if end < start || end - start < sub.len() {
        return -1;
    }
    let hay = &b[start..end];
    let hit = if rev {
        rfind_bytes(hay, sub)
    } else {
        find_bytes(hay, sub)
    };
    hit.map_or(-1, |p| (start + p) as isize)
}

/// `b.find(sub, start, end)`.
pub fn find(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> isize {
    find_impl(b, sub, start, end, false)
}

/// `b.rfind(sub, start, end)`.
pub fn rfind(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> isize {
    find_impl(b, sub, start, end, true)
}

/// `b.index(sub, start, end)`.
pub fn index(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> TextResult<usize> {
    usize::try_from(find(b, sub, start, end)).map_err(|_| TextError::value("subsection not found"))
}

/// `b.rindex(sub, start, end)`.
pub fn rindex(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> TextResult<usize> {
    usize::try_from(rfind(b, sub, start, end)).map_err(|_| TextError::value("subsection not found"))
}

/// `b.count(sub, start, end)`.
pub fn count(b: &[u8], sub: &[u8], start: Option<isize>, end: Option<isize>) -> usize {
    let (start, end) = adjust_indices(start, end, b.len());
    if end < start || end - start < sub.len() {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    match_offsets(&b[start..end], sub, usize::MAX).len()
}

/// `b.startswith(prefix, start, end)` for one prefix.
pub fn startswith(b: &[u8], prefix: &[u8], start: Option<isize>, end: Option<isize>) -> bool {
    let (start, end) = adjust_indices(start, end, b.len());
    start <= end && b[start..end].starts_with(prefix)
}

/// `b.endswith(suffix, start, end)` for one suffix.
pub fn endswith(b: &[u8], suffix: &[u8], start: Option<isize>, end: Option<isize>) -> bool {
    let (start, end) = adjust_indices(start, end, b.len());
    start <= end && b[start..end].ends_with(suffix)
}

/// `b.replace(old, new, count)`; a negative count replaces all.
pub fn replace(b: &[u8], old: &[u8], new: &[u8], count: isize) -> TextResult<Vec<u8>> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    if old.is_empty() {
        // `new` before each byte and at the end, `limit` times at most.
        let n = limit.min(b.len() + 1);
        let mut out = bytes_with_capacity(size_mul_add(n, new.len(), b.len())?)?;
        for i in 0..=b.len() {
            if i < n {
                out.extend_from_slice(new);
            }
            if let Some(&x) = b.get(i) {
                out.push(x);
            }
        }
        return Ok(out);
    }
    let hits = match_offsets(b, old, limit);
    let grow = new.len().saturating_sub(old.len());
    let size = size_mul_add(hits.len(), grow, b.len())
        .map_err(|_| TextError::overflow("replace bytes is too long"))?;
    let mut out = bytes_with_capacity(size)?;
    let mut last = 0;
    for p in hits {
        out.extend_from_slice(&b[last..p]);
        out.extend_from_slice(new);
        last = p + old.len();
    }
    out.extend_from_slice(&b[last..]);
    Ok(out)
}

/// `b.split(sep, maxsplit)`; `None` splits on runs of ASCII whitespace.
pub fn split<'a>(b: &'a [u8], sep: Option<&[u8]>, maxsplit: isize) -> TextResult<Vec<&'a [u8]>> {
    let mut left = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    match sep {
        Some([]) => return Err(TextError::value("empty separator")),
        Some(sep) => {
            let mut i = 0;
            while left > 0 {
                let Some(p) = find_bytes(&b[i..], sep) else {
                    break;
                };
                out.push(&b[i..i + p]);
                i += p + sep.len();
                left -= 1;
            }
            out.push(&b[i..]);
        }
        None => {
            let mut i = 0;
            while left > 0 {
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                let j = i;
                while i < b.len() && !is_space(b[i]) {
                    i += 1;
                }
                out.push(&b[j..i]);
                left -= 1;
            }
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            if i < b.len() {
                out.push(&b[i..]);
            }
        }
    }
    Ok(out)
}

/// `b.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(b: &'a [u8], sep: Option<&[u8]>, maxsplit: isize) -> TextResult<Vec<&'a [u8]>> {
    let mut left = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    match sep {
        Some([]) => return Err(TextError::value("empty separator")),
        Some(sep) => {
            let mut j = b.len();
            while left > 0 {
                let Some(p) = rfind_bytes(&b[..j], sep) else {
                    break;
                };
                out.push(&b[p + sep.len()..j]);
                j = p;
                left -= 1;
            }
            out.push(&b[..j]);
        }
        None => {
            let mut j = b.len();
            while left > 0 {
                while j > 0 && is_space(b[j - 1]) {
                    j -= 1;
                }
                if j == 0 {
                    break;
                }
                let k = j;
                while j > 0 && !is_space(b[j - 1]) {
                    j -= 1;
                }
                out.push(&b[j..k]);
                left -= 1;
            }
            while j > 0 && is_space(b[j - 1]) {
                j -= 1;
            }
            if j > 0 {
                out.push(&b[..j]);
            }
        }
    }
    out.reverse();
    Ok(out)
}

/// `b.splitlines(keepends)`: at `\n`, `\r` and `\r\n`.
pub fn splitlines(b: &[u8], keepends: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let (mut i, mut start) = (0, 0);
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c != b'\n' && c != b'\r' {
            continue;
        }
        let eol = i - 1;
        if c == b'\r' && b.get(i) == Some(&b'\n') {
            i += 1;
        }
        out.push(&b[start..if keepends { i } else { eol }]);
        start = i;
    }
    if start < b.len() {
        out.push(&b[start..]);
    }
    out
}

type Parts<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// `b.partition(sep)`.
pub fn partition<'a>(b: &'a [u8], sep: &[u8]) -> TextResult<Parts<'a>> {
    if sep.is_empty() {
        return Err(TextError::value("empty separator"));
    }
    Ok(match find_bytes(b, sep) {
        Some(p) => (&b[..p], &b[p..p + sep.len()], &b[p + sep.len()..]),
        None => (b, &b[b.len()..], &b[b.len()..]),
    })
}

/// `b.rpartition(sep)`.
pub fn rpartition<'a>(b: &'a [u8], sep: &[u8]) -> TextResult<Parts<'a>> {
    if sep.is_empty() {
        return Err(TextError::value("empty separator"));
    }
    Ok(match rfind_bytes(b, sep) {
        Some(p) => (&b[..p], &b[p..p + sep.len()], &b[p + sep.len()..]),
        None => (&b[..0], &b[..0], b),
    })
}

fn strip_set(chars: Option<&[u8]>) -> impl Fn(u8) -> bool + '_ {
    move |c| match chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    }
}

/// `b.lstrip(chars)`.
pub fn lstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let f = strip_set(chars);
    let i = b.iter().position(|&c| !f(c)).unwrap_or(b.len());
    &b[i..]
}

/// `b.rstrip(chars)`.
pub fn rstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let f = strip_set(chars);
    let j = b.iter().rposition(|&c| !f(c)).map_or(0, |j| j + 1);
    &b[..j]
}

/// `b.strip(chars)`.
pub fn strip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    rstrip(lstrip(b, chars), chars)
}

/// `b.removeprefix(prefix)`.
pub fn removeprefix<'a>(b: &'a [u8], prefix: &[u8]) -> &'a [u8] {
    b.strip_prefix(prefix).unwrap_or(b)
}

/// `b.removesuffix(suffix)`.
pub fn removesuffix<'a>(b: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    b.strip_suffix(suffix).unwrap_or(b)
}

pub fn lower(b: &[u8]) -> Vec<u8> {
    b.to_ascii_lowercase()
}

pub fn upper(b: &[u8]) -> Vec<u8> {
    b.to_ascii_uppercase()
}

pub fn swapcase(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|&c| c ^ if c.is_ascii_alphabetic() { 0x20 } else { 0 })
        .collect()
}

/// `b.capitalize()`: first byte upper-cased, the rest lower-cased.
pub fn capitalize(b: &[u8]) -> Vec<u8> {
    let mut out = b.to_ascii_lowercase();
    if let Some(c) = out.first_mut() {
        c.make_ascii_uppercase();
    }
    out
}

/// `b.title()`: letters after a letter lower-cased, other letters upper-cased.
pub fn title(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let r = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn all_nonempty(b: &[u8], f: fn(&u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(f)
}

pub fn isalpha(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_alphabetic)
}

pub fn isalnum(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_alphanumeric)
}

pub fn isdigit(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_digit)
}

pub fn isspace(b: &[u8]) -> bool {
    all_nonempty(b, |&c| is_space(c))
}

pub fn isascii(b: &[u8]) -> bool {
    b.is_ascii()
}

/// `b.islower()`: some lower-case letter and no upper-case one.
pub fn islower(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
}

/// `b.isupper()`: some upper-case letter and no lower-case one.
pub fn isupper(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
}

/// `b.istitle()`, with str's rule over ASCII letters.
pub fn istitle(b: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            (prev_cased, cased) = (true, true);
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            (prev_cased, cased) = (true, true);
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn pad(b: &[u8], left: usize, right: usize, fill: u8) -> TextResult<Vec<u8>> {
    let n = left.checked_add(right).ok_or_else(TextError::memory)?;
    let mut out = bytes_with_capacity(size_mul_add(n, 1, b.len())?)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.extend_from_slice(b);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

fn margin(b: &[u8], width: isize) -> usize {
    usize::try_from(width).unwrap_or(0).saturating_sub(b.len())
}

/// `b.center(width, fill)`, with CPython's choice of side for the odd fill byte.
pub fn center(b: &[u8], width: isize, fill: u8) -> TextResult<Vec<u8>> {
    let marg = margin(b, width);
    let left = marg / 2 + (marg & width.max(0) as usize & 1);
    pad(b, left, marg - left, fill)
}

pub fn ljust(b: &[u8], width: isize, fill: u8) -> TextResult<Vec<u8>> {
    pad(b, 0, margin(b, width), fill)
}

pub fn rjust(b: &[u8], width: isize, fill: u8) -> TextResult<Vec<u8>> {
    pad(b, margin(b, width), 0, fill)
}

/// `b.zfill(width)`: zeros on the left, after a leading sign.
pub fn zfill(b: &[u8], width: isize) -> TextResult<Vec<u8>> {
    let marg = margin(b, width);
    let mut out = pad(b, marg, 0, b'0')?;
    if marg > 0 && matches!(out.get(marg), Some(b'+' | b'-')) {
        out.swap(0, marg);
    }
    Ok(out)
}

/// `b.expandtabs(tabsize)`; `\n` and `\r` reset the column.
pub fn expandtabs(b: &[u8], tabsize: isize) -> TextResult<Vec<u8>> {
    let too_long = || TextError::overflow("result too long");
    let tab = usize::try_from(tabsize).unwrap_or(0);
    let (mut col, mut size) = (0usize, 0usize);
    for &c in b {
        if c == b'\t' {
            if tab > 0 {
                let incr = tab - col % tab;
                col = col.checked_add(incr).ok_or_else(too_long)?;
                size = size.checked_add(incr).ok_or_else(too_long)?;
            }
        } else {
            size += 1;
            col = if c == b'\n' || c == b'\r' {
                0
            } else {
                col.saturating_add(1)
            };
        }
    }
    if size > isize::MAX as usize {
        return Err(too_long());
    }
    let mut out = bytes_with_capacity(size)?;
    col = 0;
    for &c in b {
        if c == b'\t' {
            if tab > 0 {
                let incr = tab - col % tab;
                col += incr;
                out.extend(std::iter::repeat_n(b' ', incr));
            }
        } else {
            out.push(c);
            col = if c == b'\n' || c == b'\r' {
                0
            } else {
                col.saturating_add(1)
            };
        }
    }
    Ok(out)
}

#[cfg(test)]
#[path = "bytesmethods_tests.rs"]
mod tests;
