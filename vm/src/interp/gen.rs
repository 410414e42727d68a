//! Generators and coroutines.
//!
//! Calling a generator function binds its arguments as usual and then, instead of
//! running, saves the locals into a `GeneratorObj` (`saved`, an Array). Resuming copies
//! the saved locals and value stack onto the value stack above the caller, pushes an
//! *entry* frame tagged with the generator, and runs it with `run` until it yields
//! (`YIELD_VALUE` copies the frame back into `saved`), returns or raises.
//!
//! `yield from`/`await` keep the delegate on the generator's value stack while
//! suspended (`SEND; YIELD_VALUE 1; JUMP_BACKWARD`), so `throw()` and `close()` find it
//! as the top of the saved stack when the resume point is that JUMP_BACKWARD.
//!
//! What must hold: a generator is running (state 2) exactly while its frame is on the
//! frame stack; `saved` holds `nsaved` live values in every other state.

use crate::interp::run::{Ctl, Exit, Flow};
use crate::interp::state::{Frame, PyResult, Raised, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{co, Op};
use crate::types::typeobj::{isinstance, type_name, type_of};
use crate::value::Value;
use std::mem::size_of;
use std::sync::atomic::Ordering;

pub const GEN_CREATED: usize = 0;
pub const GEN_SUSPENDED: usize = 1;
pub const GEN_RUNNING: usize = 2;
pub const GEN_FINISHED: usize = 3;

/// Outcome of sending into a generator or delegate.
pub enum SendResult {
    Yield(Value),
    Return(Value),
}

#[inline(always)]
pub fn gen(v: Value) -> &'static GeneratorObj {
    // SAFETY: callers pass generator objects (kind Generator).
    unsafe { obj::<GeneratorObj>(v) }
}

pub fn is_gen(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Generator
}

fn gen_info(gv: Value) -> &'static crate::compiler::code::CodeInfo {
    // SAFETY: a generator's code slot holds a live code object.
    unsafe { &*obj::<CodeObj>(gen(gv).code.get()).info }
}

/// How to resume a generator.
pub enum Resume {
    /// Push this value as the result of the pending `yield`.
    Send(Value),
    /// Raise `Vm::exc` at the resume point.
    Throw,
    /// The value for the pending instruction was already pushed into `saved`.
    Ready,
}

impl Vm {
    /// Creates the generator for a call whose bound locals sit at `argbase`.
    pub fn make_generator(&mut self, f: Value, argbase: usize, nlp: usize) -> PyResult<Value> {
        let fo = crate::interp::call::func(f);
        let code = fo.code.get();
        // SAFETY: `code` is a live code object.
        let info = unsafe { &*obj::<CodeObj>(code).info };
        let cap = nlp + info.unit.stacksize as usize + 2;
        let saved = self.new_array(cap)?;
        for i in 0..nlp {
            array_slots(saved)[i].set(self.at(argbase + i));
        }
        let flags = info.unit.flags;
        let typ = if flags & co::COROUTINE != 0 {
            ty(T::Coroutine)
        } else if flags & co::ASYNC_GENERATOR != 0 {
            ty(T::AsyncGenerator)
        } else {
            ty(T::Generator)
        };
        let gv = self.alloc(Kind::Generator, typ, size_of::<GeneratorObj>())?;
        let o = gen(gv);
        o.func.set(f);
        o.code.set(code);
        o.globals.set(fo.globals.get());
        o.builtins.set(fo.builtins.get());
        o.saved.set(saved);
        o.name.set(fo.name.get());
        o.qualname.set(fo.qualname.get());
        o.nsaved.store(nlp, Ordering::Release);
        o.ip.store(0, Ordering::Release);
        o.state.store(GEN_CREATED, Ordering::Release);
        Ok(gv)
    }

