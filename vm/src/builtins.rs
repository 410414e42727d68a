//! The `builtins` module: functions and the names of the built-in types.
//!
//! What must hold: argument errors use CPython's messages; output to the original
//! stdout goes to the process's buffered stdout (flushed at exit by the CLI and before
//! anything is written to stderr). `print` and `input` live in `builtins_more/output.rs`.

use crate::interp::call::{Args, NativeFn};
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::typeobj::{is_type, isinstance, type_name, type_of};
use crate::value::Value;
use std::io::Write;

/// Process stdout buffer (flushed at exit and when writing to stderr).
pub fn stdout() -> &'static parking_lot::Mutex<std::io::BufWriter<std::io::Stdout>> {
    static S: std::sync::OnceLock<parking_lot::Mutex<std::io::BufWriter<std::io::Stdout>>> =
        std::sync::OnceLock::new();
    S.get_or_init(|| {
        parking_lot::Mutex::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout(),
        ))
    })
}

pub fn flush_stdout() {
    let _ = stdout().lock().flush();
}

impl Vm {
    pub fn write_stdout(&mut self, s: &str) -> PyResult<()> {
        let mut o = stdout().lock();
        if o.write_all(s.as_bytes()).is_err() {
            drop(o);
            return Err(self.raise_msg(ExcKind::OSError, "write to stdout failed"));
        }
        Ok(())
    }

    pub fn write_stderr(&mut self, s: &str) {
        flush_stdout();
        let _ = std::io::stderr().write_all(s.as_bytes());
    }
}

fn b_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    one_arg(vm, a, "len")?;
    let n = vm.len(a.get(0))?;
    vm.new_int(n as i64)
}

fn b_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    one_arg(vm, a, "repr")?;
    vm.repr(a.get(0))
}

fn b_ascii(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    one_arg(vm, a, "ascii")?;
    vm.ascii(a.get(0))
}

fn b_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    one_arg(vm, a, "hash")?;
    let h = vm.hash(a.get(0))?;
    vm.new_int(h)
}

fn b_id(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    one_arg(vm, a, "id")?;
    let id = crate::types::object::object_id(a.get(0));
    vm.new_int(id as i64)
}

fn b_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = a.get(0);
    let typ = type_of(it);
    if crate::types::slots::find_slot(typ, |o| o.next).is_none()
        && vm.lookup(typ, g().names.__next__).is_null()
    {
        let msg = format!("'{}' object is not an iterator", type_name(typ));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => match a.opt(1) {
            Some(d) => Ok(d),
            None => {
                let v = std::mem::replace(&mut vm.last_stop_value, Value::NULL);
                Err(vm.raise_stop_iteration(v))
            }
        },
    }
}

fn b_isinstance(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    two_args(vm, a, "isinstance")?;
    let r = vm.isinstance_full(a.get(0), a.get(1))?;
    Ok(vm.bool_val(r))
}

fn b_issubclass(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    two_args(vm, a, "issubclass")?;
    let r = vm.issubclass_full(a.get(0), a.get(1))?;
    Ok(vm.bool_val(r))
}

fn b_getattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() < 2 || a.len() > 3 {
        let msg = format!("getattr expected at least 2 arguments, got {}", a.len());
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let name = a.get(1);
    if !crate::types::str::is_str(name) {
        let msg = format!(
            "attribute name must be string, not '{}'",
            type_name(type_of(name))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let name = vm.intern_value(name)?;
    match a.opt(2) {
        None => vm.getattr(a.get(0), name),
        Some(d) => match vm.getattr_opt(a.get(0), name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                vm.exc = Value::NULL;
                Ok(d)
            }
            Err(e) => {
                if vm.exc_is(ExcKind::AttributeError) {
                    vm.exc = Value::NULL;
                    Ok(d)
                } else {
                    Err(e)
                }
            }
        },
    }
}

fn b_setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = vm.attr_name_arg(a.get(1))?;
    vm.setattr(a.get(0), name, a.get(2))?;
    Ok(g().none)
}

