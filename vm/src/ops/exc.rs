//! Raising and catching: exception objects, chaining, matching and tracebacks.
//!
//! The exception being raised is `Vm::exc`; the one being handled (`sys.exc_info()`) is
//! `Vm::exc_info`. Unwinding (run.rs) prepends one traceback entry per frame it leaves,
//! so the traceback reads outermost first, as CPython prints it.
//!
//! What must hold: `exc` is an exception instance whenever a function returns
//! `Err(Raised)`; `__context__` chains never form a cycle (CPython's rule: setting a
//! context cuts the chain where it would loop).

use crate::interp::state::{PyResult, Raised, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::record::REC_TRACEBACK;
use crate::types::typeobj::{is_subtype, is_type, isinstance, type_name, type_of};
use crate::value::Value;
use std::sync::atomic::Ordering;

#[inline(always)]
pub fn exc_obj(e: Value) -> &'static ExceptionObj {
    // SAFETY: callers check `is_exception` (kind Exception).
    unsafe { obj::<ExceptionObj>(e) }
}

pub fn is_exception(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Exception
}

pub fn exc_type(k: ExcKind) -> Value {
    g().exc_types[k as usize]
}

impl Vm {
    /// The pending exception is an instance of `kind`.
    pub fn exc_is(&self, kind: ExcKind) -> bool {
        !self.exc.is_null() && isinstance(self.exc, exc_type(kind))
    }

    /// Raises `kind(*args)` with the given argument values.
    pub fn raise_args(&mut self, kind: ExcKind, args: &[Value]) -> Raised {
        let t = exc_type(kind);
        let a = match self.new_tuple(args) {
            Ok(a) => a,
            Err(e) => return e,
        };
        match self.new_exception_obj(t, a) {
            Ok(e) => {
                self.exc = e;
                Raised
            }
            Err(e) => e,
        }
    }

    /// Raises `StopIteration(value)` (no argument when `value` is NULL).
    pub fn raise_stop_iteration(&mut self, value: Value) -> Raised {
        if value.is_null() {
            self.raise_args(ExcKind::StopIteration, &[])
        } else {
            self.raise_args(ExcKind::StopIteration, &[value])
        }
    }

    /// Raises KeyError(key).
    pub fn key_error(&mut self, key: Value) -> Raised {
        self.raise_args(ExcKind::KeyError, &[key])
    }

    /// `NameError: name 'x' is not defined`.
    pub fn name_error(&mut self, name: Value) -> Raised {
        let msg = format!("name '{}' is not defined", str_val(name));
        let r = self.raise_msg(ExcKind::NameError, &msg);
        let e = self.exc;
        let d = self.dict_of(e);
        if d.is_ptr() {
            let _ = self.dict_set(d, g().names.name, name);
        }
        r
    }

