//! The generator, coroutine and async generator types: `send`, `throw`, `close`,
//! iteration and attributes. The machinery is in `interp::gen`.
//!
//! What must hold: `throw` accepts an exception type, instance, or (type, value).

use crate::interp::call::Args;
use crate::interp::gen::{gen, SendResult};
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::slots::TypeOps;
use crate::types::typeobj::type_name;
use crate::value::Value;
use std::sync::atomic::Ordering;

fn gen_iter(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(v)
}

fn gen_next(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    if gen(v).state.load(Ordering::Acquire) == crate::interp::gen::GEN_FINISHED {
        return Ok(None);
    }
    match vm.gen_resume(v, crate::interp::gen::Resume::Send(g().none))? {
        SendResult::Yield(y) => Ok(Some(y)),
        SendResult::Return(r) => {
            if r != g().none {
                vm.last_stop_value = r;
            }
            Ok(None)
        }
    }
}

fn g_send(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.opt(1).unwrap_or(g().none);
    vm.gen_send(a.get(0), v)
}

fn g_throw(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let gv = a.get(0);
    let t = a.opt(1).unwrap_or(g().none);
    let e = match a.opt(2) {
        Some(v) if v != g().none && crate::types::typeobj::is_type(t) => {
            if crate::ops::exc::is_exception(v) {
                v
            } else {
                vm.call(t, &[v])?
            }
        }
        _ => vm.make_exception(t)?,
    };
    if let Some(tb) = a.opt(3) {
        if tb != g().none {
            crate::ops::exc::exc_obj(e).traceback.set(tb);
        }
    }
    vm.exc = e;
    match vm.gen_throw(gv)? {
        SendResult::Yield(y) => Ok(y),
        SendResult::Return(r) => {
            if crate::types::typeobj::type_of(gv) == ty(T::AsyncGenerator) {
                return Err(vm.raise_args(ExcKind::StopAsyncIteration, &[]));
            }
            Err(vm.raise_stop_iteration(if r == g().none { Value::NULL } else { r }))
        }
    }
}

fn g_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.gen_close(a.get(0))
}

fn gen_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = format!(
        "<{} object {} at {:#x}>",
        type_name(crate::types::typeobj::type_of(v)),
        str_val(gen(v).qualname.get()),
        crate::types::object::object_id(v)
    );
    vm.new_str(&s)
}

fn g_name(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(gen(v).name.get())
}
fn g_qualname(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(gen(v).qualname.get())
}
fn g_running(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm.bool_val(gen(v).state.load(Ordering::Acquire) == crate::interp::gen::GEN_RUNNING))
}
fn g_suspended(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(vm.bool_val(gen(v).state.load(Ordering::Acquire) == crate::interp::gen::GEN_SUSPENDED))
}
fn g_frame(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    let st = gen(v).state.load(Ordering::Acquire);
    if st == crate::interp::gen::GEN_FINISHED {
        return Ok(g().none);
    }
    Ok(gen(v).code.get())
}
fn g_code(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(gen(v).code.get())
}
fn g_yieldfrom(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let y = vm.gen_yieldfrom(v);
    Ok(if y.is_null() { g().none } else { y })
}

fn coro_await(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // A coroutine is its own awaitable iterator here.
    let c = a.get(0);
    vm.new_record(
        ty(T::CoroWrapper),
        crate::types::record::REC_OTHER,
        [c, Value::NULL, Value::NULL, Value::NULL],
        0,
        0,
    )
}

fn wrapper_next(vm: &mut Vm, w: Value) -> PyResult<Option<Value>> {
    // SAFETY: coroutine wrappers are records.
    let c = unsafe { crate::obj::layout::obj::<crate::obj::layout::RecordObj>(w) }.s[0].get();
    gen_next(vm, c)
}

