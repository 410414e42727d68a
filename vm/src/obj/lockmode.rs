//! The global locking mode: whether object writers (and readers) take object locks.
//!
//! How it works: the mode (`auto`, `write`, `rw`, `none`; see DESIGN "Locking modes") is
//! chosen at start-up with [`set_mode`]. What the hot paths ask is folded into one byte of
//! flags, so [`writers_must_lock`] and [`readers_must_lock`] are one Relaxed load and a
//! test:
//! - `auto` (default): nobody locks until [`enable_multithreaded`] is called, then writers
//!   lock (HotPy's `multi_threaded` flag);
//! - `write`: writers always lock; readers never;
//! - `rw`: writers and readers always lock (the comparison point);
//! - `none`: nobody locks and [`enable_multithreaded`] refuses, so no second thread starts.
//!
//! What must hold: [`enable_multithreaded`] is called by the thread that starts the second
//! Python thread, before it starts it. Thread creation orders that store before anything
//! the new thread does, and the only thread running before it is the caller, so Relaxed
//! loads are enough and no thread can see locks elided while another takes them. The
//! switch is one-way. [`set_mode`] is refused once multithreaded.
//!
//! Not a leaf primitive (it keeps process-wide statics, which loom cannot model), so it is
//! not compiled by `loom-tests`; there is no race in it to model.

#![forbid(unsafe_code)]

use super::objlock::{lock, LockCounts, ObjLockGuard};
use crate::sync::{AtomicU8, Ordering};

/// How object locks are used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockMode {
    /// Locks elided until a second thread starts, then writers lock.
    Auto,
    /// Writers always lock; readers never.
    Write,
    /// Writers and readers always lock.
    Rw,
    /// No locks; starting a second thread is refused.
    None,
}

/// A mode change or thread start that the current mode refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockModeError {
    /// `set_mode` after `enable_multithreaded`.
    AlreadyMultithreaded,
    /// `enable_multithreaded` in mode `none`.
    ThreadsDisabled,
}

impl std::fmt::Display for LockModeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LockModeError::AlreadyMultithreaded => {
                "the locking mode cannot change once a second thread has started"
            }
            LockModeError::ThreadsDisabled => "threads are disabled (locking mode 'none')",
        })
    }
}

impl std::error::Error for LockModeError {}

impl std::str::FromStr for LockMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "auto" => Ok(LockMode::Auto),
            "write" => Ok(LockMode::Write),
            "rw" => Ok(LockMode::Rw),
            "none" => Ok(LockMode::None),
            _ => Err(format!(
                "unknown locking mode {s:?} (expected auto, write, rw or none)"
            )),
        }
    }
}

const WRITERS: u8 = 1;
const READERS: u8 = 2;
const MULTI: u8 = 4;

/// The mode, as a `LockMode` discriminant (see `mode_byte`).
static MODE: AtomicU8 = AtomicU8::new(0);
/// `WRITERS | READERS | MULTI` bits derived from the mode and the thread switch.
static FLAGS: AtomicU8 = AtomicU8::new(0);

fn mode_byte(m: LockMode) -> u8 {
    match m {
        LockMode::Auto => 0,
        LockMode::Write => 1,
        LockMode::Rw => 2,
        LockMode::None => 3,
    }
}

fn flags_for(m: LockMode, multi: bool) -> u8 {
    let multi_bit = if multi { MULTI } else { 0 };
    multi_bit
        | match m {
            LockMode::Auto if multi => WRITERS,
            LockMode::Auto | LockMode::None => 0,
            LockMode::Write => WRITERS,
            LockMode::Rw => WRITERS | READERS,
        }
}

/// The current mode.
pub fn mode() -> LockMode {
    match MODE.load(Ordering::Relaxed) {
        0 => LockMode::Auto,
        1 => LockMode::Write,
        2 => LockMode::Rw,
        _ => LockMode::None,
    }
}

/// Choose the mode (at start-up, before any second thread).
pub fn set_mode(m: LockMode) -> Result<(), LockModeError> {
    if is_multithreaded() {
        return Err(LockModeError::AlreadyMultithreaded);
    }
    MODE.store(mode_byte(m), Ordering::Relaxed);
    FLAGS.store(flags_for(m, false), Ordering::Relaxed);
    Ok(())
}

/// Switch to multithreaded operation; call before starting the second thread (see the
/// module comment). Idempotent. Refused in mode `none`.
pub fn enable_multithreaded() -> Result<(), LockModeError> {
    let m = mode();
    if m == LockMode::None {
        return Err(LockModeError::ThreadsDisabled);
    }
    FLAGS.store(flags_for(m, true), Ordering::Relaxed);
    Ok(())
}

/// Has a second thread been allowed to start?
#[inline]
pub fn is_multithreaded() -> bool {
    FLAGS.load(Ordering::Relaxed) & MULTI != 0
}

/// Must a writer of a mutable object take its lock?
#[inline(always)]
pub fn writers_must_lock() -> bool {
    FLAGS.load(Ordering::Relaxed) & WRITERS != 0
}

/// Must a reader of a mutable object take its lock (mode `rw`)?
#[inline(always)]
pub fn readers_must_lock() -> bool {
    FLAGS.load(Ordering::Relaxed) & READERS != 0
}

/// Lock `byte` for a write if the mode says writers lock; `None` when elided. Always
/// inlined: the elided case must cost only the flag test on the interpreter's paths.
#[inline(always)]
pub fn lock_for_write<'a>(byte: &'a AtomicU8, counts: &mut LockCounts) -> Option<ObjLockGuard<'a>> {
    writers_must_lock().then(|| lock(byte, counts))
}

/// Lock `byte` for a read if the mode says readers lock; `None` when elided. Always
/// inlined, as `lock_for_write`.
#[inline(always)]
pub fn lock_for_read<'a>(byte: &'a AtomicU8, counts: &mut LockCounts) -> Option<ObjLockGuard<'a>> {
    readers_must_lock().then(|| lock(byte, counts))
}
