//! loom models of the object write lock (`vm/src/obj/objlock.rs`).
//!
//! Two threads increment a plain (non-atomic) counter, a loom `UnsafeCell`, under the
//! lock byte. loom reports any two accesses to the cell not ordered by happens-before, so
//! a lock that let both in, or an unlock/lock pair without Release/Acquire, fails the
//! model; the final value checks that no increment was lost.

use loom::cell::UnsafeCell;
use loom::sync::Arc;
use loom::thread;
use loom_tests::objlock::{self, LockCounts};
use loom_tests::sync::{AtomicU8, Ordering};

struct Counter {
    lock: AtomicU8,
    value: UnsafeCell<usize>,
}

// SAFETY: `value` is accessed only under `lock`; loom checks that claim.
unsafe impl Sync for Counter {}

impl Counter {
    fn bump(&self, counts: &mut LockCounts) {
        let _guard = objlock::lock(&self.lock, counts);
        // SAFETY (model): the lock is held.
        self.value.with_mut(|v| unsafe { *v += 1 });
    }
}

#[test]
fn two_threads_increment_under_the_lock() {
    loom::model(|| {
        let c = Arc::new(Counter {
            lock: AtomicU8::new(objlock::UNLOCKED),
            value: UnsafeCell::new(0),
        });
        let c2 = Arc::clone(&c);
        let t = thread::spawn(move || {
            let mut counts = LockCounts::default();
            c2.bump(&mut counts);
            c2.bump(&mut counts);
            counts
        });
        let mut counts = LockCounts::default();
        c.bump(&mut counts);
        counts.add(&t.join().expect("thread"));
        assert_eq!(counts.acquired, 3);
        assert!(!objlock::is_locked(&c.lock));
        // SAFETY (model): the other thread is joined.
        assert_eq!(c.value.with(|v| unsafe { *v }), 3);
    });
}

#[test]
fn try_lock_never_enters_a_held_lock() {
    loom::model(|| {
        let c = Arc::new(Counter {
            lock: AtomicU8::new(objlock::UNLOCKED),
            value: UnsafeCell::new(0),
        });
        let c2 = Arc::clone(&c);
        let t = thread::spawn(move || {
            let mut counts = LockCounts::default();
            c2.bump(&mut counts);
        });
        let took = match objlock::try_lock(&c.lock) {
            Some(_guard) => {
                // SAFETY (model): the lock is held.
                c.value.with_mut(|v| unsafe { *v += 10 });
                10
            }
            None => 0,
        };
        t.join().expect("thread");
        assert_eq!(c.lock.load(Ordering::Relaxed), objlock::UNLOCKED);
        // SAFETY (model): the other thread is joined.
        assert_eq!(c.value.with(|v| unsafe { *v }), 1 + took);
    });
}
