//! The `gc` module.
//!
//! hotpy's collector is a copying collector that runs on its own schedule (see
//! DESIGN.md); this module gives programs CPython's interface to it. `collect()` runs
//! a collection now when that is safe: only while no native code below on the Rust
//! stack holds unrooted values (`vm.gc_inhibit == 0`), otherwise it does nothing.
//! It returns 0: a copying collector does not count the garbage it leaves behind.
//! `enable`/`disable` only flip the flag that `isenabled` reports.
//!
//! What must hold: `collect()` never collects while `gc_inhibit` is raised.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::runtime::g;
use crate::value::Value;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

static ENABLED: AtomicBool = AtomicBool::new(true);
static COLLECTIONS: AtomicU64 = AtomicU64::new(0);

fn gc_collect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if let Some(gen) = a.opt(0).or_else(|| a.kw("generation")) {
        let n = vm.index_i64(gen)?;
        if !(0..=2).contains(&n) {
            return Err(vm.raise_msg(crate::runtime::ExcKind::ValueError, "invalid generation"));
        }
    }
    if vm.gc_inhibit == 0 {
        crate::builtins::flush_stdout();
        let finalized = vm.finalizers_run;
        vm.collect_now();
        if vm.finalizers_run != finalized {
            // Objects that stayed dead after their `__del__` go now, with their weakrefs
            // cleared and called back, as CPython's `del` does at once.
            vm.collect_now();
        }
        COLLECTIONS.fetch_add(1, Ordering::Relaxed);
    }
    Ok(Value::small(0))
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
