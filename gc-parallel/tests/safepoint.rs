//! The safepoint handshake with real threads: mutual exclusion between mutators' heap
//! sections and stops, under polling, blocking calls, competing stoppers and threads
//! coming and going. (The loom models in `loom-tests/tests/safepoint.rs` check the same
//! properties exhaustively on small cases.)

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use gc_parallel::{MutatorState, SafepointHandle, Safepoints};

/// Shared "heap": counts threads inside a heap section and stoppers holding the world.
#[derive(Default)]
struct World {
    in_heap: AtomicUsize,
    collecting: AtomicUsize,
    work: AtomicUsize,
    done: AtomicBool,
}

impl World {
    fn heap_section(&self) {
        self.in_heap.fetch_add(1, SeqCst);
        assert_eq!(
            self.collecting.load(SeqCst),
            0,
            "mutator runs during a stop"
        );
        self.work.fetch_add(1, SeqCst);
        std::hint::spin_loop();
        assert_eq!(
            self.collecting.load(SeqCst),
            0,
            "stop began mid heap section"
        );
        self.in_heap.fetch_sub(1, SeqCst);
    }

    fn stopped_section(&self) {
        assert_eq!(self.collecting.fetch_add(1, SeqCst), 0, "two stoppers");
        assert_eq!(
            self.in_heap.load(SeqCst),
            0,
            "stop while a mutator is in the heap"
        );
        thread::yield_now();
        assert_eq!(
            self.in_heap.load(SeqCst),
            0,
            "mutator entered during the stop"
        );
        self.collecting.fetch_sub(1, SeqCst);
    }
}

fn spawn_pollers(
    sp: &Arc<Safepoints>,
    world: &Arc<World>,
    n: usize,
) -> Vec<thread::JoinHandle<()>> {
    (0..n)
        .map(|_| {
            let (sp, world) = (Arc::clone(sp), Arc::clone(world));
            thread::spawn(move || {
                let mut me = SafepointHandle::register(&sp);
                while !world.done.load(SeqCst) {
                    me.poll();
                    world.heap_section();
                }
            })
        })
        .collect()
}

#[test]
fn four_pollers_and_a_hundred_stops() {
    let sp = Arc::new(Safepoints::new());
    let world = Arc::new(World::default());
    let threads = spawn_pollers(&sp, &world, 4);
    let mut me = SafepointHandle::register(&sp);
    for _ in 0..100 {
        let stopped = me.stop_the_world().expect("the only stopper");
        world.stopped_section();
        stopped.resume();
        me.poll();
        world.heap_section();
    }
    world.done.store(true, SeqCst);
    drop(me);
    for t in threads {
        t.join().expect("poller");
    }
    let stats = sp.stats();
    assert_eq!(stats.stops, 100);
    assert_eq!(stats.lost_races, 0);
    assert_eq!(sp.census(), Default::default());
}

#[test]
fn blocked_threads_are_not_waited_for() {
    let sp = Arc::new(Safepoints::new());
    let world = Arc::new(World::default());
    let sleepers: Vec<_> = (0..3)
        .map(|_| {
            let (sp, world) = (Arc::clone(&sp), Arc::clone(&world));
            thread::spawn(move || {
                let mut me = SafepointHandle::register(&sp);
                while !world.done.load(SeqCst) {
                    me.poll();
                    world.heap_section();
                    me.blocking(|| thread::sleep(Duration::from_micros(200)));
                    assert_eq!(me.state(), MutatorState::Running);
                    world.heap_section();
                }
            })
        })
        .collect();
    // One thread blocks for the whole test: every stop must go on without it.
    let long = Arc::new(AtomicBool::new(false));
    let blocked = {
        let (sp, world, long) = (Arc::clone(&sp), Arc::clone(&world), Arc::clone(&long));
        thread::spawn(move || {
            let mut me = SafepointHandle::register(&sp);
            me.blocking(|| {
                while !long.load(SeqCst) {
                    thread::sleep(Duration::from_millis(1));
                }
            });
            world.heap_section();
        })
    };
    let mut me = SafepointHandle::register(&sp);
    for _ in 0..50 {
        let stopped = me.stop_the_world().expect("the only stopper");
        world.stopped_section();
        thread::sleep(Duration::from_micros(100));
        world.stopped_section();
        drop(stopped);
    }
    long.store(true, SeqCst);
    world.done.store(true, SeqCst);
    drop(me);
    for t in sleepers {
        t.join().expect("sleeper");
    }
    blocked.join().expect("blocked thread");
    assert_eq!(sp.stats().stops, 50);
}

