//! The forwarding state machine: the race primitive of the copying collector.
//!
//! Every heap object starts with one header word, owned by the collector:
//!
//! | low 2 bits | state     | upper bits (`word & PAYLOAD_MASK`)      |
//! |------------|-----------|-----------------------------------------|
//! | 0          | NORMAL    | object size in bytes (incl. header)     |
//! | 1          | BUSY      | object size (a worker is copying it)    |
//! | 2          | FORWARDED | new address of the object               |
//! | 3          | PINNED    | object size in bytes; never moves       |
//!
//! Bit 2 (`MARK`) is used only by large objects, which are not copied but kept in place:
//! a NORMAL header with `MARK` set means "already reached in this collection".
//!
//! How a worker evacuates the object behind a slot (`claim`):
//! - NORMAL, small: compare-and-swap NORMAL|size -> BUSY|size. The winner copies the object,
//!   writes the copy's header (`copied_header`) and then `publish`es FORWARDED|new with a
//!   Release store. A loser that sees BUSY spins (through `sync::spin_hint`) until it sees
//!   FORWARDED, loading with Acquire, so the copy is complete before it uses the address.
//! - NORMAL, large (size > threshold): compare-and-swap to NORMAL|MARK|size. The winner
//!   scans the object in place; everyone else leaves the slot alone.
//! - FORWARDED: take the new address. PINNED: leave the slot alone.
//!
//! What must hold: only the winner of the CAS writes the to-space copy; FORWARDED is the
//! last state an object reaches in a collection, and it is published only after the copy
//! (payload and header) is fully written. BUSY never outlives a collection.
//!
//! This file is compiled twice: by `gc-parallel` against std atomics and by `loom-tests`
//! against loom. It must import atomics only through `crate::sync` and use nothing that
//! does not exist in both (no `const` atomics, no `from_ptr`).

#![forbid(unsafe_code)]

use crate::sync::{spin_hint, AtomicUsize, Ordering};

/// Mask of the two state bits.
pub const STATE_MASK: usize = 0b11;
/// A live object in its home location; upper bits hold the size.
pub const NORMAL: usize = 0;
/// A worker has claimed the object and is copying it.
pub const BUSY: usize = 1;
/// The object was copied; upper bits hold the new address.
pub const FORWARDED: usize = 2;
/// The object never moves and is never freed; upper bits hold the size.
pub const PINNED: usize = 3;
/// Mark bit of large objects (kept in place, not copied) during a collection.
pub const MARK: usize = 0b100;
/// Mask of the size / address part of a header word.
pub const PAYLOAD_MASK: usize = !0b111;

/// What the caller of [`claim`] must do with the object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// This worker won the race: copy `size` bytes, then call [`publish`].
    Copy {
        /// Object size in bytes, header included.
        size: usize,
    },
    /// This worker marked a large object: scan it in place (it does not move).
    Mark {
        /// Object size in bytes, header included.
        size: usize,
    },
    /// The object already lives at this new address.
    Forwarded(usize),
    /// Pinned, or a large object already marked: the slot stays as it is.
    Stay,
}

/// Header word of a freshly allocated movable object of `size` bytes.
#[inline]
pub const fn normal_header(size: usize) -> usize {
    size | NORMAL
}

/// Header word of a pinned object of `size` bytes.
#[inline]
pub const fn pinned_header(size: usize) -> usize {
    size | PINNED
}

/// Header word of a gap the collector leaves in to-space (a NORMAL header with `MARK`,
/// which no copy has: marks are only set on large objects, in place). A scan of
/// to-space skips it by its size.
#[inline]
pub const fn filler_header(size: usize) -> usize {
    size | NORMAL | MARK
}

/// Is this to-space header word a gap (`filler_header`)?
#[inline]
pub const fn is_filler(word: usize) -> bool {
    word & STATE_MASK == NORMAL && word & MARK != 0
}

/// Header word a worker writes into the to-space copy of an object.
#[inline]
pub const fn copied_header(size: usize) -> usize {
    normal_header(size)
}

/// Race to evacuate the object whose header is `header`. Objects larger than
/// `large_threshold` bytes are marked in place instead of copied.
#[inline]
pub fn claim(header: &AtomicUsize, large_threshold: usize) -> Claim {
    let mut word = header.load(Ordering::Acquire);
    loop {
        match word & STATE_MASK {
            NORMAL if word & MARK != 0 => return Claim::Stay,
            NORMAL => {
                let size = word & PAYLOAD_MASK;
                let (target, won) = if size > large_threshold {
                    (word | MARK, Claim::Mark { size })
                } else {
                    (size | BUSY, Claim::Copy { size })
                };
                match header.compare_exchange_weak(
                    word,
                    target,
                    Ordering::Acquire,
                    Ordering::Acquire,
                ) {
                    Ok(_) => return won,
                    Err(seen) => word = seen,
                }
            }
            BUSY => return Claim::Forwarded(wait_forwarded(header)),
            FORWARDED => return Claim::Forwarded(word & PAYLOAD_MASK),
            _ => return Claim::Stay,
        }
    }
}

/// Spin until the worker that claimed this object publishes its new address.
#[inline]
pub fn wait_forwarded(header: &AtomicUsize) -> usize {
    loop {
        let word = header.load(Ordering::Acquire);
        if word & STATE_MASK == FORWARDED {
            return word & PAYLOAD_MASK;
        }
        spin_hint();
    }
}

/// Publish the new address of an object this worker claimed with [`Claim::Copy`]. The
/// copy must be complete: the Release store hands it to every worker that loads it.
#[inline]
pub fn publish(header: &AtomicUsize, new_addr: usize) {
    debug_assert_eq!(new_addr & !PAYLOAD_MASK, 0, "misaligned forwarding address");
    header.store(new_addr | FORWARDED, Ordering::Release);
}

/// Is this a large object marked in the current collection?
#[inline]
pub fn is_marked(header: &AtomicUsize) -> bool {
    let word = header.load(Ordering::Acquire);
    word & STATE_MASK == NORMAL && word & MARK != 0
}

/// Clear the mark of a surviving large object once the collection is over (no worker
/// races any more at that point).
#[inline]
pub fn clear_mark(header: &AtomicUsize) {
    let word = header.load(Ordering::Relaxed);
    header.store(word & !MARK, Ordering::Relaxed);
}
