//! Safepoints: where a thread meets collections and other threads' stops.
//!
//! How it works: the interpreter calls `Vm::safepoint` at backward jumps and calls. In
//! the outermost Python code (`gc_inhibit == 0`) a thread collects there when the heap
//! asks for it (`collect_now`: stop the world, trace every registered `Vm`, resume) or
//! parks while another thread holds the world. In code called from native code
//! (`gc_inhibit > 0`) it may do neither, because the Rust frames below hold unrooted
//! values: after a grace of `NESTED_STOP_GRACE` it lets another thread's stop pass
//! (`let_stop_pass`). Blocking calls go through `blocking`, which makes the thread safe
//! (or pinned, when nested) for their duration. Native functions that loop over
//! Python code (`sum`, `any`, `all`, `min`, `max`, `sorted`, `str.join`, `list.extend`,
//! `list`/`tuple`/`set`/`dict` of an iterator) offer `native_safepoint`s between items when
//! CALL called them from the outermost code. That permission is `Args::from_interp`:
//! it is given to the one native CALL calls, never to what that native calls in turn
//! (a `map` iterator's function, a `__next__` reached from Rust), whose callers on
//! the Rust stack may hold unrooted values.
//!
//! What must hold: a thread collects or parks only with `gc_inhibit == 0` and every
//! live value rooted (state.rs); after any of these, values held outside the roots,
//! stack and frames are stale, and caches of heap addresses are cleared
//! (`after_pause`).

use crate::interp::run::Ctl;
use crate::interp::state::Vm;
use crate::value::Value;

/// Under collection stress, how many native safepoints pass per collection.
const NATIVE_STRESS_EVERY: u32 = 128;

impl Vm {
    #[inline(always)]
    pub fn safepoint(&mut self) -> Result<(), Ctl> {
        let sh = crate::runtime::shared();
        if self.gc_inhibit == 0 {
            if (sh.heap.collection_requested() || self.gc_stress()) && self.backoff_over() {
                // No `save_ip` here: after a call or return the top frame is not the one
                // whose ip `self.ip` holds; a collection needs no instruction pointers.
                crate::modules::gc::collect_automatic(self);
            } else if sh.safepoints.stop_requested() {
                self.park();
            }
        } else if sh.safepoints.stop_requested() {
            self.let_stop_pass();
        }
        Ok(())
    }

    /// A safepoint in the loop of a native function, between the calls it makes into
    /// Python code (each item of `sum(genexp)` runs the generator nested, where nothing
    /// may collect: without this, a long loop in a native would never let the heap
    /// collect or other threads stop). It does anything only when `ok`, the native's
    /// `Args::from_interp` (CALL called it straight from the interpreter), and
    /// `gc_inhibit == 0` (that interpreter is the outermost): then every Rust frame
    /// below holds only rooted values. `live` are the values the native holds in Rust
    /// variables; they are rooted for the pause and updated. The caller must hold no
    /// other heap value across it: its `Args` are still good (the values sit on the
    /// value stack, which is a root, and the keyword names of a call by CALL are a
    /// pinned code constant), but not a value copied out of them, nor any `&'static`
    /// reference into an object.
    #[inline]
    pub fn native_safepoint(&mut self, ok: bool, live: &mut [Value]) {
        if !ok || self.gc_inhibit != 0 {
            return;
        }
        let sh = crate::runtime::shared();
        if !sh.heap.collection_requested() && !sh.safepoints.stop_requested() {
            // Collection stress collects at one native safepoint in
            // `NATIVE_STRESS_EVERY` (at every one, `sum(range(10**6))` would take minutes).
            if !self.gc_stress() {
                return;
            }
            self.native_polls = self.native_polls.wrapping_add(1);
            if !self.native_polls.is_multiple_of(NATIVE_STRESS_EVERY) {
                return;
            }
        }
        let mark = self.roots.len();
        self.roots.extend_from_slice(live);
        let _ = self.safepoint();
        live.copy_from_slice(&self.roots[mark..mark + live.len()]);
        self.unroot_to(mark);
    }

    /// A stop requested by another thread while this one runs Python code called from
    /// native code (`gc_inhibit > 0`): the Rust frames below hold unrooted values, so
    /// this thread cannot park. For `NESTED_STOP_GRACE` it runs on, in case its nested
    /// code returns and it parks at an outer safepoint (a generator step, a sort key
    /// call); after that it makes the stopper give the stop up (see
    /// `SafepointHandle::let_stop_pass`) rather than keep every other thread waiting
    /// until its nested code returns, which may be never if that code waits for them.
    /// The stopper retries after its back-off.
    #[cold]
    fn let_stop_pass(&mut self) {
        let now = std::time::Instant::now();
        match self.nested_stop_since {
            // A first sight, or one left over from a stop long over: the grace starts.
            Some(t) if now.duration_since(t) < NESTED_STOP_GRACE * 10 => {
                if now.duration_since(t) < NESTED_STOP_GRACE {
                    return;
                }
            }
            _ => {
                self.nested_stop_since = Some(now);
                return;
            }
        }
        self.nested_stop_since = None;
        if let Some(h) = self.handle.as_mut() {
            h.let_stop_pass();
        }
    }