pub static GEN_OPS: TypeOps = TypeOps {
    repr: Some(gen_repr),
    iter: Some(gen_iter),
    next: Some(gen_next),
    ..TypeOps::EMPTY
};
pub static CORO_OPS: TypeOps = TypeOps {
    repr: Some(gen_repr),
    ..TypeOps::EMPTY
};
pub static WRAPPER_OPS: TypeOps = TypeOps {
    iter: Some(gen_iter),
    next: Some(wrapper_next),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    for (t, ops) in [
        (T::Generator, &GEN_OPS),
        (T::Coroutine, &CORO_OPS),
        (T::AsyncGenerator, &CORO_OPS),
    ] {
        let tv = ty(t);
        vm.install_slots(tv, ops)?;
        vm.def_methods(
            tv,
            &[("send", g_send), ("throw", g_throw), ("close", g_close)],
        )?;
        vm.def_getters(tv, &[("__name__", g_name), ("__qualname__", g_qualname)])?;
    }
    let gt = ty(T::Generator);
    vm.def_getters(
        gt,
        &[
            ("gi_running", g_running),
            ("gi_suspended", g_suspended),
            ("gi_frame", g_frame),
            ("gi_code", g_code),
            ("gi_yieldfrom", g_yieldfrom),
        ],
    )?;
    let ct = ty(T::Coroutine);
    vm.def_methods(ct, &[("__await__", coro_await)])?;
    vm.def_getters(
        ct,
        &[
            ("cr_running", g_running),
            ("cr_suspended", g_suspended),
            ("cr_frame", g_frame),
            ("cr_code", g_code),
            ("cr_await", g_yieldfrom),
        ],
    )?;
    init_async(vm)?;
    let w = ty(T::CoroWrapper);
    vm.install_slots(w, &WRAPPER_OPS)?;
    vm.def_methods(
        w,
        &[
            ("send", wrapper_send),
            ("throw", wrapper_throw),
            ("close", wrapper_close),
        ],
    )?;
    Ok(())
}

// ---- async generators: __anext__/asend/athrow/aclose awaitables ----
//
// An awaitable record (T::AsyncGenASend): s0 = the async generator, s1 = the value to
// send first (or, for athrow, the exception to throw), a = state (0 fresh, 1 running,
// 2 done), b = 1 for athrow/aclose (b = 2 for aclose).

const REC_AGEN_WRAP: u8 = crate::types::record::REC_OTHER;

/// Wraps a value yielded by an async generator's own `yield`.
pub fn wrap_async_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    vm.new_record(
        ty(T::SeqIter),
        200,
        [v, Value::NULL, Value::NULL, Value::NULL],
        0,
        0,
    )
}

fn unwrap_async_value(v: Value) -> Option<Value> {
    if v.is_ptr()
        && crate::obj::layout::kind_of(v) == crate::obj::layout::Kind::Record
        && crate::obj::layout::header(v).rec_kind == 200
    {
        // SAFETY: records with rec_kind 200 are the wrappers made above.
        return Some(
            unsafe { crate::obj::layout::obj::<crate::obj::layout::RecordObj>(v) }.s[0].get(),
        );
    }
    None
}

fn arec(v: Value) -> &'static crate::obj::layout::RecordObj {
    // SAFETY: async-generator awaitables are records.
    unsafe { crate::obj::layout::obj::<crate::obj::layout::RecordObj>(v) }
}

fn new_asend(vm: &mut Vm, agen: Value, val: Value, mode: i64) -> PyResult<Value> {
    let _ = REC_AGEN_WRAP;
    vm.new_record(
        ty(T::AsyncGenASend),
        crate::types::record::REC_OTHER,
        [agen, val, Value::NULL, Value::NULL],
        0,
        mode,
    )
}

fn ag_anext(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    new_asend(vm, a.get(0), g().none, 0)
}
fn ag_aiter(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(a.get(0))
}
fn ag_asend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.opt(1).unwrap_or(g().none);
    new_asend(vm, a.get(0), v, 0)
}
fn ag_athrow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = a.opt(1).unwrap_or(g().none);
    let e = match a.opt(2) {
        Some(v) if v != g().none => vm.call(t, &[v])?,
        _ => vm.make_exception(t)?,
    };
    new_asend(vm, a.get(0), e, 1)
}
fn ag_aclose(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = vm.call(crate::ops::exc::exc_type(ExcKind::GeneratorExit), &[])?;
    new_asend(vm, a.get(0), e, 2)
}

