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
/// Depth of Rust-level re-entry (native code calling Python) before RecursionError.
pub const MAX_NATIVE_DEPTH: usize = 400;

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
}

impl Frame {
    #[inline(always)]
    pub fn info(&self) -> &CodeInfo {
        // SAFETY: `info` belongs to the code object `self.code`, which the frame keeps
        // alive (it is traced); CodeInfo is never moved or freed while its code lives.
        unsafe { &*self.info }
    }
}

pub struct Vm {
    pub mutator: Mutator,
    stack: Box<[usize]>,
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
    pub recursion_limit: usize,
    /// Thread identifier (for `threading.get_ident`).
    pub ident: u64,
    /// Instruction index of the running frame (cached by the loop).
    pub ip: usize,
    /// Set by handlers that push or pop a frame.
    pub frame_switched: bool,
    /// Countdown to the next safepoint poll under stress.
    pub safepoints: u64,
}

impl Vm {
    pub fn new() -> Vm {
        let sh = shared();
        Vm {
            mutator: sh.heap.mutator(),
            stack: vec![0usize; STACK_CAPACITY].into_boxed_slice(),
            sp: 0,
            frames: Vec::with_capacity(64),
            roots: Vec::with_capacity(64),
            exc: Value::NULL,
            exc_info: Value::NULL,
            kwnames: Value::NULL,
            native_depth: 0,
            mcache: MethodCache::new(),
            recursion_limit: sh.options.recursion_limit,
            ident: 1,
            ip: 0,
            frame_switched: false,
            safepoints: 0,
        }
    }

    #[inline(always)]
    pub fn stack_ptr(&mut self) -> *mut Value {
        self.stack.as_mut_ptr() as *mut Value
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        debug_assert!(self.sp < STACK_CAPACITY);
        self.stack[self.sp] = v.0;
        self.sp += 1;
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        self.sp -= 1;
        Value(self.stack[self.sp])
    }

    /// The value `n` below the top (0 = top).
    #[inline(always)]
    pub fn peek(&self, n: usize) -> Value {
        Value(self.stack[self.sp - 1 - n])
    }

    #[inline(always)]
    pub fn set_peek(&mut self, n: usize, v: Value) {
        let i = self.sp - 1 - n;
        self.stack[i] = v.0;
    }

    #[inline(always)]
    pub fn at(&self, i: usize) -> Value {
        Value(self.stack[i])
    }

    #[inline(always)]
    pub fn set_at(&mut self, i: usize, v: Value) {
        self.stack[i] = v.0;
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
        let sp = self.sp;
        for w in self.stack[..sp].iter_mut() {
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
            ] {
                if v.is_ptr() {
                    t.trace(&mut v.0);
                }
            }
        }
        for v in self
            .roots
            .iter_mut()
            .chain([&mut self.exc, &mut self.exc_info, &mut self.kwnames])
        {
            if v.is_ptr() {
                t.trace(&mut v.0);
            }
        }
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

#[cold]
fn no_frame() -> ! {
    panic!("hotpy: no active frame")
}
