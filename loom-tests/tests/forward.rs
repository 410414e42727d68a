//! loom models of the forwarding race (`gc-parallel/src/forward.rs`).
//!
//! Two copying workers reach the same from-space object through different slots. Each
//! runs the state machine exactly as the collector does: `claim`, then (if it won) copy
//! the payload into its own to-space and `publish`. Loom explores every interleaving and
//! checks: exactly one worker copies, both end with the same address, the payload a loser
//! reads through the forwarding address is the copied one (loom's `UnsafeCell` flags a
//! read not ordered after the write, so a Relaxed publish or load would fail here).

use loom::cell::UnsafeCell;
use loom::sync::Arc;
use loom::thread;
use loom_tests::forward::{self, Claim};
use loom_tests::sync::{AtomicUsize, Ordering};

const SIZE: usize = 32;
const PAYLOAD: usize = 0xC0FFEE;
/// Fake to-space addresses: worker `w` copies to `TO_SPACE[w]`.
const TO_SPACE: [usize; 2] = [0x1000, 0x2000];

struct World {
    /// The from-space object: its header and one payload word.
    header: AtomicUsize,
    payload: UnsafeCell<usize>,
    /// Each worker's to-space copy (written only by its owner, before publishing).
    copies: [UnsafeCell<usize>; 2],
    copied: AtomicUsize,
    /// Set by a worker that found the header BUSY before claiming.
    saw_busy: loom_tests::sync::AtomicBool,
}

// SAFETY: the cells are accessed as the protocol under test allows; loom checks it.
unsafe impl Sync for World {}

impl World {
    fn new(header: usize) -> Arc<World> {
        Arc::new(World {
            header: AtomicUsize::new(header),
            payload: UnsafeCell::new(PAYLOAD),
            copies: [UnsafeCell::new(0), UnsafeCell::new(0)],
            copied: AtomicUsize::new(0),
            saw_busy: loom_tests::sync::AtomicBool::new(false),
        })
    }

    /// What the collector's tracer does for one slot; returns the slot's new value.
    fn trace(&self, worker: usize, threshold: usize) -> usize {
        if self.header.load(Ordering::Acquire) & forward::STATE_MASK == forward::BUSY {
            self.saw_busy.store(true, Ordering::Relaxed);
        }
        match forward::claim(&self.header, threshold) {
            Claim::Copy { size } => {
                assert_eq!(size, SIZE);
                // SAFETY (model): only the CAS winner reads the old payload and writes its copy.
                let value = self.payload.with(|p| unsafe { *p });
                self.copies[worker].with_mut(|c| unsafe { *c = value });
                self.copied.fetch_add(1, Ordering::Relaxed);
                forward::publish(&self.header, TO_SPACE[worker]);
                TO_SPACE[worker]
            }
            Claim::Forwarded(addr) => {
                let owner = TO_SPACE
                    .iter()
                    .position(|&a| a == addr)
                    .expect("known address");
                // The copy must be visible through the forwarding pointer.
                let value = self.copies[owner].with(|c| unsafe { *c });
                assert_eq!(value, PAYLOAD);
                addr
            }
            Claim::Mark { .. } => {
                self.copied.fetch_add(1, Ordering::Relaxed);
                0
            }
            Claim::Stay => 0,
        }
    }
}

/// Executions in which worker 0 (the model's main thread) or worker 1 (spawned) copied,
/// and in which the loser met the object BUSY (so it waited for the forwarding address).
/// Counted across loom's executions with plain std atomics, outside the model, to check
/// that loom explored both winners and the waiting path (loom 0.7's partial-order
/// reduction can skip interleavings; see tokio-rs/loom issues 166 and 392).
static WINS: [std::sync::atomic::AtomicUsize; 2] = [
    std::sync::atomic::AtomicUsize::new(0),
    std::sync::atomic::AtomicUsize::new(0),
];
static WAITED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

#[test]
fn two_workers_race_to_forward_one_object() {
    use std::sync::atomic::Ordering::Relaxed as R;
    loom::model(|| {
        let world = World::new(forward::normal_header(SIZE));
        let other = Arc::clone(&world);
        let t = thread::spawn(move || other.trace(1, usize::MAX));
        let mine = world.trace(0, usize::MAX);
        let theirs = t.join().expect("worker thread");
        assert_eq!(world.copied.load(Ordering::Relaxed), 1, "exactly one copy");
        assert_eq!(mine, theirs, "both slots agree");
        assert!(TO_SPACE.contains(&mine));
        let word = world.header.load(Ordering::Relaxed);
        assert_eq!(word & forward::STATE_MASK, forward::FORWARDED);
        assert_eq!(word & forward::PAYLOAD_MASK, mine);
        let winner = TO_SPACE
            .iter()
            .position(|&a| a == mine)
            .expect("known address");
        WINS[winner].fetch_add(1, R);
        if world.saw_busy.load(Ordering::Relaxed) {
            WAITED.fetch_add(1, R);
        }
    });
    assert!(
        WINS[0].load(R) > 0 && WINS[1].load(R) > 0,
        "loom explored both winners"
    );
    assert!(WAITED.load(R) > 0, "loom explored a loser waiting on BUSY");
}

#[test]
fn two_workers_race_to_mark_one_large_object() {
    loom::model(|| {
        let world = World::new(forward::normal_header(SIZE));
        let other = Arc::clone(&world);
        let t = thread::spawn(move || other.trace(1, SIZE - 8));
        let mine = world.trace(0, SIZE - 8);
        let theirs = t.join().expect("worker thread");
        assert_eq!((mine, theirs), (0, 0), "large objects stay in place");
        assert_eq!(
            world.copied.load(Ordering::Relaxed),
            1,
            "exactly one marker"
        );
        assert!(forward::is_marked(&world.header));
        forward::clear_mark(&world.header);
        assert_eq!(
            world.header.load(Ordering::Relaxed),
            forward::normal_header(SIZE)
        );
    });
}

#[test]
fn pinned_objects_are_left_alone() {
    loom::model(|| {
        let world = World::new(forward::pinned_header(SIZE));
        let other = Arc::clone(&world);
        let t = thread::spawn(move || other.trace(1, usize::MAX));
        assert_eq!(world.trace(0, usize::MAX), 0);
        assert_eq!(t.join().expect("worker thread"), 0);
        assert_eq!(world.copied.load(Ordering::Relaxed), 0);
        assert_eq!(
            world.header.load(Ordering::Relaxed),
            forward::pinned_header(SIZE)
        );
    });
}
