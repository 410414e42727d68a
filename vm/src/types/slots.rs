//! Type slots: operator tables of the built-in types (HotPy's type-indexed dispatch).
//!
//! Every built-in type has a static [`TypeOps`]: Rust functions for its operators
//! (`repr`, `hash`, rich comparison, the binary operators, `len`, item access, iteration,
//! construction...). The type object points to its table (`TypeObj::native`). The generic
//! protocol in `ops` calls a slot directly when an operand's type is an exact built-in
//! type (built-in types are immutable, so the table cannot be stale); for user classes
//! it looks the dunder up along the MRO.
//!
//! So that Python code sees the same operators (`int.__add__`, `super().__eq__(o)`, a
//! subclass inheriting `__len__`), `install_slots` also puts a *slot wrapper* for each
//! present slot into the type's dict: a native method whose `data` word holds the slot
//! function and whose `data2` word holds the operator. A user subclass that does not
//! override an operator finds the wrapper by MRO lookup and so reaches the same Rust
//! function.
//!
//! What must hold: a slot function accepts any operands (it checks types itself and
//! returns `NotImplemented` from `binop`/`richcmp` when it does not apply); a `binop`
//! slot is called with the operands in source order whichever of them owns the slot.

use crate::interp::call::{Args, NativeFn};
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::g;
use crate::spec::{BinOp, CmpOp};
use crate::types::typeobj::t;
use crate::value::Value;
use std::mem::size_of;

/// Unary operators that have slots.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Unary {
    Neg,
    Pos,
    Invert,
    Abs,
}

pub type UnaryFn = fn(&mut Vm, Value) -> PyResult<Value>;
pub type BinFn = fn(&mut Vm, Value, Value, BinOp) -> PyResult<Value>;
pub type CmpFn = fn(&mut Vm, Value, Value, CmpOp) -> PyResult<Value>;
pub type HashFn = fn(&mut Vm, Value) -> PyResult<i64>;
pub type LenFn = fn(&mut Vm, Value) -> PyResult<usize>;
pub type BoolFn = fn(&mut Vm, Value) -> PyResult<bool>;
pub type GetItemFn = fn(&mut Vm, Value, Value) -> PyResult<Value>;
/// `value` NULL means delete.
pub type SetItemFn = fn(&mut Vm, Value, Value, Value) -> PyResult<()>;
pub type ContainsFn = fn(&mut Vm, Value, Value) -> PyResult<bool>;
/// `Ok(None)` means exhausted (no StopIteration object is made).
pub type NextFn = fn(&mut Vm, Value) -> PyResult<Option<Value>>;
pub type UnaryOpFn = fn(&mut Vm, Value, Unary) -> PyResult<Value>;
/// `__get__(descr, obj_or_NULL, type)`.
pub type DescrGetFn = fn(&mut Vm, Value, Value, Value) -> PyResult<Value>;
/// `__set__`/`__delete__(descr, obj, value_or_NULL)`.
pub type DescrSetFn = fn(&mut Vm, Value, Value, Value) -> PyResult<()>;
/// Getter of a native attribute.
pub type GetterFn = fn(&mut Vm, Value) -> PyResult<Value>;
/// Setter of a native attribute; `value` NULL means delete.
pub type SetterFn = fn(&mut Vm, Value, Value) -> PyResult<()>;

/// The operator table of a built-in type. Absent slots are inherited at lookup time from
/// the nearest base that has them (see `ops_of`).
#[derive(Copy, Clone)]
pub struct TypeOps {
    pub repr: Option<UnaryFn>,
    pub str: Option<UnaryFn>,
    pub hash: Option<HashFn>,
    pub richcmp: Option<CmpFn>,
    pub binop: Option<BinFn>,
    /// In-place operators that differ from `binop` (list `+=`).
    pub inplace: Option<BinFn>,
    pub unary: Option<UnaryOpFn>,
    pub bool: Option<BoolFn>,
    pub len: Option<LenFn>,
    pub getitem: Option<GetItemFn>,
    pub setitem: Option<SetItemFn>,
    pub contains: Option<ContainsFn>,
    pub iter: Option<UnaryFn>,
    pub next: Option<NextFn>,
    /// `type.__call__` for instances (functions are called by the interpreter directly).
    pub call: Option<NativeFn>,
    /// `__new__(cls, *args, **kw)`: `args.get(0)` is `cls`.
    pub new: Option<NativeFn>,
    /// `__init__(self, *args, **kw)`: `args.get(0)` is `self`; returns None.
    pub init: Option<NativeFn>,
    pub int: Option<UnaryFn>,
    pub float: Option<UnaryFn>,
    pub index: Option<UnaryFn>,
    pub descr_get: Option<DescrGetFn>,
    pub descr_set: Option<DescrSetFn>,
}

