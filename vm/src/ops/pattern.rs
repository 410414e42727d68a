//! Structural pattern matching support (`MATCH_*` instructions), as CPython 3.11.
//!
//! What must hold: class patterns use `__match_args__` for positional sub-patterns,
//! except for the built-in types that match their subject itself; a missing attribute
//! or key makes the pattern fail (None), never raises.

use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::typeobj::{is_type, isinstance, type_name};
use crate::value::Value;

impl Vm {
    pub fn is_mapping_for_match(&mut self, v: Value) -> bool {
        isinstance(v, ty(T::Dict))
            || isinstance(v, ty(T::MappingProxy))
            || self.has_abc_flag(v, "_hotpy_mapping")
    }

    pub fn is_sequence_for_match(&mut self, v: Value) -> bool {
        if isinstance(v, ty(T::Str))
            || isinstance(v, ty(T::Bytes))
            || isinstance(v, ty(T::ByteArray))
        {
            return false;
        }
        isinstance(v, ty(T::List))
            || isinstance(v, ty(T::Tuple))
            || isinstance(v, ty(T::Range))
            || isinstance(v, ty(T::Deque))
            || self.has_abc_flag(v, "_hotpy_sequence")
    }

    fn has_abc_flag(&mut self, v: Value, flag: &str) -> bool {
        let nm = match self.intern(flag) {
            Ok(n) => n,
            Err(_) => return false,
        };
        let typ = crate::types::typeobj::type_of(v);
        !self.lookup(typ, nm).is_null()
    }

    /// MATCH_KEYS: `[subject, keys] -> [subject, keys, values_or_None]`.
    pub fn match_keys(&mut self) -> PyResult<Value> {
        let keys = self.peek(0);
        let subject = self.peek(1);
        let ks: Vec<Value> = tuple_slots(keys).iter().map(|s| s.get()).collect();
        if ks.is_empty() {
            return Ok(g().empty_tuple);
        }
        let mut vals = Vec::with_capacity(ks.len());
        let get = self.intern("get")?;
        let getf = self.getattr(subject, get)?;
        let dummy = g().dummy;
        for (i, k) in ks.iter().enumerate() {
            if ks[..i].iter().any(|p| p == k) {
                let r = self.repr_string(*k)?;
                let msg = format!("mapping pattern checks duplicate key ({r})");
                return Err(self.raise_msg(ExcKind::ValueError, &msg));
            }
            let v = self.call(getf, &[*k, dummy])?;
            if v == dummy {
                return Ok(g().none);
            }
            vals.push(v);
        }
        self.new_tuple(&vals)
    }

    /// MATCH_CLASS(n): `[subject, cls, names] -> attrs tuple or None`.
    pub fn match_class(&mut self, npos: usize) -> PyResult<Value> {
        let names = self.peek(0);
        let cls = self.peek(1);
        let subject = self.peek(2);
        if !is_type(cls) {
            return Err(self.raise_msg(ExcKind::TypeError, "called match pattern must be a class"));
        }
        if !isinstance(subject, cls) {
            return Ok(g().none);
        }
        let mut out = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        if npos > 0 {
            let self_match = [
                T::Bool,
                T::ByteArray,
                T::Bytes,
                T::Dict,
                T::Float,
                T::FrozenSet,
                T::Int,
                T::List,
                T::Set,
                T::Str,
                T::Tuple,
            ]
            .iter()
            .any(|t| crate::types::typeobj::is_subtype(cls, ty(*t)) && !self.has_match_args(cls));
            if self_match {
                if npos > 1 {
                    let msg = format!(
                        "{}() accepts 1 positional sub-pattern ({} given)",
                        type_name(cls),
                        npos
                    );
                    return Err(self.raise_msg(ExcKind::TypeError, &msg));
                }
                out.push(subject);
            } else {
                let ma = g().names.__match_args__;
                let margs = self.getattr_opt(cls, ma)?;
                let margs = match margs {
                    Some(m) => {
                        if !(m.is_ptr() && kind_of(m) == Kind::Tuple) {
                            let msg = format!(
                                "{}.__match_args__ must be a tuple (got {})",
                                type_name(cls),
                                type_name(crate::types::typeobj::type_of(m))
                            );
                            return Err(self.raise_msg(ExcKind::TypeError, &msg));
                        }
                        tuple_slots(m).iter().map(|s| s.get()).collect::<Vec<_>>()
                    }
                    None => Vec::new(),
                };
                if npos > margs.len() {
                    let msg = format!(
                        "{}() accepts {} positional sub-pattern{} ({} given)",
                        type_name(cls),
                        margs.len(),
                        if margs.len() == 1 { "" } else { "s" },
                        npos
                    );
                    return Err(self.raise_msg(ExcKind::TypeError, &msg));
                }
                for name in margs.iter().take(npos) {
                    if !(name.is_ptr() && kind_of(*name) == Kind::Str) {
                        let msg = format!(
                            "__match_args__ elements must be strings (got {})",
                            type_name(crate::types::typeobj::type_of(*name))
                        );
                        return Err(self.raise_msg(ExcKind::TypeError, &msg));
                    }
                    seen.push(str_val(*name).to_string());
                    let n = self.intern_value(*name)?;
                    match self.getattr_opt(subject, n)? {
                        Some(v) => out.push(v),
                        None => {
                            self.exc = Value::NULL;
                            return Ok(g().none);
                        }
                    }
                }
            }
        }
        let kw: Vec<Value> = tuple_slots(names).iter().map(|s| s.get()).collect();
        for name in kw {
            let s = str_val(name).to_string();
            if seen.contains(&s) {
                let msg = format!(
                    "{}() got multiple sub-patterns for attribute '{}'",
                    type_name(cls),
                    s
                );
                return Err(self.raise_msg(ExcKind::TypeError, &msg));
            }
            seen.push(s);
            match self.getattr_opt(subject, name)? {
                Some(v) => out.push(v),
                None => {
                    self.exc = Value::NULL;
                    return Ok(g().none);
                }
            }
        }
        self.new_tuple(&out)
    }

    fn has_match_args(&mut self, cls: Value) -> bool {
        let ma = g().names.__match_args__;
        crate::types::typeobj::mro(cls).iter().any(|s| {
            let b = s.get();
            crate::types::typeobj::type_flags(b) & crate::types::typeobj::TF_HEAPTYPE != 0
                && crate::types::typeobj::lookup_uncached_own(b, ma).is_some()
        })
    }
}
