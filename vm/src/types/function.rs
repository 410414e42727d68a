//! Function-like objects: Python functions, bound methods, built-in functions and method
//! descriptors, cells and code objects: their attributes and `repr`.
//!
//! What must hold: functions are non-data descriptors (binding is done in `ops::attr`);
//! a bound method compares equal to another when both the function and `__self__` match.

use crate::interp::call::{func, Args};
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::CmpOp;
use crate::types::slots::TypeOps;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

fn or_none(v: Value) -> Value {
    if v.is_null() {
        g().none
    } else {
        v
    }
}

fn func_repr(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let s = format!(
        "<function {} at {:#x}>",
        str_val(func(f).qualname.get()),
        crate::types::object::object_id(f)
    );
    vm.new_str(&s)
}

macro_rules! fgetter {
    ($name:ident, $field:ident) => {
        fn $name(_vm: &mut Vm, f: Value) -> PyResult<Value> {
            Ok(or_none(func(f).$field.get()))
        }
    };
}
fgetter!(f_name, name);
fgetter!(f_qualname, qualname);
fgetter!(f_doc, doc);
fgetter!(f_globals, globals);
fgetter!(f_defaults, defaults);
fgetter!(f_kwdefaults, kwdefaults);
fgetter!(f_closure, closure);
fgetter!(f_module, module);
fgetter!(f_code, code);

fn f_set_name(vm: &mut Vm, f: Value, v: Value) -> PyResult<()> {
    if !crate::types::str::is_str(v) {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "__name__ must be set to a string object",
        ));
    }
    func(f).name.set(v);
    Ok(())
}

fn f_set_qualname(vm: &mut Vm, f: Value, v: Value) -> PyResult<()> {
    if !crate::types::str::is_str(v) {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "__qualname__ must be set to a string object",
        ));
    }
    func(f).qualname.set(v);
    Ok(())
}

fn f_set_doc(_vm: &mut Vm, f: Value, v: Value) -> PyResult<()> {
    func(f).doc.set(if v.is_null() { g().none } else { v });
    Ok(())
}

fn f_set_module(_vm: &mut Vm, f: Value, v: Value) -> PyResult<()> {
    func(f).module.set(v);
    Ok(())
}

fn f_set_defaults(_vm: &mut Vm, f: Value, v: Value) -> PyResult<()> {
    func(f)
        .defaults
        .set(if v == g().none { Value::NULL } else { v });
    Ok(())
}

fn f_set_kwdefaults(_vm: &mut Vm, f: Value, v: Value) -> PyResult<()> {
    func(f)
        .kwdefaults
        .set(if v == g().none { Value::NULL } else { v });
    Ok(())
}

fn f_annotations(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let a = func(f).annotations.get();
    if a.is_ptr() {
        return Ok(a);
    }
    let d = vm.new_dict()?;
    func(f).annotations.set(d);
    Ok(d)
}

fn f_set_annotations(_vm: &mut Vm, f: Value, v: Value) -> PyResult<()> {
    func(f).annotations.set(v);
    Ok(())
}

fn f_dict(vm: &mut Vm, f: Value) -> PyResult<Value> {
    Ok(vm.dict_of(f))
}

fn func_get(vm: &mut Vm, f: Value, o: Value, _t: Value) -> PyResult<Value> {
    if o.is_null() {
        return Ok(f);
    }
    vm.new_bound_method(f, o)
}

fn bm(v: Value) -> &'static BoundMethodObj {
    // SAFETY: callers pass bound methods.
    unsafe { obj::<BoundMethodObj>(v) }
}

fn method_repr(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let f = bm(m).func.get();
    let r = bm(m).receiver.get();
    let name = callable_qualname(f);
    let rr = vm.repr_string(r)?;
    let s = if f.is_ptr() && kind_of(f) == Kind::Native {
        format!(
            "<built-in method {} of {} object at {:#x}>",
            short_name(f),
            type_name(type_of(r)),
            crate::types::object::object_id(r)
        )
    } else {
        format!("<bound method {} of {}>", name, rr)
    };
    vm.new_str(&s)
}

