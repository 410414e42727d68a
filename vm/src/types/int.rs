//! `int` and `bool`: the object side of the integer library in `num::int`.
//!
//! An int is a tagged small integer when it fits in 63 bits, otherwise a `BigInt` heap
//! object (sign and 32-bit digits); `bool` instances are the two pinned BigInt objects
//! True (one digit 1) and False (no digits). Operators take an i64 fast path when both
//! operands fit (checked arithmetic and the `_i64` helpers of `num::int`) and otherwise
//! run on `num_bigint::BigInt`; every numeric failure comes back as a `NumError`, which
//! [`num_err`] turns into the Python exception. The methods (`to_bytes`, `__round__`...)
//! live in `int/methods.rs`.
//!
//! What must hold: an int that fits in a tagged value is never a heap object (except
//! bools and instances of int subclasses), so equality of small ints is identity;
//! results, hashes and messages equal CPython 3.11's (`hash(-1) == -2`, the 4300-digit
//! limit of `int(str)` and `str(int)`).

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Raised, Vm};
use crate::num::int::{self as nint, NumError, PowResult};
use crate::obj::alloc::{bigint_val, float_val, str_val};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::slots::{TypeOps, Unary};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use num_bigint::BigInt;

mod methods;

/// Raises the Python exception for a numeric failure.
pub fn num_err(vm: &mut Vm, e: NumError) -> Raised {
    let kind = match e.kind {
        nint::ExcKind::ValueError => ExcKind::ValueError,
        nint::ExcKind::OverflowError => ExcKind::OverflowError,
        nint::ExcKind::ZeroDivisionError => ExcKind::ZeroDivisionError,
        nint::ExcKind::IndexError => ExcKind::IndexError,
        nint::ExcKind::MemoryError => return vm.memory_error(),
    };
    vm.raise_msg(kind, &e.msg)
}

/// Unwraps a `NumResult`, raising its error.
pub fn num_ok<T>(vm: &mut Vm, r: nint::NumResult<T>) -> PyResult<T> {
    r.map_err(|e| num_err(vm, e))
}

/// True for ints and bools (and subclasses).
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_small_int() || (v.is_ptr() && kind_of(v) == Kind::BigInt)
}

/// True for exact bools.
#[inline]
fn is_bool(v: Value) -> bool {
    v.is_ptr() && type_of(v) == ty(T::Bool)
}

/// The value of an int as i64, if it fits.
#[inline]
pub fn int_to_i64(v: Value) -> Option<i64> {
    if v.is_small_int() {
        return Some(v.as_small());
    }
    if v.is_ptr() && kind_of(v) == Kind::BigInt {
        let d = bigint_digits(v);
        if d.len() <= 2 {
            let mag = d.iter().rev().fold(0u64, |a, x| (a << 32) | *x as u64);
            // SAFETY: kind checked.
            let neg = unsafe { obj::<BigIntObj>(v) }.negative != 0;
            if neg {
                if mag <= 1u64 << 63 {
                    return Some((mag as i64).wrapping_neg());
                }
            } else if mag <= i64::MAX as u64 {
                return Some(mag as i64);
            }
        }
    }
    None
}

/// The value of any int as a BigInt.
pub fn to_bigint(v: Value) -> BigInt {
    if v.is_small_int() {
        BigInt::from(v.as_small())
    } else {
        bigint_val(v)
    }
}

/// int -> float, correctly rounded, with CPython's OverflowError.
pub fn int_to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(n) = int_to_i64(v) {
        if n.unsigned_abs() <= 1 << 53 {
            return Ok(n as f64);
        }
    }
    let r = nint::int_to_f64(&to_bigint(v));
    num_ok(vm, r)
}

/// A heap or tagged int from a `num::int::pow` style result.
fn pow_value(vm: &mut Vm, r: PowResult) -> PyResult<Value> {
    match r {
        PowResult::Int(n) => vm.new_bigint(&n),
        PowResult::Float(f) => vm.new_float(f),
    }
}

