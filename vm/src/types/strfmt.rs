//! `str % args`, `bytes % args`, `str.format` and `str.format_map`: the VM's side of
//! `text::percent` and `text::format`.
//!
//! The engines in `crate::text` parse the templates and lay out the results; they reach
//! objects only through the `PercentArgs`/`FormatFields` traits implemented here, which
//! call back into the VM (`__str__`, `__repr__`, `__index__`, `__float__`, `__bytes__`,
//! `__getitem__`, `getattr`, `__format__`). An engine error is either a `TextError` to
//! raise or an exception the VM already raised (`FmtError`).
//!
//! What must hold: errors carry CPython's exception types and messages, and surface in
//! CPython's order relative to the callbacks.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Raised, Vm};
use crate::obj::alloc::{float_val, str_val};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::text::error::TextError;
use crate::text::format::{self as tf, Conversion, FormatFields};
use crate::text::percent::{self as tp, CharArg, IntWant, PercentArgs, PercentKey};
use crate::types::int::{is_int, to_bigint};
use crate::types::str::is_str;
use crate::types::str::support::{buffer, raise_text};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use num_bigint::BigInt;

/// An engine error: a text error still to raise, or an exception already raised.
pub enum FmtError {
    Text(TextError),
    Raised,
}

impl From<TextError> for FmtError {
    fn from(e: TextError) -> Self {
        FmtError::Text(e)
    }
}

impl From<Raised> for FmtError {
    fn from(_: Raised) -> Self {
        FmtError::Raised
    }
}

fn finish<T>(vm: &mut Vm, r: Result<T, FmtError>) -> PyResult<T> {
    match r {
        Ok(v) => Ok(v),
        Err(FmtError::Text(e)) => Err(raise_text(vm, e)),
        Err(FmtError::Raised) => Err(Raised),
    }
}

/// The right operand of `%`, seen by the engine.
struct VmPercent<'v> {
    vm: &'v mut Vm,
    args: Value,
    tuple_len: Option<usize>,
    mapping: bool,
}

impl<'v> VmPercent<'v> {
    fn new(vm: &'v mut Vm, args: Value, bytes: bool) -> Self {
        let is_tuple = args.is_ptr() && kind_of(args) == Kind::Tuple;
        let excluded = is_tuple
            || is_str(args)
            || (bytes && args.is_ptr() && matches!(kind_of(args), Kind::Bytes | Kind::ByteArray));
        let mapping = !excluded && !vm.lookup(type_of(args), g().names.__getitem__).is_null();
        VmPercent {
            vm,
            args,
            tuple_len: is_tuple.then(|| tuple_slots(args).len()),
            mapping,
        }
    }

    /// PyNumber_Check: an int, float or complex, or a type with a numeric conversion.
    fn is_number(&mut self, v: Value) -> bool {
        if is_int(v) || (v.is_ptr() && matches!(kind_of(v), Kind::Float | Kind::Complex)) {
            return true;
        }
        let t = type_of(v);
        let names = &g().names;
        [names.__index__, names.__int__, names.__float__]
            .iter()
            .any(|&n| !self.vm.lookup(t, n).is_null())
    }

    /// Runs `f`; a TypeError it raises becomes `Ok(None)`.
    fn type_error_is_none<T>(&mut self, r: PyResult<T>) -> Result<Option<T>, FmtError> {
        match r {
            Ok(v) => Ok(Some(v)),
            Err(_) if self.vm.exc_is(ExcKind::TypeError) => {
                self.vm.exc = Value::NULL;
                Ok(None)
            }
            Err(_) => Err(FmtError::Raised),
        }
    }
}

