//! The safepoint handshake: how one thread stops every mutator that may hold raw heap
//! references, and how they all go on afterwards.
//!
//! Every thread that touches the heap registers a [`SafepointHandle`] with the shared
//! [`Safepoints`]. A mutator is in one of three states:
//! - running: it may hold raw heap references and touch objects at any moment;
//! - safe: it is blocked (lock, sleep, join, I/O) and holds no raw references; it enters
//!   this state with `enter_safe` and leaves it with `leave_safe`;
//! - parked: it reached a safepoint while a stop was in progress and sleeps until it ends.
//!
//! How it works: a mutex guards the counts (`running`, `safe`, `parked`) and the
//! `stopping` flag; every change of a thread's state happens under it. A separate atomic
//! flag `stop` mirrors `stopping` for the interpreter's fast path: `poll` is one Relaxed
//! load of it, and only when it is set does the thread take the mutex (`park`). A stale
//! read is harmless: a missed `true` is seen at the next poll, a stale `true` costs one
//! trip through the mutex.
//!
//! `stop_the_world` sets `stopping` and `stop`, takes the caller out of the running count
//! and sleeps on a condvar until `running` is zero: every other thread is then parked,
//! safe or unregistered. It returns a [`WorldStopped`] guard; dropping it (or `resume`)
//! clears `stopping` and wakes everybody. Threads blocked in `park`, `leave_safe`,
//! `register` or a losing `stop_the_world` sleep on a second condvar while `stopping` is
//! set. If a stop is already in progress when a thread asks for one, it parks like any
//! other thread and gets `None` once the other stop is over: exactly one thread holds the
//! world at a time, and the loser should re-check whether it still needs a collection.
//! Blocking never spins: every wait is a condvar wait.
//!
//! Statistics (`SafepointStats`, kept under the mutex, so they cost nothing on the fast
//! path): stops, lost races, time threads slept because of stops, and time stoppers waited
//! for running threads to reach a safepoint.
//!
//! A running thread that must block while it holds raw references it cannot root (the
//! VM inside a call from native code) marks the wait as *pinned* (`enter_pinned`). A
//! stopper waits for running threads that are not pinned; if pinned ones remain, it
//! gives its stop up rather than wait for a thread that may be waiting for it. Such a
//! thread that is not blocked but computing meets stops at its safepoints with
//! `let_stop_pass`: pinned until the stop is given up, so that it neither parks nor
//! holds the other threads waiting until it is done.
//!
//! What must hold:
//! - A running thread reaches a safepoint (`poll`, `enter_safe`, `enter_pinned`,
//!   `stop_the_world`, or dropping its handle) often enough; the stopper waits for it
//!   with no timeout.
//! - A thread holds no raw heap reference across `enter_safe`..`leave_safe`, across `park`
//!   or across a losing `stop_the_world`: the collector may move everything meanwhile.
//!   (The VM also flushes its allocation buffer before each of them.)
//! - Between `stop_the_world` returning `Some` and the guard's drop no other registered
//!   thread runs heap code: each one is parked, safe (and will block in `leave_safe`),
//!   blocked in `register`, or gone. Mutual exclusion comes from the mutex (a thread's
//!   heap accesses are ordered before the state change that lets the stopper go on, and
//!   after the one that saw the stop over), not from the `stop` flag.
//! - No object lock is held at a safepoint (an object lock holder never waits on a stop).
//!
//! This file is compiled twice: by `gc-parallel` against std and by `loom-tests` against
//! loom. It reaches atomics, `Arc`, `Mutex` and `Condvar` only through `crate::sync`, and
//! uses only what both offer.

#![forbid(unsafe_code)]

use std::time::{Duration, Instant};

use crate::sync::{Arc, AtomicBool, Condvar, Mutex, MutexGuard, Ordering};