fn short_name(f: Value) -> String {
    // SAFETY: kind checked by callers.
    str_val(unsafe { obj::<NativeObj>(f) }.name.get()).to_string()
}

fn callable_qualname(f: Value) -> String {
    if f.is_ptr() {
        match kind_of(f) {
            Kind::Function => return str_val(func(f).qualname.get()).to_string(),
            Kind::Native => {
                // SAFETY: kind checked.
                let n = unsafe { obj::<NativeObj>(f) };
                let owner = n.owner.get();
                if owner.is_ptr() {
                    return format!("{}.{}", type_name(owner), str_val(n.name.get()));
                }
                return str_val(n.name.get()).to_string();
            }
            _ => {}
        }
    }
    "?".to_string()
}

fn method_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !(matches!(op, CmpOp::Eq | CmpOp::Ne) && b.is_ptr() && kind_of(b) == Kind::BoundMethod) {
        return Ok(g().not_implemented);
    }
    let eq = bm(a).func.get() == bm(b).func.get() && bm(a).receiver.get() == bm(b).receiver.get();
    Ok(vm.bool_val(eq == (op == CmpOp::Eq)))
}

fn method_hash(vm: &mut Vm, m: Value) -> PyResult<i64> {
    let a = crate::types::object::object_id(bm(m).func.get()) as i64;
    let b = vm.hash(bm(m).receiver.get()).unwrap_or(0);
    Ok(a ^ b)
}

fn m_self(_vm: &mut Vm, m: Value) -> PyResult<Value> {
    Ok(bm(m).receiver.get())
}

fn m_func(_vm: &mut Vm, m: Value) -> PyResult<Value> {
    Ok(bm(m).func.get())
}

fn m_name(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let f = bm(m).func.get();
    vm.getattr(f, g().names.__name__)
}

fn m_qualname(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let f = bm(m).func.get();
    vm.getattr(f, g().names.__qualname__)
}

fn m_doc(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let f = bm(m).func.get();
    vm.getattr(f, g().names.__doc__)
}

fn m_getattr_fallback(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // method.__getattribute__: own attributes first, then the function's.
    let m = a.get(0);
    let name = vm.intern_value(a.get(1))?;
    if let Some(v) = vm.generic_getattr(m, name, type_of(m))? {
        return Ok(v);
    }
    let f = bm(m).func.get();
    vm.getattr(f, name)
}

fn native_repr(vm: &mut Vm, f: Value) -> PyResult<Value> {
    // SAFETY: kind Native.
    let n = unsafe { obj::<NativeObj>(f) };
    let owner = n.owner.get();
    let s = if owner.is_ptr() {
        format!(
            "<method '{}' of '{}' objects>",
            str_val(n.name.get()),
            type_name(owner)
        )
    } else if n.bound.get().is_ptr() {
        let b = n.bound.get();
        format!(
            "<built-in method {} of {} object at {:#x}>",
            str_val(n.name.get()),
            type_name(type_of(b)),
            crate::types::object::object_id(b)
        )
    } else {
        format!("<built-in function {}>", str_val(n.name.get()))
    };
    vm.new_str(&s)
}

fn native_name(_vm: &mut Vm, f: Value) -> PyResult<Value> {
    // SAFETY: kind Native.
    Ok(unsafe { obj::<NativeObj>(f) }.name.get())
}

fn native_qualname(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let s = callable_qualname(f);
    vm.new_str(&s)
}

fn native_self(_vm: &mut Vm, f: Value) -> PyResult<Value> {
    // SAFETY: kind Native.
    let n = unsafe { obj::<NativeObj>(f) };
    Ok(or_none(n.bound.get()))
}

fn native_objclass(_vm: &mut Vm, f: Value) -> PyResult<Value> {
    // SAFETY: kind Native.
    Ok(or_none(unsafe { obj::<NativeObj>(f) }.owner.get()))
}

