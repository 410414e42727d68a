//! loom models of the safepoint handshake (`gc-parallel/src/safepoint.rs`).
//!
//! The heap is modelled by one loom `UnsafeCell`: mutators write it while running, the
//! stopper writes it while it holds the world. loom reports any two accesses not ordered
//! by happens-before, so a mutator touching the heap during a stop (or a stopper starting
//! while a mutator is mid-access) fails the model even when the interleaving looks benign.
//! Two atomic flags make the same property an explicit assertion. A stopper that waited
//! for the wrong thread shows up as a deadlock, which loom also reports.

use loom::cell::UnsafeCell;
use loom::sync::Arc;
use loom::thread;
use loom_tests::safepoint::{SafepointHandle, Safepoints};
use loom_tests::sync::{AtomicBool, AtomicUsize, Ordering};

/// Explore every interleaving with at most `bound` preemptions (loom's default is
/// unbounded; these models stay small enough with a bound of 3).
fn model(bound: usize, f: impl Fn() + Sync + Send + 'static) {
    let mut b = loom::model::Builder::new();
    b.preemption_bound = Some(bound);
    b.check(f);
}

struct World {
    heap: UnsafeCell<usize>,
    /// A mutator is between its two heap accesses.
    mutating: AtomicBool,
    /// A stopper holds the world.
    collecting: AtomicBool,
    mutations: AtomicUsize,
    collections: AtomicUsize,
}

// SAFETY: `heap` is accessed as the protocol under test allows; loom checks it.
unsafe impl Sync for World {}

impl World {
    fn new() -> Arc<World> {
        Arc::new(World {
            heap: UnsafeCell::new(0),
            mutating: AtomicBool::new(false),
            collecting: AtomicBool::new(false),
            mutations: AtomicUsize::new(0),
            collections: AtomicUsize::new(0),
        })
    }

    /// What a running mutator does between safepoints.
    fn mutate(&self) {
        self.mutating.store(true, Ordering::Relaxed);
        assert!(
            !self.collecting.load(Ordering::Relaxed),
            "mutator ran during a stop"
        );
        // SAFETY (model): only running mutators and the world's holder touch the cell.
        self.heap.with_mut(|h| unsafe { *h += 1 });
        self.mutations.fetch_add(1, Ordering::Relaxed);
        self.mutating.store(false, Ordering::Relaxed);
    }

    /// What the holder of the world does.
    fn collect(&self) {
        assert!(
            !self.collecting.swap(true, Ordering::Relaxed),
            "two stoppers hold the world"
        );
        assert!(
            !self.mutating.load(Ordering::Relaxed),
            "stop while a mutator runs"
        );
        // SAFETY (model): as in `mutate`.
        self.heap.with_mut(|h| unsafe { *h += 100 });
        self.collections.fetch_add(1, Ordering::Relaxed);
        self.collecting.store(false, Ordering::Relaxed);
    }
}

/// (a) A running mutator that polls between heap accesses, and a stopper: the stopper's
/// critical section never overlaps a heap access. The mutator unregisters at the end,
/// possibly while the stopper waits for it.
#[test]
fn stop_excludes_a_polling_mutator() {
    model(3, || {
        let sp = Arc::new(Safepoints::new());
        let world = World::new();
        let mut m = SafepointHandle::register(&sp);
        let w = Arc::clone(&world);
        let t = thread::spawn(move || {
            for _ in 0..2 {
                m.poll();
                w.mutate();
            }
        });
        let mut me = SafepointHandle::register(&sp);
        let stopped = me.stop_the_world().expect("the only stopper");
        assert_eq!(sp.census().running, 0);
        world.collect();
        stopped.resume();
        drop(me);
        t.join().expect("mutator thread");
        assert_eq!(world.mutations.load(Ordering::Relaxed), 2);
        assert_eq!(sp.stats().stops, 1);
        // SAFETY (model): every thread is joined.
        assert_eq!(world.heap.with(|h| unsafe { *h }), 102);
    });
}

/// (b) A mutator in the safe state is not waited for (it cannot even leave it until the
/// stopper lets it, through `gate`), and its `leave_safe` blocks until the world resumes.
#[test]
fn safe_mutator_is_not_waited_for() {
    model(3, || {
        let sp = Arc::new(Safepoints::new());
        let world = World::new();
        let gate = Arc::new(AtomicBool::new(false));
        let mut m = SafepointHandle::register_safe(&sp);
        let (w, g) = (Arc::clone(&world), Arc::clone(&gate));
        let t = thread::spawn(move || {
            while !g.load(Ordering::Acquire) {
                thread::yield_now();
            }
            m.leave_safe();
            w.mutate();
        });
        let mut me = SafepointHandle::register(&sp);
        let stopped = me.stop_the_world().expect("the only stopper");
        gate.store(true, Ordering::Release);
        thread::yield_now();
        world.collect();
        assert_eq!(
            world.mutations.load(Ordering::Relaxed),
            0,
            "leave_safe let it run"
        );
        drop(stopped);
        t.join().expect("mutator thread");
        assert_eq!(world.mutations.load(Ordering::Relaxed), 1);
        drop(me);
        assert_eq!(sp.census().running, 0);
    });
}

