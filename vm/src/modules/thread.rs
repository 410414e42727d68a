//! The `_thread` module: OS threads that each run their own interpreter state, and the
//! primitive lock that `threading`, `queue` and `concurrent.futures` build on.
//!
//! Threads: `start_new_thread` switches the process to multithreaded operation (object
//! locks stop being elided, `obj/lockmode.rs`; mode `none` refuses with RuntimeError),
//! makes the child's `Vm` on the parent's thread, registered in the *safe* state so the
//! parent never blocks on a collection while doing it, roots the function and its
//! arguments in the child's root stack, and starts an OS thread that leaves the safe
//! state, makes the call and drops its `Vm` (which unregisters it). An exception that
//! escapes the function is reported as CPython's `_thread` does ("Exception ignored in
//! thread started by: ..."); `SystemExit` ends the thread quietly.
//!
//! Locks: a lock is a heap record whose `a` word is its state (0 free, 1 held) and whose
//! `b` word is a number unique to the lock. The state lives in the heap object, so it
//! moves with it and dies with it; a thread that must wait does so outside the heap, on
//! one of `STRIPES` Mutex+Condvar pairs chosen by the lock's number, in the safe state
//! (`Vm::blocking`), so other threads and the collector go on. No wake-up is lost: a
//! waiter reads the stripe's release count *before* it tries the lock word, and sleeps
//! only while that count is unchanged; a releaser frees the lock word and *then* bumps
//! the count under the stripe's mutex and wakes the stripe's waiters, who retry.
//!
//! What must hold: a waiting thread touches no heap object between `enter_safe` and
//! `leave_safe` (it finds its lock again through its roots afterwards); lock words change
//! only by compare-and-swap (acquire) and by the owner's or any thread's release.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::record::REC_OTHER;
use crate::types::slots::TypeOps;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use parking_lot::{Condvar, Mutex};
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Stack of a Python thread (virtual memory; touched only as deep as it is used).
const THREAD_STACK: usize = 512 << 20;
/// Longest timeout `acquire` accepts, in seconds (as CPython's `TIMEOUT_MAX`, rounded).
const TIMEOUT_MAX: f64 = 9_223_372_036.0;
const NSTRIPES: usize = 64;

struct Stripe {
    /// Releases of the locks of this stripe so far.
    released: Mutex<u64>,
    cond: Condvar,
}

static STRIPES: [Stripe; NSTRIPES] = [const {
    Stripe {
        released: Mutex::new(0),
        cond: Condvar::new(),
    }
}; NSTRIPES];

static NEXT_LOCK: AtomicI64 = AtomicI64::new(1);
/// Threads started by `start_new_thread` that have not finished (`_thread._count()`).
static RUNNING: AtomicUsize = AtomicUsize::new(0);
/// Threads started so far (`hotpy --stats`).
pub static STARTED: AtomicUsize = AtomicUsize::new(0);

fn is_lock(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Record && type_of(v) == ty(T::Lock)
}

fn rec<'a>(v: Value) -> &'a RecordObj {
    // SAFETY: callers pass lock records (checked by `is_lock` or made by `new_lock`).
    unsafe { obj::<RecordObj>(v) }
}

fn stripe(lock: Value) -> &'static Stripe {
    &STRIPES[rec(lock).b.load(Ordering::Relaxed) as usize % NSTRIPES]
}

fn try_acquire(lock: Value) -> bool {
    rec(lock)
        .a
        .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
        .is_ok()
}

pub fn new_lock(vm: &mut Vm) -> PyResult<Value> {
    let id = NEXT_LOCK.fetch_add(1, Ordering::Relaxed);
    let n = Value::NULL;
    vm.new_record(ty(T::Lock), REC_OTHER, [n, n, n, n], 0, id)
}

