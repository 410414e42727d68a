//! loom models of the parallel collector's termination detection
//! (`gc-parallel/src/terminate.rs`).
//!
//! Workers run the collector's loop shape: pop their own deque, else steal from the
//! other's, else `Termination::idle`. A deque is modelled as an atomic count of items
//! (pop and steal are compare-and-swap decrements; the real deques come from
//! crossbeam-deque, and what is checked here is the counting protocol around them).
//! Processing an item may make a new item on the processing worker's own deque, as
//! scanning a copied object makes new gray objects. Loom checks that when a worker
//! finishes, every item ever made has been processed and every deque is empty, and that
//! every worker does finish.

use loom::sync::Arc;
use loom::thread;
use loom_tests::sync::{AtomicUsize, Ordering};
use loom_tests::terminate::Termination;

struct Shared {
    deques: [AtomicUsize; 2],
    term: Termination,
    /// Items still to be made by processing (each processed item makes one while > 0).
    to_make: AtomicUsize,
    made: AtomicUsize,
    done: AtomicUsize,
}

fn take(d: &AtomicUsize) -> bool {
    let mut n = d.load(Ordering::Acquire);
    while n > 0 {
        match d.compare_exchange(n, n - 1, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return true,
            Err(seen) => n = seen,
        }
    }
    false
}

fn process(shared: &Shared, me: usize) {
    shared.done.fetch_add(1, Ordering::AcqRel);
    let more = shared
        .to_make
        .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
        .is_ok();
    if more {
        shared.made.fetch_add(1, Ordering::AcqRel);
        shared.deques[me].fetch_add(1, Ordering::AcqRel);
    }
}

fn worker(shared: &Shared, me: usize) {
    loop {
        if take(&shared.deques[me]) || take(&shared.deques[1 - me]) {
            process(shared, me);
            continue;
        }
        let visible = || shared.deques.iter().any(|d| d.load(Ordering::Acquire) > 0);
        if shared.term.idle(visible) {
            assert_eq!(
                shared.done.load(Ordering::Acquire),
                shared.made.load(Ordering::Acquire),
                "a worker finished while work was left"
            );
            for d in &shared.deques {
                assert_eq!(d.load(Ordering::Acquire), 0, "a deque still holds work");
            }
            return;
        }
    }
}

fn run(initial: [usize; 2], to_make: usize) {
    let mut builder = loom::model::Builder::new();
    // The idle loop spins; a bound on preemptions keeps the search finite and quick
    // while still reordering every step of the protocol against the other worker.
    builder.preemption_bound = Some(3);
    builder.check(move || {
        let shared = Arc::new(Shared {
            deques: [AtomicUsize::new(initial[0]), AtomicUsize::new(initial[1])],
            term: Termination::new(2),
            to_make: AtomicUsize::new(to_make),
            made: AtomicUsize::new(initial[0] + initial[1]),
            done: AtomicUsize::new(0),
        });
        let other = shared.clone();
        let h = thread::spawn(move || worker(&other, 1));
        worker(&shared, 0);
        h.join().unwrap();
        assert_eq!(
            shared.done.load(Ordering::Acquire),
            shared.made.load(Ordering::Acquire)
        );
    });
}

#[test]
fn one_busy_worker_one_idle() {
    // All the work starts with worker 0 and grows as it runs; worker 1 must not finish
    // before it is all done, even though it starts with nothing.
    run([1, 0], 2);
}

#[test]
fn both_workers_start_with_work() {
    run([1, 1], 1);
}