/// (c) Two running threads both ask to stop the world: one holds it at a time; a loser
/// parks and gets `None` once the winner's stop is over (it may then stop again).
#[test]
fn two_stoppers_take_turns() {
    fn try_collect(world: &World, mut me: SafepointHandle) -> usize {
        match me.stop_the_world() {
            Some(stopped) => {
                world.collect();
                stopped.resume();
                1
            }
            None => 0,
        }
    }
    model(3, || {
        let sp = Arc::new(Safepoints::new());
        let world = World::new();
        let other = SafepointHandle::register(&sp);
        let mine = SafepointHandle::register(&sp);
        let w2 = Arc::clone(&world);
        let t = thread::spawn(move || try_collect(&w2, other));
        let a = try_collect(&world, mine);
        let b = t.join().expect("stopper thread");
        assert!(a + b >= 1, "somebody collected");
        assert_eq!(world.collections.load(Ordering::Relaxed), a + b);
        let stats = sp.stats();
        assert_eq!(stats.stops as usize, a + b);
        assert_eq!(stats.lost_races as usize, 2 - (a + b));
    });
}

/// (d) A thread registering while the world is stopped does not run until it resumes;
/// one unregistering while the stopper waits for it lets the stopper go on.
#[test]
fn register_and_unregister_during_a_stop() {
    model(3, || {
        let sp = Arc::new(Safepoints::new());
        let world = World::new();
        let leaving = SafepointHandle::register(&sp);
        let (sp2, w2) = (Arc::clone(&sp), Arc::clone(&world));
        let t = thread::spawn(move || {
            drop(leaving);
            let mut m = SafepointHandle::register(&sp2);
            w2.mutate();
            m.poll();
        });
        let mut me = SafepointHandle::register(&sp);
        if let Some(stopped) = me.stop_the_world() {
            world.collect();
            drop(stopped);
        }
        drop(me);
        t.join().expect("mutator thread");
        assert_eq!(world.mutations.load(Ordering::Relaxed), 1);
        assert_eq!(sp.census(), Default::default());
    });
}

/// A mutator that, between two heap accesses, waits in `wait` for a gate that only the
/// stopper's thread opens, after its stop: the stopper must give the stop up instead
/// of waiting for the mutator (waiting would deadlock, which loom reports), and the
/// mutator's heap accesses never overlap a collection.
fn stopper_gives_up_for(wait: fn(&mut SafepointHandle, &AtomicBool)) {
    model(3, move || {
        let sp = Arc::new(Safepoints::new());
        let world = World::new();
        let gate = Arc::new(AtomicBool::new(false));
        let mut m = SafepointHandle::register(&sp);
        let (w, g) = (Arc::clone(&world), Arc::clone(&gate));
        let t = thread::spawn(move || {
            w.mutate();
            wait(&mut m, &g);
            w.mutate();
            m.poll();
        });
        let mut me = SafepointHandle::register(&sp);
        if let Some(stopped) = me.stop_the_world() {
            world.collect();
            drop(stopped);
        }
        gate.store(true, Ordering::Release);
        drop(me);
        t.join().expect("mutator thread");
        assert_eq!(world.mutations.load(Ordering::Relaxed), 2);
        let stats = sp.stats();
        assert_eq!((stats.stops, stats.abandoned), (0, 1));
        assert_eq!(sp.census().pinned, 0);
    });
}

/// (e) A mutator that blocks in a pinned section (it holds raw references, so it can
/// neither park nor be safe) until the gate opens.
#[test]
fn pinned_mutator_makes_the_stopper_give_up() {
    stopper_gives_up_for(|m, gate| {
        m.enter_pinned();
        while !gate.load(Ordering::Acquire) {
            thread::yield_now();
        }
        m.leave_pinned();
    });
}

/// (f) A mutator running code that may not park (nested in native code) that spins
/// until the gate opens, meeting the stop at its safepoints with `let_stop_pass`.
#[test]
fn nested_mutator_lets_the_stop_pass() {
    stopper_gives_up_for(|m, gate| {
        while !gate.load(Ordering::Acquire) {
            m.let_stop_pass();
            thread::yield_now();
        }
    });
}