fn b_delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = vm.intern_value(a.get(1))?;
    vm.setattr(a.get(0), name, Value::NULL)?;
    Ok(g().none)
}

fn b_hasattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    two_args(vm, a, "hasattr")?;
    let name = vm.intern_value(a.get(1))?;
    match vm.getattr_opt(a.get(0), name) {
        Ok(Some(_)) => Ok(g().true_),
        Ok(None) => {
            vm.exc = Value::NULL;
            Ok(g().false_)
        }
        Err(e) => {
            if vm.exc_is(ExcKind::AttributeError) {
                vm.exc = Value::NULL;
                Ok(g().false_)
            } else {
                Err(e)
            }
        }
    }
}

fn b_callable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    one_arg(vm, a, "callable")?;
    let v = a.get(0);
    let r = v.is_ptr()
        && (matches!(
            kind_of(v),
            Kind::Function | Kind::Native | Kind::BoundMethod | Kind::Type
        ) || !vm.lookup(type_of(v), g().names.__call__).is_null());
    Ok(vm.bool_val(r))
}

fn b_abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    one_arg(vm, a, "abs")?;
    vm.unary_op(a.get(0), crate::types::slots::Unary::Abs)
}

fn b_build_class(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::types::usertype::build_class(vm, a)
}

fn b_globals(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm.frame().globals)
}

fn b_locals(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let f = vm.frame();
    if f.locals.is_ptr() {
        return Ok(f.locals);
    }
    if f.info().unit.flags & crate::spec::co::OPTIMIZED == 0 {
        return Ok(f.globals);
    }
    let info = f.info();
    let base = f.base;
    let n = info.nlocalsplus();
    let names = info.localsplus_names.clone();
    let nv = info.unit.varnames.len();
    let d = vm.new_dict()?;
    for (i, name) in names.iter().enumerate().take(n) {
        let mut v = vm.at(base + i);
        if i >= nv && v.is_ptr() && kind_of(v) == Kind::Cell {
            // SAFETY: kind checked.
            v = unsafe { obj::<CellObj>(v) }.value.get();
        }
        if !v.is_null() {
            vm.dict_set(d, *name, v)?;
        }
    }
    Ok(d)
}