fn self_lock(vm: &mut Vm, a: &Args, what: &str) -> PyResult<Value> {
    let l = a.get(0);
    if !is_lock(l) {
        let msg = format!(
            "descriptor '{what}' for '_thread.lock' objects doesn't apply to a '{}' object",
            type_name(type_of(l))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(l)
}

/// `lock.acquire(blocking=True, timeout=-1)`.
fn lock_acquire(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lock = self_lock(vm, a, "acquire")?;
    let (blocking, timeout) = acquire_args(vm, a)?;
    if !blocking && timeout != -1.0 {
        let msg = "can't specify a timeout for a non-blocking call";
        return Err(vm.raise_msg(ExcKind::ValueError, msg));
    }
    if timeout < 0.0 && timeout != -1.0 {
        let msg = "timeout value must be positive";
        return Err(vm.raise_msg(ExcKind::ValueError, msg));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.raise_msg(ExcKind::OverflowError, "timeout value is too large"));
    }
    let got = acquire(vm, lock, blocking, timeout, a.from_interp())?;
    Ok(vm.bool_val(got))
}

/// The arguments of `lock.acquire` (`a.get(0)` is the lock), parsed as CPython 3.11's
/// `_thread` does with `"|iO:acquire"`: at most two, by position or by the names
/// `blocking` and `timeout`; `blocking` is an integer (`__index__`, so a float is
/// refused) and `timeout` a number (None is refused too). An absent timeout is -1.
fn acquire_args(vm: &mut Vm, a: &Args) -> PyResult<(bool, f64)> {
    let nargs = a.len().saturating_sub(1);
    let total = nargs + a.nkw();
    if total > 2 {
        let kind = if nargs == 0 { "keyword " } else { "" };
        let msg = format!("acquire() takes at most 2 {kind}arguments ({total} given)");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let mut vals = [a.opt(1), a.opt(2)];
    for (k, v) in a.kwargs() {
        let name = str_val(k);
        let i = match name {
            "blocking" => 0,
            "timeout" => 1,
            _ => {
                let msg = format!("'{name}' is an invalid keyword argument for acquire()");
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        };
        if vals[i].is_some() {
            let msg = format!(
                "argument for acquire() given by name ('{name}') and position ({})",
                i + 1
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        vals[i] = Some(v);
    }
    let blocking = match vals[0] {
        Some(b) => c_int(vm, b)? != 0,
        None => true,
    };
    let timeout = match vals[1] {
        Some(t) => timeout_secs(vm, t)?,
        None => -1.0,
    };
    Ok((blocking, timeout))
}

/// An argument for a C `int` (`"i"`): `__index__`, with CPython's overflow messages.
fn c_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let n = vm.index(v)?;
    let msg = match crate::types::int::int_to_i64(n) {
        Some(n) if n > i32::MAX as i64 => "signed integer is greater than maximum",
        Some(n) if n < i32::MIN as i64 => "signed integer is less than minimum",
        Some(n) => return Ok(n),
        None => "Python int too large to convert to C long",
    };
    Err(vm.raise_msg(ExcKind::OverflowError, msg))
}

/// A lock timeout in seconds: an int or a float (CPython's time conversion, whose
/// TypeError for anything else speaks of integers). Like CPython, a value whose count of
/// nanoseconds does not fit 64 bits raises OverflowError, worded by its type.
fn timeout_secs(vm: &mut Vm, t: Value) -> PyResult<f64> {
    let is_float = crate::types::typeobj::isinstance(t, ty(T::Float));
    let is_int = !is_float && crate::types::typeobj::isinstance(t, ty(T::Int));
    if !is_float && !is_int {
        let msg = format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(type_of(t))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    // i64::MAX nanoseconds, in seconds.
    const NS_LIMIT: f64 = 9_223_372_036.854_775;
    if is_int {
        let n = vm.index(t)?;
        let fits =
            crate::types::int::int_to_i64(n).is_some_and(|n| n.unsigned_abs() <= 9_223_372_036);
        if !fits {
            let msg = "timestamp too large to convert to C _PyTime_t";
            return Err(vm.raise_msg(ExcKind::OverflowError, msg));
        }
    }
    let secs = vm.as_f64(t)?;
    if secs.is_nan() {
        return Err(vm.raise_msg(ExcKind::ValueError, "Invalid value NaN (not a number)"));
    }
    if secs.abs() >= NS_LIMIT {
        let msg = "timestamp out of range for platform time_t";
        return Err(vm.raise_msg(ExcKind::OverflowError, msg));
    }
    Ok(secs)
}

/// Takes `lock`, waiting at most `timeout` seconds (-1: for ever) when `blocking`; `ok`:
/// the wait may let other threads collect (the caller's `Args::from_interp`).
pub fn acquire(vm: &mut Vm, lock: Value, blocking: bool, timeout: f64, ok: bool) -> PyResult<bool> {
    if try_acquire(lock) {
        return Ok(true);
    }
    if !blocking {
        return Ok(false);
    }
    let deadline = (timeout >= 0.0).then(|| Instant::now() + Duration::from_secs_f64(timeout));
    crate::builtins::flush_stdout();
    let mark = vm.roots.len();
    let r = vm.root(lock);
    let got = loop {
        let lock = vm.rooted(r);
        let st = stripe(lock);
        let seen = *st.released.lock();
        if try_acquire(lock) {
            break true;
        }
        let timed_out = vm.blocking(ok, || {
            let mut released = st.released.lock();
            while *released == seen {
                match deadline {
                    None => st.cond.wait(&mut released),
                    Some(d) => {
                        if st.cond.wait_until(&mut released, d).timed_out() {
                            return *released == seen;
                        }
                    }
                }
            }
            false
        });
        if timed_out {
            break try_acquire(vm.rooted(r));
        }
    };
    vm.unroot_to(mark);
    Ok(got)
}

/// Frees `lock`; false when it was not held.
pub fn release(lock: Value) -> bool {
    if rec(lock)
        .a
        .compare_exchange(1, 0, Ordering::Release, Ordering::Relaxed)
        .is_err()
    {
        return false;
    }
    let st = stripe(lock);
    *st.released.lock() += 1;
    st.cond.notify_all();
    true
}

/// Refuses arguments to a method that takes none (`a.get(0)` is the lock), as CPython
/// words it: "lock.release() takes no arguments (1 given)", keywords first.
fn no_more_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.nkw() != 0 {
        let msg = format!("lock.{name}() takes no keyword arguments");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let given = a.len().saturating_sub(1);
    if given != 0 {
        let msg = format!("lock.{name}() takes no arguments ({given} given)");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

fn lock_release(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lock = self_lock(vm, a, "release")?;
    no_more_args(vm, a, "release")?;
    if !release(lock) {
        return Err(vm.raise_msg(ExcKind::RuntimeError, "release unlocked lock"));
    }
    Ok(g().none)
}

fn lock_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lock = self_lock(vm, a, "__exit__")?;
    if !release(lock) {
        return Err(vm.raise_msg(ExcKind::RuntimeError, "release unlocked lock"));
    }
    Ok(g().none)
}

fn lock_locked(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let lock = self_lock(vm, a, "locked")?;
    no_more_args(vm, a, "locked")?;
    let held = rec(lock).a.load(Ordering::Acquire) != 0;
    Ok(vm.bool_val(held))
}

fn lock_repr(vm: &mut Vm, lock: Value) -> PyResult<Value> {
    let state = if rec(lock).a.load(Ordering::Acquire) != 0 {
        "locked"
    } else {
        "unlocked"
    };
    let s = format!(
        "<{state} _thread.lock object at {:#x}>",
        crate::types::object::object_id(lock)
    );
    vm.new_str(&s)
}

fn lock_new(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.raise_msg(ExcKind::TypeError, "cannot create '_thread.lock' instances"))
}

static LOCK_OPS: TypeOps = TypeOps {
    repr: Some(lock_repr),
    new: Some(lock_new),
    ..TypeOps::EMPTY
};

fn allocate_lock(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::no_args(vm, a, "_thread.allocate_lock")?;
    new_lock(vm)
}

fn allocate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::no_args(vm, a, "_thread.allocate")?;
    new_lock(vm)
}

fn get_ident(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::no_args(vm, a, "_thread.get_ident")?;
    vm.new_int(vm.ident as i64)
}

fn get_native_id(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::no_args(vm, a, "_thread.get_native_id")?;
    vm.new_int(vm.ident as i64)
}

fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::no_args(vm, a, "_thread._count")?;
    vm.new_int(RUNNING.load(Ordering::Acquire) as i64)
}

/// `_thread.exit()` (also `exit_thread`): raises SystemExit, which ends the calling
/// thread quietly (or the program, in the main thread).
fn thread_exit_fn(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::no_args(vm, a, "exit")?;
    Err(vm.raise_args(ExcKind::SystemExit, &[]))
}

/// `_thread.start_new_thread(function, args, kwargs=None)`.
fn start_new_thread(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() < 2 || a.len() > 3 {
        let msg = format!(
            "start_new_thread expected at least 2 arguments, got {}",
            a.len()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let (f, args) = (a.get(0), a.get(1));
    let kw = a.opt(2).unwrap_or(Value::NULL);
    if !crate::types::builtin_iters::is_callable(vm, f) {
        return Err(vm.raise_msg(ExcKind::TypeError, "first arg must be callable"));
    }
    if !crate::types::typeobj::isinstance(args, ty(T::Tuple)) {
        return Err(vm.raise_msg(ExcKind::TypeError, "2nd arg must be a tuple"));
    }
    if !kw.is_null() && !crate::types::typeobj::isinstance(kw, ty(T::Dict)) {
        return Err(vm.raise_msg(ExcKind::TypeError, "optional 3rd arg must be a dictionary"));
    }
    if let Err(e) = crate::obj::lockmode::enable_multithreaded() {
        let msg = format!("can't start new thread: {e}");
        return Err(vm.raise_msg(ExcKind::RuntimeError, &msg));
    }
    RUNNING.fetch_add(1, Ordering::AcqRel);
    STARTED.fetch_add(1, Ordering::Relaxed);
    tell_heap(RUNNING.load(Ordering::Acquire));
    if let Some(ident) = pool_start(f, args, kw) {
        return vm.new_int(ident as i64);
    }
    let mut child = Vm::new_thread();
    child.roots.extend([f, args, kw]);
    let ident = child.ident;
    let spawned = std::thread::Builder::new()
        .name(format!("hotpy-{ident}"))
        .stack_size(THREAD_STACK)
        .spawn(move || worker(child));
    if spawned.is_err() {
        thread_done();
        return Err(vm.raise_msg(ExcKind::RuntimeError, "can't start new thread"));
    }
    vm.new_int(ident as i64)
}

/// Bookkeeping when a Python thread ends (or fails to start).
fn thread_done() {
    let left = RUNNING.fetch_sub(1, Ordering::AcqRel) - 1;
    tell_heap(left);
}

/// Tells the heap how many threads allocate at once, for its least budget between
/// collections (`min_budget` per thread). The main thread alone counts one; each started
/// thread counts two. A threaded program's main thread mostly waits (`join`, a queue's
/// `get`) while its workers allocate, and every collection stops all the workers, so its
/// pause costs each of them: for collections to take no larger share of the run with N
/// workers than with one, the room between them must grow in proportion to the workers.
/// Counting the waiting main thread as a full allocator would give one worker a room of
/// two threads' budgets but each of two workers only three quarters of that.
fn tell_heap(started_running: usize) {
    crate::runtime::shared()
        .heap
        .set_threads(budget_threads(started_running));
}

/// The thread count `tell_heap` gives the heap: 1 for the main thread alone, 2 per
/// started thread still running otherwise.
fn budget_threads(started_running: usize) -> usize {
    if started_running == 0 {
        1
    } else {
        2 * started_running
    }
}

/// An idle pooled OS thread and the state it keeps, waiting for its next function.
struct Idle {
    /// The idle thread's `Vm` (registered, in the safe state, no roots) and `go`. A
    /// starter takes the `Vm`, roots the call in it, puts it back and sets `go`.
    slot: Mutex<(Option<Box<Vm>>, bool)>,
    cond: Condvar,
}

/// Idle threads, newest last. No slot lock is held while `POOL` is taken.
static POOL: Mutex<Vec<Arc<Idle>>> = Mutex::new(Vec::new());
/// Most idle threads kept.
const POOL_MAX: usize = 16;
/// An idle thread that waited this long without work ends.
const POOL_IDLE: Duration = Duration::from_secs(10);

/// Hands the call to an idle pooled thread; its new ident, or `None` if none is idle.
fn pool_start(f: Value, args: Value, kw: Value) -> Option<u64> {
    let idle = POOL.lock().pop()?;
    let mut slot = idle.slot.lock();
    let mut vm = slot.0.take()?;
    vm.roots.extend([f, args, kw]);
    let ident = vm.ident;
    slot.0 = Some(vm);
    slot.1 = true;
    idle.cond.notify_one();
    Some(ident)
}

/// Body of a pooled OS thread: run a Python thread, then wait to be reused.
fn worker(mut vm: Box<Vm>) {
    let mut first = true;
    loop {
        thread_main(&mut vm, std::mem::take(&mut first));
        vm.reset_for_reuse();
        vm.mutator.flush();
        if let Some(h) = vm.handle.as_mut() {
            h.enter_safe();
        }
        thread_done();
        match park_idle(vm) {
            Some(next) => vm = next,
            None => return,
        }
    }
}

/// Offers `vm` (safe, reset) to starters. Returns it claimed, with its next call
/// rooted, or `None` when the pool is full or nobody came in time (the state is then
/// dropped, which unregisters it, and the OS thread ends).
fn park_idle(vm: Box<Vm>) -> Option<Box<Vm>> {
    let idle = Arc::new(Idle {
        slot: Mutex::new((Some(vm), false)),
        cond: Condvar::new(),
    });
    {
        let mut pool = POOL.lock();
        if pool.len() >= POOL_MAX {
            drop(pool);
            let vm = idle.slot.lock().0.take();
            drop(vm);
            return None;
        }
        pool.push(idle.clone());
    }
    let mut slot = idle.slot.lock();
    loop {
        if slot.1 {
            return slot.0.take();
        }
        if idle.cond.wait_for(&mut slot, POOL_IDLE).timed_out() && !slot.1 {
            // Leave the pool, unless a starter has just taken this thread out of it
            // (it then sets `go` under the slot lock soon).
            drop(slot);
            let mut pool = POOL.lock();
            if let Some(i) = pool.iter().position(|p| Arc::ptr_eq(p, &idle)) {
                pool.swap_remove(i);
                drop(pool);
                let vm = idle.slot.lock().0.take();
                drop(vm);
                return None;
            }
            drop(pool);
            slot = idle.slot.lock();
        }
    }
}

/// The body of a Python thread.
/// `first`: the first Python thread this OS thread runs (its `Vm` is then rehomed).
fn thread_main(vm: &mut Vm, first: bool) {
    if let Some(h) = vm.handle.as_mut() {
        h.leave_safe();
    }
    if first {
        vm.rehome();
    }
    vm.after_pause();
    let (f, args, kw) = (vm.roots[0], vm.roots[1], vm.roots[2]);
    let r = call_with(vm, f, args, kw);
    if r.is_err() {
        report(vm, f);
    }
    crate::modules::thread_local::thread_exit(vm);
    crate::builtins::flush_stdout();
}

/// `f(*args, **kw)` with collections allowed (only the roots hold `f`, `args` and `kw`).
fn call_with(vm: &mut Vm, f: Value, args: Value, kw: Value) -> PyResult<Value> {
    let mut vals: Vec<Value> = tuple_slots(args).iter().map(|s| s.get()).collect();
    let mut names = Vec::new();
    if !kw.is_null() {
        for (k, v) in vm.dict_items_vec(kw) {
            names.push(k);
            vals.push(v);
        }
    }
    let kwnames = if names.is_empty() {
        Value::NULL
    } else {
        vm.new_tuple(&names)?
    };
    // The thread's first frame is an outermost run: collections may happen inside it.
    vm.call_kw(f, &vals, kwnames)
}

/// CPython's report of an exception that escapes a thread's function.
fn report(vm: &mut Vm, f: Value) {
    let e = vm.exc;
    vm.exc = Value::NULL;
    if e.is_null()
        || crate::types::typeobj::isinstance(e, crate::ops::exc::exc_type(ExcKind::SystemExit))
    {
        return;
    }
    let mark = vm.roots.len();
    let re = vm.root(e);
    let fr = vm
        .repr_string(f)
        .unwrap_or_else(|_| "<function>".to_string());
    vm.exc = Value::NULL;
    let e = vm.rooted(re);
    vm.unroot_to(mark);
    let text = vm.format_exception(e);
    vm.write_stderr(&format!(
        "Exception ignored in thread started by: {fr}\n{text}"
    ));
}

/// Creates the module object.
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let lt = ty(T::Lock);
    vm.install_slots(lt, &LOCK_OPS)?;
    vm.def_methods(
        lt,
        &[
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("__enter__", lock_acquire),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("__exit__", lock_exit),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
        ],
    )?;
    let m = vm.new_module_named("_thread")?;
    let d = vm.dict_of(m);
    vm.def_module_fns(
        d,
        &[
            ("start_new_thread", start_new_thread),
            ("start_new", start_new_thread),
            ("allocate_lock", allocate_lock),
            ("allocate", allocate),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("_count", count),
            ("exit", thread_exit_fn),
            ("exit_thread", thread_exit_fn),
            ("_local_install", crate::modules::thread_local::install),
            ("_local_setup", crate::modules::thread_local::setup),
        ],
    )?;
    let tm = vm.new_float(TIMEOUT_MAX)?;
    for (name, v) in [
        ("LockType", lt),
        ("TIMEOUT_MAX", tm),
        ("error", crate::ops::exc::exc_type(ExcKind::RuntimeError)),
    ] {
        let k = vm.intern(name)?;
        vm.dict_set(d, k, v)?;
    }
    Ok(m)
}

/// At interpreter exit: `threading._shutdown()` (joins the non-daemon threads) if the
/// program imported `threading`. An exception from it is reported and otherwise ignored.
pub fn shutdown(vm: &mut Vm) {
    crate::modules::call_exit_hook(vm, "threading", "_shutdown");
}

#[cfg(test)]
mod tests {
    use super::budget_threads;

    #[test]
    fn room_between_collections_grows_with_the_started_threads() {
        assert_eq!(budget_threads(0), 1);
        // One worker gets what the main thread and one allocating thread got before.
        assert_eq!(budget_threads(1), 2);
        // Each further worker adds as much room as the first had.
        assert_eq!(budget_threads(2), 2 * budget_threads(1));
        assert_eq!(budget_threads(8), 8 * budget_threads(1));
    }
}
