//! Calls: binding arguments and entering functions.
//!
//! Every call, from bytecode or from Rust, has its arguments on the value stack laid out
//! as `[callable, self_or_null, args..., kwvalues...]` with keyword names in `kwnames`.
//! A Python function's frame is built in place: its locals start where its first
//! argument already sits (CPython 3.11's trick), so the common call copies nothing.
//! Native functions see their arguments through `Args`, a view into the value stack; the
//! view stays valid while they call back into Python because the stack never moves, and
//! the words it shows are kept up to date by the collector.
//!
//! What must hold: binding runs no Python code (it only allocates), so `Value`s held in
//! Rust locals during binding stay valid; a native call's roots are dropped when it
//! returns.

use crate::compiler::code::CodeInfo;
use crate::interp::state::{Frame, PyResult, Raised, Vm, MAX_NATIVE_DEPTH};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::co;
use crate::types::typeobj::{isinstance, type_name, type_of};
use crate::value::Value;
use std::sync::atomic::Ordering;

pub type NativeFn = fn(&mut Vm, &Args) -> PyResult<Value>;

/// The arguments of a native call: a view of the value stack.
pub struct Args {
    ptr: *const Value,
    /// Number of positional arguments.
    pub n: usize,
    /// Keyword names (a tuple of str) or NULL; their values follow the positionals.
    pub kwnames: Value,
    /// CALL called the native straight from the interpreter (see `Args::from_interp`).
    from_interp: bool,
}

impl Args {
    /// A view of `n` positional values (plus keyword values) starting at stack index
    /// `start`.
    pub fn on_stack(vm: &mut Vm, start: usize, n: usize, kwnames: Value) -> Args {
        Args {
            ptr: vm.stack_ptr().wrapping_add(start),
            n,
            kwnames,
            from_interp: false,
        }
    }

    /// Did CALL call this native straight from the interpreter? Then every Rust frame
    /// below the native holds only rooted values, and the native itself (not what it
    /// calls: the permission travels with these `Args`, never in the `Vm`) may let the
    /// heap collect (`Vm::native_safepoint`) or other threads collect while it blocks
    /// (`Vm::blocking`), if `gc_inhibit` is 0 and it holds no other heap value across.
    /// Its `kwnames` are then NULL or pinned (a code constant), so they stay good too.
    #[inline(always)]
    pub fn from_interp(&self) -> bool {
        self.from_interp
    }

    #[inline(always)]
    pub fn get(&self, i: usize) -> Value {
        debug_assert!(i < self.n + self.nkw());
        // SAFETY: `ptr` points into the thread's value stack, which is never reallocated,
        // and the `n + nkw` words stay on the stack for the duration of the call.
        unsafe { std::ptr::read_volatile(self.ptr.add(i)) }
    }
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.n
    }
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
    pub fn nkw(&self) -> usize {
        if self.kwnames.is_null() {
            0
        } else {
            tuple_slots(self.kwnames).len()
        }
    }
    /// Positional argument `i`, if given.
    pub fn opt(&self, i: usize) -> Option<Value> {
        (i < self.n).then(|| self.get(i))
    }
    /// Keyword argument `name`, if given.
    pub fn kw(&self, name: &str) -> Option<Value> {
        if self.kwnames.is_null() {
            return None;
        }
        tuple_slots(self.kwnames)
            .iter()
            .position(|s| str_val(s.get()) == name)
            .map(|i| self.get(self.n + i))
    }
    /// Keyword (name, value) pairs.
    pub fn kwargs(&self) -> Vec<(Value, Value)> {
        if self.kwnames.is_null() {
            return Vec::new();
        }
        tuple_slots(self.kwnames)
            .iter()
            .enumerate()
            .map(|(i, s)| (s.get(), self.get(self.n + i)))
            .collect()
    }
    pub fn positional(&self) -> Vec<Value> {
        (0..self.n).map(|i| self.get(i)).collect()
    }
}

#[inline(always)]
pub fn native_fn(f: Value) -> NativeFn {
    // SAFETY: `fptr` was written from a `NativeFn` in `new_native` and never changes.
    unsafe { std::mem::transmute::<usize, NativeFn>(obj::<NativeObj>(f).fptr) }
}

#[inline(always)]
pub fn func(f: Value) -> &'static FunctionObj {
    // SAFETY: callers pass function objects.
    unsafe { obj::<FunctionObj>(f) }
}