impl TypeOps {
    pub const EMPTY: TypeOps = TypeOps {
        repr: None,
        str: None,
        hash: None,
        richcmp: None,
        binop: None,
        inplace: None,
        unary: None,
        bool: None,
        len: None,
        getitem: None,
        setitem: None,
        contains: None,
        iter: None,
        next: None,
        call: None,
        new: None,
        init: None,
        int: None,
        float: None,
        index: None,
        descr_get: None,
        descr_set: None,
    };
}

/// The table of a type itself (not inherited), if it is a built-in type with one.
#[inline(always)]
pub fn own_ops(typ: Value) -> Option<&'static TypeOps> {
    let p = t(typ).native;
    if p == 0 || p == usize::MAX {
        None
    } else {
        // SAFETY: `native` is only ever set (in `set_ops`) from a `&'static TypeOps`.
        Some(unsafe { &*(p as *const TypeOps) })
    }
}

/// The table of the nearest built-in type along the MRO of `typ` (its "solid base").
#[inline]
pub fn ops_of(typ: Value) -> Option<&'static TypeOps> {
    if let Some(o) = own_ops(typ) {
        return Some(o);
    }
    crate::types::typeobj::mro(typ)
        .iter()
        .find_map(|s| own_ops(s.get()))
}

/// Finds a slot along the MRO: the first built-in table that defines it.
pub fn find_slot<F: Copy>(typ: Value, pick: impl Fn(&TypeOps) -> Option<F>) -> Option<F> {
    crate::types::typeobj::mro(typ)
        .iter()
        .find_map(|s| own_ops(s.get()).and_then(&pick))
}

/// Marks the type's own table.
pub fn set_ops(typ: Value, ops: &'static TypeOps) {
    // SAFETY: types are only given their table during bootstrap, before any other thread
    // exists; `native` is a plain word read afterwards.
    unsafe { (*(typ.0 as *mut TypeObj)).native = ops as *const TypeOps as usize };
}

impl Vm {
    /// Adds a native method to a type's dict (a method descriptor owned by `typ`).
    pub fn def_method(&mut self, typ: Value, name: &str, f: NativeFn) -> PyResult<Value> {
        self.def_native_data(typ, name, f, 0, 0)
    }

    pub fn def_methods(&mut self, typ: Value, list: &[(&str, NativeFn)]) -> PyResult<()> {
        for (name, f) in list {
            self.def_method(typ, name, *f)?;
        }
        Ok(())
    }

    /// Adds a native with data words (slot wrappers).
    pub fn def_native_data(
        &mut self,
        typ: Value,
        name: &str,
        f: NativeFn,
        data: usize,
        data2: usize,
    ) -> PyResult<Value> {
        let nm = self.intern(name)?;
        let n = self.new_native(nm, f, typ, Value::NULL, false)?;
        set_native_data(n, data, data2);
        self.type_set_attr(typ, nm, n)?;
        Ok(n)
    }

    /// Adds class methods (`dict.fromkeys`): the native receives the class as `args.get(0)`.
    pub fn def_classmethods(&mut self, typ: Value, list: &[(&str, NativeFn)]) -> PyResult<()> {
        for (name, f) in list {
            let nm = self.intern(name)?;
            let n = self.new_native(nm, *f, Value::NULL, Value::NULL, false)?;
            let cm = self.new_record(
                crate::runtime::ty(crate::runtime::T::ClassMethod),
                crate::types::record::REC_CLASSMETHOD,
                [n, Value::NULL, Value::NULL, Value::NULL],
                0,
                0,
            )?;
            self.type_set_attr(typ, nm, cm)?;
        }
        Ok(())
    }