impl PercentArgs for VmPercent<'_> {
    type Value = Value;
    type Error = FmtError;

    fn tuple_len(&self) -> Option<usize> {
        self.tuple_len
    }

    fn tuple_item(&mut self, i: usize) -> Value {
        tuple_slots(self.args).get(i).map_or(g().none, |s| s.get())
    }

    fn whole(&mut self) -> Value {
        self.args
    }

    fn is_mapping(&self) -> bool {
        self.mapping
    }

    fn get_item(&mut self, key: PercentKey<'_>) -> Result<Value, FmtError> {
        let k = match key {
            PercentKey::Str(s) => self.vm.new_str(s)?,
            PercentKey::Bytes(b) => self.vm.new_bytes(b)?,
        };
        Ok(self.vm.getitem(self.args, k)?)
    }

    fn type_name(&mut self, v: &Value) -> String {
        type_name(type_of(*v)).to_string()
    }

    fn str_of(&mut self, v: &Value) -> Result<String, FmtError> {
        Ok(self.vm.str_string(*v)?)
    }

    fn repr_of(&mut self, v: &Value) -> Result<String, FmtError> {
        Ok(self.vm.repr_string(*v)?)
    }

    fn ascii_of(&mut self, v: &Value) -> Result<String, FmtError> {
        let r = self.vm.ascii(*v)?;
        Ok(str_val(r).to_string())
    }

    fn bytes_of(&mut self, v: &Value) -> Result<Option<Vec<u8>>, FmtError> {
        if let Some(b) = buffer(*v) {
            return Ok(Some(b.to_vec()));
        }
        let Some(r) = self.vm.call_special(*v, g().names.__bytes__, &[])? else {
            return Ok(None);
        };
        if !(r.is_ptr() && kind_of(r) == Kind::Bytes) {
            let msg = format!(
                "__bytes__ returned non-bytes (type {})",
                type_name(type_of(r))
            );
            return Err(self.vm.raise_msg(ExcKind::TypeError, &msg).into());
        }
        Ok(Some(bytes_data(r).to_vec()))
    }

    fn int_of(&mut self, v: &Value, want: IntWant) -> Result<Option<BigInt>, FmtError> {
        let v = *v;
        if is_int(v) {
            return Ok(Some(to_bigint(v)));
        }
        if want == IntWant::Exact || !self.is_number(v) {
            return Ok(None);
        }
        let r = if want == IntWant::Index {
            self.vm.index(v)
        } else {
            crate::types::int::int_from_obj(self.vm, v)
        };
        Ok(self.type_error_is_none(r)?.map(to_bigint))
    }

    fn float_of(&mut self, v: &Value) -> Result<Option<f64>, FmtError> {
        let v = *v;
        if v.is_ptr() && kind_of(v) == Kind::Float {
            return Ok(Some(float_val(v)));
        }
        let t = type_of(v);
        let names = &g().names;
        let convertible = is_int(v)
            || !self.vm.lookup(t, names.__float__).is_null()
            || !self.vm.lookup(t, names.__index__).is_null();
        if !convertible {
            return Ok(None);
        }
        Ok(Some(self.vm.as_f64(v)?))
    }

    fn char_of(&mut self, v: &Value) -> Result<CharArg, FmtError> {
        let v = *v;
        if is_str(v) {
            return Ok(CharArg::Str(str_val(v).to_string()));
        }
        if let Some(b) = buffer(v) {
            return Ok(CharArg::Bytes(b.to_vec()));
        }
        if is_int(v) || !self.vm.lookup(type_of(v), g().names.__index__).is_null() {
            let i = self.vm.index(v);
            return Ok(match self.type_error_is_none(i)? {
                Some(i) => CharArg::Int(to_bigint(i)),
                None => CharArg::Other,
            });
        }
        Ok(CharArg::Other)
    }
}

/// `fmt % args` for a str `fmt`.
pub fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let mut pa = VmPercent::new(vm, args, false);
    let r = tp::format_str(str_val(fmt), &mut pa);
    let s = finish(vm, r)?;
    vm.new_str(&s)
}

