//! Caches keyed by type version tags.
//!
//! `MethodCache` is per thread (no sharing, no tearing): a direct-mapped table from
//! (type version, interned name address) to the result of an MRO lookup. It is cleared at
//! every collection because names and results are heap addresses that a collection may
//! move. Version tags are never reused, so a stale entry can never match a changed type.
//!
//! `InlineCache` sits beside each instruction of a code object and is shared by every
//! thread running that code. Each field is an independent atomic; a reader validates the
//! whole entry by re-checking the version after reading the payload, so a torn update
//! is detected and treated as a miss.

use crate::value::Value;
use std::sync::atomic::{AtomicU64, Ordering};

const MCACHE_SIZE: usize = 4096;

#[derive(Clone, Copy)]
struct Entry {
    version: u64,
    name: usize,
    value: Value,
}

pub struct MethodCache {
    entries: Box<[Entry]>,
}

impl MethodCache {
    pub fn new() -> MethodCache {
        MethodCache {
            entries: vec![
                Entry {
                    version: 0,
                    name: 0,
                    value: Value::NULL
                };
                MCACHE_SIZE
            ]
            .into_boxed_slice(),
        }
    }

    #[inline(always)]
    fn index(version: u64, name: usize) -> usize {
        ((version as usize).wrapping_mul(0x9E37_79B9) ^ (name >> 3)) & (MCACHE_SIZE - 1)
    }

    /// `Some(result)` (possibly NULL = "not found") on a hit.
    #[inline(always)]
    pub fn get(&self, version: u64, name: Value) -> Option<Value> {
        let e = &self.entries[Self::index(version, name.0)];
        (e.version == version && e.name == name.0 && version != 0).then_some(e.value)
    }

    #[inline(always)]
    pub fn put(&mut self, version: u64, name: Value, value: Value) {
        if version == 0 {
            return;
        }
        self.entries[Self::index(version, name.0)] = Entry {
            version,
            name: name.0,
            value,
        };
    }

    pub fn clear(&mut self) {
        for e in self.entries.iter_mut() {
            e.version = 0;
        }
    }
}

impl Default for MethodCache {
    fn default() -> Self {
        MethodCache::new()
    }
}

/// Per-instruction cache: a type version and a payload word (an index or a flag), and a
/// hint: for attribute instructions, one more than the entry number at which the
/// attribute was last found in an instance dict (0: none). A hint is only a guess,
/// checked against the entry's key on every use, so it needs no version.
#[derive(Default)]
pub struct InlineCache {
    pub version: AtomicU64,
    pub payload: AtomicU64,
    pub hint: AtomicU64,
}

impl InlineCache {
    #[inline(always)]
    pub fn read(&self, version: u64) -> Option<u64> {
        if self.version.load(Ordering::Acquire) != version {
            return None;
        }
        let p = self.payload.load(Ordering::Acquire);
        (self.version.load(Ordering::Acquire) == version).then_some(p)
    }

    /// The hinted entry number (see the type's comment).
    #[inline(always)]
    pub fn hint(&self) -> Option<usize> {
        (self.hint.load(Ordering::Relaxed) as usize).checked_sub(1)
    }

    #[inline(always)]
    pub fn set_hint(&self, ix: usize) {
        self.hint.store(ix as u64 + 1, Ordering::Relaxed);
    }

    #[inline(always)]
    pub fn write(&self, version: u64, payload: u64) {
        self.version.store(0, Ordering::Release);
        self.payload.store(payload, Ordering::Release);
        self.version.store(version, Ordering::Release);
    }
}