    /// Adds static methods (`str.maketrans`).
    pub fn def_staticmethods(&mut self, typ: Value, list: &[(&str, NativeFn)]) -> PyResult<()> {
        for (name, f) in list {
            let nm = self.intern(name)?;
            let n = self.new_native(nm, *f, Value::NULL, Value::NULL, false)?;
            let sm = self.new_record(
                crate::runtime::ty(crate::runtime::T::StaticMethod),
                crate::types::record::REC_STATICMETHOD,
                [n, Value::NULL, Value::NULL, Value::NULL],
                0,
                0,
            )?;
            self.type_set_attr(typ, nm, sm)?;
        }
        Ok(())
    }

    /// Adds read-only (or read-write when `set` is given) native attributes.
    pub fn def_getset(
        &mut self,
        typ: Value,
        name: &str,
        get: GetterFn,
        set: Option<SetterFn>,
    ) -> PyResult<()> {
        let nm = self.intern(name)?;
        let d = self.new_record(
            crate::runtime::ty(crate::runtime::T::GetSetDescriptor),
            crate::types::record::REC_GETSET,
            [nm, typ, Value::NULL, Value::NULL],
            get as usize as i64,
            set.map(|f| f as usize as i64).unwrap_or(0),
        )?;
        self.type_set_attr(typ, nm, d)
    }

    pub fn def_getters(&mut self, typ: Value, list: &[(&str, GetterFn)]) -> PyResult<()> {
        for (name, f) in list {
            self.def_getset(typ, name, *f, None)?;
        }
        Ok(())
    }

    /// Gives a built-in type its operator table and the matching slot wrappers.
    pub fn install_slots(&mut self, typ: Value, ops: &'static TypeOps) -> PyResult<()> {
        set_ops(typ, ops);
        let w = |f: usize| f;
        if let Some(f) = ops.repr {
            self.def_native_data(typ, "__repr__", wrap_unary, w(f as usize), 0)?;
        }
        if let Some(f) = ops.str {
            self.def_native_data(typ, "__str__", wrap_unary, w(f as usize), 0)?;
        }
        if let Some(f) = ops.hash {
            self.def_native_data(typ, "__hash__", wrap_hash, f as usize, 0)?;
        }
        if let Some(f) = ops.richcmp {
            for (name, op) in [
                ("__lt__", CmpOp::Lt),
                ("__le__", CmpOp::Le),
                ("__eq__", CmpOp::Eq),
                ("__ne__", CmpOp::Ne),
                ("__gt__", CmpOp::Gt),
                ("__ge__", CmpOp::Ge),
            ] {
                self.def_native_data(typ, name, wrap_richcmp, f as usize, op as usize)?;
            }
        }
        if let Some(f) = ops.binop {
            for op in BinOp::ALL {
                let (l, r) = binop_names(op);
                self.def_native_data(typ, l, wrap_binop, f as usize, op as usize)?;
                self.def_native_data(typ, r, wrap_binop, f as usize, op as usize | SWAP)?;
            }
        }
        if let Some(f) = ops.inplace {
            for op in BinOp::ALL {
                let name = format!("__i{}", &binop_names(op).0[2..]);
                self.def_native_data(typ, &name, wrap_binop, f as usize, op as usize)?;
            }
        }
        if let Some(f) = ops.unary {
            for (name, u) in [
                ("__neg__", Unary::Neg),
                ("__pos__", Unary::Pos),
                ("__invert__", Unary::Invert),
                ("__abs__", Unary::Abs),
            ] {
                self.def_native_data(typ, name, wrap_unaryop, f as usize, u as usize)?;
            }
        }
        if let Some(f) = ops.bool {
            self.def_native_data(typ, "__bool__", wrap_bool, f as usize, 0)?;
        }
        if let Some(f) = ops.len {
            self.def_native_data(typ, "__len__", wrap_len, f as usize, 0)?;
        }
        if let Some(f) = ops.getitem {
            self.def_native_data(typ, "__getitem__", wrap_getitem, f as usize, 0)?;
        }
        if let Some(f) = ops.setitem {
            self.def_native_data(typ, "__setitem__", wrap_setitem, f as usize, 0)?;
            self.def_native_data(typ, "__delitem__", wrap_delitem, f as usize, 0)?;
        }
        if let Some(f) = ops.contains {
            self.def_native_data(typ, "__contains__", wrap_contains, f as usize, 0)?;
        }
        if let Some(f) = ops.iter {
            self.def_native_data(typ, "__iter__", wrap_unary, f as usize, 0)?;
        }
        if let Some(f) = ops.next {
            self.def_native_data(typ, "__next__", wrap_next, f as usize, 0)?;
        }
        if let Some(f) = ops.call {
            self.def_method(typ, "__call__", f)?;
        }
        if let Some(f) = ops.new {
            let nm = self.intern("__new__")?;
            let n = self.new_native(nm, f, Value::NULL, Value::NULL, false)?;
            let sm = self.new_record(
                crate::runtime::ty(crate::runtime::T::StaticMethod),
                crate::types::record::REC_STATICMETHOD,
                [n, Value::NULL, Value::NULL, Value::NULL],
                0,
                0,
            )?;
            self.type_set_attr(typ, nm, sm)?;
        }
        if let Some(f) = ops.init {
            self.def_method(typ, "__init__", f)?;
        }
        if let Some(f) = ops.int {
            self.def_native_data(typ, "__int__", wrap_unary, f as usize, 0)?;
        }
        if let Some(f) = ops.float {
            self.def_native_data(typ, "__float__", wrap_unary, f as usize, 0)?;
        }
        if let Some(f) = ops.index {
            self.def_native_data(typ, "__index__", wrap_unary, f as usize, 0)?;
        }
        if let Some(f) = ops.descr_get {
            self.def_native_data(typ, "__get__", wrap_descr_get, f as usize, 0)?;
        }
        if let Some(f) = ops.descr_set {
            self.def_native_data(typ, "__set__", wrap_descr_set, f as usize, 0)?;
            self.def_native_data(typ, "__delete__", wrap_descr_delete, f as usize, 0)?;
        }
        Ok(())
    }
}