/// Drives the async generator one step for an awaitable.
fn asend_step(vm: &mut Vm, aw: Value, send: Value, throw: Option<Value>) -> PyResult<Value> {
    let r = arec(aw);
    let agen = r.s[0].get();
    let state = r.a.load(Ordering::Relaxed);
    let mode = r.b.load(Ordering::Relaxed);
    if state == 2 {
        return Err(vm.raise_msg(
            ExcKind::RuntimeError,
            "cannot reuse already awaited __anext__()/asend()",
        ));
    }
    let res = if let Some(e) = throw {
        vm.exc = e;
        vm.gen_throw(agen)
    } else if state == 0 {
        r.a.store(1, Ordering::Relaxed);
        if mode == 0 {
            let first = r.s[1].get();
            let v = if send == g().none { first } else { send };
            if gen(agen).state.load(Ordering::Acquire) == crate::interp::gen::GEN_FINISHED {
                r.a.store(2, Ordering::Relaxed);
                return Err(vm.raise_args(ExcKind::StopAsyncIteration, &[]));
            }
            vm.gen_resume(agen, crate::interp::gen::Resume::Send(v))
        } else {
            let st = gen(agen).state.load(Ordering::Acquire);
            if st == crate::interp::gen::GEN_CREATED || st == crate::interp::gen::GEN_FINISHED {
                r.a.store(2, Ordering::Relaxed);
                gen(agen)
                    .state
                    .store(crate::interp::gen::GEN_FINISHED, Ordering::Release);
                if mode == 2 {
                    return Err(vm.raise_stop_iteration(Value::NULL));
                }
                vm.exc = r.s[1].get();
                return Err(crate::interp::state::Raised);
            }
            vm.exc = r.s[1].get();
            vm.gen_throw(agen)
        }
    } else {
        vm.gen_resume(agen, crate::interp::gen::Resume::Send(send))
    };
    match res {
        Ok(SendResult::Yield(y)) => match unwrap_async_value(y) {
            Some(v) => {
                r.a.store(2, Ordering::Relaxed);
                if mode == 2 {
                    return Err(vm.raise_msg(
                        ExcKind::RuntimeError,
                        "async generator ignored GeneratorExit",
                    ));
                }
                Err(vm.raise_stop_iteration(if v == g().none { Value::NULL } else { v }))
            }
            None => Ok(y),
        },
        Ok(SendResult::Return(_)) => {
            r.a.store(2, Ordering::Relaxed);
            if mode == 2 {
                return Err(vm.raise_stop_iteration(Value::NULL));
            }
            Err(vm.raise_args(ExcKind::StopAsyncIteration, &[]))
        }
        Err(e) => {
            r.a.store(2, Ordering::Relaxed);
            if mode == 2
                && (vm.exc_is(ExcKind::GeneratorExit) || vm.exc_is(ExcKind::StopAsyncIteration))
            {
                vm.exc = Value::NULL;
                return Err(vm.raise_stop_iteration(Value::NULL));
            }
            Err(e)
        }
    }
}

fn asend_next(vm: &mut Vm, aw: Value) -> PyResult<Option<Value>> {
    match asend_step(vm, aw, g().none, None) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            if vm.exc_is(ExcKind::StopIteration) {
                vm.last_stop_value = vm.stop_iteration_value(vm.exc);
                vm.exc = Value::NULL;
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}
fn asend_send(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.opt(1).unwrap_or(g().none);
    asend_step(vm, a.get(0), v, None)
}
fn asend_throw(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = a.opt(1).unwrap_or(g().none);
    let e = vm.make_exception(t)?;
    asend_step(vm, a.get(0), g().none, Some(e))
}
fn asend_close(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arec(a.get(0)).a.store(2, Ordering::Relaxed);
    Ok(g().none)
}
fn asend_await(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(a.get(0))
}

pub static ASEND_OPS: TypeOps = TypeOps {
    iter: Some(gen_iter),
    next: Some(asend_next),
    ..TypeOps::EMPTY
};

pub fn init_async(vm: &mut Vm) -> PyResult<()> {
    let ag = ty(T::AsyncGenerator);
    vm.def_methods(
        ag,
        &[
            ("__aiter__", ag_aiter),
            ("__anext__", ag_anext),
            ("asend", ag_asend),
            ("athrow", ag_athrow),
            ("aclose", ag_aclose),
        ],
    )?;
    vm.def_getters(
        ag,
        &[
            ("ag_running", g_running),
            ("ag_frame", g_frame),
            ("ag_code", g_code),
            ("ag_await", g_yieldfrom),
        ],
    )?;
    let t = ty(T::AsyncGenASend);
    vm.install_slots(t, &ASEND_OPS)?;
    vm.def_methods(
        t,
        &[
            ("send", asend_send),
            ("throw", asend_throw),
            ("close", asend_close),
            ("__await__", asend_await),
        ],
    )?;
    Ok(())
}

fn wrapped(w: Value) -> Value {
    // SAFETY: coroutine wrappers are records.
    unsafe { crate::obj::layout::obj::<crate::obj::layout::RecordObj>(w) }.s[0].get()
}
fn wrapper_send(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.opt(1).unwrap_or(g().none);
    vm.gen_send(wrapped(a.get(0)), v)
}
fn wrapper_throw(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = wrapped(a.get(0));
    let mut v = vec![c];
    for i in 1..a.len() {
        v.push(a.get(i));
    }
    let f = crate::types::typeobj::lookup_uncached(ty(T::Coroutine), vm.intern("throw")?);
    vm.call(f, &v)
}
fn wrapper_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vm.gen_close(wrapped(a.get(0)))
}