/// `pow(a, b, m)` for built-in numbers; `None` when another type must decide (a user
/// subclass or a non-number operand). Floats and complexes raise CPython's errors.
pub fn pow3(vm: &mut Vm, a: Value, b: Value, m: Value) -> PyResult<Option<Value>> {
    use crate::ops::attr::is_heap_type;
    if [a, b, m].iter().any(|v| is_heap_type(type_of(*v))) {
        return Ok(None);
    }
    if is_int(a) && is_int(b) && is_int(m) {
        let r = nint::pow_mod(&to_bigint(a), &to_bigint(b), &to_bigint(m));
        let r = num_ok(vm, r)?;
        return vm.new_bigint(&r).map(Some);
    }
    let kind = |v: Value| {
        if is_int(v) {
            1
        } else if v.is_ptr() && kind_of(v) == Kind::Float {
            2
        } else if v.is_ptr() && kind_of(v) == Kind::Complex {
            3
        } else {
            0
        }
    };
    let (ka, kb, km) = (kind(a), kind(b), kind(m));
    if ka == 0 || kb == 0 {
        return Ok(None);
    }
    if ka == 3 || kb == 3 || (km == 3 && ka < 3 && kb < 3 && m != g().none) {
        return Err(vm.raise_msg(ExcKind::ValueError, "complex modulo"));
    }
    if ka == 2 || kb == 2 || km == 2 {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    Ok(None)
}

/// i64 fast path of the binary operators; `None` when the result needs the big path.
fn small_op(vm: &mut Vm, op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
    let r = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        BinOp::FloorDiv => num_ok(vm, nint::floordiv_i64(x, y))?,
        BinOp::Mod => Some(num_ok(vm, nint::mod_i64(x, y))?),
        BinOp::LShift => num_ok(vm, nint::lshift_i64(x, y))?,
        BinOp::RShift => Some(num_ok(vm, nint::rshift_i64(x, y))?),
        BinOp::TrueDiv => {
            let f = num_ok(vm, nint::true_div_i64(x, y))?;
            return vm.new_float(f).map(Some);
        }
        BinOp::Pow => {
            if y < 0 {
                return Ok(None);
            }
            u32::try_from(y).ok().and_then(|e| x.checked_pow(e))
        }
        BinOp::MatMul => return Ok(Some(g().not_implemented)),
    };
    match r {
        Some(n) => vm.new_int(n).map(Some),
        None => Ok(None),
    }
}

/// `a op b` for two ints (any subclass); the result is an exact int (or float).
pub fn int_arith(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (int_to_i64(a), int_to_i64(b)) {
        if let Some(r) = small_op(vm, op, x, y)? {
            return Ok(r);
        }
    }
    let (x, y) = (to_bigint(a), to_bigint(b));
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::FloorDiv => num_ok(vm, nint::floordiv(&x, &y))?,
        BinOp::Mod => num_ok(vm, nint::modulo(&x, &y))?,
        BinOp::LShift => num_ok(vm, nint::lshift(&x, &y))?,
        BinOp::RShift => num_ok(vm, nint::rshift(&x, &y))?,
        BinOp::TrueDiv => {
            let f = num_ok(vm, nint::true_div(&x, &y))?;
            return vm.new_float(f);
        }
        BinOp::Pow => {
            let r = num_ok(vm, nint::pow(&x, &y))?;
            return pow_value(vm, r);
        }
        BinOp::MatMul => return Ok(g().not_implemented),
    };
    vm.new_bigint(&r)
}

fn int_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if !is_int(a) || !is_int(b) {
        return Ok(g().not_implemented);
    }
    if is_bool(a) && is_bool(b) {
        let (x, y) = (a == g().true_, b == g().true_);
        match op {
            BinOp::And => return Ok(vm.bool_val(x & y)),
            BinOp::Or => return Ok(vm.bool_val(x | y)),
            BinOp::Xor => return Ok(vm.bool_val(x ^ y)),
            _ => {}
        }
    }
    int_arith(vm, a, b, op)
}

/// Exact comparison of an int with a float.
pub fn compare_int_float(vm: &mut Vm, i: Value, f: f64, op: CmpOp) -> PyResult<Value> {
    let o = match int_to_i64(i) {
        Some(n) => crate::num::float::cmp_i64_float(n, f),
        None => crate::num::float::cmp_int_float(&to_bigint(i), f),
    };
    Ok(vm.bool_val(match o {
        Some(o) => op.test(o),
        None => op == CmpOp::Ne,
    }))
}