const SWAP: usize = 0x100;

pub fn binop_names(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::And => ("__and__", "__rand__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__"),
        BinOp::Mul => ("__mul__", "__rmul__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Or => ("__or__", "__ror__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__"),
        BinOp::Xor => ("__xor__", "__rxor__"),
    }
}

pub fn inplace_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__iadd__",
        BinOp::And => "__iand__",
        BinOp::FloorDiv => "__ifloordiv__",
        BinOp::LShift => "__ilshift__",
        BinOp::MatMul => "__imatmul__",
        BinOp::Mul => "__imul__",
        BinOp::Mod => "__imod__",
        BinOp::Or => "__ior__",
        BinOp::Pow => "__ipow__",
        BinOp::RShift => "__irshift__",
        BinOp::Sub => "__isub__",
        BinOp::TrueDiv => "__itruediv__",
        BinOp::Xor => "__ixor__",
    }
}

fn set_native_data(n: Value, data: usize, data2: usize) {
    // SAFETY: `n` is a fresh native object not yet visible to any other thread.
    unsafe {
        let o = n.0 as *mut NativeObj;
        (*o).data = data;
        (*o).data2 = data2;
    }
}

/// Sets the data words of a fresh native (see `set_native_data`).
pub fn set_native_data_pub(n: Value, data: usize, data2: usize) {
    set_native_data(n, data, data2)
}

/// Reads a native's data words (for `call_native`).
#[inline(always)]
pub fn native_data(n: Value) -> (usize, usize) {
    // SAFETY: callers pass native objects.
    let o = unsafe { obj::<NativeObj>(n) };
    (o.data, o.data2)
}

macro_rules! slot_fn {
    ($vm:expr, $t:ty) => {{
        // SAFETY: the data word of a slot wrapper was written in `install_slots` from a
        // function of exactly this type (each wrapper is installed for one slot kind).
        unsafe { std::mem::transmute::<usize, $t>($vm.native_data.0) }
    }};
}

