//! Case conversion, the `is...` predicates, padding and tab expansion of `str`.
//!
//! Case conversion uses full mappings (one char may become several: `'ß'.upper() ==
//! 'SS'`), and lower-casing `Σ` looks at its neighbours exactly as CPython's
//! `handle_capital_sigma` does: it becomes final `ς` when a cased letter precedes it and
//! none follows, skipping case-ignorable characters both ways. `capitalize` title-cases
//! the first character (CPython 3.8+), `title` title-cases after any uncased character.
//! Widths count code points.
//!
//! What must hold: each function returns what the `str` method of CPython 3.11 returns;
//! huge widths raise `MemoryError`/`OverflowError` instead of aborting.

use super::error::{size_mul_add, string_with_capacity, TextError, TextResult};
use super::indices::char_len;
use super::unicode::{
    is_alnum, is_alpha, is_case_ignorable, is_cased, is_decimal, is_digit, is_lower, is_numeric,
    is_printable, is_space, is_title, is_upper, is_xid_continue, is_xid_start, push_fold,
    push_lower, push_title, push_upper,
};

/// Whether the `Σ` at byte offset `i` of `s` is word-final.
fn final_sigma(s: &str, i: usize) -> bool {
    let before = s[..i].chars().rev().find(|&c| !is_case_ignorable(c));
    if !before.is_some_and(is_cased) {
        return false;
    }
    let after = s[i + 'Σ'.len_utf8()..]
        .chars()
        .find(|&c| !is_case_ignorable(c));
    !after.is_some_and(is_cased)
}