/// Totals of the handshake since its creation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SafepointStats {
    /// Stops of the world (successful `stop_the_world` calls).
    pub stops: u64,
    /// `stop_the_world` calls that found another stop in progress and parked instead.
    pub lost_races: u64,
    /// Times a thread slept because of a stop (parked at a poll, blocked in `leave_safe`
    /// or `register`, or lost a race to stop).
    pub waits: u64,
    /// Total time threads slept because of stops, in nanoseconds (summed over threads).
    pub wait_ns: u64,
    /// Total time stoppers waited for running threads to reach a safepoint, in
    /// nanoseconds (the time-to-safepoint part of each pause).
    pub sync_ns: u64,
    /// Longest single wait of a stopper for the running threads, in nanoseconds.
    pub max_sync_ns: u64,
    /// Stops given up because every thread still running was blocked while pinned.
    pub abandoned: u64,
}

/// Where a registered thread is, as far as its own handle knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MutatorState {
    /// May hold raw heap references; the world waits for it at a stop.
    Running,
    /// Blocked outside the heap, holding no raw references; a stop does not wait for it.
    Safe,
}

/// Counts of registered threads by state (a snapshot, for tests and statistics).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Census {
    pub running: usize,
    pub safe: usize,
    pub parked: usize,
    /// Running threads blocked while they hold raw references (see `enter_pinned`).
    pub pinned: usize,
    /// Is a stop in progress (requested or holding the world)?
    pub stopping: bool,
}

/// Everything behind the mutex.
struct State {
    /// Registered threads that may touch the heap (the stopper is not counted while it
    /// waits or holds the world).
    running: usize,
    safe: usize,
    parked: usize,
    /// Of the running threads, those blocked in a pinned section.
    pinned: usize,
    stopping: bool,
    stats: SafepointStats,
}

/// The registry of mutator threads and the stop-the-world handshake. Share it in an `Arc`.
pub struct Safepoints {
    /// Fast-path mirror of `State::stopping`; a hint only (see the module comment).
    stop: AtomicBool,
    state: Mutex<State>,
    /// Signalled when `running` drops to zero while a stopper waits.
    all_parked: Condvar,
    /// Signalled when a stop ends.
    resumed: Condvar,
}

impl std::fmt::Debug for Safepoints {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Safepoints")
            .field("census", &self.census())
            .finish()
    }
}

impl Default for Safepoints {
    fn default() -> Self {
        Self::new()
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

impl Safepoints {
    /// An empty registry: no thread, no stop.
    pub fn new() -> Self {
        Safepoints {
            stop: AtomicBool::new(false),
            state: Mutex::new(State {
                running: 0,
                safe: 0,
                parked: 0,
                pinned: 0,
                stopping: false,
                stats: SafepointStats::default(),
            }),
            all_parked: Condvar::new(),
            resumed: Condvar::new(),
        }
    }

    /// Totals so far.
    pub fn stats(&self) -> SafepointStats {
        self.lock().stats
    }

    /// Registered threads by state.
    pub fn census(&self) -> Census {
        let st = self.lock();
        Census {
            running: st.running,
            safe: st.safe,
            parked: st.parked,
            pinned: st.pinned,
            stopping: st.stopping,
        }
    }

    /// Is a stop requested or in progress? (Relaxed: a hint, see the module comment.)
    #[inline(always)]
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic never happens while the state is half-updated, so a poisoned lock still
        // guards consistent counts.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sleep until no stop is in progress. Returns the guard and whether it slept.
    fn wait_resumed<'a>(&'a self, mut st: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        if !st.stopping {
            return st;
        }
        let started = Instant::now();
        while st.stopping {
            st = self.resumed.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        st.stats.waits += 1;
        st.stats.wait_ns = st.stats.wait_ns.saturating_add(nanos(started.elapsed()));
        st
    }

    /// One running thread stops counting as running; wake the stopper if it was the last.
    fn leave_running(&self, st: &mut State) {
        debug_assert!(st.running > 0, "safepoints: running count underflow");
        st.running -= 1;
        if st.stopping && st.running <= st.pinned {
            self.all_parked.notify_one();
        }
    }
}

/// A registered thread's handle. Dropping it unregisters the thread (never blocks).
pub struct SafepointHandle {
    sp: Arc<Safepoints>,
    state: MutatorState,
}

impl std::fmt::Debug for SafepointHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SafepointHandle")
            .field("state", &self.state)
            .finish()
    }
}

