//! Per-character Unicode properties and case mappings with CPython 3.11's meaning.
//!
//! CPython answers `str.isalpha`, `isdecimal`, `isdigit`, `isnumeric`, `isprintable` and
//! the final-sigma rule from its own Unicode 14.0 database; `unicode_tables.rs` holds
//! those sets as range tables read off CPython itself (see `gen_unicode_tables.py`), so
//! they match exactly. Upper/lower-case tests and the simple parts of case mapping use
//! Rust's `char` methods (the derived `Lowercase`/`Uppercase` properties and full
//! mappings, as CPython uses), which follow a newer Unicode; the few characters of 14.0
//! whose properties changed since are pinned back by hand, so only characters assigned
//! after 14.0 may differ. Title-case and case-folding exceptions come from
//! `case_tables.rs`. Identifiers use the `unicode-ident` crate (XID_Start/XID_Continue),
//! pinned back the same way.
//!
//! What must hold: for every code point assigned in Unicode 14.0 each predicate here
//! agrees with the matching `str` method of CPython 3.11 on a one-char string.

use super::case_tables::{FOLD, TITLE};
use super::unicode_tables as t;

/// Whether `c` lies in a flat `[start, end, start, end, ...]` range table.
fn in_table(table: &[u32], c: char) -> bool {
    let c = c as u32;
    // The number of bounds <= c: odd means c is past a start and before its end;
    // even means c is between ranges unless it equals the end just passed.
    let i = table.partition_point(|&b| b <= c);
    i % 2 == 1 || (i > 0 && table[i - 1] == c)
}

/// `str.isspace` per char (bidi class WS, B or S, or category Zs); also the separator
/// set of `str.split()` and `str.strip()` without arguments.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x20'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// A line boundary of `str.splitlines` (`\r\n` is handled by the caller).
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `str.isalpha` per char: letters (categories Lu, Ll, Lt, Lm, Lo).
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(t::ALPHA, c)
}

/// `str.isdecimal` per char (category Nd).
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(t::DECIMAL, c)
}

/// The value of a decimal digit (any script), as `int()` and `str.format` read it.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let u = c as u32;
    let i = t::DECIMAL.partition_point(|&b| b <= u);
    if i % 2 == 1 {
        // Every Nd run starts at a zero and holds whole sets of ten.
        Some((u - t::DECIMAL[i - 1]) % 10)
    } else if i >= 2 && t::DECIMAL[i - 1] == u {
        Some((u - t::DECIMAL[i - 2]) % 10)
    } else {
        None
    }
}

/// `str.isdigit` per char (Numeric_Type Decimal or Digit).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(t::DIGIT, c)
}

/// `str.isnumeric` per char (any Numeric_Type).
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(t::NUMERIC, c)
}

/// `str.isalnum` per char: alpha, decimal, digit or numeric.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// `str.isprintable` per char: not in categories Cc Cf Cs Co Cn Zl Zp Zs, except space.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_table(t::PRINTABLE, c)
}

/// The Lowercase property (`str.islower` per char).
pub fn is_lower(c: char) -> bool {
    match c {
        '\u{295}' => true,
        '\u{10fc}' | '\u{a7f2}'..='\u{a7f4}' | '\u{ab69}' => false,
        _ => c.is_lowercase(),
    }
}

/// Characters of Unicode 14.0 that gained an upper-case mapping later: CPython 3.11
/// leaves them unchanged.
fn upper_changed_since_14(c: char) -> bool {
    matches!(c, '\u{19b}' | '\u{264}' | '\u{a7d3}' | '\u{a7d5}')
}

/// The Uppercase property (`str.isupper` per char).
pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

/// Title-case letters (category Lt).
pub fn is_title(c: char) -> bool {
    matches!(
        c,
        '\u{1c5}'
            | '\u{1c8}'
            | '\u{1cb}'
            | '\u{1f2}'
            | '\u{1f88}'..='\u{1f8f}'
            | '\u{1f98}'..='\u{1f9f}'
            | '\u{1fa8}'..='\u{1faf}'
            | '\u{1fbc}'
            | '\u{1fcc}'
            | '\u{1ffc}'
    )
}

/// The Cased property, as `str.title` and the final-sigma rule use it.
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(t::CASED, c)
}

