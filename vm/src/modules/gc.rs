//! The `gc` module.
//!
//! hotpy's collector is a copying collector that runs on its own schedule (see
//! DESIGN.md); this module gives programs CPython's interface to it. `collect()` runs
//! a collection now when that is safe: only while no native code below on the Rust
//! stack holds unrooted values (CALL called it from the outermost interpreter:
//! `Args::from_interp` and `vm.gc_inhibit == 0`), otherwise it does nothing.
//! Objects die only in collections here, where CPython frees most at once by reference
//! counting, so `collect()` collects again while the callbacks and finalizers the last
//! collection ran (which may drop more objects) did anything, a few times at most.
//! It returns 0: a copying collector does not count the garbage it leaves behind.
//! Each callable in `gc.callbacks` is called with ("start", info) before and ("stop",
//! info) after the collections of a `collect()`, outside the pause; an exception in
//! one is printed as "Exception ignored in: ..." and dropped. Automatic collections
//! (a safepoint found the allocation budget spent) call them too, from the thread that
//! collects: "start" at the safepoint before it stops the world, "stop" after the world
//! resumes, where Python code may run as finalizers do (`collect_automatic`); a
//! collection that the callbacks' own safepoints start calls none, nor do the extra
//! collections of `HOTPY_GC_STRESS`. `enable`/`disable`
//! only flip the flag that `isenabled` reports: the copying collector is hotpy's only
//! way of reclaiming memory, so it cannot be turned off.
//!
//! What must hold: `collect()` never collects while `gc_inhibit` is raised, nor when
//! another native called it (`map(gc.collect, ...)`: the `map` holds values in Rust).

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::{kind_of, Kind};
use crate::runtime::g;
use crate::value::Value;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

static ENABLED: AtomicBool = AtomicBool::new(true);
static COLLECTIONS: AtomicU64 = AtomicU64::new(0);

/// Collections one `gc.collect()` runs at most.
const MAX_ROUNDS: usize = 4;
/// Attempts at one collection (0.5 ms apart) before `gc.collect()` gives up.
const MAX_TRIES: usize = 200;

fn gc_collect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut generation = 2;
    if let Some(gen) = a.opt(0).or_else(|| a.kw("generation")) {
        generation = vm.index_i64(gen)?;
        if !(0..=2).contains(&generation) {
            return Err(vm.raise_msg(crate::runtime::ExcKind::ValueError, "invalid generation"));
        }
    }
    if a.from_interp() && vm.gc_inhibit == 0 {
        run_callbacks(vm, "start", generation)?;
        crate::builtins::flush_stdout();
        for _ in 0..MAX_ROUNDS {
            let ran = vm.finalizers_run;
            collect_once(vm);
            // Objects that callbacks and finalizers let go of (and objects that stayed
            // dead after their `__del__`) go now, as CPython's `del` frees them at once.
            if vm.finalizers_run == ran {
                break;
            }
        }
        COLLECTIONS.fetch_add(1, Ordering::Relaxed);
        run_callbacks(vm, "stop", generation)?;
    }
    Ok(Value::small(0))
}

/// One whole collection that starts after this call does. `collect_now` does nothing
/// when the stop was given up (another thread was pinned, see `Vm::blocking`): wait a
/// little, in the safe state, and try again, for a while. Only for a `collect()` that
/// may collect (see `gc_collect`).
fn collect_once(vm: &mut Vm) {
    let heap = &crate::runtime::shared().heap;
    for _ in 0..MAX_TRIES {
        let before = heap.collections();
        vm.collect_now();
        if heap.collections() != before {
            return;
        }
        vm.blocking(true, || {
            std::thread::sleep(std::time::Duration::from_micros(500))
        });
    }
}

/// A collection a safepoint asked for, with `gc.callbacks` called around it (see the
/// module comment). An error other than a callback's own (which is reported and
/// dropped), such as a MemoryError building the info dict, is dropped too: a
/// safepoint cannot raise.
pub fn collect_automatic(vm: &mut Vm) {
    // The extra collections of `HOTPY_GC_STRESS` (one at every safepoint) call none:
    // only those the allocation budget asks for, which a normal run makes too.
    let budget = crate::runtime::shared().heap.collection_requested();
    if vm.gc_in_callbacks || !budget || !has_callbacks(vm) {
        vm.collect_now();
        return;
    }
    vm.gc_in_callbacks = true;
    let mark = vm.roots.len();
    let saved = vm.root(vm.exc);
    if run_callbacks(vm, "start", 2).is_err() {
        vm.exc = vm.rooted(saved);
    }
    vm.collect_now();
    if run_callbacks(vm, "stop", 2).is_err() {
        vm.exc = vm.rooted(saved);
    }
    vm.unroot_to(mark);
    vm.gc_in_callbacks = false;
}

/// Is `gc.callbacks` a non-empty list? (False when `gc` was never imported.)
fn has_callbacks(vm: &mut Vm) -> bool {
    let (Ok(gc), Ok(k)) = (vm.intern("gc"), vm.intern("callbacks")) else {
        return false;
    };
    let Ok(Some(m)) = vm.dict_get(g().sys_modules, gc) else {
        return false;
    };
    if !(m.is_ptr() && kind_of(m) == Kind::Module) {
        return false;
    }
    let d = vm.dict_of(m);
    matches!(vm.dict_get(d, k), Ok(Some(l)) if l.is_ptr() && kind_of(l) == Kind::List
        && crate::types::list::list_len(l) > 0)
}