impl SafepointHandle {
    /// Register the calling thread as running. Blocks while a stop is in progress (the
    /// thread joins once the world resumes), so a new thread never runs during one.
    pub fn register(sp: &Arc<Safepoints>) -> SafepointHandle {
        let st = sp.lock();
        let mut st = sp.wait_resumed(st);
        st.running += 1;
        drop(st);
        SafepointHandle {
            sp: Arc::clone(sp),
            state: MutatorState::Running,
        }
    }

    /// Register a thread in the safe state; never blocks. Useful when a parent registers
    /// a child before it starts: the child calls `leave_safe` to begin running.
    pub fn register_safe(sp: &Arc<Safepoints>) -> SafepointHandle {
        sp.lock().safe += 1;
        SafepointHandle {
            sp: Arc::clone(sp),
            state: MutatorState::Safe,
        }
    }

    /// The registry this handle belongs to.
    pub fn safepoints(&self) -> &Arc<Safepoints> {
        &self.sp
    }

    /// The thread's state as its handle knows it.
    pub fn state(&self) -> MutatorState {
        self.state
    }

    /// Fast check for the interpreter: is a stop requested? One Relaxed load.
    #[inline(always)]
    pub fn stop_requested(&self) -> bool {
        self.sp.stop.load(Ordering::Relaxed)
    }

    /// A safepoint: park if a stop is requested. Returns whether the slow path ran (the
    /// heap may have moved). A caller that must flush first uses `stop_requested` and
    /// `park` instead.
    #[inline(always)]
    pub fn poll(&mut self) -> bool {
        if self.stop_requested() {
            self.park();
            true
        } else {
            false
        }
    }

