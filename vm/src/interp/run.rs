//! The base interpreter loop.
//!
//! `run` executes the top frame, and every Python frame it calls, until the frame that
//! was on top when it started (an *entry* frame) returns or yields. Python-to-Python calls
//! and returns switch frames inside the loop; the Rust stack does not grow.
//!
//! The hot state of the running frame (instruction index, locals base, code pointer) is
//! cached in `Cur`; it is written back to the `Frame` whenever another frame becomes
//! current. Exceptions use the code's exception table: the handler of the raising
//! instruction, if any, gets the stack unwound to its depth plus the exception; otherwise
//! the frame is popped and the search continues in its caller.
//!
//! Safepoints (collections) happen at backward jumps, calls and returns, with every live
//! value in a traced place: the value stack, frames, roots.
//!
//! What must hold: after a handler returns `Ok`, `self.sp` is within the current frame's
//! stack; a handler that returns `Err(Ctl::Raise)` has set `self.exc`.

use crate::compiler::code::{CodeInfo, Instr};
use crate::interp::state::{PyResult, Raised, Vm};
use crate::spec::{dispatch, Op};
use crate::value::Value;

/// How `run` ended without an exception.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// Non-local control flow out of a handler (one byte, so `Flow` stays in a register).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Ctl {
    Raise,
    /// Re-raise without adding a traceback entry for this frame.
    Reraise,
    /// Another frame became the top frame (call or return): reload the frame state.
    Switch,
    /// The entry frame returned `Vm::exit_value`.
    Return,
    /// The entry (generator) frame yielded `Vm::exit_value`.
    Yield,
}

impl From<Raised> for Ctl {
    fn from(_: Raised) -> Ctl {
        Ctl::Raise
    }
}

pub type Flow = Result<(), Ctl>;

impl Vm {
    /// Runs until the entry frame returns or yields.
    pub fn run(&mut self) -> PyResult<Exit> {
        loop {
            let (instrs, ip, base) = {
                let f = match self.frames.last() {
                    Some(f) => f,
                    None => return Ok(Exit::Return(self.none())),
                };
                (f.info().quick.as_ptr(), f.ip, f.base)
            };
            self.ip = ip;
            self.base = base;
            let r = self.run_frame(instrs);
            match r {
                Ok(()) | Err(Ctl::Switch) => {}
                Err(Ctl::Return) => {
                    let v = std::mem::replace(&mut self.exit_value, Value::NULL);
                    return Ok(Exit::Return(v));
                }
                Err(Ctl::Yield) => {
                    let v = std::mem::replace(&mut self.exit_value, Value::NULL);
                    return Ok(Exit::Yield(v));
                }
                Err(Ctl::Raise) => {
                    if let Err(Raised) = self.unwind(false) {
                        return Err(Raised);
                    }
                }
                Err(Ctl::Reraise) => {
                    if let Err(Raised) = self.unwind(true) {
                        return Err(Raised);
                    }
                }
            }
        }
    }

    /// Like `run`, but first raises `self.exc` at the top frame's resume point (used by
    /// `generator.throw`).
    pub fn run_throw(&mut self) -> PyResult<Exit> {
        if let Err(Raised) = self.unwind_from_frame_ip() {
            return Err(Raised);
        }
        self.run()
    }

    fn unwind_from_frame_ip(&mut self) -> PyResult<()> {
        let ip = self.frames.last().map(|f| f.ip).unwrap_or(0);
        // Unwinding treats `self.ip` as one past the raising instruction.
        self.ip = ip + 1;
        self.unwind(false)
    }

    /// Executes instructions of the current frame until a frame switch, exit or raise.
    #[inline(never)]
    fn run_frame(&mut self, mut instrs: *const Instr) -> Flow {
        loop {
            // SAFETY: the compiler guarantees every reachable ip is within `instrs` (the
            // last instruction of every code unit is a return or raise), and the code
            // object stays alive while its frame runs.
            let ins = unsafe { *instrs.add(self.ip) };
            self.ip += 1;
            if let Err(c) = dispatch(self, ins.op, ins.arg) {
                if c != Ctl::Switch {
                    return Err(c);
                }
                let f = match self.frames.last() {
                    Some(f) => f,
                    None => return Ok(()),
                };
                instrs = f.info().quick.as_ptr();
                self.ip = f.ip;
                self.base = f.base;
            }
        }
    }

    /// Finds a handler for `self.exc`, unwinding frames; Err when the entry frame is left.
    fn unwind(&mut self, reraise: bool) -> PyResult<()> {
        let mut first = true;
        loop {
            let (ip, info, stack_base, entry, ret_base) = match self.frames.last() {
                Some(f) => (
                    if first { self.ip } else { f.ip },
                    f.info,
                    f.stack_base,
                    f.entry,
                    f.ret_base,
                ),
                None => return Err(Raised),
            };
            // SAFETY: the frame's code object keeps its CodeInfo alive.
            let info: &CodeInfo = unsafe { &*info };
            let at = ip.saturating_sub(1);
            if !(reraise && first) {
                let line = info.line_of(at);
                let code = self.frames.last().map(|f| f.code).unwrap_or(Value::NULL);
                self.add_traceback(code, line)?;
            }
            first = false;
            if let Some(h) = info.handler_for(at) {
                self.sp = stack_base + h.depth as usize;
                if h.lasti {
                    self.push(Value::small(at as i64));
                }
                let e = self.exc;
                self.exc = Value::NULL;
                self.push(e);
                if let Some(f) = self.frames.last_mut() {
                    f.ip = h.target as usize;
                }
                return Ok(());
            }
            // No handler: leave this frame.
            let f = self.frames.pop();
            if let Some(f) = &f {
                if f.gen.is_ptr() {
                    self.gen_frame_raised(f.gen);
                }
            }
            self.sp = ret_base;
            if entry {
                return Err(Raised);
            }
        }
    }

    /// Saves the running frame's ip (before switching to another frame).
    #[inline(always)]
    pub fn save_ip(&mut self) {
        let ip = self.ip;
        if let Some(f) = self.frames.last_mut() {
            f.ip = ip;
        }
    }

    /// The current frame's code info.
    #[inline(always)]
    pub fn cur_info(&self) -> &'static CodeInfo {
        // SAFETY: the top frame's code object keeps its CodeInfo alive while it runs;
        // callers use the reference only within the handler.
        unsafe { &*self.frame().info }
    }

    #[inline(always)]
    pub fn cur_base(&self) -> usize {
        self.frame().base
    }

    /// Instruction at `ip` of the current frame.
    pub fn instr_at(&self, ip: usize) -> Option<Instr> {
        self.cur_info().unit.instrs.get(ip).copied()
    }

    pub fn op_at(&self, ip: usize) -> Option<Op> {
        self.instr_at(ip).map(|i| i.op)
    }
}