#[inline(always)]
pub fn code_info(code: Value) -> *const CodeInfo {
    // SAFETY: callers pass code objects.
    unsafe { obj::<CodeObj>(code) }.info
}

/// Outcome of preparing a call from the interpreter.
pub enum Prepared {
    /// A Python frame was pushed; the loop continues in it.
    Frame,
    /// The call finished with this result (native callee, or a generator was created).
    Done(Value),
}

impl Vm {
    /// Calls the callable at `stack[sp - nargs - 2]` with the arguments above it (the
    /// `self_or_null` slot included). On `Frame`, a frame has been pushed and the caller
    /// must run it; otherwise the stack has been popped down to the callable.
    /// `total` counts positional and keyword values (CALL's argument).
    pub fn prepare_call(&mut self, total: usize, kwnames: Value) -> PyResult<Prepared> {
        // Taken at once, so that no call made on the way (a `__call__`, a class's
        // `__new__`) inherits it.
        let from_interp = std::mem::take(&mut self.interp_call);
        let mut callable_pos = self.sp - total - 2;
        let mut nargs = total - kwlen(kwnames);
        let mut kwnames = kwnames;
        let mut callable = self.at(callable_pos);
        let self_slot = self.at(callable_pos + 1);
        // Fold self into the arguments: [callable, self, a...] -> args start at self.
        let mut argbase = if self_slot.is_null() {
            callable_pos + 2
        } else {
            nargs += 1;
            callable_pos + 1
        };
        // Unwrap bound methods: [m, NULL, a...] -> [func, self, a...].
        let mut hops = 0;
        loop {
            if !callable.is_ptr() {
                break;
            }
            match kind_of(callable) {
                Kind::BoundMethod if argbase == callable_pos + 2 => {
                    // SAFETY: kind checked.
                    let bm = unsafe { obj::<BoundMethodObj>(callable) };
                    let f = bm.func.get();
                    self.set_at(callable_pos, f);
                    self.set_at(callable_pos + 1, bm.receiver.get());
                    argbase = callable_pos + 1;
                    nargs += 1;
                    callable = f;
                }
                Kind::BoundMethod => {
                    // Rare: bound method with an explicit self slot; shift args up one.
                    // SAFETY: kind checked.
                    let bm = unsafe { obj::<BoundMethodObj>(callable) };
                    let (f, r) = (bm.func.get(), bm.receiver.get());
                    let total = nargs + kwlen(kwnames);
                    self.push(Value::NULL);
                    for i in (0..total).rev() {
                        let v = self.at(argbase + i);
                        self.set_at(argbase + i + 1, v);
                    }
                    self.set_at(argbase, r);
                    self.set_at(callable_pos, f);
                    nargs += 1;
                    callable = f;
                }
                _ => break,
            }
            hops += 1;
            if hops > 8 {
                break;
            }
        }
        if callable.is_ptr() && kind_of(callable) == Kind::Function {
            return self.enter_function(callable, callable_pos, argbase, nargs, kwnames);
        }
        // Everything else goes through the generic path.
        let r = if callable.is_ptr() && kind_of(callable) == Kind::Native {
            self.call_native_from(callable, argbase, nargs, kwnames, from_interp)
        } else if let Some(r) = (from_interp && nargs == 1 && kwnames.is_null())
            .then(|| self.container_from(callable, self.at(argbase)))
            .flatten()
        {
            r
        } else {
            let r = self.call_object_slow(callable, argbase, nargs, kwnames);
            kwnames = Value::NULL;
            r
        };
        let _ = kwnames;
        callable_pos = callable_pos.min(self.sp);
        self.sp = callable_pos;
        r.map(Prepared::Done)
    }

    /// `list(x)`, `tuple(x)`, `set(x)` or `dict(x)` called by CALL with exactly that
    /// type and one positional argument, built with native safepoints between the items
    /// of an iterator; None for any other call (which takes the general path, with the
    /// same results).
    fn container_from(&mut self, typ: Value, x: Value) -> Option<PyResult<Value>> {
        if typ == ty(T::List) || typ == ty(T::Tuple) {
            Some(self.list_or_tuple_from(typ, x))
        } else if typ == ty(T::Set) && !is_builtin_collection(x) {
            Some(self.set_from_iter(x))
        } else if typ == ty(T::Dict) {
            Some(self.dict_from_arg(x))
        } else {
            None
        }
    }

