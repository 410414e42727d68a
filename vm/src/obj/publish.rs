//! Published storage: how a writer replaces or grows the backing storage of a list, dict
//! or set while readers that take no lock read it.
//!
//! The shape: an object holds two atomic words, a length `len` and a `storage` word (the
//! address of a heap block, e.g. a list's `items` array). The block's capacity is stored
//! inside the block (`cap_of(storage)`), never beside it, so a reader that loads a
//! storage address always bounds-checks against the capacity of that very block.
//!
//! How it works:
//! - Writers (holding the object's write lock, or being the only thread) fill new storage
//!   completely before publishing it with a Release store of the storage word; they store
//!   `len` with Release after the elements it covers are written. When `len` grows, the
//!   storage that covers it is published first ([`push`], [`replace`]); when `len` shrinks,
//!   the smaller `len` is stored first and only then smaller storage published.
//! - Readers load `len` (Acquire) and then `storage` (Acquire) and read element `i` only if
//!   `i < len` and `i < cap_of(storage)` ([`read_at`], [`view`]). Loading `len` first is
//!   what makes a grown `len` safe: the Acquire of the new `len` orders the reader after
//!   the publication of the storage that covers it, so the storage load cannot return an
//!   older block with unfilled slots below `len`. The capacity check is what makes a racing
//!   shrink or replacement safe: whatever block the reader gets, it never reads past it.
//! - Old storage is not freed by the writer: the copying collector reclaims it, and it
//!   runs only when no reader is between these loads (collections happen at safepoints),
//!   so a reader holding an old block reads stale but valid memory.
//!
//! What a reader may see: the element at `i` as of some moment of the race, i.e. old or
//! new storage, never memory out of a block, never freed memory, and never an unfilled
//! slot of a block while writers only grow (append, insert, replace by larger). When a
//! writer shrinks concurrently (pop, clear, truncate), a reader that loaded the old `len`
//! may find the slot already cleared: it sees the empty value (NULL) and must treat it as
//! "no such element" (for a list, an IndexError as if it had run after the shrink).
//!
//! What callers must guarantee:
//! - `cap_of(s)` is the capacity stored in block `s`, constant for the block's life (0 for
//!   a null storage word); `load(s, i)` / `write(s, i)` touch element `i < cap_of(s)` of
//!   block `s` with atomic accesses (`Slot::get` / `Slot::set` in the VM).
//! - Every store of `len` or `storage` goes through this module (or keeps its orders), is
//!   made under the object's write lock, and `len <= cap_of(storage)` whenever `len` is
//!   stored.
//! - A block is reachable from one object at most, is filled before [`publish`], and is
//!   never written again after it is replaced except by the collector.
//!
//! This file is compiled twice: by `vm` against std and by `loom-tests` against loom.
//! It reaches atomics only through `crate::sync`.

#![forbid(unsafe_code)]

use crate::sync::{AtomicUsize, Ordering};

/// The word holding the address of published storage. The VM implements it for `Slot`
/// (whose `get`/`set` are Acquire/Release and pass through the one write-barrier point);
/// a bare atomic word implements it here.
pub trait StorageWord {
    /// Load the storage address with Acquire.
    fn load_storage(&self) -> usize;
    /// Store a new, completely filled storage address with Release.
    fn publish_storage(&self, storage: usize);
}

impl StorageWord for AtomicUsize {
    #[inline(always)]
    fn load_storage(&self) -> usize {
        self.load(Ordering::Acquire)
    }
    #[inline(always)]
    fn publish_storage(&self, storage: usize) {
        self.store(storage, Ordering::Release)
    }
}

/// A reader's consistent view: elements `0..len` of block `storage` may be loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub storage: usize,
    pub len: usize,
}

/// Reader: the number of elements (Acquire).
#[inline(always)]
pub fn load_len(len: &AtomicUsize) -> usize {
    len.load(Ordering::Acquire)
}

/// Reader: element `i`, or `None` if `i` is out of range of the length or of the storage
/// loaded (a racing shrink). `load(storage, i)` is called only with `i < cap_of(storage)`.
#[inline]
pub fn read_at<S: StorageWord + ?Sized, T>(
    len: &AtomicUsize,
    storage: &S,
    i: usize,
    cap_of: impl FnOnce(usize) -> usize,
    load: impl FnOnce(usize, usize) -> T,
) -> Option<T> {
    if i >= len.load(Ordering::Acquire) {
        return None;
    }
    let s = storage.load_storage();
    if i >= cap_of(s) {
        return None;
    }
    Some(load(s, i))
}

/// Reader: a block and a count of its elements that may be read (for iteration and
/// snapshots): `len` clamped to the block's capacity.
#[inline]
pub fn view<S: StorageWord + ?Sized>(
    len: &AtomicUsize,
    storage: &S,
    cap_of: impl FnOnce(usize) -> usize,
) -> View {
    let n = len.load(Ordering::Acquire);
    let s = storage.load_storage();
    View {
        storage: s,
        len: n.min(cap_of(s)),
    }
}

/// Writer: the length, as last stored by a writer (the caller holds the write lock, so
/// no other writer changes it meanwhile).
#[inline(always)]
pub fn writer_len(len: &AtomicUsize) -> usize {
    len.load(Ordering::Relaxed)
}

/// Writer: publish a completely filled block (Release).
#[inline(always)]
pub fn publish<S: StorageWord + ?Sized>(storage: &S, block: usize) {
    storage.publish_storage(block);
}

/// Writer: store a new length (Release), after writing the elements it covers.
#[inline(always)]
pub fn set_len(len: &AtomicUsize, n: usize) {
    len.store(n, Ordering::Release);
}

/// Writer: append one element. If the storage is full, `grow(old, n)` must return a new
/// block with capacity > `n` whose elements `0..n` are copies of the old block's (and the
/// rest empty); it is published before the element is written. `write(block, n)` stores
/// the element. An error from `grow` leaves the object unchanged.
#[inline]
pub fn push<S: StorageWord + ?Sized, E>(
    len: &AtomicUsize,
    storage: &S,
    cap_of: impl Fn(usize) -> usize,
    grow: impl FnOnce(usize, usize) -> Result<usize, E>,
    write: impl FnOnce(usize, usize),
) -> Result<(), E> {
    let n = writer_len(len);
    let mut s = storage.load_storage();
    if n >= cap_of(s) {
        s = grow(s, n)?;
        debug_assert!(cap_of(s) > n, "publish::push: grown storage too small");
        publish(storage, s);
    }
    write(s, n);
    set_len(len, n + 1);
    Ok(())
}

/// Writer: replace the storage by `block` (filled with `new_len` elements) and the length
/// by `new_len`, in the order that keeps readers safe: a growing length after the block, a
/// shrinking one before it.
#[inline]
pub fn replace<S: StorageWord + ?Sized>(
    len: &AtomicUsize,
    storage: &S,
    block: usize,
    new_len: usize,
) {
    if new_len < writer_len(len) {
        set_len(len, new_len);
        publish(storage, block);
    } else {
        publish(storage, block);
        set_len(len, new_len);
    }
}