fn native_doc(_vm: &mut Vm, f: Value) -> PyResult<Value> {
    // SAFETY: kind Native.
    Ok(or_none(unsafe { obj::<NativeObj>(f) }.doc.get()))
}

fn native_module(vm: &mut Vm, _f: Value) -> PyResult<Value> {
    vm.new_str("builtins")
}

fn native_get(vm: &mut Vm, f: Value, o: Value, _t: Value) -> PyResult<Value> {
    // SAFETY: kind Native.
    let owner = unsafe { obj::<NativeObj>(f) }.owner.get();
    if o.is_null() || owner.is_null() {
        return Ok(f);
    }
    vm.new_bound_method(f, o)
}

fn cell_contents(vm: &mut Vm, c: Value) -> PyResult<Value> {
    // SAFETY: kind Cell.
    let v = unsafe { obj::<CellObj>(c) }.value.get();
    if v.is_null() {
        return Err(vm.raise_msg(ExcKind::ValueError, "Cell is empty"));
    }
    Ok(v)
}

fn code_info(c: Value) -> &'static crate::compiler::code::CodeInfo {
    // SAFETY: kind Code; CodeInfo lives as long as its code object.
    unsafe { &*obj::<CodeObj>(c).info }
}

fn code_name(_vm: &mut Vm, c: Value) -> PyResult<Value> {
    Ok(code_info(c).name)
}

fn code_filename(_vm: &mut Vm, c: Value) -> PyResult<Value> {
    Ok(code_info(c).filename)
}

fn code_firstlineno(vm: &mut Vm, c: Value) -> PyResult<Value> {
    vm.new_int(code_info(c).unit.firstlineno as i64)
}

fn code_argcount(vm: &mut Vm, c: Value) -> PyResult<Value> {
    vm.new_int(code_info(c).unit.argcount as i64)
}

fn code_flags(vm: &mut Vm, c: Value) -> PyResult<Value> {
    vm.new_int(code_info(c).unit.flags as i64)
}

fn code_varnames(vm: &mut Vm, c: Value) -> PyResult<Value> {
    let info = code_info(c);
    let n = info.unit.varnames.len();
    let v: Vec<Value> = info.localsplus_names[..n].to_vec();
    vm.new_tuple(&v)
}

fn code_kwonly(vm: &mut Vm, c: Value) -> PyResult<Value> {
    vm.new_int(code_info(c).unit.kwonlyargcount as i64)
}

fn code_posonly(vm: &mut Vm, c: Value) -> PyResult<Value> {
    vm.new_int(code_info(c).unit.posonlyargcount as i64)
}

fn code_nlocals(vm: &mut Vm, c: Value) -> PyResult<Value> {
    vm.new_int(code_info(c).unit.varnames.len() as i64)
}

fn code_qualname(_vm: &mut Vm, c: Value) -> PyResult<Value> {
    Ok(code_info(c).qualname)
}

fn code_consts(vm: &mut Vm, c: Value) -> PyResult<Value> {
    let v = code_info(c).consts.clone();
    vm.new_tuple(&v)
}

fn code_names(vm: &mut Vm, c: Value) -> PyResult<Value> {
    let v = code_info(c).names.clone();
    vm.new_tuple(&v)
}

fn code_cellvars(vm: &mut Vm, c: Value) -> PyResult<Value> {
    let i = code_info(c);
    let a = i.unit.varnames.len();
    let v = i.localsplus_names[a..a + i.unit.cellvars.len()].to_vec();
    vm.new_tuple(&v)
}

fn code_freevars(vm: &mut Vm, c: Value) -> PyResult<Value> {
    let i = code_info(c);
    let a = i.unit.varnames.len() + i.unit.cellvars.len();
    let v = i.localsplus_names[a..].to_vec();
    vm.new_tuple(&v)
}

