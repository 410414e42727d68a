//! The error every text function returns: which Python exception to raise and CPython's
//! exact message for it.
//!
//! The text functions know nothing of the VM's objects, so they name the exception by an
//! enum and leave building the object to the caller. Codec errors carry the extra fields
//! that `UnicodeDecodeError`/`UnicodeEncodeError` expose (`encoding`, `start`, `end`,
//! `reason`); the `object` field is the caller's own input.
//!
//! What must hold: `msg` is what `str(exc)` gives in CPython 3.11 for the same input.

use std::fmt;

/// The Python exception type a text function asks the caller to raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExcType {
    ValueError,
    TypeError,
    OverflowError,
    IndexError,
    KeyError,
    LookupError,
    MemoryError,
    UnicodeDecodeError,
    UnicodeEncodeError,
}

impl ExcType {
    /// The Python name of the exception type.
    pub fn name(self) -> &'static str {
        match self {
            ExcType::ValueError => "ValueError",
            ExcType::TypeError => "TypeError",
            ExcType::OverflowError => "OverflowError",
            ExcType::IndexError => "IndexError",
            ExcType::KeyError => "KeyError",
            ExcType::LookupError => "LookupError",
            ExcType::MemoryError => "MemoryError",
            ExcType::UnicodeDecodeError => "UnicodeDecodeError",
            ExcType::UnicodeEncodeError => "UnicodeEncodeError",
        }
    }
}

/// The fields of a `UnicodeDecodeError`/`UnicodeEncodeError` besides `object`.
/// Positions are byte offsets for decoding and code-point indices for encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodecError {
    pub encoding: &'static str,
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
}

/// A Python exception to raise: its type, CPython's message and, for codec errors,
/// the exception's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    pub exc: ExcType,
    pub msg: String,
    pub codec: Option<Box<CodecError>>,
}

/// The result type of the text functions.
pub type TextResult<T> = Result<T, TextError>;

impl TextError {
    pub fn new(exc: ExcType, msg: impl Into<String>) -> Self {
        TextError {
            exc,
            msg: msg.into(),
            codec: None,
        }
    }

    pub fn value(msg: impl Into<String>) -> Self {
        Self::new(ExcType::ValueError, msg)
    }

    pub fn type_error(msg: impl Into<String>) -> Self {
        Self::new(ExcType::TypeError, msg)
    }

    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(ExcType::OverflowError, msg)
    }

    /// `MemoryError()`: CPython raises it without a message.
    pub fn memory() -> Self {
        Self::new(ExcType::MemoryError, "")
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.msg.is_empty() {
            f.write_str(self.exc.name())
        } else {
            write!(f, "{}: {}", self.exc.name(), self.msg)
        }
    }
}

impl std::error::Error for TextError {}

/// An empty `String` with room for `bytes` bytes, or `MemoryError` when that cannot be
/// had (a huge width or count must raise, not abort the process).
pub fn string_with_capacity(bytes: usize) -> TextResult<String> {
    let mut s = String::new();
    s.try_reserve_exact(bytes)
        .map_err(|_| TextError::memory())?;
    Ok(s)
}

/// An empty `Vec<u8>` with room for `bytes` bytes, or `MemoryError`.
pub fn bytes_with_capacity(bytes: usize) -> TextResult<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(bytes)
        .map_err(|_| TextError::memory())?;
    Ok(v)
}

/// `a * b + c` for sizes, or `MemoryError` when it does not fit.
pub fn size_mul_add(a: usize, b: usize, c: usize) -> TextResult<usize> {
    a.checked_mul(b)
        .and_then(|x| x.checked_add(c))
        .filter(|&x| x <= isize::MAX as usize)
        .ok_or_else(TextError::memory)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_alloc() {
        assert_eq!(
            TextError::value("empty separator").to_string(),
            "ValueError: empty separator"
        );
        assert_eq!(TextError::memory().to_string(), "MemoryError");
        assert!(string_with_capacity(usize::MAX).is_err());
        assert!(bytes_with_capacity(16).is_ok());
        assert!(size_mul_add(usize::MAX, 2, 0).is_err());
        assert_eq!(size_mul_add(3, 4, 5), Ok(17));
    }
}