    #[inline(always)]
    fn gc_stress(&self) -> bool {
        crate::runtime::shared().options.gc_stress
    }

    /// Waits at a safepoint while another thread holds the world stopped.
    #[cold]
    fn park(&mut self) {
        self.nested_stop_since = None;
        self.mutator.flush();
        if let Some(h) = self.handle.as_mut() {
            h.park();
        }
        self.after_pause();
    }

    /// Runs `f`, a blocking call that touches no heap object (a lock wait, a sleep, I/O
    /// into a Rust buffer). When `ok` (the native's `Args::from_interp`: CALL called it
    /// straight from the outermost interpreter, `gc_inhibit == 0`), every Rust frame
    /// below holds only rooted values, so the wait is in the safe state and other
    /// threads may collect meanwhile; every `Value` the caller holds outside its roots,
    /// stack and frames is stale afterwards. Otherwise (a call from native code, a
    /// native another native called) the Rust stack may hold such values, so the thread
    /// stays running in a *pinned* block instead: a collection requested elsewhere
    /// meanwhile is given up and retried later (see docs/threads.md).
    pub fn blocking<R>(&mut self, ok: bool, f: impl FnOnce() -> R) -> R {
        let Some(h) = self.handle.as_mut() else {
            return f();
        };
        if !ok || self.gc_inhibit != 0 {
            h.enter_pinned();
            let r = f();
            h.leave_pinned();
            return r;
        }
        self.mutator.park();
        if let Some(h) = self.handle.as_mut() {
            h.enter_safe();
        }
        let r = f();
        if let Some(h) = self.handle.as_mut() {
            h.leave_safe();
        }
        self.mutator.unpark();
        self.after_pause();
        r
    }

    /// False while a given-up stop's back-off lasts (see `collect_now`).
    #[inline(always)]
    fn backoff_over(&mut self) -> bool {
        match self.gc_backoff {
            None => true,
            Some(t) if std::time::Instant::now() >= t => {
                self.gc_backoff = None;
                true
            }
            Some(_) => false,
        }
    }

    /// Clears caches of heap addresses if a collection ran since this thread last looked.
    pub(crate) fn after_pause(&mut self) {
        let e = crate::runtime::shared()
            .gc_epoch
            .load(std::sync::atomic::Ordering::Acquire);
        if e != self.seen_epoch {
            self.mcache.clear();
            self.seen_epoch = e;
        }
    }

    /// Stops the world and collects, tracing the roots of every live `Vm`. If another
    /// thread was stopping the world at the same moment, this one waits for it instead.
    pub fn collect_now(&mut self) {
        // Flushed for the collection, but remembered: a stop that is given up or lost
        // (no collection ran) gives the buffer back instead of costing a fresh chunk.
        self.mutator.park();
        let sh = crate::runtime::shared();
        let Some(mut handle) = self.handle.take() else {
            self.mutator.unpark();
            return;
        };
        let abandoned = sh.safepoints.stats().abandoned;
        match handle.stop_the_world() {
            Some(world) => {
                let vms: Vec<usize> = sh.vms.lock().clone();
                let (mut cleared, mut finalize) = (Vec::new(), Vec::new());
                // The weakref back-list's addresses are weak roots (`modules/weakref`).
                let mut weak_table = crate::modules::weakref::lock_for_collection();
                sh.heap.collect_with(
                    &mut |t: &mut dyn gc_parallel::Tracer| {
                        weak_table.trace(t);
                        for &a in &vms {
                            // SAFETY: a registered Vm is alive (it removes itself in `drop`)
                            // and boxed; with the world stopped every other one is parked,
                            // safe or blocked in registration, so nothing else uses it
                            // meanwhile. This thread's own Vm is suspended inside
                            // `collect_now`, which touches it only through this pointer
                            // until the collection ends.
                            let vm = unsafe { &mut *(a as *mut Vm) };
                            vm.trace_roots(t);
                            t.boundary();
                        }
                    },
                    &mut |w| cleared.push(Value(w)),
                    &mut |o| finalize.push(Value(o)),
                );
                let dead = weak_table.sweep();
                drop(weak_table);
                // Objects the collection reported, rooted here until they are run.
                self.queue_gc_reports(dead, cleared, finalize);
                sh.gc_epoch
                    .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
                crate::interp::stats::Stats::bump(&sh.stats.safepoint_collections);
                drop(world);
            }
            None if sh.safepoints.stats().abandoned != abandoned => {
                // A thread blocked while pinned: try again a little later, not at once.
                self.gc_backoff =
                    Some(std::time::Instant::now() + std::time::Duration::from_millis(2));
            }
            None => {}
        }
        self.handle = Some(handle);
        self.mutator.unpark();
        self.after_pause();
        self.run_gc_pending();
    }
}

/// How long a thread inside code called from native code keeps another thread's stop
/// waiting, hoping to park once its nested code returns, before it lets the stop pass.
const NESTED_STOP_GRACE: std::time::Duration = std::time::Duration::from_millis(1);