    /// The state, locked, if a stop is in progress (the slow path of a running thread's
    /// safepoint); `what` names the caller in the assertion that the thread runs.
    fn lock_if_stopping(&self, what: &str) -> Option<MutexGuard<'_, State>> {
        assert_eq!(
            self.state,
            MutatorState::Running,
            "safepoints: {what} in safe state"
        );
        let st = self.sp.lock();
        st.stopping.then_some(st)
    }

    /// The slow path of a safepoint: if a stop is in progress, count this thread as
    /// parked and sleep until it ends. Returns at once when there is none.
    #[cold]
    pub fn park(&mut self) {
        let Some(mut st) = self.lock_if_stopping("park") else {
            return;
        };
        let sp = &*self.sp;
        sp.leave_running(&mut st);
        st.parked += 1;
        let mut st = sp.wait_resumed(st);
        st.parked -= 1;
        st.running += 1;
    }

    /// Enter the safe state before a blocking call. Never blocks; a stop in progress
    /// stops waiting for this thread. The thread must hold no raw heap reference until
    /// `leave_safe` returns.
    pub fn enter_safe(&mut self) {
        assert_eq!(
            self.state,
            MutatorState::Running,
            "safepoints: enter_safe twice"
        );
        let sp = &*self.sp;
        let mut st = sp.lock();
        sp.leave_running(&mut st);
        st.safe += 1;
        drop(st);
        self.state = MutatorState::Safe;
    }

    /// Leave the safe state after a blocking call. Blocks while a stop is in progress, so
    /// a thread coming back from a blocking call never touches the heap during one.
    pub fn leave_safe(&mut self) {
        assert_eq!(
            self.state,
            MutatorState::Safe,
            "safepoints: leave_safe while running"
        );
        let sp = &*self.sp;
        let st = sp.lock();
        let mut st = sp.wait_resumed(st);
        st.safe -= 1;
        st.running += 1;
        drop(st);
        self.state = MutatorState::Running;
    }

    /// Enter a *pinned* block: the thread is about to block (a lock wait) but holds raw
    /// references it cannot give up, so it can neither park nor be safe. It stays running;
    /// a stopper that finds only pinned threads still running gives up its stop instead of
    /// waiting for them (which could deadlock: the pinned thread may wait for the
    /// stopper). Never blocks.
    pub fn enter_pinned(&mut self) {
        assert_eq!(
            self.state,
            MutatorState::Running,
            "safepoints: enter_pinned while safe"
        );
        let sp = &*self.sp;
        let mut st = sp.lock();
        st.pinned += 1;
        if st.stopping {
            sp.all_parked.notify_one();
        }
    }

    /// A safepoint of a thread that may not park because it holds raw references it
    /// cannot root (the VM running Python code called from native code): if a stop is in
    /// progress, the thread counts as pinned until that stop is over, so the stopper gives
    /// it up (as for `enter_pinned`) instead of waiting until the thread leaves its nested
    /// code, which may take any time. Returns at once when no stop is in progress; never
    /// lets a stop succeed while it waits.
    #[cold]
    pub fn let_stop_pass(&mut self) {
        let Some(mut st) = self.lock_if_stopping("let_stop_pass") else {
            return;
        };
        let sp = &*self.sp;
        st.pinned += 1;
        sp.all_parked.notify_one();
        let mut st = sp.wait_resumed(st);
        st.pinned -= 1;
    }

    /// Leave a pinned block (the thread runs on, and parks at its next safepoint).
    pub fn leave_pinned(&mut self) {
        let mut st = self.sp.lock();
        debug_assert!(st.pinned > 0, "safepoints: pinned count underflow");
        st.pinned -= 1;
    }

    /// Run `f` in the safe state (`enter_safe`, `f`, `leave_safe`).
    pub fn blocking<R>(&mut self, f: impl FnOnce() -> R) -> R {
        self.enter_safe();
        let r = f();
        self.leave_safe();
        r
    }

    /// Stop the world: wait until every other registered thread is parked, safe or gone,
    /// and hold it so until the returned guard is dropped. If another thread's stop is in
    /// progress, park until it is over and return `None` (the caller re-checks whether it
    /// still needs a stop). If every thread still running is in a pinned block, give the
    /// stop up and return `None` too (counted in `SafepointStats::abandoned`). The calling thread must be running and, like a parking one,
    /// hold no raw reference it has not rooted.
    pub fn stop_the_world(&mut self) -> Option<WorldStopped<'_>> {
        assert_eq!(
            self.state,
            MutatorState::Running,
            "safepoints: stop_the_world in safe state"
        );
        let sp = &*self.sp;
        let mut st = sp.lock();
        if st.stopping {
            st.stats.lost_races += 1;
            sp.leave_running(&mut st);
            st.parked += 1;
            let mut st = sp.wait_resumed(st);
            st.parked -= 1;
            st.running += 1;
            return None;
        }
        st.stopping = true;
        sp.stop.store(true, Ordering::Relaxed);
        sp.leave_running(&mut st);
        let started = Instant::now();
        while st.running > st.pinned {
            st = sp.all_parked.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        if st.running > 0 {
            // Only pinned threads are left: they will not park; give the stop up.
            st.stats.abandoned += 1;
            st.stopping = false;
            sp.stop.store(false, Ordering::Relaxed);
            st.running += 1;
            drop(st);
            sp.resumed.notify_all();
            return None;
        }
        let waited = nanos(started.elapsed());
        st.stats.stops += 1;
        st.stats.sync_ns = st.stats.sync_ns.saturating_add(waited);
        st.stats.max_sync_ns = st.stats.max_sync_ns.max(waited);
        drop(st);
        Some(WorldStopped { me: self })
    }
}

impl Drop for SafepointHandle {
    fn drop(&mut self) {
        let sp = &*self.sp;
        let mut st = sp.lock();
        match self.state {
            MutatorState::Running => sp.leave_running(&mut st),
            MutatorState::Safe => st.safe -= 1,
        }
    }
}

/// Proof that the world is stopped: every other registered thread is parked, safe or
/// blocked. Dropping it resumes them.
#[must_use = "dropping the guard resumes the world at once"]
pub struct WorldStopped<'a> {
    me: &'a mut SafepointHandle,
}

impl std::fmt::Debug for WorldStopped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WorldStopped")
    }
}

impl WorldStopped<'_> {
    /// Let every thread go on (the same as dropping the guard).
    pub fn resume(self) {}
}

impl Drop for WorldStopped<'_> {
    fn drop(&mut self) {
        let sp = &*self.me.sp;
        let mut st = sp.lock();
        st.stopping = false;
        sp.stop.store(false, Ordering::Relaxed);
        st.running += 1;
        drop(st);
        sp.resumed.notify_all();
    }
}
