//! `float`: IEEE doubles, the object side of `num::float`.
//!
//! Operators accept floats and ints (converted with correct rounding and CPython's
//! OverflowError); division, modulo, power, rounding, parsing and `hex` come from
//! `num::float`, which mirrors `Objects/floatobject.c`. A negative base raised to a
//! fractional power gives a complex result through `num::complex::pow`, as CPython's
//! `float_pow` hands the case to `complex`.
//!
//! What must hold: int/float comparison is exact (no rounding of big ints); `repr` is
//! the shortest round-tripping form (`num::fmt::float_repr`); `hash(x) == hash(n)`
//! whenever `x == n`; every message is CPython 3.11's.

use crate::builtins_more::{bind, Sig};
use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::num::float::{self as nfloat, FloatPow};
use crate::obj::alloc::{float_val, str_val};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::int::{int_to_f64, int_to_i64, is_int, num_ok, to_bigint};
use crate::types::slots::{TypeOps, Unary};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use num_traits::Signed;

#[inline]
pub fn is_float(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Float
}

/// A float operand: floats, and ints converted with correct rounding.
fn operand(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if is_float(v) {
        return Ok(Some(float_val(v)));
    }
    if is_int(v) {
        return int_to_f64(vm, v).map(Some);
    }
    Ok(None)
}

/// Python's float floor division and modulo for a non-zero divisor (a zero divisor
/// gives NaNs; callers check it first).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    nfloat::divmod(x, y).unwrap_or((f64::NAN, f64::NAN))
}

/// `x ** y` for floats: a float, or a complex for a negative base and fractional power.
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    match num_ok(vm, nfloat::pow(x, y))? {
        FloatPow::Float(f) => vm.new_float(f),
        FloatPow::Complex => {
            use crate::num::complex::{pow, Complex};
            let r = pow(Complex::new(x, 0.0), Complex::new(y, 0.0));
            let c = num_ok(vm, r)?;
            vm.new_complex(c.re, c.im)
        }
    }
}

/// `x op y` on two floats.
pub fn float_arith(vm: &mut Vm, x: f64, y: f64, op: BinOp) -> PyResult<Value> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => num_ok(vm, nfloat::div(x, y))?,
        BinOp::FloorDiv => num_ok(vm, nfloat::floordiv(x, y))?,
        BinOp::Mod => num_ok(vm, nfloat::modulo(x, y))?,
        BinOp::Pow => return float_pow(vm, x, y),
        _ => return Ok(g().not_implemented),
    };
    vm.new_float(r)
}

fn float_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if !matches!(
        op,
        BinOp::Add
            | BinOp::Sub
            | BinOp::Mul
            | BinOp::TrueDiv
            | BinOp::FloorDiv
            | BinOp::Mod
            | BinOp::Pow
    ) {
        return Ok(g().not_implemented);
    }
    if !(is_float(a) || is_int(a)) || !(is_float(b) || is_int(b)) {
        return Ok(g().not_implemented);
    }
    let x = match operand(vm, a)? {
        Some(x) => x,
        None => return Ok(g().not_implemented),
    };
    let y = match operand(vm, b)? {
        Some(y) => y,
        None => return Ok(g().not_implemented),
    };
    float_arith(vm, x, y, op)
}

/// Exact comparison of an int with a float.
pub fn compare_int_float(vm: &mut Vm, i: Value, f: f64, op: CmpOp) -> PyResult<Value> {
    crate::types::int::compare_int_float(vm, i, f, op)
}

fn float_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_float(a) {
        return Ok(g().not_implemented);
    }
    let x = float_val(a);
    if is_float(b) {
        let y = float_val(b);
        return Ok(vm.bool_val(op.holds(x, y)));
    }
    if is_int(b) {
        return compare_int_float(vm, b, x, op.swapped());
    }
    Ok(g().not_implemented)
}

/// `hash(x)`; `id` identifies the object (NaNs hash by identity).
pub fn float_hash_f64(x: f64, id: u64) -> i64 {
    crate::num::hash::hash_f64(x, id as usize)
}