fn code_repr(vm: &mut Vm, c: Value) -> PyResult<Value> {
    let i = code_info(c);
    let s = format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        i.unit.name,
        crate::types::object::object_id(c),
        i.unit.filename,
        i.unit.firstlineno
    );
    vm.new_str(&s)
}

pub static FUNCTION_OPS: TypeOps = TypeOps {
    repr: Some(func_repr),
    descr_get: Some(func_get),
    ..TypeOps::EMPTY
};
pub static METHOD_OPS: TypeOps = TypeOps {
    repr: Some(method_repr),
    richcmp: Some(method_richcmp),
    hash: Some(method_hash),
    ..TypeOps::EMPTY
};
pub static NATIVE_OPS: TypeOps = TypeOps {
    repr: Some(native_repr),
    ..TypeOps::EMPTY
};
pub static DESCR_OPS: TypeOps = TypeOps {
    repr: Some(native_repr),
    descr_get: Some(native_get),
    ..TypeOps::EMPTY
};
pub static CODE_OPS: TypeOps = TypeOps {
    repr: Some(code_repr),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let f = ty(T::Function);
    vm.install_slots(f, &FUNCTION_OPS)?;
    vm.def_getset(f, "__name__", f_name, Some(f_set_name))?;
    vm.def_getset(f, "__qualname__", f_qualname, Some(f_set_qualname))?;
    vm.def_getset(f, "__doc__", f_doc, Some(f_set_doc))?;
    vm.def_getset(f, "__module__", f_module, Some(f_set_module))?;
    vm.def_getset(f, "__defaults__", f_defaults, Some(f_set_defaults))?;
    vm.def_getset(f, "__kwdefaults__", f_kwdefaults, Some(f_set_kwdefaults))?;
    vm.def_getset(f, "__annotations__", f_annotations, Some(f_set_annotations))?;
    vm.def_getters(
        f,
        &[
            ("__globals__", f_globals),
            ("__closure__", f_closure),
            ("__code__", f_code),
            ("__dict__", f_dict),
        ],
    )?;
    let m = ty(T::Method);
    vm.install_slots(m, &METHOD_OPS)?;
    vm.def_getters(
        m,
        &[
            ("__self__", m_self),
            ("__func__", m_func),
            ("__name__", m_name),
            ("__qualname__", m_qualname),
            ("__doc__", m_doc),
        ],
    )?;
    vm.def_method(m, "__getattribute__", m_getattr_fallback)?;
    crate::types::typeobj::t(m).type_flags.fetch_or(
        crate::types::typeobj::TF_CUSTOM_GETATTR,
        std::sync::atomic::Ordering::Relaxed,
    );
    for t in [T::BuiltinFunction, T::MethodDescriptor] {
        let tv = ty(t);
        vm.install_slots(
            tv,
            if t == T::BuiltinFunction {
                &NATIVE_OPS
            } else {
                &DESCR_OPS
            },
        )?;
        vm.def_getters(
            tv,
            &[
                ("__name__", native_name),
                ("__qualname__", native_qualname),
                ("__self__", native_self),
                ("__objclass__", native_objclass),
                ("__doc__", native_doc),
                ("__module__", native_module),
            ],
        )?;
    }
    vm.def_getters(ty(T::Cell), &[("cell_contents", cell_contents)])?;
    let c = ty(T::Code);
    vm.install_slots(c, &CODE_OPS)?;
    vm.def_getters(
        c,
        &[
            ("co_name", code_name),
            ("co_filename", code_filename),
            ("co_firstlineno", code_firstlineno),
            ("co_argcount", code_argcount),
            ("co_flags", code_flags),
            ("co_varnames", code_varnames),
            ("co_kwonlyargcount", code_kwonly),
            ("co_posonlyargcount", code_posonly),
            ("co_nlocals", code_nlocals),
            ("co_qualname", code_qualname),
            ("co_consts", code_consts),
            ("co_names", code_names),
            ("co_cellvars", code_cellvars),
            ("co_freevars", code_freevars),
        ],
    )?;
    Ok(())
}