fn int_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_int(a) {
        return Ok(g().not_implemented);
    }
    if is_int(b) {
        let o = match (int_to_i64(a), int_to_i64(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => to_bigint(a).cmp(&to_bigint(b)),
        };
        return Ok(vm.bool_val(op.test(o)));
    }
    // int vs float is decided by float's (reflected) comparison, as in CPython.
    Ok(g().not_implemented)
}

fn int_hash(_vm: &mut Vm, v: Value) -> PyResult<i64> {
    Ok(match int_to_i64(v) {
        Some(n) => crate::num::hash::hash_i64(n),
        None => crate::num::hash::hash_bigint(&to_bigint(v)),
    })
}

/// `str(n)` in base 10 with `sys.get_int_max_str_digits()`'s limit.
pub fn int_decimal(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(n) = int_to_i64(v) {
        return Ok(n.to_string());
    }
    let limit = crate::modules::sys::int_max_str_digits();
    let r = nint::to_decimal_string(&to_bigint(v), limit);
    num_ok(vm, r)
}

fn int_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_bool(v) {
        return vm.new_str(if v == g().true_ { "True" } else { "False" });
    }
    let s = int_decimal(vm, v)?;
    vm.new_str(&s)
}

fn int_bool(_vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(match int_to_i64(v) {
        Some(n) => n != 0,
        None => true,
    })
}

fn int_unary(vm: &mut Vm, v: Value, u: Unary) -> PyResult<Value> {
    if let Some(n) = int_to_i64(v) {
        let r = match u {
            Unary::Neg => n.checked_neg(),
            Unary::Pos => Some(n),
            Unary::Invert => Some(!n),
            Unary::Abs => n.checked_abs(),
        };
        if let Some(r) = r {
            return vm.new_int(r);
        }
    }
    let b = to_bigint(v);
    let r = match u {
        Unary::Neg => -b,
        Unary::Pos => b,
        Unary::Invert => !b,
        Unary::Abs => num_traits::Signed::abs(&b),
    };
    vm.new_bigint(&r)
}

/// The exact int with the value of `v` (an int or an instance of a subclass).
pub fn int_exact(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_small_int() || type_of(v) == ty(T::Int) {
        return Ok(v);
    }
    match int_to_i64(v) {
        Some(n) => vm.new_int(n),
        None => vm.new_bigint(&to_bigint(v)),
    }
}

fn int_index(vm: &mut Vm, v: Value) -> PyResult<Value> {
    int_exact(vm, v)
}

fn int_float(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = int_to_f64(vm, v)?;
    vm.new_float(f)
}