    /// Turns the operand of `raise` into an exception instance.
    pub fn make_exception(&mut self, e: Value) -> PyResult<Value> {
        let base = exc_type(ExcKind::BaseException);
        if is_type(e) && is_subtype(e, base) {
            let inst = self.call(e, &[])?;
            if !isinstance(inst, base) {
                let msg = format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    crate::types::typeobj::type_repr(e),
                    type_name(type_of(inst))
                );
                return Err(self.raise_msg(ExcKind::TypeError, &msg));
            }
            return Ok(inst);
        }
        if isinstance(e, base) {
            return Ok(e);
        }
        Err(self.raise_msg(
            ExcKind::TypeError,
            "exceptions must derive from BaseException",
        ))
    }

    /// The operand of `raise ... from c`.
    pub fn make_cause(&mut self, c: Value) -> PyResult<Value> {
        let base = exc_type(ExcKind::BaseException);
        if is_type(c) && is_subtype(c, base) {
            return self.call(c, &[]);
        }
        if isinstance(c, base) {
            return Ok(c);
        }
        Err(self.raise_msg(
            ExcKind::TypeError,
            "exception causes must derive from BaseException",
        ))
    }

    /// Sets `e.__context__` to the exception being handled (if any), avoiding cycles.
    pub fn set_exc_context(&mut self, e: Value) {
        let ctx = self.exc_info;
        if ctx.is_null() || ctx == e || !is_exception(ctx) || !is_exception(e) {
            return;
        }
        // Cut a cycle: if `e` is already in ctx's context chain, unlink it there.
        let mut o = ctx;
        let mut n = 0;
        while is_exception(o) && n < 10_000 {
            let next = exc_obj(o).context.get();
            if next == e {
                exc_obj(o).context.set(Value::NULL);
                break;
            }
            o = next;
            n += 1;
        }
        exc_obj(e).context.set(ctx);
    }

    pub fn set_exc_cause(&mut self, e: Value, cause: Value) {
        if !is_exception(e) {
            return;
        }
        let c = if cause == g().none {
            Value::NULL
        } else {
            cause
        };
        exc_obj(e).cause.set(c);
        exc_obj(e).suppress_context.store(1, Ordering::Relaxed);
    }

    /// `except T:` test; `t` may be a tuple of types.
    pub fn exception_matches(&mut self, e: Value, t: Value) -> PyResult<bool> {
        let base = exc_type(ExcKind::BaseException);
        let check = |vm: &mut Vm, c: Value| -> PyResult<()> {
            if !(is_type(c) && is_subtype(c, base)) {
                return Err(vm.raise_msg(
                    ExcKind::TypeError,
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            Ok(())
        };
        if t.is_ptr() && kind_of(t) == Kind::Tuple {
            let items: Vec<Value> = tuple_slots(t).iter().map(|s| s.get()).collect();
            for c in &items {
                check(self, *c)?;
            }
            return Ok(items.iter().any(|c| isinstance(e, *c)));
        }
        check(self, t)?;
        Ok(isinstance(e, t))
    }

    /// `e.__traceback__` (None when absent).
    pub fn exc_traceback(&mut self, e: Value) -> Value {
        if is_exception(e) {
            let tb = exc_obj(e).traceback.get();
            if tb.is_ptr() {
                return tb;
            }
        }
        g().none
    }

    /// Prepends a traceback entry for `code` at `line` to the pending exception.
    pub fn add_traceback(&mut self, code: Value, line: u32) -> PyResult<()> {
        let e = self.exc;
        if !is_exception(e) {
            return Ok(());
        }
        let old = exc_obj(e).traceback.get();
        let tb = match self.new_record(
            ty(T::Traceback),
            REC_TRACEBACK,
            [old, code, Value::NULL, Value::NULL],
            line as i64,
            0,
        ) {
            Ok(tb) => tb,
            Err(_) => {
                // Out of memory while recording the traceback: keep the original error.
                self.exc = e;
                return Ok(());
            }
        };
        exc_obj(e).traceback.set(tb);
        Ok(())
    }

    /// The lines of `traceback.format_exception` for `e` (chained exceptions included).
    pub fn format_exception(&mut self, e: Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_exception_into(e, &mut out, &mut seen);
        out
    }

    fn format_exception_into(&mut self, e: Value, out: &mut String, seen: &mut Vec<Value>) {
        seen.push(e);
        if is_exception(e) {
            let o = exc_obj(e);
            let cause = o.cause.get();
            let ctx = o.context.get();
            if cause.is_ptr() && !seen.contains(&cause) {
                self.format_exception_into(cause, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if ctx.is_ptr()
                && o.suppress_context.load(Ordering::Relaxed) == 0
                && !seen.contains(&ctx)
            {
                self.format_exception_into(ctx, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
            let tb = o.traceback.get();
            if tb.is_ptr() {
                out.push_str("Traceback (most recent call last):\n");
                self.format_tb(tb, out);
            }
        }
        out.push_str(&self.format_exception_only(e));
    }

    /// `  File "f", line n, in name` lines for a traceback chain.
    pub fn format_tb(&mut self, mut tb: Value, out: &mut String) {
        let mut last: Option<(String, u32, String)> = None;
        let mut repeat = 0usize;
        while tb.is_ptr() && kind_of(tb) == Kind::Record {
            // SAFETY: traceback records are kind Record with REC_TRACEBACK layout.
            let r = unsafe { obj::<RecordObj>(tb) };
            let code = r.s[1].get();
            let line = r.a.load(Ordering::Relaxed) as u32;
            let (file, name) = if code.is_ptr() && kind_of(code) == Kind::Code {
                // SAFETY: kind checked; code objects own their CodeInfo.
                let info = unsafe { &*obj::<CodeObj>(code).info };
                (info.unit.filename.clone(), info.unit.name.clone())
            } else {
                ("?".to_string(), "?".to_string())
            };
            let key = (file.clone(), line, name.clone());
            if last.as_ref() == Some(&key) {
                repeat += 1;
            } else {
                flush_repeat(out, repeat);
                repeat = 0;
            }
            if repeat < 3 {
                out.push_str(&format!("  File \"{file}\", line {line}, in {name}\n"));
                if let Some(src) = crate::interp::source::source_line(&file, line) {
                    out.push_str(&format!("    {}\n", src.trim()));
                }
            }
            last = Some(key);
            tb = r.s[0].get();
        }
        flush_repeat(out, repeat);
    }

    /// The last line(s) of a traceback: `Type: message`.
    pub fn format_exception_only(&mut self, e: Value) -> String {
        let typ = if is_type(e) { e } else { type_of(e) };
        let mut name = crate::types::typeobj::type_qualname(typ);
        let module = crate::types::typeobj::type_module(typ);
        if !module.is_empty() && module != "builtins" && module != "__main__" {
            name = format!("{module}.{name}");
        }
        let mut prefix = String::new();
        let mut msg_obj = e;
        if isinstance(e, exc_type(ExcKind::SyntaxError)) {
            prefix = self.syntax_error_lines(e);
            if let Ok(k) = self.intern("msg") {
                if let Ok(Some(m)) = self.getattr_opt(e, k) {
                    msg_obj = m;
                }
            }
            self.exc = Value::NULL;
        }
        let msg = match self.str_of(msg_obj) {
            Ok(s) => str_val(s).to_string(),
            Err(_) => {
                self.exc = Value::NULL;
                "<exception str() failed>".to_string()
            }
        };
        if msg.is_empty() {
            format!("{prefix}{name}\n")
        } else {
            format!("{prefix}{name}: {msg}\n")
        }
    }

    fn syntax_error_lines(&mut self, e: Value) -> String {
        let get = |vm: &mut Vm, n: &str| -> Value {
            let nm = match vm.intern(n) {
                Ok(v) => v,
                Err(_) => return Value::NULL,
            };
            match vm.getattr_opt(e, nm) {
                Ok(Some(v)) => v,
                _ => {
                    vm.exc = Value::NULL;
                    Value::NULL
                }
            }
        };
        let file = get(self, "filename");
        let line = get(self, "lineno");
        let text = get(self, "text");
        let off = get(self, "offset");
        let end_off = get(self, "end_offset");
        let mut s = String::new();
        if file.is_ptr() && kind_of(file) == Kind::Str && line.is_small_int() {
            s.push_str(&format!(
                "  File \"{}\", line {}\n",
                str_val(file),
                line.as_small()
            ));
        }
        if text.is_ptr() && kind_of(text) == Kind::Str {
            let raw = str_val(text);
            let t = raw.trim_end_matches(['\n', '\r']);
            let stripped = t.trim_start();
            let lead = t.chars().count() - stripped.chars().count();
            s.push_str(&format!("    {stripped}\n"));
            if off.is_small_int() && off.as_small() >= 1 {
                let o = (off.as_small() as usize)
                    .saturating_sub(1)
                    .saturating_sub(lead);
                let mut width = 1;
                if end_off.is_small_int() && end_off.as_small() > off.as_small() {
                    width = (end_off.as_small() - off.as_small()) as usize;
                }
                let avail = stripped.chars().count().saturating_sub(o).max(1);
                width = width.min(avail).max(1);
                s.push_str(&format!("    {}{}\n", " ".repeat(o), "^".repeat(width)));
            }
        }
        s
    }
}

fn flush_repeat(out: &mut String, repeat: usize) {
    if repeat >= 3 {
        let n = repeat - 2;
        out.push_str(&format!(
            "  [Previous line repeated {} more time{}]\n",
            n,
            if n == 1 { "" } else { "s" }
        ));
    }
}