/// Lower-cases the char `c` at byte offset `i` of `s`, in context.
fn push_lower_at(out: &mut String, s: &str, i: usize, c: char) {
    if c == 'Σ' {
        out.push(if final_sigma(s, i) { 'ς' } else { 'σ' });
    } else {
        push_lower(out, c);
    }
}

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        push_lower_at(&mut out, s, i, c);
    }
    out
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_upper(&mut out, c));
    out
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_fold(&mut out, c));
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if is_upper(c) {
            push_lower_at(&mut out, s, i, c);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.capitalize()`: the first char title-cased, the rest lower-cased.
pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower_at(&mut out, s, i, c);
        }
    }
    out
}

/// `s.title()`: title-case after an uncased char, lower-case after a cased one.
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, c) in s.char_indices() {
        if prev_cased {
            push_lower_at(&mut out, s, i, c);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// Whether `s` is non-empty and every char satisfies `f`.
fn all_nonempty(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha)
}

pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, is_alnum)
}

pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal)
}

pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit)
}

pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric)
}

pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}

/// `s.isprintable()`: true for the empty string.
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}

pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isupper()`: some cased char, and no lower-case or title-case one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

/// `s.islower()`: some cased char, and no upper-case or title-case one.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

/// `s.istitle()`: upper/title-case chars only after uncased ones, lower-case only after
/// cased ones, and at least one cased char.
pub fn istitle(s: &str) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`.
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    it.next().is_some_and(is_xid_start) && it.all(is_xid_continue)
}

/// `s` with `left` and `right` copies of `fill` around it.
fn pad(s: &str, left: usize, right: usize, fill: char) -> TextResult<String> {
    let n = left.checked_add(right).ok_or_else(TextError::memory)?;
    let mut out = string_with_capacity(size_mul_add(n, fill.len_utf8(), s.len())?)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// How many fill chars `width` asks for beyond the length of `s`.
fn margin(s: &str, width: isize) -> usize {
    usize::try_from(width)
        .unwrap_or(0)
        .saturating_sub(char_len(s))
}

/// `s.center(width, fill)`, with CPython's choice of the odd fill char's side.
pub fn center(s: &str, width: isize, fill: char) -> TextResult<String> {
    let marg = margin(s, width);
    let w = width.max(0) as usize;
    let left = marg / 2 + (marg & w & 1);
    pad(s, left, marg - left, fill)
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: isize, fill: char) -> TextResult<String> {
    pad(s, 0, margin(s, width), fill)
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: isize, fill: char) -> TextResult<String> {
    pad(s, margin(s, width), 0, fill)
}

/// `s.zfill(width)`: zeros on the left, after a leading sign.
pub fn zfill(s: &str, width: isize) -> TextResult<String> {
    let marg = margin(s, width);
    let mut out = pad(s, marg, 0, '0')?;
    if marg > 0 && (s.starts_with('+') || s.starts_with('-')) {
        // Move the sign to the front: "000-42" becomes "-00042" (all ASCII here).
        let sign = if s.starts_with('+') { "+" } else { "-" };
        out.replace_range(marg..marg + 1, "0");
        out.replace_range(0..1, sign);
    }
    Ok(out)
}

/// `s.expandtabs(tabsize)`: each tab becomes spaces up to the next multiple of
/// `tabsize` columns; `\n` and `\r` reset the column; `tabsize <= 0` deletes tabs.
pub fn expandtabs(s: &str, tabsize: isize) -> TextResult<String> {
    let too_long = || TextError::overflow("new string is too long");
    let tab = usize::try_from(tabsize).unwrap_or(0);
    // First pass: the size of the result, as CPython checks it.
    let (mut col, mut size) = (0usize, 0usize);
    for c in s.chars() {
        if c == '\t' {
            if tab > 0 {
                let incr = tab - col % tab;
                col = col.checked_add(incr).ok_or_else(too_long)?;
                size = size.checked_add(incr).ok_or_else(too_long)?;
            }
        } else {
            col = col.saturating_add(1);
            size = size.checked_add(c.len_utf8()).ok_or_else(too_long)?;
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    if size > isize::MAX as usize {
        return Err(too_long());
    }
    let mut out = string_with_capacity(size)?;
    col = 0;
    for c in s.chars() {
        if c == '\t' {
            if tab > 0 {
                let incr = tab - col % tab;
                col += incr;
                out.extend(std::iter::repeat_n(' ', incr));
            }
        } else {
            col = col.saturating_add(1);
            out.push(c);
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_mappings() {
        // python3: 'ǆa'.capitalize(), 'ΑΣ ΑΣΑ Σ'.lower(), "ΑΣ'Σ.".lower(), 'aΣ'.swapcase(),
        //  'ΑΣ'.title(), 'hello wORLD ǆx 3rd'.title(), 'ßx'.capitalize(), 'ΣΑΣ'.capitalize()
        //  -> 'ǅa' 'ας ασα σ' "ασ'ς." 'Aς' 'Ας' 'Hello World ǅx 3Rd' 'Ssx' 'Σας'
        assert_eq!(capitalize("ǆa"), "ǅa");
        assert_eq!(lower("ΑΣ ΑΣΑ Σ"), "ας ασα σ");
        assert_eq!(lower("ΑΣ'Σ."), "ασ'ς.");
        assert_eq!(swapcase("aΣ"), "Aς");
        assert_eq!(title("ΑΣ"), "Ας");
        assert_eq!(title("hello wORLD ǆx 3rd"), "Hello World ǅx 3Rd");
        assert_eq!(capitalize("ßx"), "Ssx");
        assert_eq!(capitalize("ΣΑΣ"), "Σας");
        // python3: ['\u1e9e'.swapcase(), 'ß'.swapcase(), 'ǅ'.swapcase(), 'ﬁ'.upper(),
        //  'İ'.lower(), 'ǅ'.title(), 'ǅ'.capitalize()] -> ['ß', 'SS', 'ǅ', 'FI', 'i̇', 'ǅ', 'ǅ']
        assert_eq!(swapcase("\u{1e9e}"), "ß");
        assert_eq!(swapcase("ß"), "SS");
        assert_eq!(swapcase("ǅ"), "ǅ");
        assert_eq!(upper("ﬁ"), "FI");
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(title("ǅ"), "ǅ");
        assert_eq!(capitalize(""), "");
        assert_eq!(casefold("Straße"), "strasse");
        assert_eq!(upper("abc"), "ABC");
    }

    #[test]
    fn predicates() {
        // python3: [s.istitle() for s in ['Hello World', 'Hello world', 'ǅungla', 'HELLO', '',
        //  '1A', 'A1a', 'Aǅ']] -> [True, False, True, False, False, True, False, False]
        let r: Vec<bool> = [
            "Hello World",
            "Hello world",
            "ǅungla",
            "HELLO",
            "",
            "1A",
            "A1a",
            "Aǅ",
        ]
        .iter()
        .map(|s| istitle(s))
        .collect();
        assert_eq!(r, [true, false, true, false, false, true, false, false]);
        // python3: [s.isupper() for s in ['ABC', 'AbC', 'A1', '1', '', 'ǅ', 'AǅB']]
        //  -> [True, False, True, False, False, False, False]
        let r: Vec<bool> = ["ABC", "AbC", "A1", "1", "", "ǅ", "AǅB"]
            .iter()
            .map(|s| isupper(s))
            .collect();
        assert_eq!(r, [true, false, true, false, false, false, false]);
        // python3: [s.islower() for s in ['abc', 'aBc', 'a1', '1', '', 'ª']]
        //  -> [True, False, True, False, False, True]
        let r: Vec<bool> = ["abc", "aBc", "a1", "1", "", "ª"]
            .iter()
            .map(|s| islower(s))
            .collect();
        assert_eq!(r, [true, false, true, false, false, true]);
        // python3: [s.isidentifier() for s in ['a', '_1', '1a', '', 'a b', 'é', 'a\u200d', '℘x']]
        //  -> [True, True, False, False, False, True, False, True]
        let r: Vec<bool> = ["a", "_1", "1a", "", "a b", "é", "a\u{200d}", "℘x"]
            .iter()
            .map(|s| isidentifier(s))
            .collect();
        assert_eq!(r, [true, true, false, false, false, true, false, true]);
        // python3: ''.isalpha(), ''.isprintable(), ''.isascii(), '١٢'.isdecimal(), ' \t'.isspace()
        //  -> False True True True True
        assert!(!isalpha("") && isprintable("") && isascii(""));
        assert!(isdecimal("١٢") && isspace(" \t") && isdigit("1²") && isnumeric("½"));
        assert!(isalnum("a1½") && !isalnum("a-1") && !isprintable("a\n"));
    }

    #[test]
    fn padding() {
        // python3: 'a'.center(4,'*'), 'ab'.center(5,'*'), 'a'.center(6,'*'), 'ab'.center(3,'*'),
        //  'abc'.center(6, '*'), 'abc'.center(2) -> *a** **ab* **a*** *ab *abc** abc
        let c = |s: &str, w: isize| center(s, w, '*').unwrap();
        assert_eq!(
            [
                c("a", 4),
                c("ab", 5),
                c("a", 6),
                c("ab", 3),
                c("abc", 6),
                c("abc", 2)
            ],
            ["*a**", "**ab*", "**a***", "*ab", "*abc**", "abc"]
        );
        assert_eq!(ljust("é", 3, '€').unwrap(), "é€€");
        assert_eq!(rjust("é", -3, '€').unwrap(), "é");
        assert!(ljust("a", isize::MAX, '€').is_err());
        // python3: '-42'.zfill(6), '+x'.zfill(4), 'x-'.zfill(4), ''.zfill(3), '42'.zfill(-1),
        //  '-'.zfill(3) -> -00042 +00x 00x- 000 42 -00
        let z = |s: &str, w: isize| zfill(s, w).unwrap();
        assert_eq!(
            [
                z("-42", 6),
                z("+x", 4),
                z("x-", 4),
                z("", 3),
                z("42", -1),
                z("-", 3)
            ],
            ["-00042", "+00x", "00x-", "000", "42", "-00"]
        );
    }

    #[test]
    fn tabs() {
        // python3: 'a\tb\n\tc\r\td'.expandtabs(), 'ab\tc'.expandtabs(4), 'a\tb'.expandtabs(0),
        //  'a\tb'.expandtabs(-3), 'é\tx'.expandtabs(3)
        //  -> 'a       b\n        c\r        d' 'ab  c' 'ab' 'ab' 'é  x'
        assert_eq!(
            expandtabs("a\tb\n\tc\r\td", 8).unwrap(),
            "a       b\n        c\r        d"
        );
        assert_eq!(expandtabs("ab\tc", 4).unwrap(), "ab  c");
        assert_eq!(expandtabs("a\tb", 0).unwrap(), "ab");
        assert_eq!(expandtabs("a\tb", -3).unwrap(), "ab");
        assert_eq!(expandtabs("é\tx", 3).unwrap(), "é  x");
        assert!(expandtabs("\t\t", isize::MAX).is_err());
    }
}
