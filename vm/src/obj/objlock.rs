//! The object write lock: a one-byte spin lock living in the header of every mutable
//! heap object (`Header::lock`).
//!
//! How it works: the byte is `UNLOCKED` (0, what a freshly zeroed object holds) or
//! `LOCKED`. [`lock`] is one compare-and-swap on the fast path (Acquire on success);
//! under contention it spins on a plain load (test-and-test-and-set, so waiters do not
//! bounce the cache line with failed writes) with `sync::spin_hint`, and after
//! `SPINS_BEFORE_YIELD` rounds gives up its time slice with `sync::yield_now`, then spins
//! again. Dropping the [`ObjLockGuard`] stores `UNLOCKED` with Release, which hands the
//! writer's stores to the next holder. It never sleeps in the kernel: holders are short
//! (see below), and the byte has no room for a waiter queue.
//!
//! Counting is the caller's: [`lock`] adds to a [`LockCounts`] the caller owns (the VM
//! keeps one per thread state and sums them for `-X stats`), so the uncontended path costs
//! one increment of a plain per-thread integer, never a shared atomic.
//!
//! Whether a lock is taken at all is decided by the caller through `obj::lockmode`
//! (`writers_must_lock`); this module only implements the lock.
//!
//! What must hold (callers):
//! - A holder runs no Python code, reaches no safepoint and takes no other object lock
//!   that could be held by a thread waiting for this one (lock at most one object at a
//!   time, or in a fixed global order). Waiters spin, so long holds burn CPU.
//! - Only the holder of the guard unlocks; the byte is never written except through this
//!   module (and zeroed at allocation).
//! - Readers that do not lock (the HotPy scheme) are correct only for data published as in
//!   `obj/publish.rs`: the lock orders writers among themselves, not readers.
//!
//! This file is compiled twice: by `vm` against std and by `loom-tests` against loom.
//! It reaches atomics and hints only through `crate::sync`.

#![forbid(unsafe_code)]

use crate::sync::{spin_hint, yield_now, AtomicU8, Ordering};

/// The lock byte of an object nobody holds (zeroed memory).
pub const UNLOCKED: u8 = 0;
/// The lock byte of a held object.
pub const LOCKED: u8 = 1;

/// Spin rounds between two yields of the time slice.
pub const SPINS_BEFORE_YIELD: u32 = 64;

/// Lock statistics of one thread (plain integers: the owner adds, a reporter sums).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LockCounts {
    /// Locks taken through [`lock`] (contended or not).
    pub acquired: u64,
    /// Of those, the ones that found the lock held and had to wait.
    pub contended: u64,
    /// Times a waiter gave up its time slice.
    pub yields: u64,
}

impl LockCounts {
    /// Add another thread's counts to these.
    pub fn add(&mut self, other: &LockCounts) {
        self.acquired += other.acquired;
        self.contended += other.contended;
        self.yields += other.yields;
    }
}

/// A held object lock; dropping it unlocks.
#[must_use = "the lock is released when the guard is dropped"]
#[derive(Debug)]
pub struct ObjLockGuard<'a> {
    byte: &'a AtomicU8,
}

impl Drop for ObjLockGuard<'_> {
    #[inline]
    fn drop(&mut self) {
        self.byte.store(UNLOCKED, Ordering::Release);
    }
}

/// Take the lock if it is free; never waits. Does not count.
#[inline]
pub fn try_lock(byte: &AtomicU8) -> Option<ObjLockGuard<'_>> {
    byte.compare_exchange(UNLOCKED, LOCKED, Ordering::Acquire, Ordering::Relaxed)
        .ok()
        .map(|_| ObjLockGuard { byte })
}

/// Take the lock, waiting (spinning, then yielding) while another thread holds it.
#[inline]
pub fn lock<'a>(byte: &'a AtomicU8, counts: &mut LockCounts) -> ObjLockGuard<'a> {
    counts.acquired += 1;
    match try_lock(byte) {
        Some(guard) => guard,
        None => lock_contended(byte, counts),
    }
}

#[cold]
#[inline(never)]
fn lock_contended<'a>(byte: &'a AtomicU8, counts: &mut LockCounts) -> ObjLockGuard<'a> {
    counts.contended += 1;
    loop {
        for _ in 0..SPINS_BEFORE_YIELD {
            if byte.load(Ordering::Relaxed) == UNLOCKED {
                if let Some(guard) = try_lock(byte) {
                    return guard;
                }
            }
            spin_hint();
        }
        counts.yields += 1;
        yield_now();
    }
}

/// Is the lock held by someone? (A snapshot, for assertions and diagnostics.)
#[inline]
pub fn is_locked(byte: &AtomicU8) -> bool {
    byte.load(Ordering::Relaxed) != UNLOCKED
}
