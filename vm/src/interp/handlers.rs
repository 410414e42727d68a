//! Instruction handlers: one method per instruction of `spec.rs`.
//!
//! Handlers peek at their operands and pop them only after any call that may run Python
//! code, so operands stay rooted on the value stack across safepoints. A handler that
//! switches frames (call, return) saves the ip of the frame it leaves and
//! returns `Ctl::Switch`.
//!
//! What must hold: see `run.rs`.

use crate::interp::call::{kwlen, Prepared};
use crate::interp::run::{Ctl, Flow};
use crate::interp::state::Vm;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp, Handlers};
use crate::types::typeobj::{type_flags, type_name, type_of, TF_HEAPTYPE};
use crate::value::Value;

impl Vm {
    #[inline(always)]
    fn local(&self, i: u32) -> Value {
        self.at(self.base + i as usize)
    }

    #[inline(always)]
    fn set_local(&mut self, i: u32, v: Value) {
        let b = self.base;
        self.set_at(b + i as usize, v);
    }

    #[inline(always)]
    fn jump(&mut self, target: u32) -> Flow {
        if (target as usize) < self.ip {
            self.safepoint()?;
        }
        self.ip = target as usize;
        Ok(())
    }

    fn name_arg(&self, i: u32) -> Value {
        self.cur_info().names[i as usize]
    }

    fn unbound_local(&mut self, i: u32) -> Ctl {
        let name = crate::obj::alloc::str_val(self.cur_info().localsplus_names[i as usize]);
        let msg = format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        );
        self.raise_msg(ExcKind::UnboundLocalError, &msg);
        Ctl::Raise
    }

    fn unbound_deref(&mut self, i: u32) -> Ctl {
        let info = self.cur_info();
        let name = crate::obj::alloc::str_val(info.localsplus_names[i as usize]);
        if (i as usize) < info.unit.varnames.len() + info.unit.cellvars.len() {
            let msg = format!("local variable '{name}' referenced before assignment");
            self.raise_msg(ExcKind::UnboundLocalError, &msg);
        } else {
            let msg =
                format!("free variable '{name}' referenced before assignment in enclosing scope");
            self.raise_msg(ExcKind::NameError, &msg);
        }
        Ctl::Raise
    }

    #[inline(never)]
    fn binary_op_slow(&mut self, a: u32, x: Value, b: Value) -> Flow {
        let (op, inplace) = BinOp::from_arg(a);
        let r = self.binary_op(x, b, op, inplace)?;
        self.sp -= 1;
        self.set_peek(0, r);
        Ok(())
    }

    /// Finishes a call prepared by `prepare_call`.
    fn finish_call(&mut self, p: Prepared) -> Flow {
        match p {
            Prepared::Done(v) => {
                self.push(v);
                Ok(())
            }
            Prepared::Frame => {
                self.safepoint()?;
                Err(Ctl::Switch)
            }
        }
    }

    /// CALL's fast path: a Python function whose code takes exactly the positional
    /// arguments given (`CodeInfo::fast_argc`) gets its frame pushed here, its arguments
    /// already in place as its first locals. None when the call needs the general path.
    #[inline(always)]
    fn call_simple_function(&mut self, argc: usize) -> Option<Flow> {
        let callable_pos = self.sp - argc - 2;
        let callable = self.at(callable_pos);
        if !(callable.is_ptr() && kind_of(callable) == Kind::Function) {
            return None;
        }
        let fo = crate::interp::call::func(callable);
        let code = fo.code.get();
        let infop = crate::interp::call::code_info(code);
        // SAFETY: code objects own their CodeInfo for their whole life; `code` is live.
        let info = unsafe { &*infop };
        let (argbase, nargs) = if self.at(callable_pos + 1).is_null() {
            (callable_pos + 2, argc)
        } else {
            (callable_pos + 1, argc + 1)
        };
        if info.fast_argc as usize != nargs
            || self.frames.len() >= self.recursion_limit
            || !self.stack_room((argbase + info.frame_need + nargs).saturating_sub(self.sp))
        {
            return None;
        }
        self.save_ip();
        for i in nargs..info.unit.nlocalsplus() {
            self.set_at(argbase + i, Value::NULL);
        }
        self.push_function_frame(callable, callable_pos, argbase);
        Some(self.safepoint().and(Err(Ctl::Switch)))
    }

    /// CALL on a plain class (`object.__new__`, a Python `__init__`, metaclass `type`):
    /// the instance is made here and `__init__` runs as a frame of this loop, marked with
    /// `init_self` so that its return delivers the instance (no nested loop on the Rust
    /// stack). None when the call needs the general path. `ip` is already saved.
    fn call_plain_class(&mut self, total: usize, kwnames: Value) -> Option<Flow> {
        // CALL's argument counts keyword values too.
        let callable_pos = self.sp - total - 2;
        let argc = total - kwlen(kwnames);
        let cls = self.at(callable_pos);
        if !(cls.is_ptr()
            && kind_of(cls) == Kind::Type
            && type_of(cls) == ty(T::Type)
            && type_flags(cls) & TF_HEAPTYPE != 0
            && self.at(callable_pos + 1).is_null())
        {
            return None;
        }
        let names = &g().names;
        let init = self.lookup(cls, names.__init__);
        // Both through the method cache: `object.__new__` too (an uncached lookup was two
        // dict probes on every class call).
        if !(init.is_ptr() && kind_of(init) == Kind::Function)
            || self.lookup(cls, names.__new__) != self.lookup(ty(T::Object), names.__new__)
        {
            return None;
        }
        Some(self.enter_init(cls, init, callable_pos, argc, kwnames))
    }

    fn enter_init(
        &mut self,
        cls: Value,
        init: Value,
        callable_pos: usize,
        argc: usize,
        kwnames: Value,
    ) -> Flow {
        let inst = crate::types::usertype::object_new_inst(self, cls)?;
        // [cls, NULL, args...] -> [__init__, inst, args...]
        self.set_at(callable_pos, init);
        self.set_at(callable_pos + 1, inst);
        match self.enter_function(init, callable_pos, callable_pos + 1, argc + 1, kwnames)? {
            Prepared::Frame => {
                if let Some(f) = self.frames.last_mut() {
                    f.init_self = inst;
                }
                self.fresh_obj = inst;
                self.safepoint()?;
                Err(Ctl::Switch)
            }
            // A generator `__init__` returns a generator, which is not None.
            Prepared::Done(v) => Err(self.init_returned(v)),
        }
    }

    /// The TypeError for an `__init__` that returned `v` instead of None.
    fn init_returned(&mut self, v: Value) -> Ctl {
        let msg = format!(
            "__init__() should return None, not '{}'",
            type_name(type_of(v))
        );
        self.raise_msg(ExcKind::TypeError, &msg).into()
    }

    /// Pops the current frame and delivers `v` to its caller (or leaves `run`).
    fn do_return(&mut self, v: Value) -> Flow {
        let f = match self.frames.pop() {
            Some(f) => f,
            None => {
                self.exit_value = v;
                return Err(Ctl::Return);
            }
        };
        self.sp = f.ret_base;
        if f.gen.is_ptr() {
            self.gen_frame_returned(f.gen);
        }
        if f.entry {
            self.exit_value = v;
            return Err(Ctl::Return);
        }
        let v = if f.init_self.is_null() {
            v
        } else if v == g().none {
            f.init_self
        } else {
            // The error belongs to the caller's CALL instruction.
            if let Some(caller) = self.frames.last() {
                self.ip = caller.ip;
            }
            return Err(self.init_returned(v));
        };
        self.push(v);
        self.safepoint()?;
        Err(Ctl::Switch)
    }
}