/// The Case_Ignorable property, as the final-sigma rule uses it.
pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    in_table(t::CASE_IGNORABLE, c)
}

/// XID_Start or `_`: a valid first character of an identifier.
pub fn is_xid_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

/// XID_Continue: a valid later character of an identifier. (Unicode 15.1 added the
/// joiners and katakana middle dots, which CPython 3.11 does not accept.)
pub fn is_xid_continue(c: char) -> bool {
    !matches!(c, '\u{200c}' | '\u{200d}' | '\u{30fb}' | '\u{ff65}')
        && unicode_ident::is_xid_continue(c)
}

fn lookup(table: &'static [(char, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// Appends the full upper-case mapping of `c`.
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if upper_changed_since_14(c) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// Appends the full lower-case mapping of `c`, with no final-sigma context (`Σ` gives
/// `σ`); `strmethods` applies the context rule.
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Appends the full title-case mapping of `c`.
pub fn push_title(out: &mut String, c: char) {
    match lookup(TITLE, c) {
        Some(s) => out.push_str(s),
        None => push_upper(out, c),
    }
}

/// Appends the full case folding of `c` (`str.casefold`).
pub fn push_fold(out: &mut String, c: char) {
    match lookup(FOLD, c) {
        Some(s) => out.push_str(s),
        None => push_lower(out, c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lookup_edges() {
        let tab = &[0x41, 0x43, 0x50, 0x50, 0x60, 0x61];
        let inside: Vec<u32> = (0x3f..0x64)
            .filter(|&u| in_table(tab, char::from_u32(u).unwrap_or('\0')))
            .collect();
        assert_eq!(inside, vec![0x41, 0x42, 0x43, 0x50, 0x60, 0x61]);
        assert!(!in_table(&[], 'a'));
    }

    #[test]
    fn classes() {
        // python3: [c.isalpha() for c in 'aͅ٣²½一'] -> [True, False, False, False, False, True]
        let r: Vec<bool> = "a\u{345}٣²½一".chars().map(is_alpha).collect();
        assert_eq!(r, [true, false, false, false, false, true]);
        // python3: [(c.isdecimal(), c.isdigit(), c.isnumeric()) for c in '٣²½一x']
        let r: Vec<(bool, bool, bool)> = "٣²½一x"
            .chars()
            .map(|c| (is_decimal(c), is_digit(c), is_numeric(c)))
            .collect();
        assert_eq!(
            r,
            [
                (true, true, true),
                (false, true, true),
                (false, false, true),
                (false, false, true),
                (false, false, false)
            ]
        );
        // python3: [c.isprintable() for c in ' \x7f\xa0\xadé\u2028\U0001f600\ue000']
        let r: Vec<bool> = " \x7f\u{a0}\u{ad}é\u{2028}😀\u{e000}"
            .chars()
            .map(is_printable)
            .collect();
        assert_eq!(r, [true, false, false, false, true, false, true, false]);
        // python3: int('٣𝟗') -> 39
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('𝟗'), Some(9));
        assert_eq!(decimal_value('²'), None);
        assert!(is_space('\x1f') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert!(is_title('ǅ') && !is_title('A'));
        assert!(is_xid_start('_') && !is_xid_start('1') && is_xid_continue('1'));
    }

    #[test]
    fn mappings() {
        let map = |f: fn(&mut String, char), s: &str| {
            let mut o = String::new();
            s.chars().for_each(|c| f(&mut o, c));
            o
        };
        // python3: 'ßǆﬁᾳ'.title() per char -> 'Ss', 'ǅ', 'Fi', 'ᾼ'; .upper() -> 'SSǄFIΑΙ'
        assert_eq!(map(push_title, "ßǆﬁᾳ"), "SsǅFiᾼ");
        assert_eq!(map(push_upper, "ßǆﬁᾳ"), "SSǄFIΑΙ");
        // python3: 'ßẞﬁΣꭰİ'.casefold() -> 'ssssfiσᎠi̇'
        assert_eq!(map(push_fold, "ßẞﬁΣꭰİ"), "ssssfiσᎠi\u{307}");
        assert_eq!(map(push_lower, "ΣİA"), "σi\u{307}a");
    }
}