/// Calls each callable in `gc.callbacks` with `(phase, info)`, as CPython does around
/// a collection.
fn run_callbacks(vm: &mut Vm, phase: &str, generation: i64) -> PyResult<()> {
    let k = vm.intern("gc")?;
    let Some(m) = vm.dict_get(g().sys_modules, k)? else {
        return Ok(());
    };
    let d = vm.dict_of(m);
    let k = vm.intern("callbacks")?;
    let list = match vm.dict_get(d, k)? {
        Some(l) if l.is_ptr() && kind_of(l) == Kind::List => l,
        _ => return Ok(()),
    };
    if vm.len(list)? == 0 {
        return Ok(());
    }
    let mark = vm.roots.len();
    vm.roots.push(list);
    let r = call_each(vm, mark, phase, generation);
    vm.unroot_to(mark);
    r
}

fn call_each(vm: &mut Vm, mark: usize, phase: &str, generation: i64) -> PyResult<()> {
    let p = vm.new_str(phase)?;
    vm.roots.push(p);
    let info = vm.new_dict()?;
    vm.roots.push(info);
    for (name, v) in [
        ("generation", generation),
        ("collected", 0),
        ("uncollectable", 0),
    ] {
        let k = vm.intern(name)?;
        let info = vm.rooted(mark + 2);
        vm.dict_set(info, k, Value::small(v))?;
    }
    let mut i = 0;
    loop {
        // The list may change while its callbacks run: index it afresh each time.
        let list = vm.rooted(mark);
        if i >= vm.len(list)? {
            return Ok(());
        }
        let idx = Value::small(i as i64);
        let cb = vm.getitem(list, idx)?;
        let (p, info) = (vm.rooted(mark + 1), vm.rooted(mark + 2));
        let saved = vm.exc;
        let at = vm.root(cb);
        if vm.call(cb, &[p, info]).is_err() {
            let cb = vm.rooted(at);
            vm.report_ignored(cb);
        }
        vm.unroot_to(at);
        vm.exc = saved;
        i += 1;
    }
}

fn gc_enable(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    ENABLED.store(true, Ordering::Relaxed);
    Ok(g().none)
}

fn gc_disable(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    ENABLED.store(false, Ordering::Relaxed);
    Ok(g().none)
}

fn gc_isenabled(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm.bool_val(ENABLED.load(Ordering::Relaxed)))
}

fn gc_get_count(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let z = Value::small(0);
    vm.new_tuple(&[z, z, z])
}

fn gc_get_threshold(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_tuple(&[Value::small(700), Value::small(10), Value::small(10)])
}

fn gc_none(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(g().none)
}

fn gc_zero(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::small(0))
}

fn gc_get_stats(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let mut gens = Vec::new();
    for i in 0..3 {
        let d = vm.new_dict()?;
        let n = if i == 2 {
            COLLECTIONS.load(Ordering::Relaxed) as i64
        } else {
            0
        };
        for (k, v) in [("collections", n), ("collected", 0), ("uncollectable", 0)] {
            let kk = vm.new_str(k)?;
            vm.dict_set(d, kk, Value::small(v))?;
        }
        gens.push(d);
    }
    vm.new_list(&gens)
}

fn gc_empty_list(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_list(&[])
}

fn gc_is_tracked(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, "is_tracked")?;
    let v = a.get(0);
    let atomic = !v.is_ptr()
        || matches!(
            crate::obj::layout::kind_of(v),
            crate::obj::layout::Kind::Str
                | crate::obj::layout::Kind::BigInt
                | crate::obj::layout::Kind::Float
                | crate::obj::layout::Kind::Bytes
                | crate::obj::layout::Kind::Empty
        );
    Ok(vm.bool_val(!atomic))
}

/// Creates the module object.
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module_named("gc")?;
    let d = vm.dict_of(m);
    vm.def_module_fns(
        d,
        &[
            ("collect", gc_collect),
            ("enable", gc_enable),
            ("disable", gc_disable),
            ("isenabled", gc_isenabled),
            ("get_count", gc_get_count),
            ("get_threshold", gc_get_threshold),
            ("set_threshold", gc_none),
            ("get_stats", gc_get_stats),
            ("freeze", gc_none),
            ("unfreeze", gc_none),
            ("get_freeze_count", gc_zero),
            ("get_objects", gc_empty_list),
            ("get_referrers", gc_empty_list),
            ("get_referents", gc_empty_list),
            ("is_tracked", gc_is_tracked),
            ("is_finalized", gc_false),
            ("set_debug", gc_none),
            ("get_debug", gc_zero),
        ],
    )?;
    for name in ["garbage", "callbacks"] {
        let l = vm.new_list(&[])?;
        let k = vm.intern(name)?;
        vm.dict_set(d, k, l)?;
    }
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        let k = vm.intern(name)?;
        vm.dict_set(d, k, Value::small(v))?;
    }
    Ok(m)
}

fn gc_false(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(g().false_)
}