fn float_hash(_vm: &mut Vm, v: Value) -> PyResult<i64> {
    let x = float_val(v);
    let id = if x.is_nan() {
        crate::types::object::object_id(v)
    } else {
        0
    };
    Ok(float_hash_f64(x, id))
}

fn float_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = crate::num::fmt::float_repr(float_val(v));
    vm.new_str(&s)
}

fn float_bool(_vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(float_val(v) != 0.0)
}

fn float_unary(vm: &mut Vm, v: Value, u: Unary) -> PyResult<Value> {
    let x = float_val(v);
    match u {
        Unary::Neg => vm.new_float(-x),
        Unary::Pos => vm.new_float(x),
        Unary::Abs => vm.new_float(x.abs()),
        Unary::Invert => {
            let msg = format!("bad operand type for unary ~: '{}'", type_name(type_of(v)));
            Err(vm.raise_msg(ExcKind::TypeError, &msg))
        }
    }
}

fn float_int(vm: &mut Vm, v: Value) -> PyResult<Value> {
    crate::types::int::float_to_int(vm, float_val(v))
}

/// The exact float with the value of `v` (a float or an instance of a subclass).
fn float_exact(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if type_of(v) == ty(T::Float) {
        return Ok(v);
    }
    vm.new_float(float_val(v))
}

fn float_float(vm: &mut Vm, v: Value) -> PyResult<Value> {
    float_exact(vm, v)
}

/// Parses Python float syntax (`None` when invalid).
pub fn parse_float(s: &str) -> Option<f64> {
    nfloat::parse_float_str(s).ok()
}

/// `float(x)` for str, bytes and bytearray.
fn float_from_text(vm: &mut Vm, x: Value) -> PyResult<f64> {
    let r = match kind_of(x) {
        Kind::Str => nfloat::parse_float_str(str_val(x)),
        Kind::Bytes => nfloat::parse_float_bytes(bytes_data(x)),
        _ => {
            let data = crate::types::bytes::bytearray_data(x).to_vec();
            nfloat::parse_float_bytes(&data)
        }
    };
    match r {
        Ok(f) => Ok(f),
        Err(_) => {
            let r = vm.repr_string(x)?;
            Err(crate::types::int::num_err(vm, nfloat::parse_error(&r)))
        }
    }
}