macro_rules! binop_handler {
    () => {};
}
binop_handler!();

impl Handlers for Vm {
    type Flow = Flow;

    #[inline(always)]
    fn op_nop(&mut self, _a: u32) -> Flow {
        Ok(())
    }
    #[inline(always)]
    fn op_pop_top(&mut self, _a: u32) -> Flow {
        self.sp -= 1;
        Ok(())
    }
    #[inline(always)]
    fn op_copy(&mut self, a: u32) -> Flow {
        let v = self.peek(a as usize - 1);
        self.push(v);
        Ok(())
    }
    #[inline(always)]
    fn op_swap(&mut self, a: u32) -> Flow {
        let top = self.peek(0);
        let other = self.peek(a as usize - 1);
        self.set_peek(0, other);
        self.set_peek(a as usize - 1, top);
        Ok(())
    }
    #[inline(always)]
    fn op_push_null(&mut self, _a: u32) -> Flow {
        self.push(Value::NULL);
        Ok(())
    }
    #[inline(always)]
    fn op_load_const(&mut self, a: u32) -> Flow {
        let v = self.cur_info().consts[a as usize];
        self.push(v);
        Ok(())
    }
    #[inline(always)]
    fn op_load_fast(&mut self, a: u32) -> Flow {
        let v = self.local(a);
        if v.is_null() {
            return Err(self.unbound_local(a));
        }
        self.push(v);
        Ok(())
    }
    #[inline(always)]
    fn op_store_fast(&mut self, a: u32) -> Flow {
        let v = self.pop();
        self.set_local(a, v);
        Ok(())
    }
    fn op_delete_fast(&mut self, a: u32) -> Flow {
        if self.local(a).is_null() {
            return Err(self.unbound_local(a));
        }
        self.set_local(a, Value::NULL);
        Ok(())
    }
    fn op_load_name(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let v = self.load_name(name)?;
        self.push(v);
        Ok(())
    }
    fn op_store_name(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let v = self.peek(0);
        let locals = self.frame().locals;
        let locals = if locals.is_null() {
            self.frame().globals
        } else {
            locals
        };
        self.setitem(locals, name, v)?;
        self.sp -= 1;
        Ok(())
    }
    fn op_delete_name(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let locals = self.frame().locals;
        let locals = if locals.is_null() {
            self.frame().globals
        } else {
            locals
        };
        if kind_of(locals) == Kind::Dict {
            if self.dict_del(locals, name)?.is_none() {
                return Err(self.name_error(name).into());
            }
        } else {
            self.delitem(locals, name)?;
        }
        Ok(())
    }
    #[inline(always)]
    fn op_load_global(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let info = self.cur_info();
        let v = self.load_global_ic(name, &info.caches[self.ip - 1])?;
        self.push(v);
        Ok(())
    }
    fn op_store_global(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let v = self.peek(0);
        let info = self.cur_info();
        self.store_global_ic(name, v, &info.caches[self.ip - 1])?;
        self.sp -= 1;
        Ok(())
    }
    fn op_delete_global(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let gl = self.frame().globals;
        if self.dict_del(gl, name)?.is_none() {
            return Err(self.name_error(name).into());
        }
        Ok(())
    }
    fn op_load_deref(&mut self, a: u32) -> Flow {
        let cell = self.local(a);
        // SAFETY: deref slots hold cell objects, set at frame entry.
        let v = unsafe { obj::<CellObj>(cell) }.value.get();
        if v.is_null() {
            return Err(self.unbound_deref(a));
        }
        self.push(v);
        Ok(())
    }
    fn op_store_deref(&mut self, a: u32) -> Flow {
        let v = self.pop();
        let cell = self.local(a);
        // SAFETY: deref slots hold cell objects.
        unsafe { obj::<CellObj>(cell) }.value.set(v);
        Ok(())
    }
    fn op_delete_deref(&mut self, a: u32) -> Flow {
        let cell = self.local(a);
        // SAFETY: deref slots hold cell objects.
        let c = unsafe { obj::<CellObj>(cell) };
        if c.value.get().is_null() {
            return Err(self.unbound_deref(a));
        }
        c.value.set(Value::NULL);
        Ok(())
    }
    fn op_load_closure(&mut self, a: u32) -> Flow {
        let c = self.local(a);
        self.push(c);
        Ok(())
    }
    fn op_load_classderef(&mut self, a: u32) -> Flow {
        let name = self.cur_info().localsplus_names[a as usize];
        let locals = self.frame().locals;
        if locals.is_ptr() {
            if let Some(v) = self.mapping_get(locals, name)? {
                self.push(v);
                return Ok(());
            }
        }
        self.op_load_deref(a)
    }
    #[inline(always)]
    fn op_load_attr(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let o = self.peek(0);
        let info = self.cur_info();
        let v = self.getattr_ic(o, name, &info.caches[self.ip - 1])?;
        self.set_peek(0, v);
        Ok(())
    }
    #[inline(always)]
    fn op_store_attr(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let o = self.peek(0);
        let v = self.peek(1);
        let info = self.cur_info();
        self.setattr_ic(o, name, v, &info.caches[self.ip - 1])?;
        self.sp -= 2;
        Ok(())
    }
    fn op_store_attr_fresh(&mut self, a: u32) -> Flow {
        let o = self.peek(0);
        if o == self.fresh_obj && o == self.frame().init_self {
            let name = self.name_arg(a);
            let v = self.peek(1);
            let info = self.cur_info();
            if self.setattr_fresh(o, name, v, &info.caches[self.ip - 1]) {
                self.sp -= 2;
                return Ok(());
            }
            // The general path may run Python code that lets the object escape.
            self.fresh_obj = Value::NULL;
        }
        self.op_store_attr(a)
    }
    fn op_delete_attr(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let o = self.peek(0);
        self.setattr(o, name, Value::NULL)?;
        self.sp -= 1;
        Ok(())
    }
    #[inline(always)]
    fn op_load_method(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let o = self.peek(0);
        let info = self.cur_info();
        match self.load_method_ic(o, name, &info.caches[self.ip - 1])? {
            (m, true) => {
                // [obj] -> [method, obj]
                self.set_peek(0, m);
                self.push(o);
            }
            (attr, false) => {
                self.set_peek(0, attr);
                self.push(Value::NULL);
            }
        }
        Ok(())
    }
    #[inline(always)]
    fn op_binary_subscr(&mut self, _a: u32) -> Flow {
        let k = self.peek(0);
        let c = self.peek(1);
        // Fast path: an exact list or tuple indexed in range by a small int.
        if k.is_small_int() && c.is_ptr() {
            let typ = type_of(c);
            let i = k.as_small();
            let item = if typ == ty(T::List) {
                let _r = self.read_lock(c);
                let n = crate::types::list::list_len(c) as i64;
                let j = if i < 0 { i + n } else { i };
                if (0..n).contains(&j) {
                    crate::types::list::list_get(c, j as usize)
                } else {
                    Value::NULL
                }
            } else if typ == ty(T::Tuple) {
                let items = tuple_slots(c);
                let j = if i < 0 { i + items.len() as i64 } else { i };
                match usize::try_from(j).ok().and_then(|j| items.get(j)) {
                    Some(s) => s.get(),
                    None => Value::NULL,
                }
            } else {
                Value::NULL
            };
            if !item.is_null() {
                self.sp -= 1;
                self.set_peek(0, item);
                return Ok(());
            }
        } else if c.is_ptr() && k.is_ptr() && type_of(c) == ty(T::Dict) && type_of(k) == ty(T::Str)
        {
            // Fast path: an exact dict by an exact str key that is there. A miss takes
            // the general path, which raises.
            if let Some(v) = self.dict_get_exact_str(c, k) {
                self.sp -= 1;
                self.set_peek(0, v);
                return Ok(());
            }
        }
        let v = self.getitem(c, k)?;
        self.sp -= 1;
        self.set_peek(0, v);
        Ok(())
    }
    fn op_store_subscr(&mut self, _a: u32) -> Flow {
        let k = self.peek(0);
        let c = self.peek(1);
        let v = self.peek(2);
        // Fast path: an exact list indexed in range by a small int.
        if k.is_small_int() && c.is_ptr() && type_of(c) == ty(T::List) {
            let n = crate::types::list::list_len(c) as i64;
            let i = k.as_small();
            let j = if i < 0 { i + n } else { i };
            if (0..n).contains(&j) && self.list_set(c, j as usize, v) {
                self.sp -= 3;
                return Ok(());
            }
        }
        self.setitem(c, k, v)?;
        self.sp -= 3;
        Ok(())
    }
    fn op_delete_subscr(&mut self, _a: u32) -> Flow {
        let k = self.peek(0);
        let c = self.peek(1);
        self.delitem(c, k)?;
        self.sp -= 2;
        Ok(())
    }
    fn op_build_slice(&mut self, a: u32) -> Flow {
        let (start, stop, step) = if a == 3 {
            (self.peek(2), self.peek(1), self.peek(0))
        } else {
            (self.peek(1), self.peek(0), g().none)
        };
        let s = self.new_slice(start, stop, step)?;
        self.sp -= a as usize;
        self.push(s);
        Ok(())
    }
    // ---- superinstructions (see interp/quicken.rs): both parts, `ip` stepped between ----
    #[inline(always)]
    fn op_load_fast_load_fast(&mut self, a: u32) -> Flow {
        self.op_load_fast(a & 0xffff)?;
        self.ip += 1;
        self.op_load_fast(a >> 16)
    }
    #[inline(always)]
    fn op_load_fast_load_const(&mut self, a: u32) -> Flow {
        self.op_load_fast(a & 0xffff)?;
        self.ip += 1;
        self.op_load_const(a >> 16)
    }
    #[inline(always)]
    fn op_store_fast_load_fast(&mut self, a: u32) -> Flow {
        self.op_store_fast(a & 0xffff)?;
        self.ip += 1;
        self.op_load_fast(a >> 16)
    }
    #[inline(always)]
    fn op_load_fast_load_attr(&mut self, a: u32) -> Flow {
        self.op_load_fast(a & 0xffff)?;
        self.ip += 1;
        self.op_load_attr(a >> 16)
    }
    #[inline(always)]
    fn op_load_fast_load_method(&mut self, a: u32) -> Flow {
        self.op_load_fast(a & 0xffff)?;
        self.ip += 1;
        self.op_load_method(a >> 16)
    }
    #[inline(always)]
    fn op_load_global_push_null(&mut self, a: u32) -> Flow {
        self.op_load_global(a)?;
        self.ip += 1;
        self.op_push_null(0)
    }
    #[inline(always)]
    fn op_compare_op_pop_jump_if_false(&mut self, a: u32) -> Flow {
        self.op_compare_op(a & 0xf)?;
        self.ip += 1;
        self.op_pop_jump_if_false(a >> 4)
    }
    #[inline(always)]
    fn op_compare_op_pop_jump_if_true(&mut self, a: u32) -> Flow {
        self.op_compare_op(a & 0xf)?;
        self.ip += 1;
        self.op_pop_jump_if_true(a >> 4)
    }
    #[inline(always)]
    fn op_binary_op(&mut self, a: u32) -> Flow {
        let b = self.peek(0);
        let x = self.peek(1);
        // Fast path: tagged integers.
        if x.is_small_int() && b.is_small_int() {
            let (op, _) = BinOp::from_arg(a);
            if let Some(r) = crate::ops::arith::small_binop(op, x.as_small(), b.as_small()) {
                self.sp -= 1;
                self.set_peek(0, r);
                return Ok(());
            }
        }
        // Fast path: exact floats (and a float with a tagged int), for + - * /.
        if let Some(r) = float_fast(a, x, b) {
            let v = self.new_float(r)?;
            self.sp -= 1;
            self.set_peek(0, v);
            return Ok(());
        }
        self.binary_op_slow(a, x, b)
    }
    fn op_unary_positive(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let r = self.unary_op(v, crate::types::slots::Unary::Pos)?;
        self.set_peek(0, r);
        Ok(())
    }
    fn op_unary_negative(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let r = self.unary_op(v, crate::types::slots::Unary::Neg)?;
        self.set_peek(0, r);
        Ok(())
    }
    fn op_unary_not(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let t = self.truthy(v)?;
        let r = self.bool_val(!t);
        self.set_peek(0, r);
        Ok(())
    }
    fn op_unary_invert(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let r = self.unary_op(v, crate::types::slots::Unary::Invert)?;
        self.set_peek(0, r);
        Ok(())
    }
    #[inline(always)]
    fn op_compare_op(&mut self, a: u32) -> Flow {
        let b = self.peek(0);
        let x = self.peek(1);
        let op = CmpOp::from_arg(a);
        let r = if x.is_small_int() && b.is_small_int() {
            self.bool_val(op.holds(x.as_small(), b.as_small()))
        } else if let Some((p, q)) = float_operands(x, b) {
            self.bool_val(op.holds(p, q))
        } else if let Some(ord) = exact_str_order(x, b) {
            self.bool_val(op.test(ord))
        } else {
            self.compare(x, b, op)?
        };
        self.sp -= 1;
        self.set_peek(0, r);
        Ok(())
    }
    #[inline(always)]
    fn op_is_op(&mut self, a: u32) -> Flow {
        let b = self.pop();
        let x = self.peek(0);
        let r = self.bool_val((x == b) != (a == 1));
        self.set_peek(0, r);
        Ok(())
    }
    fn op_contains_op(&mut self, a: u32) -> Flow {
        let c = self.peek(0);
        let x = self.peek(1);
        let r = self.contains(c, x)?;
        self.sp -= 1;
        let v = self.bool_val(r != (a == 1));
        self.set_peek(0, v);
        Ok(())
    }
    #[inline(always)]
    fn op_jump_forward(&mut self, a: u32) -> Flow {
        self.ip = a as usize;
        Ok(())
    }
    #[inline(always)]
    fn op_jump_backward(&mut self, a: u32) -> Flow {
        self.jump(a)
    }
    #[inline(always)]
    fn op_pop_jump_if_false(&mut self, a: u32) -> Flow {
        let v = self.peek(0);
        let t = self.truthy(v)?;
        self.sp -= 1;
        if !t {
            self.jump(a)?;
        }
        Ok(())
    }
    #[inline(always)]
    fn op_pop_jump_if_true(&mut self, a: u32) -> Flow {
        let v = self.peek(0);
        let t = self.truthy(v)?;
        self.sp -= 1;
        if t {
            self.jump(a)?;
        }
        Ok(())
    }
    fn op_pop_jump_if_none(&mut self, a: u32) -> Flow {
        let v = self.pop();
        if v == g().none {
            self.jump(a)?;
        }
        Ok(())
    }
    fn op_pop_jump_if_not_none(&mut self, a: u32) -> Flow {
        let v = self.pop();
        if v != g().none {
            self.jump(a)?;
        }
        Ok(())
    }
    fn op_jump_if_false_or_pop(&mut self, a: u32) -> Flow {
        let v = self.peek(0);
        if !self.truthy(v)? {
            self.jump(a)
        } else {
            self.sp -= 1;
            Ok(())
        }
    }
    fn op_jump_if_true_or_pop(&mut self, a: u32) -> Flow {
        let v = self.peek(0);
        if self.truthy(v)? {
            self.jump(a)
        } else {
            self.sp -= 1;
            Ok(())
        }
    }
    fn op_get_iter(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let it = self.get_iter(v)?;
        self.set_peek(0, it);
        Ok(())
    }
    #[inline(always)]
    fn op_for_iter(&mut self, a: u32) -> Flow {
        let it = self.peek(0);
        let typ = type_of(it);
        let next = if typ == ty(T::ListIter) {
            crate::types::iter::list_iter_next(self, it)?
        } else if typ == ty(T::RangeIter) {
            crate::types::range::range_iter_next(self, it)?
        } else if crate::types::io::is_file(it) {
            // Nothing is held across the read, so waiting for input lets others collect.
            crate::types::io::methods::file_next_from(self, it, true)?
        } else {
            self.iter_next(it)?
        };
        match next {
            Some(v) => {
                self.push(v);
                Ok(())
            }
            None => {
                self.sp -= 1;
                self.ip = a as usize;
                Ok(())
            }
        }
    }
    fn op_build_tuple(&mut self, a: u32) -> Flow {
        let n = a as usize;
        let t = self.new_tuple_n(n, crate::runtime::ty(crate::runtime::T::Tuple))?;
        for i in 0..n {
            let v = self.peek(n - 1 - i);
            tuple_slots(t)[i].set(v);
        }
        self.sp -= n;
        self.push(t);
        Ok(())
    }
    fn op_build_list(&mut self, a: u32) -> Flow {
        let n = a as usize;
        let items: Vec<Value> = (0..n).map(|i| self.peek(n - 1 - i)).collect();
        let l = self.new_list(&items)?;
        self.sp -= n;
        self.push(l);
        Ok(())
    }
    fn op_build_set(&mut self, a: u32) -> Flow {
        let n = a as usize;
        let s = self.new_set(false)?;
        self.push(s);
        for i in 0..n {
            let v = self.peek(n - i);
            let s = self.peek(0);
            self.set_add(s, v)?;
        }
        let s = self.pop();
        self.sp -= n;
        self.push(s);
        Ok(())
    }
    fn op_build_map(&mut self, a: u32) -> Flow {
        let n = a as usize;
        let d = self.new_dict()?;
        self.push(d);
        for i in 0..n {
            let k = self.peek(2 * n - 2 * i);
            let v = self.peek(2 * n - 2 * i - 1);
            let d = self.peek(0);
            self.dict_set_unshared(d, k, v)?;
        }
        let d = self.pop();
        self.sp -= 2 * n;
        self.push(d);
        Ok(())
    }
    fn op_build_const_key_map(&mut self, a: u32) -> Flow {
        let n = a as usize;
        let d = self.new_dict()?;
        self.push(d);
        for i in 0..n {
            let keys = self.peek(1);
            let k = tuple_slots(keys)[i].get();
            let v = self.peek(n + 1 - i);
            let d = self.peek(0);
            // Constant keys are of exact types, none of which equals a str but a str.
            if k.is_ptr() && type_of(k) == ty(T::Str) {
                self.dict_set_str_unshared(d, k, v)?;
            } else {
                self.dict_set_unshared(d, k, v)?;
            }
        }
        let d = self.pop();
        self.sp -= n + 1;
        self.push(d);
        Ok(())
    }
    fn op_build_string(&mut self, a: u32) -> Flow {
        let n = a as usize;
        let mut s = String::new();
        for i in 0..n {
            s.push_str(crate::obj::alloc::str_val(self.peek(n - 1 - i)));
        }
        let v = self.new_str(&s)?;
        self.sp -= n;
        self.push(v);
        Ok(())
    }
    fn op_list_append(&mut self, a: u32) -> Flow {
        let v = self.peek(0);
        let l = self.peek(a as usize);
        // The list being built on the stack: no other thread can reach it.
        self.list_append_unshared(l, v)?;
        self.sp -= 1;
        Ok(())
    }
    fn op_set_add(&mut self, a: u32) -> Flow {
        let v = self.peek(0);
        let s = self.peek(a as usize);
        self.set_add(s, v)?;
        self.sp -= 1;
        Ok(())
    }
    fn op_map_add(&mut self, a: u32) -> Flow {
        let v = self.peek(0);
        let k = self.peek(1);
        let d = self.peek(a as usize + 1);
        // The dict being built on the stack: no other thread can reach it.
        self.dict_set_unshared(d, k, v)?;
        self.sp -= 2;
        Ok(())
    }
    fn op_list_extend(&mut self, a: u32) -> Flow {
        let it = self.peek(0);
        let l = self.peek(a as usize);
        self.list_extend(l, it)?;
        self.sp -= 1;
        Ok(())
    }
    fn op_set_update(&mut self, a: u32) -> Flow {
        let it = self.peek(0);
        let s = self.peek(a as usize);
        self.set_update(s, it)?;
        self.sp -= 1;
        Ok(())
    }
    fn op_dict_update(&mut self, a: u32) -> Flow {
        let m = self.peek(0);
        let d = self.peek(a as usize);
        self.dict_update(d, m, false)?;
        self.sp -= 1;
        Ok(())
    }
    fn op_dict_merge(&mut self, a: u32) -> Flow {
        let m = self.peek(0);
        let d = self.peek(a as usize);
        self.dict_update(d, m, true)?;
        self.sp -= 1;
        Ok(())
    }
    fn op_list_to_tuple(&mut self, _a: u32) -> Flow {
        let l = self.peek(0);
        let items = crate::types::list::list_items(l);
        let t = self.new_tuple(&items)?;
        self.set_peek(0, t);
        Ok(())
    }
    fn op_format_value(&mut self, a: u32) -> Flow {
        let has_spec = a & 4 != 0;
        let v = self.peek(has_spec as usize);
        let conv = match a & 3 {
            1 => self.str_of(v)?,
            2 => self.repr(v)?,
            3 => self.ascii(v)?,
            _ => v,
        };
        self.set_peek(has_spec as usize, conv);
        let spec = if has_spec {
            self.peek(0)
        } else {
            g().empty_str
        };
        let v = self.peek(has_spec as usize);
        let r = self.format(v, spec)?;
        self.sp -= has_spec as usize;
        self.set_peek(0, r);
        Ok(())
    }
    fn op_unpack_sequence(&mut self, a: u32) -> Flow {
        let seq = self.peek(0);
        let n = a as usize;
        // Fast path: an exact tuple or list of the right length, pushed last item first.
        if seq.is_ptr() {
            let typ = type_of(seq);
            if typ == ty(T::Tuple) && tuple_slots(seq).len() == n {
                self.sp -= 1;
                for s in tuple_slots(seq).iter().rev() {
                    self.push(s.get());
                }
                return Ok(());
            }
            if typ == ty(T::List) && crate::types::list::list_len(seq) == n {
                let base = self.sp - 1;
                self.sp = base;
                let mut whole = true;
                for i in (0..n).rev() {
                    let v = crate::types::list::list_get(seq, i);
                    if v.is_null() {
                        // Another thread shrank the list: take the general path.
                        whole = false;
                        break;
                    }
                    self.push(v);
                }
                if whole {
                    return Ok(());
                }
                self.sp = base;
                self.push(seq);
            }
        }
        let items = self.unpack(seq, n, None)?;
        self.sp -= 1;
        for v in items.into_iter().rev() {
            self.push(v);
        }
        Ok(())
    }
    fn op_unpack_ex(&mut self, a: u32) -> Flow {
        let before = (a & 0xff) as usize;
        let after = (a >> 8) as usize;
        let seq = self.peek(0);
        let items = self.unpack(seq, before, Some(after))?;
        self.sp -= 1;
        // items: before values, then the starred list, then after values.
        for v in items.into_iter().rev() {
            self.push(v);
        }
        Ok(())
    }
    #[inline(always)]
    fn op_call(&mut self, a: u32) -> Flow {
        if self.kwnames.is_null() {
            if let Some(flow) = self.call_simple_function(a as usize) {
                return flow;
            }
        }
        let kw = std::mem::replace(&mut self.kwnames, Value::NULL);
        self.save_ip();
        if let Some(flow) = self.call_plain_class(a as usize, kw) {
            return flow;
        }
        self.interp_call = true;
        let p = self.prepare_call(a as usize, kw)?;
        self.finish_call(p)
    }
    fn op_kw_names(&mut self, a: u32) -> Flow {
        self.kwnames = self.cur_info().consts[a as usize];
        Ok(())
    }
    fn op_call_function_ex(&mut self, a: u32) -> Flow {
        self.save_ip();
        let p = self.call_function_ex(a & 1 != 0)?;
        self.finish_call(p)
    }
    fn op_make_function(&mut self, a: u32) -> Flow {
        let info = self.cur_info();
        let f = self.make_function(a, &info.caches[self.ip - 1])?;
        let n = (a & 1 != 0) as usize
            + (a & 2 != 0) as usize
            + (a & 4 != 0) as usize
            + (a & 8 != 0) as usize;
        self.sp -= n + 1;
        self.push(f);
        Ok(())
    }
    #[inline(always)]
    fn op_return_value(&mut self, _a: u32) -> Flow {
        let v = self.pop();
        self.do_return(v)
    }
    fn op_yield_value(&mut self, a: u32) -> Flow {
        let v = self.pop();
        if a == 0 {
            let gv = self.frame().gen;
            if gv.is_ptr() && type_of(gv) == crate::runtime::ty(crate::runtime::T::AsyncGenerator) {
                // An async generator's own `yield`: mark it so that the awaitable
                // driving it can tell it from values its awaits pass through.
                let w = crate::types::generator::wrap_async_value(self, v)?;
                return self.gen_yield(w);
            }
        }
        self.gen_yield(v)
    }
    fn op_get_yield_from_iter(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let it = self.get_yield_from_iter(v)?;
        self.set_peek(0, it);
        Ok(())
    }
    fn op_send(&mut self, a: u32) -> Flow {
        let v = self.peek(0);
        let recv = self.peek(1);
        match self.send_to(recv, v)? {
            crate::interp::gen::SendResult::Yield(y) => {
                self.set_peek(0, y);
                Ok(())
            }
            crate::interp::gen::SendResult::Return(r) => {
                self.sp -= 1;
                self.set_peek(0, r);
                self.ip = a as usize;
                Ok(())
            }
        }
    }
    fn op_get_awaitable(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let it = self.get_awaitable(v)?;
        self.set_peek(0, it);
        Ok(())
    }
    fn op_get_aiter(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let r = self.call_method0(v, g().names.__aiter__)?;
        self.set_peek(0, r);
        Ok(())
    }
    fn op_get_anext(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let r = self.call_method0(v, g().names.__anext__)?;
        let r = self.get_awaitable(r)?;
        self.push(r);
        Ok(())
    }
    fn op_end_async_for(&mut self, _a: u32) -> Flow {
        let exc = self.peek(0);
        let stop = g().exc_types[ExcKind::StopAsyncIteration as usize];
        if crate::types::typeobj::isinstance(exc, stop) {
            self.sp -= 2;
            Ok(())
        } else {
            self.sp -= 2;
            self.exc = exc;
            Err(Ctl::Reraise)
        }
    }
    fn op_before_async_with(&mut self, _a: u32) -> Flow {
        let m = self.peek(0);
        let exit = self.getattr(m, g().names.__aexit__)?;
        self.push(exit);
        let m = self.peek(1);
        let enter = self.call_method0(m, g().names.__aenter__)?;
        let aw = self.get_awaitable(enter)?;
        let exit = self.pop();
        self.set_peek(0, exit);
        self.push(aw);
        Ok(())
    }
    fn op_before_with(&mut self, _a: u32) -> Flow {
        let m = self.peek(0);
        let typ = type_of(m);
        let enter = self.lookup(typ, g().names.__enter__);
        let exitm = self.lookup(typ, g().names.__exit__);
        if enter.is_null() || exitm.is_null() {
            let msg = format!(
                "'{}' object does not support the context manager protocol{}",
                crate::types::typeobj::type_name(typ),
                if !enter.is_null() {
                    " (missed __exit__ method)"
                } else {
                    ""
                }
            );
            return Err(self.raise_msg(ExcKind::TypeError, &msg).into());
        }
        let m = self.peek(0);
        let exit = self.bind_descriptor(exitm, m, typ)?;
        self.push(exit);
        let m = self.peek(1);
        let enter = self.bind_descriptor(enter, m, typ)?;
        // [.. m, exit] -> [.. exit, enter, NULL], then `__enter__()` as CALL 0 makes it:
        // a Python `__enter__` runs as a frame of this loop (not nested, so its lock
        // waits let other threads collect), a native one as called from the interpreter
        // (`Args::from_interp`). Either way its result lands where `enter` was.
        if !self.stack_room(1) {
            let msg = "maximum recursion depth exceeded";
            return Err(self.raise_msg(ExcKind::RecursionError, msg).into());
        }
        self.set_peek(1, exit);
        self.set_peek(0, enter);
        self.push(Value::NULL);
        self.save_ip();
        self.interp_call = true;
        let p = self.prepare_call(0, Value::NULL)?;
        self.finish_call(p)
    }
    fn op_with_except_start(&mut self, _a: u32) -> Flow {
        let exc = self.peek(0);
        let exit = self.peek(3);
        let et = type_of(exc);
        let tb = self.exc_traceback(exc);
        let r = self.call(exit, &[et, exc, tb])?;
        self.push(r);
        Ok(())
    }
    fn op_raise_varargs(&mut self, a: u32) -> Flow {
        match a {
            0 => {
                let e = self.exc_info;
                if e.is_null() || e == g().none {
                    return Err(self
                        .raise_msg(ExcKind::RuntimeError, "No active exception to reraise")
                        .into());
                }
                self.exc = e;
                Err(Ctl::Raise)
            }
            1 => {
                let e = self.peek(0);
                let e = self.make_exception(e)?;
                self.sp -= 1;
                self.set_exc_context(e);
                self.exc = e;
                Err(Ctl::Raise)
            }
            _ => {
                let cause = self.peek(0);
                let e = self.peek(1);
                let e = self.make_exception(e)?;
                self.push(e);
                let cause = if cause == g().none {
                    cause
                } else {
                    self.make_cause(cause)?
                };
                let e = self.pop();
                self.set_exc_cause(e, cause);
                self.sp -= 2;
                self.set_exc_context(e);
                self.exc = e;
                Err(Ctl::Raise)
            }
        }
    }
    fn op_reraise(&mut self, _a: u32) -> Flow {
        let e = self.pop();
        self.exc = e;
        Err(Ctl::Reraise)
    }
    fn op_push_exc_info(&mut self, _a: u32) -> Flow {
        let e = self.peek(0);
        let prev = if self.exc_info.is_null() {
            g().none
        } else {
            self.exc_info
        };
        self.set_peek(0, prev);
        self.push(e);
        self.exc_info = e;
        Ok(())
    }
    fn op_pop_except(&mut self, _a: u32) -> Flow {
        let prev = self.pop();
        self.exc_info = if prev == g().none { Value::NULL } else { prev };
        Ok(())
    }
    fn op_check_exc_match(&mut self, _a: u32) -> Flow {
        let t = self.peek(0);
        let e = self.peek(1);
        let r = self.exception_matches(e, t)?;
        let v = self.bool_val(r);
        self.set_peek(0, v);
        Ok(())
    }
    fn op_load_assertion_error(&mut self, _a: u32) -> Flow {
        self.push(g().exc_types[ExcKind::AssertionError as usize]);
        Ok(())
    }
    fn op_import_name(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let fromlist = self.peek(0);
        let level = self.peek(1);
        self.save_ip();
        let m = self.import_name(name, fromlist, level)?;
        self.sp -= 1;
        self.set_peek(0, m);
        Ok(())
    }
    fn op_import_from(&mut self, a: u32) -> Flow {
        let name = self.name_arg(a);
        let m = self.peek(0);
        let v = self.import_from(m, name)?;
        self.push(v);
        Ok(())
    }
    fn op_import_star(&mut self, _a: u32) -> Flow {
        let m = self.peek(0);
        self.import_star(m)?;
        self.sp -= 1;
        Ok(())
    }
    fn op_load_build_class(&mut self, _a: u32) -> Flow {
        let bc = self.load_global(g().names.__build_class__)?;
        self.push(bc);
        Ok(())
    }
    fn op_setup_annotations(&mut self, _a: u32) -> Flow {
        let locals = self.frame().locals;
        let locals = if locals.is_null() {
            self.frame().globals
        } else {
            locals
        };
        if self
            .mapping_get(locals, g().names.__annotations__)?
            .is_none()
        {
            let d = self.new_dict()?;
            self.setitem(locals, g().names.__annotations__, d)?;
        }
        Ok(())
    }
    fn op_print_expr(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        if v != g().none {
            let r = self.repr(v)?;
            let s = crate::obj::alloc::str_val(r).to_string();
            self.write_stdout(&s)?;
            self.write_stdout("\n")?;
            let b = g().builtins_dict;
            self.dict_set(b, g().names.underscore, self.peek(0))?;
        }
        self.sp -= 1;
        Ok(())
    }
    fn op_get_len(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let n = self.len(v)?;
        self.push(Value::small(n as i64));
        Ok(())
    }
    fn op_match_mapping(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let r = self.is_mapping_for_match(v);
        let b = self.bool_val(r);
        self.push(b);
        Ok(())
    }
    fn op_match_sequence(&mut self, _a: u32) -> Flow {
        let v = self.peek(0);
        let r = self.is_sequence_for_match(v);
        let b = self.bool_val(r);
        self.push(b);
        Ok(())
    }
    fn op_match_keys(&mut self, _a: u32) -> Flow {
        let r = self.match_keys()?;
        self.push(r);
        Ok(())
    }
    fn op_check_eg_match(&mut self, _a: u32) -> Flow {
        let typ = self.peek(0);
        let exc = self.peek(1);
        let f = crate::bootstrap::prelude_fn(self, "_check_match")?;
        let r = self.call(f, &[exc, typ])?;
        let (rest, m) = (tuple_slots(r)[0].get(), tuple_slots(r)[1].get());
        self.set_peek(1, rest);
        self.set_peek(0, m);
        if m != g().none {
            self.exc_info = m;
        }
        Ok(())
    }
    fn op_prep_reraise_star(&mut self, _a: u32) -> Flow {
        let list = self.peek(0);
        let orig = self.peek(1);
        let f = crate::bootstrap::prelude_fn(self, "_prep_reraise")?;
        let r = self.call(f, &[orig, list])?;
        self.sp -= 1;
        self.set_peek(0, r);
        Ok(())
    }
    fn op_match_class(&mut self, a: u32) -> Flow {
        let r = self.match_class(a as usize)?;
        self.sp -= 2;
        self.set_peek(0, r);
        Ok(())
    }
}