/// `int(x=0, /, base=10)`.
fn int_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let mut base = None;
    for (k, v) in a.kwargs() {
        match str_val(k) {
            "base" => base = Some(v),
            other => {
                let msg = format!("'{other}' is an invalid keyword argument for int()");
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        }
    }
    if a.len() > 3 {
        let msg = format!("int() takes at most 2 arguments ({} given)", a.len() - 1);
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if a.len() == 3 {
        if base.is_some() {
            let msg = "argument for int() given by name ('base') and position (2)";
            return Err(vm.raise_msg(ExcKind::TypeError, msg));
        }
        base = Some(a.get(2));
    }
    let r = match (a.opt(1), base) {
        (None, None) => Value::small(0),
        (None, Some(_)) => {
            return Err(vm.raise_msg(ExcKind::TypeError, "int() missing string argument"))
        }
        (Some(x), None) => int_from_obj(vm, x)?,
        (Some(x), Some(bv)) => {
            let b = vm.index(bv)?;
            let b = int_to_i64(b).unwrap_or(-1);
            if !(b == 0 || (2..=36).contains(&b)) {
                return Err(vm.raise_msg(
                    ExcKind::ValueError,
                    "int() base must be >= 2 and <= 36, or 0",
                ));
            }
            if !(x.is_ptr() && matches!(kind_of(x), Kind::Str | Kind::Bytes | Kind::ByteArray)) {
                return Err(vm.raise_msg(
                    ExcKind::TypeError,
                    "int() can't convert non-string with explicit base",
                ));
            }
            parse_int_value(vm, x, b)?
        }
    };
    if cls == ty(T::Int) {
        return Ok(r);
    }
    // Subclass instance: a heap BigInt with the subclass as its type.
    let b = to_bigint(r);
    let (sign, digits) = b.to_u32_digits();
    vm.new_bigint_raw(sign == num_bigint::Sign::Minus, &digits, cls)
}

/// `int(x)` for a single argument.
pub fn int_from_obj(vm: &mut Vm, x: Value) -> PyResult<Value> {
    if x.is_small_int() {
        return Ok(x);
    }
    let typ = type_of(x);
    let heap = crate::ops::attr::is_heap_type(typ);
    if is_int(x) && !heap {
        return int_exact(vm, x);
    }
    if x.is_ptr() && kind_of(x) == Kind::Float && !heap {
        return float_to_int(vm, float_val(x));
    }
    for name in ["__int__", "__index__"] {
        let nm = vm.intern(name)?;
        if let Some(r) = vm.call_special(x, nm, &[])? {
            if !is_int(r) {
                let msg = format!("{name} returned non-int (type {})", type_name(type_of(r)));
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            return int_exact(vm, r);
        }
    }
    let nm = vm.intern("__trunc__")?;
    if let Some(r) = vm.call_special(x, nm, &[])? {
        if is_int(r) {
            return int_exact(vm, r);
        }
        return match vm.index(r) {
            Ok(i) => int_exact(vm, i),
            Err(_) => {
                vm.exc = Value::NULL;
                let msg = format!(
                    "__trunc__ returned non-Integral (type {})",
                    type_name(type_of(r))
                );
                Err(vm.raise_msg(ExcKind::TypeError, &msg))
            }
        };
    }
    if x.is_ptr() && matches!(kind_of(x), Kind::Str | Kind::Bytes | Kind::ByteArray) {
        return parse_int_value(vm, x, 10);
    }
    if is_int(x) {
        return int_exact(vm, x);
    }
    let msg = format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(typ)
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

/// float -> int (truncating).
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_finite() && f.abs() < 9.0e18 {
        return vm.new_int(f as i64);
    }
    let r = crate::num::float::to_int(f);
    let b = num_ok(vm, r)?;
    vm.new_bigint(&b)
}

/// `int(s, base)` for str, bytes and bytearray.
fn parse_int_value(vm: &mut Vm, x: Value, base: i64) -> PyResult<Value> {
    let limit = crate::modules::sys::int_max_str_digits();
    let r = match kind_of(x) {
        Kind::Str => nint::parse_int_str(str_val(x), base, limit),
        Kind::Bytes => nint::parse_int_bytes(bytes_data(x), base, limit),
        _ => {
            let data = crate::types::bytes::bytearray_data(x).to_vec();
            nint::parse_int_bytes(&data, base, limit)
        }
    };
    match r {
        Ok(b) => vm.new_bigint(&b),
        Err(e) => {
            let r = vm.repr_string(x)?;
            Err(num_err(vm, e.into_error(base, &r)))
        }
    }
}

/// Parses Python int syntax (sign, underscores, prefixes for base 0 / matching base).
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    nint::parse_int_str(s, i64::from(base), 0).ok()
}

fn bool_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() > 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "bool() takes no keyword arguments"));
    }
    if a.len() > 2 {
        let msg = format!("bool expected at most 1 argument, got {}", a.len() - 1);
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    match a.opt(1) {
        None => Ok(g().false_),
        Some(x) => {
            let t = vm.truthy(x)?;
            Ok(vm.bool_val(t))
        }
    }
}

pub static INT_OPS: TypeOps = TypeOps {
    repr: Some(int_repr),
    hash: Some(int_hash),
    richcmp: Some(int_richcmp),
    binop: Some(int_binop),
    unary: Some(int_unary),
    bool: Some(int_bool),
    new: Some(int_new),
    int: Some(int_index),
    index: Some(int_index),
    float: Some(int_float),
    ..TypeOps::EMPTY
};

pub static BOOL_OPS: TypeOps = TypeOps {
    repr: Some(int_repr),
    new: Some(bool_new),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::Int);
    vm.install_slots(t, &INT_OPS)?;
    methods::init(vm, t)?;
    vm.install_slots(ty(T::Bool), &BOOL_OPS)?;
    Ok(())
}