/// `float(x)` for one argument.
pub fn float_from_obj(vm: &mut Vm, x: Value) -> PyResult<f64> {
    if x.is_small_int() {
        return Ok(x.as_small() as f64);
    }
    let typ = type_of(x);
    let heap = crate::ops::attr::is_heap_type(typ);
    if !heap {
        if is_float(x) {
            return Ok(float_val(x));
        }
        if is_int(x) {
            return int_to_f64(vm, x);
        }
        if x.is_ptr() && matches!(kind_of(x), Kind::Str | Kind::Bytes | Kind::ByteArray) {
            return float_from_text(vm, x);
        }
    }
    if let Some(r) = vm.call_special(x, g().names.__float__, &[])? {
        if is_float(r) {
            return Ok(float_val(r));
        }
        let msg = format!(
            "{}.__float__ returned non-float (type {})",
            type_name(typ),
            type_name(type_of(r))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if !vm.lookup(typ, g().names.__index__).is_null() {
        let i = vm.index(x)?;
        return int_to_f64(vm, i);
    }
    if x.is_ptr() && matches!(kind_of(x), Kind::Str | Kind::Bytes | Kind::ByteArray) {
        return float_from_text(vm, x);
    }
    let msg = format!(
        "float() argument must be a string or a real number, not '{}'",
        type_name(typ)
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

/// A float (or float subclass instance) of type `cls`.
fn new_float_of(vm: &mut Vm, cls: Value, f: f64) -> PyResult<Value> {
    if cls == ty(T::Float) {
        return vm.new_float(f);
    }
    let v = vm.alloc(Kind::Float, cls, std::mem::size_of::<FloatObj>())?;
    // SAFETY: fresh float object, not yet published.
    unsafe { (*(v.0 as *mut FloatObj)).val = f };
    Ok(v)
}

fn float_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    if a.nkw() > 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "float() takes no keyword arguments"));
    }
    if a.len() > 2 {
        let msg = format!("float expected at most 1 argument, got {}", a.len() - 1);
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let f = match a.opt(1) {
        None => 0.0,
        Some(x) => {
            if cls == ty(T::Float) && type_of(x) == ty(T::Float) {
                return Ok(x);
            }
            float_from_obj(vm, x)?
        }
    };
    new_float_of(vm, cls, f)
}

fn this(a: &Args) -> f64 {
    float_val(a.get(0))
}

fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.len() != 1 || a.nkw() != 0 {
        let msg = format!(
            "float.{name}() takes no arguments ({} given)",
            a.len().saturating_sub(1) + a.nkw()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

fn float_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 2 || a.nkw() != 0 {
        let msg = format!(
            "__format__ expected 1 argument, got {}",
            a.len().saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let spec_v = a.get(1);
    if !(spec_v.is_ptr() && kind_of(spec_v) == Kind::Str) {
        let msg = format!(
            "__format__() argument must be str, not {}",
            type_name(type_of(spec_v))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let x = this(a);
    let spec = str_val(spec_v).to_string();
    if spec.is_empty() {
        return vm.str_of(a.get(0));
    }
    let sp = match crate::num::fmt::parse_spec(&spec) {
        Ok(s) => s,
        Err(m) => return Err(vm.raise_msg(ExcKind::ValueError, &m)),
    };
    match crate::num::fmt::format_float(x, &sp) {
        Ok(s) => vm.new_str(&s),
        Err(m) => Err(vm.raise_msg(ExcKind::ValueError, &m)),
    }
}

fn float_is_integer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "is_integer")?;
    Ok(vm.bool_val(nfloat::is_integer(this(a))))
}

fn big_result(vm: &mut Vm, r: crate::num::int::NumResult<num_bigint::BigInt>) -> PyResult<Value> {
    let b = num_ok(vm, r)?;
    vm.new_bigint(&b)
}

fn float_trunc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "__trunc__")?;
    crate::types::int::float_to_int(vm, this(a))
}

fn float_floor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "__floor__")?;
    let x = this(a);
    if x.is_finite() && x.abs() < 9.0e18 {
        return vm.new_int(x.floor() as i64);
    }
    big_result(vm, nfloat::floor_to_int(x))
}

fn float_ceil(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "__ceil__")?;
    let x = this(a);
    if x.is_finite() && x.abs() < 9.0e18 {
        return vm.new_int(x.ceil() as i64);
    }
    big_result(vm, nfloat::ceil_to_int(x))
}

fn float_conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "conjugate")?;
    float_exact(vm, a.get(0))
}

fn float_get_real(vm: &mut Vm, v: Value) -> PyResult<Value> {
    float_exact(vm, v)
}

fn float_get_imag(vm: &mut Vm, _v: Value) -> PyResult<Value> {
    vm.new_float(0.0)
}

fn float_as_integer_ratio(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "as_integer_ratio")?;
    let (n, d) = num_ok(vm, nfloat::as_integer_ratio(this(a)))?;
    let nv = vm.new_bigint(&n)?;
    let dv = vm.new_bigint(&d)?;
    vm.new_tuple(&[nv, dv])
}

/// `float.__round__(ndigits=None)`.
fn float_round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() > 2 || a.nkw() != 0 {
        let msg = format!(
            "__round__ expected at most 1 argument, got {}",
            a.len() - 1 + a.nkw()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let x = this(a);
    match a.opt(1).filter(|n| *n != g().none) {
        None => {
            if x.is_finite() && x.abs() < 9.0e18 {
                return vm.new_int(x.round_ties_even() as i64);
            }
            big_result(vm, nfloat::round_to_int(x))
        }
        Some(n) => {
            let n = vm.index(n)?;
            let nd = match int_to_i64(n) {
                Some(n) => n,
                None if to_bigint(n).is_negative() => i64::MIN,
                None => i64::MAX,
            };
            let r = num_ok(vm, nfloat::round_ndigits(x, nd))?;
            vm.new_float(r)
        }
    }
}

fn float_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "hex")?;
    let s = nfloat::to_hex(this(a));
    vm.new_str(&s)
}

