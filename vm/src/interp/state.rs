//! Per-thread interpreter state (`Vm`).
//!
//! Each Python thread owns one `Vm`: its value stack, its frame stack, its allocation
//! buffer, its root stack and its exception state. Python-to-Python calls push a `Frame`
//! and continue in the same loop; the Rust stack grows only when Rust code calls back into
//! Python (and that depth is bounded).
//!
//! The value stack is allocated once at its full size and never reallocated, so a pointer
//! into it (the `Args` of a native call) stays valid while callees push frames above it,
//! and the collector updates the words in place.
//!
//! Native code and collections: a collection happens only at a safepoint of the
//! interpreter loop while `gc_inhibit` is zero. Every call from Rust back into Python
//! (`Vm::call`, generator resumption) raises `gc_inhibit` for its duration, so Rust code
//! may hold unrooted `Value`s across such calls: nothing moves under it. Collections
//! therefore happen in the outermost Python code of a thread, which is where programs
//! spend their time; a long computation entirely inside a callback from native code
//! defers collection until it returns (memory grows meanwhile). Such a thread does not
//! park either: at its safepoints it makes another thread's stop be given up
//! (`Vm::let_stop_pass`), so the others run on instead of waiting for it.
//!
//! What must hold (the collector's rules, DESIGN.md):
//! - every live `Value` the interpreter holds is in `stack[..sp]`, a `Frame`, `roots`,
//!   `exc`, `exc_info` or `kwnames` when a safepoint is reached;
//! - Rust code that holds a `Value` across a call back into Python pushes it on `roots`
//!   and reads it back from there after the call.

use crate::compiler::code::CodeInfo;
use crate::interp::cache::MethodCache;
use crate::runtime::shared;
use crate::value::Value;
use gc_parallel::{Mutator, Tracer};

/// Raised marker: the exception itself is in `Vm::exc`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raised;

pub type PyResult<T = Value> = Result<T, Raised>;

/// Capacity of the value stack, in values.
pub const STACK_CAPACITY: usize = 1 << 22;
/// Slack beyond the capacity: `stack_room` checks against STACK_CAPACITY, and a frame's
/// pushes are bounded by its code's stack size (checked at entry), so the unchecked
/// push/pop/peek below can never leave the allocation.
const STACK_SLACK: usize = 1 << 16;
/// Depth of Rust-level re-entry (native code calling Python) before RecursionError.
/// The interpreter thread runs on a large stack (see the CLI), so this is generous.
pub const MAX_NATIVE_DEPTH: usize = 3000;
/// Upper bound for `sys.setrecursionlimit` (Python frames live on the VM's own stack).
pub const MAX_FRAMES: usize = 1_000_000;

pub struct Frame {
    pub code: Value,
    pub info: *const CodeInfo,
    pub func: Value,
    pub globals: Value,
    pub builtins: Value,
    /// Locals mapping for module and class bodies (NULL in functions).
    pub locals: Value,
    /// The generator or coroutine running this frame (NULL otherwise).
    pub gen: Value,
    /// Index of localsplus[0] in the value stack.
    pub base: usize,
    /// Index of the first value-stack slot above the locals.
    pub stack_base: usize,
    /// Where the stack is truncated to when the frame returns.
    pub ret_base: usize,
    /// Saved stack pointer and instruction index while another frame runs.
    pub sp: usize,
    pub ip: usize,
    /// Returning from this frame leaves the current `run` loop.
    pub entry: bool,
    /// For an `__init__` frame that a class call pushed (see `call_plain_class`): the new
    /// instance, which is the call's result once `__init__` returns None. NULL otherwise.
    pub init_self: Value,
}

impl Frame {
    #[inline(always)]
    pub fn info(&self) -> &CodeInfo {
        // SAFETY: `info` belongs to the code object `self.code`, which the frame keeps
        // alive (it is traced); CodeInfo is never moved or freed while its code lives.
        unsafe { &*self.info }
    }
}

