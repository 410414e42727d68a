//! The value word.
//!
//! A `Value` is one machine word. Small integers are tagged: `(n << 1) | 1`, giving 63-bit
//! signed integers. Every other value is the address of a heap object (8-byte aligned, so
//! its low three bits are zero). The word 0 is `NULL`: "no value" (an unbound local, an
//! empty slot); it never escapes to Python code.
//!
//! What must hold: a `Value` that points into the movable heap is only valid until the
//! next safepoint unless it sits in a traced place (a frame, the root stack, a heap
//! object, a global root). Code that holds one across a call back into Python roots it.

use std::fmt;

#[derive(Copy, Clone, PartialEq, Eq, Hash, Default)]
#[repr(transparent)]
pub struct Value(pub usize);

/// The largest and smallest integers that fit in a tagged value.
pub const SMALL_MAX: i64 = (1i64 << 62) - 1;
pub const SMALL_MIN: i64 = -(1i64 << 62);

impl Value {
    pub const NULL: Value = Value(0);

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }

    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.0 & 1 == 1
    }

    /// True when the word is the address of a heap object.
    #[inline(always)]
    pub fn is_ptr(self) -> bool {
        self.0 & 1 == 0 && self.0 != 0
    }

    #[inline(always)]
    pub fn small(n: i64) -> Value {
        debug_assert!((SMALL_MIN..=SMALL_MAX).contains(&n));
        Value(((n << 1) | 1) as usize)
    }

    /// Tags `n` if it fits; `None` means it needs a big integer.
    #[inline(always)]
    pub fn try_small(n: i64) -> Option<Value> {
        if (SMALL_MIN..=SMALL_MAX).contains(&n) {
            Some(Value::small(n))
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn as_small(self) -> i64 {
        (self.0 as i64) >> 1
    }

    #[inline(always)]
    pub fn addr(self) -> usize {
        self.0
    }

    /// True when the word is a heap pointer that the collector must trace.
    #[inline(always)]
    pub fn needs_trace(word: usize) -> bool {
        word & 1 == 0 && word != 0
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_null() {
            write!(f, "NULL")
        } else if self.is_small_int() {
            write!(f, "{}", self.as_small())
        } else {
            write!(f, "<obj {:#x}>", self.0)
        }
    }
}
