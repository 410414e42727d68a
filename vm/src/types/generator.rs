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
        _ => vm.make_exception(t).map_err(|e| {
            if vm.exc_is(ExcKind::TypeError) {
                let _ = vm.raise_msg(
                    ExcKind::TypeError,
                    "exceptions must be classes or instances deriving from BaseException, not "
                        .to_string()
                        .as_str(),
                );
            }
            e
        })?,
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