/// Aligned to 128 bytes (two cache lines, the unit the hardware prefetches) so that no
/// other allocation shares a line with a `Vm`: each thread writes its own `Vm` (the
/// allocation cursor, `sp`, `ip`) all the time, and a neighbour on the same line would
/// make two threads' caches fight over it.
#[repr(align(128))]
pub struct Vm {
    pub mutator: Mutator,
    /// The value stack: STACK_CAPACITY words, allocated once and never moved. Held as a
    /// raw pointer (not a Box) because native calls keep pointers into it (`Args`) while
    /// the interpreter writes other slots; every access goes through `slot`.
    stack: *mut usize,
    pub sp: usize,
    pub frames: Vec<Frame>,
    /// Temporary roots of Rust code (see module comment).
    pub roots: Vec<Value>,
    /// The exception being raised.
    pub exc: Value,
    /// The exception being handled (`sys.exc_info()`).
    pub exc_info: Value,
    /// Keyword names for the next CALL.
    pub kwnames: Value,
    pub native_depth: usize,
    pub mcache: MethodCache,
    /// The instance whose `__init__` (entered by a class call, `enter_init`) this
    /// thread runs and which no other thread can have reached yet; NULL once a store
    /// into it took a path that may run Python code (see STORE_ATTR_FRESH), and at
    /// every collection (it is not a root).
    pub fresh_obj: Value,
    pub recursion_limit: usize,
    /// Thread identifier (for `threading.get_ident`).
    pub ident: u64,
    /// `base` of the top frame (cached for LOAD_FAST/STORE_FAST; kept in step by
    /// `sync_frame`).
    pub base: usize,
    /// Instruction index of the running frame (cached by the loop).
    pub ip: usize,
    /// The value an entry frame returned or yielded (see `Ctl::Return`/`Ctl::Yield`).
    pub exit_value: Value,
    /// Countdown to the next safepoint poll under stress.
    pub safepoints: u64,
    /// While non-zero, safepoints do not collect: Rust code below on the Rust stack
    /// may hold unrooted values (see the module comment).
    pub gc_inhibit: usize,
    /// Set by CALL (and BEFORE_WITH) just before `prepare_call`, which takes it
    /// at once: the call comes straight from the interpreter, whose Rust frames hold no
    /// unrooted values. A native callee sees it as `Args::from_interp`.
    pub interp_call: bool,
    /// Native safepoints passed (counted only under collection stress).
    pub native_polls: u32,
    /// The data words of the native being called (slot wrappers read them).
    pub native_data: (usize, usize),
    /// The value of the last StopIteration that `iter_next` swallowed.
    pub last_stop_value: Value,
    /// Containers whose `repr` is in progress (to print `[...]` for cycles).
    pub repr_stack: Vec<Value>,
    /// Allocate everything pinned (during bootstrap: the built-in types' dicts, methods
    /// and the prelude are immortal, so collections need not copy them).
    pub pin_all: bool,
    /// This thread's part in the stop-the-world handshake (taken out while it stops the
    /// world itself, see `collect_now`).
    pub handle: Option<gc_parallel::safepoint::SafepointHandle>,
    /// `Shared::gc_epoch` when this thread last cleared its method cache.
    pub seen_epoch: u64,
    /// This thread's object-lock statistics (added to `Shared::lock_totals` on drop).
    pub lock_counts: crate::obj::objlock::LockCounts,
    /// When a stop this thread asked for was given up (a pinned thread), the time before
    /// which it does not ask again.
    pub gc_backoff: Option<std::time::Instant>,
    /// When this thread, inside code called from native code, first met the stop now
    /// requested (see `Vm::let_stop_pass`).
    pub nested_stop_since: Option<std::time::Instant>,
    /// The last `threading.local` this thread used and its dict for this thread
    /// (`modules/thread_local.rs`).
    pub local_cache: (Value, Value),
    /// The `threading.local` objects this thread has a dict in.
    pub thread_locals: Vec<Value>,
    /// Weakrefs whose referents died (false) and objects to finalize (true), reported
    /// by collections this thread ran; run by `run_gc_pending` (`modules/weakref.rs`).
    pub gc_pending: std::collections::VecDeque<(Value, bool)>,
    pub gc_running_pending: bool,
    /// This thread is calling `gc.callbacks` around an automatic collection
    /// (`modules/gc.rs`): collections its safepoints start meanwhile call none.
    pub gc_in_callbacks: bool,
    /// `__del__` calls, weakref callbacks and files closed by this thread's collections
    /// (`gc.collect` collects again while it grows).
    pub finalizers_run: u64,
}

impl Vm {
    /// A new interpreter state, registered as a running thread of the heap. Boxed: the
    /// collector finds it by address (`Shared::vms`).
    pub fn new() -> Box<Vm> {
        Vm::with_handle(gc_parallel::safepoint::SafepointHandle::register(
            &shared().safepoints,
        ))
    }

    /// The state of a thread about to be started, made by its parent: registered in the
    /// safe state (registering never blocks the parent), so the new thread must call
    /// `handle.leave_safe()` before it touches the heap. It gets a fresh `ident`.
    pub fn new_thread() -> Box<Vm> {
        let mut vm = Vm::with_handle(gc_parallel::safepoint::SafepointHandle::register_safe(
            &shared().safepoints,
        ));
        vm.ident = Vm::next_ident();
        vm
    }