fn check_args(vm: &mut Vm, a: &Args, n: usize) -> PyResult<()> {
    if a.len() != n || a.nkw() != 0 {
        let name = "slot wrapper";
        let msg = format!(
            "{} expected {} argument{}, got {}",
            name,
            n - 1,
            if n == 2 { "" } else { "s" },
            a.len().saturating_sub(1)
        );
        return Err(vm.raise_msg(crate::runtime::ExcKind::TypeError, &msg));
    }
    Ok(())
}

fn wrap_unary(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, UnaryFn);
    check_args(vm, a, 1)?;
    f(vm, a.get(0))
}

fn wrap_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, HashFn);
    check_args(vm, a, 1)?;
    let h = f(vm, a.get(0))?;
    vm.new_int(h)
}

fn wrap_richcmp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, CmpFn);
    let op = CmpOp::from_arg(vm.native_data.1 as u32);
    check_args(vm, a, 2)?;
    f(vm, a.get(0), a.get(1), op)
}

fn wrap_binop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, BinFn);
    let d = vm.native_data.1;
    let op = BinOp::ALL[d & 0xff];
    if op == BinOp::Pow && a.len() == 3 && a.get(2) != g().none {
        // Three-argument pow goes through the type's `pow` method.
        return crate::ops::arith::ternary_pow(vm, a.get(0), a.get(1), a.get(2));
    }
    if !(a.len() == 2 || (op == BinOp::Pow && a.len() == 3)) {
        check_args(vm, a, 2)?;
    }
    if d & SWAP != 0 {
        f(vm, a.get(1), a.get(0), op)
    } else {
        f(vm, a.get(0), a.get(1), op)
    }
}

fn wrap_unaryop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, UnaryOpFn);
    let u = [Unary::Neg, Unary::Pos, Unary::Invert, Unary::Abs][vm.native_data.1];
    check_args(vm, a, 1)?;
    f(vm, a.get(0), u)
}

fn wrap_bool(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, BoolFn);
    check_args(vm, a, 1)?;
    let b = f(vm, a.get(0))?;
    Ok(vm.bool_val(b))
}

fn wrap_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, LenFn);
    check_args(vm, a, 1)?;
    let n = f(vm, a.get(0))?;
    vm.new_int(n as i64)
}

fn wrap_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, GetItemFn);
    check_args(vm, a, 2)?;
    f(vm, a.get(0), a.get(1))
}

fn wrap_setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, SetItemFn);
    check_args(vm, a, 3)?;
    f(vm, a.get(0), a.get(1), a.get(2))?;
    Ok(g().none)
}

fn wrap_delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, SetItemFn);
    check_args(vm, a, 2)?;
    f(vm, a.get(0), a.get(1), Value::NULL)?;
    Ok(g().none)
}

fn wrap_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, ContainsFn);
    check_args(vm, a, 2)?;
    let b = f(vm, a.get(0), a.get(1))?;
    Ok(vm.bool_val(b))
}

fn wrap_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, NextFn);
    check_args(vm, a, 1)?;
    match f(vm, a.get(0))? {
        Some(v) => Ok(v),
        None => Err(vm.raise_stop_iteration(Value::NULL)),
    }
}

fn wrap_descr_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, DescrGetFn);
    if a.len() < 2 || a.len() > 3 {
        check_args(vm, a, 3)?;
    }
    let o = a.get(1);
    let o = if o == g().none { Value::NULL } else { o };
    let typ = match a.opt(2) {
        Some(t) if t != g().none => t,
        _ => crate::types::typeobj::type_of(o),
    };
    f(vm, a.get(0), o, typ)
}

fn wrap_descr_set(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, DescrSetFn);
    check_args(vm, a, 3)?;
    f(vm, a.get(0), a.get(1), a.get(2))?;
    Ok(g().none)
}

fn wrap_descr_delete(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = slot_fn!(vm, DescrSetFn);
    check_args(vm, a, 2)?;
    f(vm, a.get(0), a.get(1), Value::NULL)?;
    Ok(g().none)
}

/// Size of a native object (for the allocator).
pub const NATIVE_SIZE: usize = size_of::<NativeObj>();