/// TypeError unless `a` is empty: CPython's message for a function that takes no
/// arguments (`name` as CPython spells it, e.g. `_thread.get_ident`).
pub fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if !a.is_empty() || a.nkw() != 0 {
        let msg = format!("{name}() takes no arguments ({} given)", a.len() + a.nkw());
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

pub fn one_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.len() != 1 || a.nkw() != 0 {
        let msg = if a.nkw() != 0 {
            format!("{name}() takes no keyword arguments")
        } else {
            format!("{}() takes exactly one argument ({} given)", name, a.len())
        };
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

pub fn two_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.len() != 2 || a.nkw() != 0 {
        let msg = format!("{} expected 2 arguments, got {}", name, a.len());
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

impl Vm {
    /// `isinstance(o, cls)` with tuples and `__instancecheck__`.
    pub fn isinstance_full(&mut self, o: Value, cls: Value) -> PyResult<bool> {
        if is_type(cls) && type_of(cls) == ty(T::Type) {
            return Ok(isinstance(o, cls));
        }
        if cls.is_ptr() && kind_of(cls) == Kind::Tuple {
            for c in crate::types::tuple::items(cls) {
                if self.isinstance_full(o, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let ic = self.lookup(type_of(cls), g().names.__instancecheck__);
        if !ic.is_null() {
            let r = self.call_bound(ic, cls, o)?;
            return self.truthy(r);
        }
        if !is_type(cls) {
            return Err(self.raise_msg(
                ExcKind::TypeError,
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            ));
        }
        Ok(isinstance(o, cls))
    }

    pub fn issubclass_full(&mut self, c: Value, cls: Value) -> PyResult<bool> {
        if cls.is_ptr() && kind_of(cls) == Kind::Tuple {
            for x in crate::types::tuple::items(cls) {
                if self.issubclass_full(c, x)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if is_type(cls) && type_of(cls) != ty(T::Type) {
            let sc = self.lookup(type_of(cls), g().names.__subclasscheck__);
            if !sc.is_null() {
                let r = self.call_bound(sc, cls, c)?;
                return self.truthy(r);
            }
        }
        if !is_type(c) {
            return Err(self.raise_msg(ExcKind::TypeError, "issubclass() arg 1 must be a class"));
        }
        if !is_type(cls) {
            return Err(self.raise_msg(
                ExcKind::TypeError,
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            ));
        }
        Ok(crate::types::typeobj::is_subtype(c, cls))
    }

    /// Adds a native function to a module dict.
    pub fn def_module_fns(&mut self, dict: Value, fns: &[(&str, NativeFn)]) -> PyResult<()> {
        for (name, f) in fns {
            let nm = self.intern(name)?;
            let n = self.new_native(nm, *f, Value::NULL, Value::NULL, false)?;
            self.dict_set(dict, nm, n)?;
        }
        Ok(())
    }
}

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let d = g().builtins_dict;
    vm.def_module_fns(
        d,
        &[
            ("len", b_len),
            ("repr", b_repr),
            ("ascii", b_ascii),
            ("hash", b_hash),
            ("id", b_id),
            ("next", b_next),
            ("isinstance", b_isinstance),
            ("issubclass", b_issubclass),
            ("getattr", b_getattr),
            ("setattr", b_setattr),
            ("delattr", b_delattr),
            ("hasattr", b_hasattr),
            ("callable", b_callable),
            ("abs", b_abs),
            ("__build_class__", b_build_class),
            ("globals", b_globals),
            ("locals", b_locals),
        ],
    )?;
    crate::builtins_more::init(vm, d)?;
    for (name, t) in [
        ("object", T::Object),
        ("type", T::Type),
        ("int", T::Int),
        ("bool", T::Bool),
        ("float", T::Float),
        ("complex", T::Complex),
        ("str", T::Str),
        ("bytes", T::Bytes),
        ("bytearray", T::ByteArray),
        ("tuple", T::Tuple),
        ("list", T::List),
        ("dict", T::Dict),
        ("set", T::Set),
        ("frozenset", T::FrozenSet),
        ("range", T::Range),
        ("slice", T::Slice),
        ("property", T::Property),
        ("classmethod", T::ClassMethod),
        ("staticmethod", T::StaticMethod),
        ("super", T::Super),
        ("enumerate", T::Enumerate),
        ("zip", T::Zip),
        ("map", T::Map),
        ("filter", T::Filter),
        ("reversed", T::Reversed),
    ] {
        let nm = vm.intern(name)?;
        vm.dict_set(d, nm, ty(t))?;
    }
    for &k in crate::runtime::ExcKind::ALL {
        let nm = vm.intern(k.name())?;
        vm.dict_set(d, nm, g().exc_types[k as usize])?;
    }
    let nm = vm.intern("EnvironmentError")?;
    vm.dict_set(d, nm, g().exc_types[ExcKind::OSError as usize])?;
    let nm = vm.intern("IOError")?;
    vm.dict_set(d, nm, g().exc_types[ExcKind::OSError as usize])?;
    for (name, v) in [
        ("None", g().none),
        ("True", g().true_),
        ("False", g().false_),
        ("NotImplemented", g().not_implemented),
        ("Ellipsis", g().ellipsis),
        ("__debug__", g().true_),
    ] {
        let nm = vm.intern(name)?;
        vm.dict_set(d, nm, v)?;
    }
    let n = vm.new_str("builtins")?;
    vm.dict_set(d, g().names.__name__, n)?;
    Ok(())
}