    /// Moves the buffers a thread writes on every call (the frame stack, the roots, the
    /// method cache) into memory allocated by the calling thread. A thread's `Vm` is
    /// made by the thread that starts it, whose allocator packs the buffers of threads
    /// started one after the other side by side; two threads writing neighbouring
    /// frames would share cache lines. Runs on the thread itself, while it is not in the
    /// safe state (no collection traces the roots meanwhile).
    pub fn rehome(&mut self) {
        let mut frames = Vec::with_capacity(self.frames.capacity().max(64));
        frames.append(&mut self.frames);
        self.frames = frames;
        let mut roots = Vec::with_capacity(self.roots.capacity().max(64));
        roots.append(&mut self.roots);
        self.roots = roots;
        self.mcache = MethodCache::new();
    }

    /// A thread identifier never used before.
    pub fn next_ident() -> u64 {
        static NEXT_IDENT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(2);
        NEXT_IDENT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    /// Makes the state of a finished thread ready for the next one (the thread pool of
    /// `modules/thread.rs`): no frames, roots or exception left, a fresh `ident`, lock
    /// statistics handed to the totals. Called on the finishing thread, while running.
    pub fn reset_for_reuse(&mut self) {
        self.sp = 0;
        self.frames.clear();
        self.roots.clear();
        self.repr_stack.clear();
        self.thread_locals.clear();
        for v in [
            &mut self.exc,
            &mut self.exc_info,
            &mut self.kwnames,
            &mut self.exit_value,
            &mut self.last_stop_value,
            &mut self.local_cache.0,
            &mut self.local_cache.1,
        ] {
            *v = Value::NULL;
        }
        self.native_depth = 0;
        self.gc_inhibit = 0;
        self.interp_call = false;
        self.base = 0;
        self.ip = 0;
        self.recursion_limit = shared().options.recursion_limit;
        let counts = std::mem::take(&mut self.lock_counts);
        shared().lock_totals.lock().add(&counts);
        self.ident = Vm::next_ident();
    }

    fn with_handle(handle: gc_parallel::safepoint::SafepointHandle) -> Box<Vm> {
        let sh = shared();
        let vm = Box::new(Vm {
            mutator: sh.heap.mutator(),
            stack: Box::leak(vec![0usize; STACK_CAPACITY + STACK_SLACK].into_boxed_slice())
                .as_mut_ptr(),
            sp: 0,
            frames: Vec::with_capacity(64),
            roots: Vec::with_capacity(64),
            exc: Value::NULL,
            exc_info: Value::NULL,
            kwnames: Value::NULL,
            native_depth: 0,
            mcache: MethodCache::new(),
            fresh_obj: Value::NULL,
            recursion_limit: sh.options.recursion_limit,
            ident: 1,
            base: 0,
            ip: 0,
            exit_value: Value::NULL,
            safepoints: 0,
            gc_inhibit: 0,
            interp_call: false,
            native_polls: 0,
            native_data: (0, 0),
            last_stop_value: Value::NULL,
            repr_stack: Vec::new(),
            pin_all: false,
            handle: Some(handle),
            seen_epoch: sh.gc_epoch.load(std::sync::atomic::Ordering::Acquire),
            lock_counts: Default::default(),
            gc_backoff: None,
            nested_stop_since: None,
            local_cache: (Value::NULL, Value::NULL),
            thread_locals: Vec::new(),
            gc_pending: std::collections::VecDeque::new(),
            gc_running_pending: false,
            gc_in_callbacks: false,
            finalizers_run: 0,
        });
        sh.vms.lock().push(&*vm as *const Vm as usize);
        vm
    }

    /// Takes the write lock of the mutable object `o` if the locking mode says writers
    /// lock (see `obj/lockmode.rs`); `None` when elided. The guard must be dropped before
    /// any Python code runs or a safepoint is reached: `o` must not move while locked.
    #[inline(always)]
    pub fn write_lock(&mut self, o: Value) -> Option<crate::obj::objlock::ObjLockGuard<'static>> {
        crate::obj::lockmode::lock_for_write(
            &crate::obj::layout::header(o).lock,
            &mut self.lock_counts,
        )
    }