    /// `list(x)` or `tuple(x)` called by CALL: the items are gathered with native
    /// safepoints (`to_vec_collecting`), so `list(genexp)` lets the heap collect while
    /// the generator runs. `typ` is exactly `list` or `tuple` (subclasses and keyword
    /// arguments take the general path, with the same results).
    fn list_or_tuple_from(&mut self, typ: Value, x: Value) -> PyResult<Value> {
        if typ == ty(T::Tuple) && x.is_ptr() && type_of(x) == ty(T::Tuple) {
            return Ok(x);
        }
        let items = self.to_vec_collecting(x, true)?;
        if typ == ty(T::List) {
            self.new_list(&items)
        } else {
            self.new_tuple(&items)
        }
    }

    /// `set(x)` of an iterator (a generator, `map(...)`...) called by CALL: each item is
    /// added as it comes (so hashing interleaves with the iterator as in CPython), with
    /// native safepoints between items; the set and the iterator are all it holds.
    fn set_from_iter(&mut self, x: Value) -> PyResult<Value> {
        let it = self.get_iter(x)?;
        let s = self.new_set(false)?;
        self.add_each(s, it, true, |vm, s, x| vm.set_add(s, x))
    }

    /// Runs a native function on arguments already on the stack.
    pub fn call_native(
        &mut self,
        f: Value,
        argbase: usize,
        nargs: usize,
        kwnames: Value,
    ) -> PyResult<Value> {
        self.call_native_from(f, argbase, nargs, kwnames, false)
    }