/// `float.fromhex(s)` (a classmethod: subclasses are called with the result).
fn float_fromhex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 2 || a.nkw() != 0 {
        let msg = format!(
            "fromhex() takes exactly one argument ({} given)",
            a.len().saturating_sub(1) + a.nkw()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let (cls, s) = (a.get(0), a.get(1));
    if !(s.is_ptr() && kind_of(s) == Kind::Str) {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "bad argument type for built-in operation",
        ));
    }
    let f = num_ok(vm, nfloat::from_hex(str_val(s)))?;
    let v = vm.new_float(f)?;
    if cls == ty(T::Float) {
        return Ok(v);
    }
    vm.call(cls, &[v])
}

fn float_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = float_exact(vm, a.get(0))?;
    vm.new_tuple(&[v])
}

/// `float.__divmod__` / `__rdivmod__` body.
fn divmod_values(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else {
        return Ok(g().not_implemented);
    };
    let (d, m) = num_ok(vm, nfloat::divmod(x, y))?;
    let dv = vm.new_float(d)?;
    let mv = vm.new_float(m)?;
    vm.new_tuple(&[dv, mv])
}

fn one_other(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 2 || a.nkw() != 0 {
        let msg = format!("expected 1 argument, got {}", a.len().saturating_sub(1));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(a.get(1))
}

fn float_divmod_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = one_other(vm, a)?;
    divmod_values(vm, a.get(0), o)
}

fn float_rdivmod_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let o = one_other(vm, a)?;
    divmod_values(vm, o, a.get(0))
}

/// `float.__pow__(other, mod=None)` / `__rpow__`.
fn pow_common(vm: &mut Vm, a: &Args, reflected: bool) -> PyResult<Value> {
    if a.len() < 2 || a.len() > 3 || a.nkw() != 0 {
        let msg = format!(
            "expected 1 or 2 arguments, got {}",
            a.len().saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let (mut x, mut y) = (a.get(0), a.get(1));
    if reflected {
        std::mem::swap(&mut x, &mut y);
    }
    if a.opt(2).is_some_and(|m| m != g().none) {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    float_binop(vm, x, y, BinOp::Pow)
}

fn float_pow_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pow_common(vm, a, false)
}

fn float_rpow_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pow_common(vm, a, true)
}

static GETFORMAT_SIG: Sig = Sig {
    name: "__getformat__",
    params: &["cls", "typestr"],
    posonly: 2,
    kwonly: 2,
    required: 2,
};

/// `float.__getformat__(typestr)`.
fn float_getformat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind(vm, a, &GETFORMAT_SIG)?;
    let s = p[1].unwrap_or(g().none);
    if !(s.is_ptr() && kind_of(s) == Kind::Str) {
        let msg = format!(
            "__getformat__() argument must be str, not {}",
            type_name(type_of(s))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    match str_val(s) {
        "double" | "float" => vm.new_str("IEEE, little-endian"),
        _ => Err(vm.raise_msg(
            ExcKind::ValueError,
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
    }
}

pub static FLOAT_OPS: TypeOps = TypeOps {
    repr: Some(float_repr),
    hash: Some(float_hash),
    richcmp: Some(float_richcmp),
    binop: Some(float_binop),
    unary: Some(float_unary),
    bool: Some(float_bool),
    new: Some(float_new),
    int: Some(float_int),
    float: Some(float_float),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::Float);
    vm.install_slots(t, &FLOAT_OPS)?;
    vm.def_methods(
        t,
        &[
            ("__format__", float_format),
            ("is_integer", float_is_integer),
            ("__trunc__", float_trunc),
            ("__floor__", float_floor),
            ("__ceil__", float_ceil),
            ("__round__", float_round),
            ("conjugate", float_conjugate),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
            ("__getnewargs__", float_getnewargs),
            ("__divmod__", float_divmod_m),
            ("__rdivmod__", float_rdivmod_m),
            ("__pow__", float_pow_m),
            ("__rpow__", float_rpow_m),
        ],
    )?;
    vm.def_classmethods(
        t,
        &[
            ("fromhex", float_fromhex),
            ("__getformat__", float_getformat),
        ],
    )?;
    vm.def_getters(t, &[("real", float_get_real), ("imag", float_get_imag)])?;
    Ok(())
}