#[test]
fn competing_stoppers_take_turns() {
    let sp = Arc::new(Safepoints::new());
    let world = Arc::new(World::default());
    let pollers = spawn_pollers(&sp, &world, 2);
    let collected = Arc::new(AtomicUsize::new(0));
    let stoppers: Vec<_> = (0..3)
        .map(|_| {
            let (sp, world, collected) =
                (Arc::clone(&sp), Arc::clone(&world), Arc::clone(&collected));
            thread::spawn(move || {
                let mut me = SafepointHandle::register(&sp);
                for _ in 0..50 {
                    if let Some(stopped) = me.stop_the_world() {
                        world.stopped_section();
                        collected.fetch_add(1, SeqCst);
                        drop(stopped);
                    }
                    me.poll();
                    world.heap_section();
                }
            })
        })
        .collect();
    for t in stoppers {
        t.join().expect("stopper");
    }
    world.done.store(true, SeqCst);
    for t in pollers {
        t.join().expect("poller");
    }
    let stats = sp.stats();
    assert_eq!(stats.stops as usize, collected.load(SeqCst));
    assert_eq!(stats.stops + stats.lost_races, 150);
}

#[test]
fn threads_come_and_go_during_stops() {
    let sp = Arc::new(Safepoints::new());
    let world = Arc::new(World::default());
    let churners: Vec<_> = (0..4)
        .map(|i| {
            let (sp, world) = (Arc::clone(&sp), Arc::clone(&world));
            thread::spawn(move || {
                for _ in 0..200 {
                    let mut me = if i % 2 == 0 {
                        SafepointHandle::register(&sp)
                    } else {
                        let mut me = SafepointHandle::register_safe(&sp);
                        me.leave_safe();
                        me
                    };
                    world.heap_section();
                    me.poll();
                    world.heap_section();
                }
            })
        })
        .collect();
    let stopper = {
        let (sp, world) = (Arc::clone(&sp), Arc::clone(&world));
        thread::spawn(move || {
            let mut me = SafepointHandle::register(&sp);
            while !world.done.load(SeqCst) {
                let stopped = me.stop_the_world().expect("the only stopper");
                world.stopped_section();
                drop(stopped);
                thread::yield_now();
            }
        })
    };
    for t in churners {
        t.join().expect("churner");
    }
    world.done.store(true, SeqCst);
    stopper.join().expect("stopper");
    assert_eq!(sp.census(), Default::default());
    assert_eq!(world.work.load(SeqCst), 4 * 200 * 2);
}

#[test]
fn statistics_count_waits() {
    let sp = Arc::new(Safepoints::new());
    let mut me = SafepointHandle::register(&sp);
    let mut other = SafepointHandle::register_safe(&sp);
    let stopped = me.stop_the_world().expect("the only stopper");
    let leaving = Arc::new(AtomicBool::new(false));
    let l = Arc::clone(&leaving);
    let t = thread::spawn(move || {
        l.store(true, SeqCst);
        other.leave_safe();
        other
    });
    while !leaving.load(SeqCst) {
        thread::yield_now();
    }
    thread::sleep(Duration::from_millis(20));
    assert_eq!(sp.census().safe, 1, "leave_safe must wait for the resume");
    drop(stopped);
    let other = t.join().expect("thread");
    assert_eq!(other.state(), MutatorState::Running);
    let stats = sp.stats();
    assert_eq!(stats.stops, 1);
    assert_eq!(stats.waits, 1);
    assert!(stats.wait_ns >= 1_000_000, "{stats:?}");
    assert!(!me.poll(), "no stop in progress");
}
