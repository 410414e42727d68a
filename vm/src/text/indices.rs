//! Code-point indices over UTF-8 text, and CPython's rules for clamping the `start`/`end`
//! arguments of `find`, `count`, `startswith` and friends.
//!
//! Python indexes a str by code point; the VM stores UTF-8. Every helper here converts
//! between the two without slicing inside a character, and takes the O(1) path when the
//! text is ASCII (one byte per code point). Out-of-range indices clamp, never panic.
//!
//! What must hold: `byte_offset` and `char_index` are inverse on char boundaries, and
//! every byte offset they return is a char boundary of the text.

/// Number of code points in `s` (`len(s)` in Python).
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point `cp` in `s`; `s.len()` when `cp` is at or past the end.
pub fn byte_offset(s: &str, cp: usize) -> usize {
    if cp >= s.len() {
        return s.len();
    }
    if s.is_ascii() {
        return cp;
    }
    s.char_indices().nth(cp).map_or(s.len(), |(b, _)| b)
}

/// Code-point index of byte offset `byte` in `s`: the number of chars that start before
/// it. Offsets past the end give `char_len(s)`.
pub fn char_index(s: &str, byte: usize) -> usize {
    let byte = byte.min(s.len());
    let head = &s.as_bytes()[..byte];
    // Count the bytes that start a character (all but the 0b10xxxxxx continuations).
    head.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// `s[start:end]` by code points, clamped; empty when `start >= end`.
pub fn char_slice(s: &str, start: usize, end: usize) -> &str {
    if start >= end {
        return "";
    }
    let b0 = byte_offset(s, start);
    let b1 = b0 + byte_offset(&s[b0..], end - start);
    &s[b0..b1]
}

/// The code point at index `i`, if any.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    if s.is_ascii() {
        return s.as_bytes().get(i).map(|&b| b as char);
    }
    s.chars().nth(i)
}

/// CPython's `ADJUST_INDICES`: `None` start is 0 and `None` end is the length; negative
/// indices count from the end and clamp at 0; `end` clamps at `len`. `start` is not
/// clamped to `len` (it can exceed `end`, which the callers treat as "no room").
pub fn adjust_indices(start: Option<isize>, end: Option<isize>, len: usize) -> (usize, usize) {
    let clamp = |i: isize| -> usize {
        if i >= 0 {
            i as usize
        } else {
            // i + len, clamped at 0, without overflow.
            len.saturating_sub(i.unsigned_abs())
        }
    };
    let end = match end {
        None => len,
        Some(e) => clamp(e).min(len),
    };
    let start = start.map_or(0, clamp);
    (start, end)
}

/// `s[i]` with Python's negative indexing; `None` means "string index out of range".
pub fn normalize_index(i: isize, len: usize) -> Option<usize> {
    let j = if i < 0 {
        len.checked_sub(i.unsigned_abs())?
    } else {
        i as usize
    };
    (j < len).then_some(j)
}

/// CPython's `PySlice_AdjustIndices` for a slice already unpacked with `step != 0`:
/// returns the clamped `(start, stop)` and the number of items selected.
pub fn slice_adjust(
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
    len: usize,
) -> (isize, isize, usize) {
    // CPython clamps the step to -PY_SSIZE_T_MAX so that negating it cannot overflow.
    let step = step.max(-isize::MAX);
    let len = len.min(isize::MAX as usize) as isize;
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<isize>, default: isize| -> isize {
        match v {
            None => default,
            Some(v) if v < 0 => (v.saturating_add(len)).max(lo),
            Some(v) => v.min(hi),
        }
    };
    let (start, stop) = if step < 0 {
        (fix(start, hi), fix(stop, lo))
    } else {
        (fix(start, lo), fix(stop, hi))
    };
    let count = if step < 0 {
        if stop < start {
            ((start - stop - 1) / -step + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    (start, stop, count)
}

/// `s[start:stop:step]` for a str (`step != 0`).
pub fn slice_str(s: &str, start: Option<isize>, stop: Option<isize>, step: isize) -> String {
    if step == 1 {
        let (lo, hi) = (start.unwrap_or(0), stop.unwrap_or(isize::MAX));
        let len = char_len(s);
        let (a, _, n) = slice_adjust(Some(lo), Some(hi), 1, len);
        return char_slice(s, a as usize, a as usize + n).to_string();
    }
    let (a, _, n) = slice_adjust(start, stop, step, char_len(s));
    if n == 0 {
        return String::new();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(n);
    let mut i = a;
    for _ in 0..n {
        // In range by construction of slice_adjust.
        if let Some(&c) = usize::try_from(i).ok().and_then(|i| chars.get(i)) {
            out.push(c);
        }
        i = i.saturating_add(step.max(-isize::MAX));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        let s = "aé€😀b";
        assert_eq!(char_len(s), 5);
        assert_eq!(byte_offset(s, 0), 0);
        assert_eq!(byte_offset(s, 2), 3);
        assert_eq!(byte_offset(s, 4), 10);
        assert_eq!(byte_offset(s, 9), s.len());
        for cp in 0..=5 {
            assert_eq!(char_index(s, byte_offset(s, cp)), cp);
        }
        assert_eq!(char_slice(s, 1, 3), "é€");
        assert_eq!(char_slice(s, 3, 99), "😀b");
        assert_eq!(char_slice(s, 3, 1), "");
        assert_eq!(char_at(s, 3), Some('😀'));
        assert_eq!(char_at("abc", 3), None);
    }

    #[test]
    fn adjust() {
        assert_eq!(adjust_indices(None, None, 3), (0, 3));
        assert_eq!(adjust_indices(Some(-1), Some(99), 3), (2, 3));
        assert_eq!(adjust_indices(Some(-99), Some(-99), 3), (0, 0));
        assert_eq!(adjust_indices(Some(5), None, 3), (5, 3));
        assert_eq!(
            adjust_indices(Some(isize::MIN), Some(isize::MIN), 3),
            (0, 0)
        );
        assert_eq!(normalize_index(-1, 3), Some(2));
        assert_eq!(normalize_index(-4, 3), None);
        assert_eq!(normalize_index(3, 3), None);
    }

    #[test]
    fn slices() {
        // python3: s = 'aé€😀b'; [s[::2], s[::-1], s[-2::-2], s[1:4], s[4:1:-1], s[10:]]
        // -> ['a€b', 'b😀€éa', '😀é', 'é€😀', 'b😀€', '']
        let s = "aé€😀b";
        assert_eq!(slice_str(s, None, None, 2), "a€b");
        assert_eq!(slice_str(s, None, None, -1), "b😀€éa");
        assert_eq!(slice_str(s, Some(-2), None, -2), "😀é");
        assert_eq!(slice_str(s, Some(1), Some(4), 1), "é€😀");
        assert_eq!(slice_str(s, Some(4), Some(1), -1), "b😀€");
        assert_eq!(slice_str(s, Some(10), None, 1), "");
        assert_eq!(
            slice_str(s, Some(isize::MIN), Some(isize::MAX), isize::MAX),
            "a"
        );
        assert_eq!(slice_adjust(None, None, -1, 0), (-1, -1, 0));
    }
}