    /// Takes the lock of `o` for a read in locking mode `rw` (readers lock too, the
    /// comparison point); `None` in every other mode, at the cost of one test of a
    /// process-wide flag (see `obj/lockmode.rs`). The same rules as `write_lock` hold,
    /// and a thread never asks for it while it holds `o`'s write lock.
    #[inline(always)]
    pub fn read_lock(&mut self, o: Value) -> Option<crate::obj::objlock::ObjLockGuard<'static>> {
        crate::obj::lockmode::lock_for_read(
            &crate::obj::layout::header(o).lock,
            &mut self.lock_counts,
        )
    }

    #[inline(always)]
    pub fn stack_ptr(&mut self) -> *mut Value {
        self.stack as *mut Value
    }

    /// Pointer to stack slot `i`.
    #[inline(always)]
    fn slot(&self, i: usize) -> *mut usize {
        debug_assert!(
            i < STACK_CAPACITY + STACK_SLACK,
            "hotpy: value stack index out of range"
        );
        // SAFETY: every index used is below `sp`, or below `sp + stacksize` of the running
        // frame, which `stack_room` checks against STACK_CAPACITY before the frame starts;
        // the allocation has STACK_SLACK more words for natives' bounded pushes.
        unsafe { self.stack.add(i) }
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        // SAFETY: `slot` bounds-checks; the stack is only touched by this thread.
        unsafe { *self.slot(self.sp) = v.0 };
        self.sp += 1;
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        self.sp -= 1;
        // SAFETY: as in `push`.
        Value(unsafe { *self.slot(self.sp) })
    }

    /// The value `n` below the top (0 = top).
    #[inline(always)]
    pub fn peek(&self, n: usize) -> Value {
        // SAFETY: as in `push`.
        Value(unsafe { *self.slot(self.sp - 1 - n) })
    }

    #[inline(always)]
    pub fn set_peek(&mut self, n: usize, v: Value) {
        // SAFETY: as in `push`.
        unsafe { *self.slot(self.sp - 1 - n) = v.0 };
    }

    #[inline(always)]
    pub fn at(&self, i: usize) -> Value {
        // SAFETY: as in `push`.
        Value(unsafe { *self.slot(i) })
    }

    #[inline(always)]
    pub fn set_at(&mut self, i: usize, v: Value) {
        // SAFETY: as in `push`.
        unsafe { *self.slot(i) = v.0 };
    }

    /// True when `n` more values fit on the value stack.
    pub fn stack_room(&self, n: usize) -> bool {
        self.sp + n <= STACK_CAPACITY
    }

    /// Pushes a temporary root and returns its index.
    #[inline(always)]
    pub fn root(&mut self, v: Value) -> usize {
        self.roots.push(v);
        self.roots.len() - 1
    }

    #[inline(always)]
    pub fn rooted(&self, i: usize) -> Value {
        self.roots[i]
    }

    pub fn set_rooted(&mut self, i: usize, v: Value) {
        self.roots[i] = v;
    }

    pub fn unroot_to(&mut self, mark: usize) {
        self.roots.truncate(mark);
    }

    pub fn frame(&self) -> &Frame {
        match self.frames.last() {
            Some(f) => f,
            None => no_frame(),
        }
    }

    /// Traces every root of this thread.
    pub fn trace_roots(&mut self, t: &mut dyn Tracer) {
        for i in 0..self.sp {
            // SAFETY: `i < sp <= STACK_CAPACITY`; the collector runs while this thread
            // is stopped in `collect_now`, so nothing else touches the word.
            let w = unsafe { &mut *self.slot(i) };
            if Value::needs_trace(*w) {
                t.trace(w);
            }
        }
        for f in self.frames.iter_mut() {
            for v in [
                &mut f.code,
                &mut f.func,
                &mut f.globals,
                &mut f.builtins,
                &mut f.locals,
                &mut f.gen,
                &mut f.init_self,
            ] {
                if v.is_ptr() {
                    t.trace(&mut v.0);
                }
            }
        }
        // Not a root: it must not keep its object alive. Forgetting it is always safe
        // (the stores it allows without a lock then lock), and an address kept across a
        // collection could name another object later.
        self.fresh_obj = Value::NULL;
        for v in self
            .roots
            .iter_mut()
            .chain(self.repr_stack.iter_mut())
            .chain(self.thread_locals.iter_mut())
            .chain(self.gc_pending.iter_mut().map(|(v, _)| v))
            .chain([
                &mut self.local_cache.0,
                &mut self.local_cache.1,
                &mut self.exc,
                &mut self.exc_info,
                &mut self.kwnames,
                &mut self.last_stop_value,
                &mut self.exit_value,
            ])
        {
            if v.is_ptr() {
                t.trace(&mut v.0);
            }
        }
    }
}

#[cold]
fn no_frame() -> ! {
    panic!("hotpy: no active frame")
}

impl Drop for Vm {
    fn drop(&mut self) {
        // The collector must no longer trace this state.
        let me = self as *const Vm as usize;
        let sh = shared();
        sh.vms.lock().retain(|&a| a != me);
        sh.lock_totals.lock().add(&self.lock_counts);
        // SAFETY: `stack` came from a leaked boxed slice of STACK_CAPACITY words in `new`
        // and is freed exactly once, here.
        unsafe {
            drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(
                self.stack,
                STACK_CAPACITY + STACK_SLACK,
            )))
        };
    }
}

// SAFETY: a Vm is used by one thread at a time; the raw stack pointer is owned by the Vm
// (like a Box) and moves with it.
unsafe impl Send for Vm {}