    /// `call_native`; `from_interp`: called straight from CALL, so the native may offer
    /// `native_safepoint`s and block in the safe state (`Args::from_interp`).
    fn call_native_from(
        &mut self,
        f: Value,
        argbase: usize,
        nargs: usize,
        kwnames: Value,
        from_interp: bool,
    ) -> PyResult<Value> {
        // SAFETY: kind Native checked by callers.
        let o = unsafe { obj::<NativeObj>(f) };
        let owner = o.owner.get();
        if !owner.is_null() {
            let ok = nargs >= 1 && isinstance(self.at(argbase), owner);
            if !ok {
                let name = str_val(o.name.get());
                let msg = if nargs == 0 {
                    format!(
                        "unbound method {}.{}() needs an argument",
                        type_name(owner),
                        name
                    )
                } else {
                    format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        name,
                        crate::types::typeobj::tp_name(owner),
                        type_name(type_of(self.at(argbase)))
                    )
                };
                return Err(self.raise_msg(ExcKind::TypeError, &msg));
            }
        }
        let bound = o.bound.get();
        let fp = native_fn(f);
        // Keyword names are a code constant, pinned when they are all interned names
        // (`make_const`); a longer name makes a movable tuple, which a collection would
        // leave stale under the native: no permission then.
        let from_interp = from_interp && (kwnames.is_null() || gc_parallel::is_pinned(kwnames.0));
        self.native_data = (o.data, o.data2);
        let mark = self.roots.len();
        let r = if bound.is_null() {
            let ptr = self.stack_ptr().wrapping_add(argbase);
            let args = Args {
                ptr,
                n: nargs,
                kwnames,
                from_interp,
            };
            fp(self, &args)
        } else {
            // Bound built-in method: insert the receiver in front.
            let total = nargs + kwlen(kwnames);
            if !self.stack_room(total + 1) {
                return Err(
                    self.raise_msg(ExcKind::RecursionError, "maximum recursion depth exceeded")
                );
            }
            let start = self.sp;
            self.push(bound);
            for i in 0..total {
                let v = self.at(argbase + i);
                self.push(v);
            }
            let ptr = self.stack_ptr().wrapping_add(start);
            let args = Args {
                ptr,
                n: nargs + 1,
                kwnames,
                from_interp,
            };
            let r = fp(self, &args);
            self.sp = start;
            r
        };
        self.unroot_to(mark);
        r
    }

    /// Pushes a frame for a Python function whose arguments sit at `argbase`.
    pub fn enter_function(
        &mut self,
        f: Value,
        callable_pos: usize,
        argbase: usize,
        nargs: usize,
        kwnames: Value,
    ) -> PyResult<Prepared> {
        let fo = func(f);
        let code = fo.code.get();
        let infop = code_info(code);
        // SAFETY: code objects own their CodeInfo for their whole life; `code` is live.
        let info = unsafe { &*infop };
        if self.frames.len() >= self.recursion_limit {
            return Err(self.raise_msg(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let nlp = info.nlocalsplus();
        let need = nlp + info.unit.stacksize as usize + 8;
        if !self.stack_room((argbase + need + nargs).saturating_sub(self.sp)) {
            return Err(self.raise_msg(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let u = &info.unit;
        let simple = kwnames.is_null()
            && nargs == u.argcount as usize
            && u.kwonlyargcount == 0
            && u.flags & (co::VARARGS | co::VARKEYWORDS) == 0;
        if simple {
            self.sp = argbase + nargs;
            for _ in nargs..nlp {
                self.push(Value::NULL);
            }
        } else {
            self.bind_args(f, info, argbase, nargs, kwnames)?;
        }
        // Cells and free variables.
        let nv = u.varnames.len();
        for (j, a) in info.cell2arg.iter().enumerate() {
            let init = match a {
                Some(i) => self.at(argbase + i),
                None => Value::NULL,
            };
            let c = self.new_cell(init)?;
            self.set_at(argbase + nv + j, c);
        }
        if u.flags & (co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR) != 0 {
            self.copy_free_vars(f, info, argbase);
            let gen = self.make_generator(f, argbase, nlp)?;
            self.sp = callable_pos;
            return Ok(Prepared::Done(gen));
        }
        self.push_function_frame(f, callable_pos, argbase);
        Ok(Prepared::Frame)
    }

    /// Copies the function's closure cells into the free-variable slots of its locals.
    #[inline(always)]
    fn copy_free_vars(&mut self, f: Value, info: &CodeInfo, argbase: usize) {
        let closure = func(f).closure.get();
        if closure.is_ptr() {
            let first = argbase + info.unit.varnames.len() + info.unit.cellvars.len();
            for (k, s) in tuple_slots(closure).iter().enumerate() {
                self.set_at(first + k, s.get());
            }
        }
    }

    /// Pushes the frame of function `f` whose arguments, cells and other locals are
    /// bound from `argbase`; free variables are copied here. The frame's result replaces
    /// the stack from `callable_pos` up.
    #[inline(always)]
    pub fn push_function_frame(&mut self, f: Value, callable_pos: usize, argbase: usize) {
        let fo = func(f);
        let infop = code_info(fo.code.get());
        // SAFETY: code objects own their CodeInfo for their whole life; `f` keeps its
        // code alive.
        let info = unsafe { &*infop };
        self.copy_free_vars(f, info, argbase);
        let nlp = info.unit.nlocalsplus();
        self.frames.push(Frame {
            code: fo.code.get(),
            info: infop,
            func: f,
            globals: fo.globals.get(),
            builtins: fo.builtins.get(),
            locals: Value::NULL,
            gen: Value::NULL,
            base: argbase,
            stack_base: argbase + nlp,
            ret_base: callable_pos,
            sp: argbase + nlp,
            ip: 0,
            entry: false,
            init_self: Value::NULL,
        });
        self.sp = argbase + nlp;
    }

    /// Calls `f` with positional `args` from Rust, running Python code to completion.
    pub fn call(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        self.call_kw(f, args, Value::NULL)
    }

    /// Calls `f(*args)` where the last `len(kwnames)` of `args` are keyword values.
    pub fn call_kw(&mut self, f: Value, args: &[Value], kwnames: Value) -> PyResult<Value> {
        if !self.stack_room(args.len() + 2) {
            return Err(self.raise_msg(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let nkw = kwlen(kwnames);
        let start = self.sp;
        self.push(f);
        self.push(Value::NULL);
        for a in args {
            self.push(*a);
        }
        self.call_on_stack(start, args.len() - nkw, kwnames)
    }

    /// Like `call_kw`, but the callee may reach a collection: the caller must not use any
    /// `Value` it holds in Rust locals after this returns (only the result).
    pub fn call_gc(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        let saved = self.gc_inhibit;
        self.gc_inhibit = 0;
        let r = self.call(f, args);
        self.gc_inhibit = saved;
        r
    }

    /// Runs a call whose `[callable, NULL, args...]` start at `start`; leaves sp = start.
    pub fn call_on_stack(&mut self, start: usize, nargs: usize, kwnames: Value) -> PyResult<Value> {
        debug_assert_eq!(self.sp, start + 2 + nargs + kwlen(kwnames));
        match self.prepare_call(nargs + kwlen(kwnames), kwnames) {
            Err(e) => {
                self.sp = start;
                Err(e)
            }
            Ok(Prepared::Done(v)) => {
                self.sp = start;
                Ok(v)
            }
            Ok(Prepared::Frame) => {
                if let Some(fr) = self.frames.last_mut() {
                    fr.entry = true;
                }
                let r = self.run_nested();
                self.sp = start;
                r
            }
        }
    }

    /// Runs the top frame (an entry frame) to completion with a bounded Rust depth.
    pub fn run_nested(&mut self) -> PyResult<Value> {
        if self.native_depth >= MAX_NATIVE_DEPTH {
            // Unwind the frame we were about to run.
            if let Some(f) = self.frames.pop() {
                self.sp = f.ret_base;
            }
            return Err(self.raise_msg(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        // The outermost run (no Python frame below it) has no native caller holding
        // values, so it may collect; every nested run inhibits collection.
        let inhibit = (self.frames.len() > 1) as usize;
        self.native_depth += 1;
        self.gc_inhibit += inhibit;
        let (saved_ip, saved_base) = (self.ip, self.base);
        let r = self.run();
        self.ip = saved_ip;
        self.base = saved_base;
        self.gc_inhibit -= inhibit;
        self.native_depth -= 1;
        match r {
            Ok(crate::interp::run::Exit::Return(v)) => Ok(v),
            Ok(crate::interp::run::Exit::Yield(_)) => {
                Err(self.raise_msg(ExcKind::SystemError, "unexpected yield"))
            }
            Err(e) => Err(e),
        }
    }

    /// Calls anything that is not a function or native: types, instances with
    /// `__call__`, ...
    fn call_object_slow(
        &mut self,
        callable: Value,
        argbase: usize,
        nargs: usize,
        kwnames: Value,
    ) -> PyResult<Value> {
        let typ = type_of(callable);
        if crate::types::typeobj::is_type(callable) {
            return crate::types::usertype::call_type(self, callable, argbase, nargs, kwnames);
        }
        let call = self.lookup(typ, g().names.__call__);
        if call.is_null() {
            let msg = format!("'{}' object is not callable", type_name(typ));
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        // Re-lay the arguments as [call, callable, args...] above the stack top.
        let total = nargs + kwlen(kwnames);
        if !self.stack_room(total + 3) {
            return Err(self.raise_msg(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let start = self.sp;
        self.push(call);
        self.push(callable);
        for i in 0..total {
            let v = self.at(argbase + i);
            self.push(v);
        }
        self.call_on_stack(start, nargs, kwnames)
    }

    /// Raises an exception of `kind` with message `msg`.
    pub fn raise_msg(&mut self, kind: ExcKind, msg: &str) -> Raised {
        let t = g().exc_types[kind as usize];
        let m = match self.new_str(msg) {
            Ok(m) => m,
            Err(e) => return e,
        };
        let args = match self.new_tuple(&[m]) {
            Ok(a) => a,
            Err(e) => return e,
        };
        match self.new_exception_obj(t, args) {
            Ok(e) => {
                self.exc = e;
                Raised
            }
            Err(e) => e,
        }
    }

    /// Raises an exception instance (or class, which is instantiated).
    pub fn raise_value(&mut self, e: Value) -> Raised {
        self.exc = e;
        Raised
    }
}

#[inline(always)]
pub fn kwlen(kwnames: Value) -> usize {
    if kwnames.is_null() {
        0
    } else {
        tuple_slots(kwnames).len()
    }
}

pub fn flags_of(f: Value) -> u32 {
    func(f).code.get();
    // SAFETY: a function's code object owns a live CodeInfo.
    unsafe { (*code_info(func(f).code.get())).unit.flags }
}

pub fn load_usize(a: &std::sync::atomic::AtomicUsize) -> usize {
    a.load(Ordering::Acquire)
}

/// Is `x` a list, tuple, set, frozenset, dict or str (exactly)? Their items are there
/// already: `set(x)` copies them without running Python code between items.
fn is_builtin_collection(x: Value) -> bool {
    if !x.is_ptr() {
        return false;
    }
    let t = type_of(x);
    [T::List, T::Tuple, T::Set, T::FrozenSet, T::Dict, T::Str]
        .iter()
        .any(|k| t == ty(*k))
}