    /// Resumes `gv`. Yields and returns come back as `SendResult`; an exception that
    /// escapes the generator is returned as `Err` (StopIteration turned into
    /// RuntimeError, as PEP 479 says).
    pub fn gen_resume(&mut self, gv: Value, how: Resume) -> PyResult<SendResult> {
        let o = gen(gv);
        let state = o.state.load(Ordering::Acquire);
        let is_coro = type_of(gv) == ty(T::Coroutine);
        if state == GEN_RUNNING {
            let what = if is_coro { "coroutine" } else { "generator" };
            return Err(self.raise_msg(ExcKind::ValueError, &format!("{what} already executing")));
        }
        if state == GEN_FINISHED {
            if let Resume::Throw = how {
                return Err(Raised);
            }
            if is_coro {
                return Err(self.raise_msg(
                    ExcKind::RuntimeError,
                    "cannot reuse already awaited coroutine",
                ));
            }
            return Err(self.raise_stop_iteration(Value::NULL));
        }
        if state == GEN_CREATED {
            if let Resume::Send(v) = how {
                if v != g().none {
                    let what = if is_coro { "coroutine" } else { "generator" };
                    let msg = format!("can't send non-None value to a just-started {what}");
                    return Err(self.raise_msg(ExcKind::TypeError, &msg));
                }
            }
        }
        if self.native_depth >= crate::interp::state::MAX_NATIVE_DEPTH
            || self.frames.len() >= self.recursion_limit
        {
            return Err(self.raise_msg(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let info = gen_info(gv);
        let nlp = info.nlocalsplus();
        let n = o.nsaved.load(Ordering::Acquire);
        let saved = o.saved.get();
        if !self.stack_room(array_slots(saved).len() + 8) {
            return Err(self.raise_msg(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let base = self.sp;
        for i in 0..n {
            self.push(array_slots(saved)[i].get());
        }
        let mut throw = false;
        match how {
            Resume::Send(v) => {
                if state != GEN_CREATED {
                    self.push(v);
                }
            }
            Resume::Throw => throw = true,
            Resume::Ready => {}
        }
        let frame = Frame {
            code: o.code.get(),
            info: info as *const _,
            func: o.func.get(),
            globals: o.globals.get(),
            builtins: o.builtins.get(),
            locals: Value::NULL,
            gen: gv,
            base,
            stack_base: base + nlp,
            ret_base: base,
            sp: self.sp,
            ip: o.ip.load(Ordering::Acquire),
            entry: true,
            init_self: Value::NULL,
        };
        self.frames.push(frame);
        o.state.store(GEN_RUNNING, Ordering::Release);
        // A generator's `sys.exc_info()` is its own; save the caller's.
        let saved_exc_info = self.exc_info;
        self.native_depth += 1;
        self.gc_inhibit += 1;
        let (saved_ip, saved_base) = (self.ip, self.base);
        let r = if throw { self.run_throw() } else { self.run() };
        self.ip = saved_ip;
        self.base = saved_base;
        self.gc_inhibit -= 1;
        self.native_depth -= 1;
        self.exc_info = saved_exc_info;
        match r {
            Ok(Exit::Yield(v)) => Ok(SendResult::Yield(v)),
            Ok(Exit::Return(v)) => Ok(SendResult::Return(v)),
            Err(e) => {
                gen(gv).state.store(GEN_FINISHED, Ordering::Release);
                let stop = if type_of(gv) == ty(T::AsyncGenerator) {
                    self.exc_is(ExcKind::StopIteration) || self.exc_is(ExcKind::StopAsyncIteration)
                } else {
                    self.exc_is(ExcKind::StopIteration)
                };
                if stop {
                    let cause = self.exc;
                    let what = match type_of(gv) {
                        t if t == ty(T::Coroutine) => "coroutine",
                        t if t == ty(T::AsyncGenerator) => "async generator",
                        _ => "generator",
                    };
                    let msg = if self.exc_is(ExcKind::StopAsyncIteration) {
                        format!("{what} raised StopAsyncIteration")
                    } else {
                        format!("{what} raised StopIteration")
                    };
                    let r = self.raise_msg(ExcKind::RuntimeError, &msg);
                    let e2 = self.exc;
                    crate::ops::exc::exc_obj(e2).cause.set(cause);
                    crate::ops::exc::exc_obj(e2).context.set(cause);
                    crate::ops::exc::exc_obj(e2)
                        .suppress_context
                        .store(1, Ordering::Relaxed);
                    return Err(r);
                }
                Err(e)
            }
        }
    }

    /// YIELD_VALUE: saves the running generator frame and leaves `run`.
    pub fn gen_yield(&mut self, v: Value) -> Flow {
        let f = match self.frames.pop() {
            Some(f) => f,
            None => {
                self.exit_value = v;
                return Err(Ctl::Yield);
            }
        };
        let gv = f.gen;
        if !is_gen(gv) {
            self.frames.push(f);
            return Err(self
                .raise_msg(ExcKind::SystemError, "yield outside a generator")
                .into());
        }
        let n = self.sp - f.base;
        let o = gen(gv);
        let mut saved = o.saved.get();
        if array_slots(saved).len() < n {
            saved = self.new_array(n + 4)?;
            o.saved.set(saved);
        }
        for i in 0..n {
            array_slots(saved)[i].set(self.at(f.base + i));
        }
        o.nsaved.store(n, Ordering::Release);
        o.ip.store(self.ip, Ordering::Release);
        o.state.store(GEN_SUSPENDED, Ordering::Release);
        self.sp = f.base;
        self.exit_value = v;
        Err(Ctl::Yield)
    }

    /// A generator frame returned.
    pub fn gen_frame_returned(&mut self, gv: Value) {
        let o = gen(gv);
        o.state.store(GEN_FINISHED, Ordering::Release);
        o.nsaved.store(0, Ordering::Release);
        o.yieldfrom.set(Value::NULL);
    }

    /// A generator frame was left by an exception.
    pub fn gen_frame_raised(&mut self, gv: Value) {
        self.gen_frame_returned(gv);
    }

    /// The delegate of a suspended `yield from`/`await`, or NULL.
    pub fn gen_yieldfrom(&self, gv: Value) -> Value {
        let o = gen(gv);
        if o.state.load(Ordering::Acquire) != GEN_SUSPENDED {
            return Value::NULL;
        }
        let info = gen_info(gv);
        let ip = o.ip.load(Ordering::Acquire);
        let instrs = &info.unit.instrs;
        let at_yf = ip >= 1
            && instrs.get(ip - 1).map(|i| (i.op, i.arg)) == Some((Op::YIELD_VALUE, 1))
            && instrs.get(ip).map(|i| i.op) == Some(Op::JUMP_BACKWARD);
        if !at_yf {
            return Value::NULL;
        }
        let n = o.nsaved.load(Ordering::Acquire);
        if n == 0 {
            return Value::NULL;
        }
        array_slots(o.saved.get())[n - 1].get()
    }

    /// SEND: sends `v` into the delegate `recv`.
    pub fn send_to(&mut self, recv: Value, v: Value) -> PyResult<SendResult> {
        if is_gen(recv) && type_of(recv) != ty(T::AsyncGenerator) {
            return self.gen_resume(recv, Resume::Send(v));
        }
        let r = if v == g().none {
            match self.iter_next(recv) {
                Ok(Some(y)) => return Ok(SendResult::Yield(y)),
                Ok(None) => return Ok(SendResult::Return(self.take_stop_value())),
                Err(e) => Err(e),
            }
        } else {
            self.call_method(recv, "send", &[v])
        };
        match r {
            Ok(y) => Ok(SendResult::Yield(y)),
            Err(e) => {
                if self.exc_is(ExcKind::StopIteration) {
                    let val = self.stop_iteration_value(self.exc);
                    self.exc = Value::NULL;
                    Ok(SendResult::Return(val))
                } else {
                    Err(e)
                }
            }
        }
    }

    /// The value of a StopIteration that `iter_next` swallowed (always None here:
    /// `iter_next` does not keep it).
    fn take_stop_value(&mut self) -> Value {
        let v = std::mem::replace(&mut self.last_stop_value, Value::NULL);
        if v.is_null() {
            g().none
        } else {
            v
        }
    }

    /// `e.value` of a StopIteration.
    pub fn stop_iteration_value(&self, e: Value) -> Value {
        if crate::ops::exc::is_exception(e) {
            let a = crate::ops::exc::exc_obj(e).args.get();
            if a.is_ptr() && kind_of(a) == Kind::Tuple && !tuple_slots(a).is_empty() {
                return tuple_slots(a)[0].get();
            }
        }
        g().none
    }

    /// `gen.send(v)` / `next(gen)`: Yield -> value; Return -> StopIteration(value).
    pub fn gen_send(&mut self, gv: Value, v: Value) -> PyResult<Value> {
        match self.gen_resume(gv, Resume::Send(v))? {
            SendResult::Yield(y) => Ok(y),
            SendResult::Return(r) => {
                if type_of(gv) == ty(T::AsyncGenerator) {
                    return Err(self.raise_args(ExcKind::StopAsyncIteration, &[]));
                }
                Err(self.raise_stop_iteration(if r == g().none { Value::NULL } else { r }))
            }
        }
    }

    /// `gen.throw(exc)`: `self.exc` holds the exception instance to throw.
    pub fn gen_throw(&mut self, gv: Value) -> PyResult<SendResult> {
        let yf = self.gen_yieldfrom(gv);
        if yf.is_ptr() {
            let exc = self.exc;
            if isinstance(exc, crate::ops::exc::exc_type(ExcKind::GeneratorExit)) {
                // Close the delegate first, then throw into this generator.
                self.exc = Value::NULL;
                gen(gv).state.store(GEN_RUNNING, Ordering::Release);
                let r = self.close_delegate(yf);
                gen(gv).state.store(GEN_SUSPENDED, Ordering::Release);
                if r.is_err() {
                    return self.gen_resume(gv, Resume::Throw);
                }
                self.exc = exc;
                return self.gen_resume(gv, Resume::Throw);
            }
            gen(gv).state.store(GEN_RUNNING, Ordering::Release);
            let r = if is_gen(yf) {
                self.gen_throw(yf)
            } else {
                let tf = {
                    let nm = self.intern("throw")?;
                    self.getattr_opt(yf, nm)
                };
                match tf {
                    Ok(Some(f)) => {
                        self.exc = Value::NULL;
                        match self.call(f, &[exc]) {
                            Ok(y) => Ok(SendResult::Yield(y)),
                            Err(e) => {
                                if self.exc_is(ExcKind::StopIteration) {
                                    let v = self.stop_iteration_value(self.exc);
                                    self.exc = Value::NULL;
                                    Ok(SendResult::Return(v))
                                } else {
                                    Err(e)
                                }
                            }
                        }
                    }
                    Ok(None) => {
                        gen(gv).state.store(GEN_SUSPENDED, Ordering::Release);
                        self.exc = exc;
                        return self.gen_resume(gv, Resume::Throw);
                    }
                    Err(e) => Err(e),
                }
            };
            gen(gv).state.store(GEN_SUSPENDED, Ordering::Release);
            return match r {
                Ok(SendResult::Yield(y)) => Ok(SendResult::Yield(y)),
                Ok(SendResult::Return(v)) => {
                    // The delegate finished: pop it, push its value, continue after SEND.
                    let o = gen(gv);
                    let n = o.nsaved.load(Ordering::Acquire);
                    array_slots(o.saved.get())[n - 1].set(v);
                    let ip = o.ip.load(Ordering::Acquire);
                    let info = gen_info(gv);
                    let send_at = info.unit.instrs[ip].arg as usize;
                    let target = info.unit.instrs[send_at].arg as usize;
                    o.ip.store(target, Ordering::Release);
                    self.gen_resume(gv, Resume::Ready)
                }
                Err(_) => self.gen_resume(gv, Resume::Throw),
            };
        }
        self.gen_resume(gv, Resume::Throw)
    }

    fn close_delegate(&mut self, yf: Value) -> PyResult<()> {
        if is_gen(yf) {
            return self.gen_close(yf).map(|_| ());
        }
        let nm = self.intern("close")?;
        if let Some(f) = self.getattr_opt(yf, nm)? {
            self.call(f, &[])?;
        }
        Ok(())
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, gv: Value) -> PyResult<Value> {
        let st = gen(gv).state.load(Ordering::Acquire);
        if st == GEN_CREATED || st == GEN_FINISHED {
            gen(gv).state.store(GEN_FINISHED, Ordering::Release);
            return Ok(g().none);
        }
        let _ = self.raise_args(ExcKind::GeneratorExit, &[]);
        match self.gen_throw(gv) {
            Ok(SendResult::Yield(_)) => {
                let what = if type_of(gv) == ty(T::Coroutine) {
                    "coroutine"
                } else {
                    "generator"
                };
                Err(self.raise_msg(
                    ExcKind::RuntimeError,
                    &format!("{what} ignored GeneratorExit"),
                ))
            }
            Ok(SendResult::Return(_)) => Ok(g().none),
            Err(e) => {
                if self.exc_is(ExcKind::GeneratorExit) || self.exc_is(ExcKind::StopIteration) {
                    self.exc = Value::NULL;
                    Ok(g().none)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// GET_YIELD_FROM_ITER.
    pub fn get_yield_from_iter(&mut self, v: Value) -> PyResult<Value> {
        if is_gen(v) {
            if type_of(v) == ty(T::Coroutine) {
                let fl = self.frame().info().unit.flags;
                if fl & (co::COROUTINE | co::ITERABLE_COROUTINE) == 0 {
                    return Err(self.raise_msg(
                        ExcKind::TypeError,
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ));
                }
            }
            return Ok(v);
        }
        self.get_iter(v)
    }

    /// GET_AWAITABLE.
    pub fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        if is_gen(v) && type_of(v) == ty(T::Coroutine) {
            if !self.gen_yieldfrom(v).is_null() {
                return Err(
                    self.raise_msg(ExcKind::RuntimeError, "coroutine is being awaited already")
                );
            }
            return Ok(v);
        }
        if is_gen(v) && type_of(v) == ty(T::Generator) {
            let f = gen_info(v).unit.flags;
            if f & co::ITERABLE_COROUTINE != 0 {
                return Ok(v);
            }
        }
        let typ = type_of(v);
        let aw = self.lookup(typ, g().names.__await__);
        if aw.is_null() {
            let msg = format!(
                "object {} can't be used in 'await' expression",
                type_name(typ)
            );
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        let it = self.call_bound0(aw, v)?;
        if is_gen(it) && type_of(it) == ty(T::Coroutine) {
            return Err(self.raise_msg(ExcKind::TypeError, "__await__() returned a coroutine"));
        }
        let itt = type_of(it);
        let is_iter = crate::types::slots::find_slot(itt, |o| o.next).is_some()
            || !self.lookup(itt, g().names.__next__).is_null();
        if !is_iter {
            let msg = format!(
                "__await__() returned non-iterator of type '{}'",
                type_name(itt)
            );
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        Ok(it)
    }
}
