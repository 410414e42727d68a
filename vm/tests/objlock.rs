//! The object write lock and the locking mode with real threads (the loom models in
//! `loom-tests/tests/objlock.rs` check the lock exhaustively on small cases). One process
//! of its own, because the locking mode is process-wide.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::thread;

use vm::obj::lockmode::{self, LockMode, LockModeError};
use vm::obj::objlock::{self, LockCounts};

struct Counter {
    lock: AtomicU8,
    value: UnsafeCell<u64>,
}

// SAFETY: `value` is accessed only while `lock` is held.
unsafe impl Sync for Counter {}

#[test]
fn threads_increment_under_the_lock() {
    const THREADS: u64 = 4;
    const ROUNDS: u64 = 100_000;
    let c = Arc::new(Counter {
        lock: AtomicU8::new(0),
        value: UnsafeCell::new(0),
    });
    let threads: Vec<_> = (0..THREADS)
        .map(|_| {
            let c = Arc::clone(&c);
            thread::spawn(move || {
                let mut counts = LockCounts::default();
                for _ in 0..ROUNDS {
                    let _g = objlock::lock(&c.lock, &mut counts);
                    // SAFETY: the lock is held.
                    unsafe { *c.value.get() += 1 };
                }
                counts
            })
        })
        .collect();
    let mut total = LockCounts::default();
    for t in threads {
        total.add(&t.join().expect("thread"));
    }
    assert!(!objlock::is_locked(&c.lock));
    // SAFETY: every thread is joined.
    assert_eq!(unsafe { *c.value.get() }, THREADS * ROUNDS);
    assert_eq!(total.acquired, THREADS * ROUNDS);
    assert!(total.contended <= total.acquired);
}

#[test]
fn try_lock_and_guard() {
    let byte = AtomicU8::new(0);
    let g = objlock::try_lock(&byte).expect("free");
    assert!(objlock::is_locked(&byte));
    assert!(objlock::try_lock(&byte).is_none());
    drop(g);
    assert!(objlock::try_lock(&byte).is_some());
    assert!(!objlock::is_locked(&byte), "the temporary guard unlocked");
}

/// One test for the whole mode switch, because the mode is process-wide.
#[test]
fn modes_and_the_thread_switch() {
    assert_eq!(lockmode::mode(), LockMode::Auto);
    assert!(!lockmode::writers_must_lock() && !lockmode::readers_must_lock());
    for (m, w, r) in [
        (LockMode::Write, true, false),
        (LockMode::Rw, true, true),
        (LockMode::None, false, false),
        (LockMode::Auto, false, false),
    ] {
        lockmode::set_mode(m).expect("single-threaded");
        assert_eq!(lockmode::mode(), m);
        let must = (lockmode::writers_must_lock(), lockmode::readers_must_lock());
        assert_eq!(must, (w, r), "{m:?}");
    }
    assert_eq!("rw".parse::<LockMode>(), Ok(LockMode::Rw));
    assert!("gil".parse::<LockMode>().is_err());

    lockmode::set_mode(LockMode::None).expect("single-threaded");
    assert_eq!(
        lockmode::enable_multithreaded(),
        Err(LockModeError::ThreadsDisabled)
    );
    lockmode::set_mode(LockMode::Auto).expect("single-threaded");
    let byte = AtomicU8::new(0);
    let mut counts = LockCounts::default();
    assert!(
        lockmode::lock_for_write(&byte, &mut counts).is_none(),
        "elided"
    );
    lockmode::enable_multithreaded().expect("auto allows threads");
    assert!(lockmode::is_multithreaded());
    assert!(lockmode::writers_must_lock() && !lockmode::readers_must_lock());
    assert_eq!(
        lockmode::set_mode(LockMode::Rw),
        Err(LockModeError::AlreadyMultithreaded)
    );
    {
        let g = lockmode::lock_for_write(&byte, &mut counts);
        assert!(g.is_some() && byte.load(Ordering::Relaxed) != 0);
        assert!(lockmode::lock_for_read(&byte, &mut counts).is_none());
    }
    assert_eq!(byte.load(Ordering::Relaxed), 0);
    assert_eq!(counts.acquired, 1);
}