/// The f64 operands of a float operation, when both are exact floats or one is a tagged
/// int that converts exactly.
#[inline(always)]
fn float_operands(x: Value, b: Value) -> Option<(f64, f64)> {
    let fl = crate::runtime::ty(crate::runtime::T::Float);
    let as_f = |v: Value| -> Option<f64> {
        if v.is_small_int() {
            let n = v.as_small();
            // Exact conversion only (|n| <= 2**53), as CPython compares/converts exactly.
            (n.unsigned_abs() <= 1 << 53).then_some(n as f64)
        } else if header(v).ty.get() == fl {
            Some(crate::obj::alloc::float_val(v))
        } else {
            None
        }
    };
    if x.is_small_int() && b.is_small_int() {
        return None;
    }
    Some((as_f(x)?, as_f(b)?))
}

/// `x op b` on floats for the operators whose result is a plain IEEE operation.
#[inline(always)]
fn float_fast(a: u32, x: Value, b: Value) -> Option<f64> {
    let (op, _) = BinOp::from_arg(a);
    if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv) {
        return None;
    }
    let (p, q) = float_operands(x, b)?;
    Some(match op {
        BinOp::Add => p + q,
        BinOp::Sub => p - q,
        BinOp::Mul => p * q,
        _ => {
            if q == 0.0 {
                return None;
            }
            p / q
        }
    })
}

/// The order of two exact `str` objects (code-point order is UTF-8 byte order), or None
/// when either is something else.
#[inline(always)]
fn exact_str_order(x: Value, b: Value) -> Option<std::cmp::Ordering> {
    let str_type = ty(T::Str);
    if !(x.is_ptr() && b.is_ptr() && type_of(x) == str_type && type_of(b) == str_type) {
        return None;
    }
    if x == b {
        return Some(std::cmp::Ordering::Equal);
    }
    Some(str_bytes(x).cmp(str_bytes(b)))
}