/// `fmt % args` for bytes-like `fmt`.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: Value) -> PyResult<Vec<u8>> {
    let mut pa = VmPercent::new(vm, args, true);
    let r = tp::format_bytes(fmt, &mut pa);
    finish(vm, r)
}

/// The arguments of one `format`/`format_map` call, seen by the template renderer.
struct VmFields<'v> {
    vm: &'v mut Vm,
    positional: Vec<Value>,
    keywords: Vec<(Value, Value)>,
    /// `format_map`'s mapping.
    mapping: Option<Value>,
}

impl FormatFields for VmFields<'_> {
    type Value = Value;
    type Error = FmtError;

    fn positional(&mut self, i: usize) -> Result<Value, FmtError> {
        if self.mapping.is_some() {
            return Err(tf::positional_in_format_map().into());
        }
        match self.positional.get(i) {
            Some(v) => Ok(*v),
            None => Err(tf::index_error(i).into()),
        }
    }

    fn keyword(&mut self, name: &str) -> Result<Value, FmtError> {
        if let Some(m) = self.mapping {
            let k = self.vm.new_str(name)?;
            return Ok(self.vm.getitem(m, k)?);
        }
        if let Some((_, v)) = self.keywords.iter().find(|(k, _)| str_val(*k) == name) {
            return Ok(*v);
        }
        let k = self.vm.new_str(name)?;
        Err(self.vm.key_error(k).into())
    }

    fn getattr(&mut self, v: Value, name: &str) -> Result<Value, FmtError> {
        let n = self.vm.intern(name)?;
        Ok(self.vm.getattr(v, n)?)
    }

    fn getitem_index(&mut self, v: Value, i: usize) -> Result<Value, FmtError> {
        let k = self.vm.new_int(i as i64)?;
        Ok(self.vm.getitem(v, k)?)
    }

    fn getitem_str(&mut self, v: Value, key: &str) -> Result<Value, FmtError> {
        let k = self.vm.new_str(key)?;
        Ok(self.vm.getitem(v, k)?)
    }

    fn convert(&mut self, v: Value, c: Conversion) -> Result<Value, FmtError> {
        Ok(match c {
            Conversion::Str => self.vm.str_of(v)?,
            Conversion::Repr => self.vm.repr(v)?,
            Conversion::Ascii => self.vm.ascii(v)?,
        })
    }

    fn format(&mut self, v: Value, spec: &str) -> Result<String, FmtError> {
        if spec.is_empty() && type_of(v) == ty(T::Str) {
            return Ok(str_val(v).to_string());
        }
        let sp = self.vm.new_str(spec)?;
        let r = self.vm.format(v, sp)?;
        Ok(str_val(r).to_string())
    }
}

fn m_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let template = a.get(0);
    let positional: Vec<Value> = (1..a.len()).map(|i| a.get(i)).collect();
    let keywords = a.kwargs();
    let f = VmFields {
        vm,
        positional,
        keywords,
        mapping: None,
    };
    render_owned(template, f)
}

/// Renders `template`; `f` holds the VM for the callbacks and for the result.
fn render_owned(template: Value, mut f: VmFields<'_>) -> PyResult<Value> {
    let r = tf::render(str_val(template), &mut f);
    let s = finish(f.vm, r)?;
    f.vm.new_str(&s)
}

fn m_format_map(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    static SIG: crate::types::str::support::Sig = crate::types::str::support::Sig {
        owner: "str",
        name: "format_map",
        min: 1,
        max: 1,
        style: crate::types::str::support::Style::One,
        kw: &[],
    };
    crate::types::str::support::parse(vm, a, &SIG)?;
    let f = VmFields {
        vm,
        positional: Vec::new(),
        keywords: Vec::new(),
        mapping: Some(a.get(1)),
    };
    render_owned(a.get(0), f)
}

pub fn init(vm: &mut Vm, t: Value) -> PyResult<()> {
    vm.def_methods(t, &[("format", m_format), ("format_map", m_format_map)])
}
