//! The `math` module: argument conversion and results around `num::math`.
//!
//! How it works: float functions convert each argument with `vm.as_f64` (ints of any
//! size are correctly rounded, other objects go through `__float__`/`__index__`), the
//! integer functions with `__index__`; `floor`/`ceil`/`trunc` delegate to
//! `__floor__`/`__ceil__`/`__trunc__` for anything but an exact float; `log` keeps
//! big ints exact. The computations and their errors are `num::math`'s.
//!
//! What must hold: behaviour, results and messages match CPython 3.11's module,
//! including the argument-count messages of each function's calling convention.

use crate::builtins_more::{bind, Sig};
use crate::interp::call::{Args, NativeFn};
use crate::interp::state::{PyResult, Vm};
use crate::num::math as nm;
use crate::obj::alloc::{float_val, str_val};
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::BinOp;
use crate::types::int::{int_to_i64, is_int, num_ok, to_bigint};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::Signed;

/// The single argument of a METH_O function.
fn one(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.nkw() != 0 {
        let msg = format!("math.{name}() takes no keyword arguments");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if a.len() != 1 {
        let msg = format!(
            "math.{name}() takes exactly one argument ({} given)",
            a.len()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(a.get(0))
}

fn one_f(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    let v = one(vm, a, name)?;
    vm.as_f64(v)
}

/// Positional-only arguments, between `min` and `max` of them (`_PyArg_CheckPositional`).
fn positional(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if a.nkw() != 0 {
        let msg = format!("{name}() takes no keyword arguments");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let n = a.len();
    if n < min || n > max {
        let s = |k: usize| if k == 1 { "" } else { "s" };
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", s(min))
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", s(min))
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", s(max))
        };
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

fn two_f(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(f64, f64)> {
    positional(vm, a, name, 2, 2)?;
    let x = vm.as_f64(a.get(0))?;
    let y = vm.as_f64(a.get(1))?;
    Ok((x, y))
}

fn float_res(vm: &mut Vm, r: crate::num::int::NumResult<f64>) -> PyResult<Value> {
    let f = num_ok(vm, r)?;
    vm.new_float(f)
}

fn big_res(vm: &mut Vm, r: crate::num::int::NumResult<BigInt>) -> PyResult<Value> {
    let n = num_ok(vm, r)?;
    vm.new_bigint(&n)
}

macro_rules! float_fns {
    ($($fname:ident = $name:literal, $f:expr;)*) => {$(
        fn $fname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            let x = one_f(vm, a, $name)?;
            float_res(vm, $f(x))
        }
    )*};
}

float_fns! {
    m_acos = "acos", nm::acos;
    m_acosh = "acosh", nm::acosh;
    m_asin = "asin", nm::asin;
    m_asinh = "asinh", nm::asinh;
    m_atan = "atan", nm::atan;
    m_atanh = "atanh", nm::atanh;
    m_cbrt = "cbrt", nm::cbrt;
    m_cos = "cos", nm::cos;
    m_cosh = "cosh", nm::cosh;
    m_exp = "exp", nm::exp;
    m_exp2 = "exp2", nm::exp2;
    m_expm1 = "expm1", nm::expm1;
    m_fabs = "fabs", nm::fabs;
    m_log1p = "log1p", nm::log1p;
    m_sin = "sin", nm::sin;
    m_sinh = "sinh", nm::sinh;
    m_sqrt = "sqrt", nm::sqrt;
    m_tan = "tan", nm::tan;
    m_tanh = "tanh", nm::tanh;
    m_gamma = "gamma", nm::gamma;
    m_lgamma = "lgamma", nm::lgamma;
    m_erf = "erf", |x| Ok(nm::erf(x));
    m_erfc = "erfc", |x| Ok(nm::erfc(x));
    m_degrees = "degrees", |x| Ok(nm::degrees(x));
    m_radians = "radians", |x| Ok(nm::radians(x));
    m_ulp = "ulp", |x| Ok(nm::ulp(x));
}

macro_rules! float2_fns {
    ($($fname:ident = $name:literal, $f:expr;)*) => {$(
        fn $fname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            let (x, y) = two_f(vm, a, $name)?;
            float_res(vm, $f(x, y))
        }
    )*};
}

float2_fns! {
    m_atan2 = "atan2", nm::atan2;
    m_copysign = "copysign", |x, y| Ok(nm::copysign(x, y));
    m_fmod = "fmod", nm::fmod;
    m_pow = "pow", nm::pow;
    m_remainder = "remainder", nm::remainder;
    m_nextafter = "nextafter", |x, y| Ok(nm::nextafter(x, y));
}

macro_rules! bool_fns {
    ($($fname:ident = $name:literal, $f:path;)*) => {$(
        fn $fname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            let x = one_f(vm, a, $name)?;
            Ok(vm.bool_val($f(x)))
        }
    )*};
}

bool_fns! {
    m_isfinite = "isfinite", nm::isfinite;
    m_isinf = "isinf", nm::isinf;
    m_isnan = "isnan", nm::isnan;
}

fn is_exact_float(v: Value) -> bool {
    v.is_ptr() && type_of(v) == ty(T::Float)
}

/// `floor`/`ceil`: exact floats directly, otherwise the type's `dunder`, otherwise the
/// float value of the argument.
fn rounding(vm: &mut Vm, a: &Args, name: &str, dunder: &str, up: bool) -> PyResult<Value> {
    let v = one(vm, a, name)?;
    let x = if is_exact_float(v) {
        float_val(v)
    } else {
        if v.is_small_int() || type_of(v) == ty(T::Int) {
            return Ok(v);
        }
        let nm_ = vm.intern(dunder)?;
        if let Some(r) = vm.call_special(v, nm_, &[])? {
            return Ok(r);
        }
        vm.as_f64(v)?
    };
    if x.is_finite() && x.abs() < 9.0e18 {
        return vm.new_int(if up { x.ceil() } else { x.floor() } as i64);
    }
    big_res(vm, if up { nm::ceil(x) } else { nm::floor(x) })
}

fn m_floor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rounding(vm, a, "floor", "__floor__", false)
}

fn m_ceil(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    rounding(vm, a, "ceil", "__ceil__", true)
}

fn m_trunc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "trunc")?;
    if is_exact_float(v) {
        return crate::types::int::float_to_int(vm, float_val(v));
    }
    let nm_ = vm.intern("__trunc__")?;
    match vm.call_special(v, nm_, &[])? {
        Some(r) => Ok(r),
        None => {
            let msg = format!(
                "type {} doesn't define __trunc__ method",
                type_name(type_of(v))
            );
            Err(vm.raise_msg(ExcKind::TypeError, &msg))
        }
    }
}

/// An integer argument through `__index__`.
fn index_big(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    let i = vm.index(v)?;
    Ok(to_bigint(i))
}

fn m_factorial(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "factorial")?;
    let i = vm.index(v)?;
    if let Some(n) = int_to_i64(i).filter(|n| (0..=20).contains(n)) {
        let f: i64 = (1..=n).product();
        return vm.new_int(f);
    }
    big_res(vm, nm::factorial(&to_bigint(i)))
}

fn m_isqrt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "isqrt")?;
    let n = index_big(vm, v)?;
    big_res(vm, nm::isqrt(&n))
}

fn all_ints(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Vec<BigInt>> {
    if a.nkw() != 0 {
        let msg = format!("math.{name}() takes no keyword arguments");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    (0..a.len()).map(|i| index_big(vm, a.get(i))).collect()
}

fn m_gcd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = all_ints(vm, a, "gcd")?;
    vm.new_bigint(&nm::gcd(&v))
}

fn m_lcm(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = all_ints(vm, a, "lcm")?;
    vm.new_bigint(&nm::lcm(&v))
}

fn m_comb(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    positional(vm, a, "comb", 2, 2)?;
    let n = index_big(vm, a.get(0))?;
    let k = index_big(vm, a.get(1))?;
    big_res(vm, nm::comb(&n, &k))
}

fn m_perm(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    positional(vm, a, "perm", 1, 2)?;
    let n = index_big(vm, a.get(0))?;
    let k = match a.opt(1).filter(|k| *k != g().none) {
        Some(k) => Some(index_big(vm, k)?),
        None => None,
    };
    big_res(vm, nm::perm(&n, k.as_ref()))
}

/// `log`/`log2`/`log10` argument: ints stay exact.
fn log_value(
    vm: &mut Vm,
    v: Value,
    f: impl FnOnce(nm::LogArg) -> crate::num::int::NumResult<f64>,
) -> PyResult<f64> {
    if is_int(v) {
        let b = to_bigint(v);
        return num_ok(vm, f(nm::LogArg::Int(&b)));
    }
    let x = vm.as_f64(v)?;
    num_ok(vm, f(nm::LogArg::Float(x)))
}

fn m_log(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "math.log() takes no keyword arguments"));
    }
    if !(1..=2).contains(&a.len()) {
        return Err(vm.raise_msg(ExcKind::TypeError, "math.log requires 1 to 2 arguments"));
    }
    let num = log_value(vm, a.get(0), |x| nm::log(x, None))?;
    let r = match a.opt(1) {
        None => num,
        Some(b) => {
            let den = log_value(vm, b, |x| nm::log(x, None))?;
            num_ok(vm, crate::num::float::div(num, den))?
        }
    };
    vm.new_float(r)
}

fn m_log2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "log2")?;
    let r = log_value(vm, v, nm::log2)?;
    vm.new_float(r)
}

fn m_log10(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "log10")?;
    let r = log_value(vm, v, nm::log10)?;
    vm.new_float(r)
}

fn m_frexp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_f(vm, a, "frexp")?;
    let (m, e) = nm::frexp(x);
    let mv = vm.new_float(m)?;
    let ev = vm.new_int(e)?;
    vm.new_tuple(&[mv, ev])
}

fn m_modf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_f(vm, a, "modf")?;
    let (f, i) = nm::modf(x);
    let fv = vm.new_float(f)?;
    let iv = vm.new_float(i)?;
    vm.new_tuple(&[fv, iv])
}

fn m_ldexp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    positional(vm, a, "ldexp", 2, 2)?;
    let x = vm.as_f64(a.get(0))?;
    let i = a.get(1);
    if !is_int(i) {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "Expected an int as second argument to ldexp.",
        ));
    }
    let e = int_to_i64(i).unwrap_or_else(|| {
        if to_bigint(i).is_negative() {
            i64::MIN
        } else {
            i64::MAX
        }
    });
    float_res(vm, nm::ldexp(x, e))
}

static ISCLOSE_SIG: Sig = Sig {
    name: "isclose",
    params: &["a", "b", "rel_tol", "abs_tol"],
    posonly: 0,
    kwonly: 2,
    required: 2,
};

fn m_isclose(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() > 2 {
        let msg = format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            a.len()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let p = bind(vm, a, &ISCLOSE_SIG)?;
    let x = vm.as_f64(p[0].unwrap_or(g().none))?;
    let y = vm.as_f64(p[1].unwrap_or(g().none))?;
    let rel = match p[2] {
        Some(v) => vm.as_f64(v)?,
        None => 1e-09,
    };
    let abs = match p[3] {
        Some(v) => vm.as_f64(v)?,
        None => 0.0,
    };
    let r = num_ok(vm, nm::isclose(x, y, rel, abs))?;
    Ok(vm.bool_val(r))
}

fn floats_of(vm: &mut Vm, items: &[Value]) -> PyResult<Vec<f64>> {
    items.iter().map(|v| vm.as_f64(*v)).collect()
}

fn m_hypot(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "math.hypot() takes no keyword arguments",
        ));
    }
    let items = a.positional();
    let v = floats_of(vm, &items)?;
    vm.new_float(nm::hypot(&v))
}

fn m_dist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    positional(vm, a, "dist", 2, 2)?;
    let p = vm.to_vec(a.get(0))?;
    let q = vm.to_vec(a.get(1))?;
    let p = floats_of(vm, &p)?;
    let q = floats_of(vm, &q)?;
    float_res(vm, nm::dist(&p, &q))
}

fn m_fsum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = one(vm, a, "fsum")?;
    let it = vm.get_iter(v)?;
    let mut xs = Vec::new();
    while let Some(x) = vm.iter_next(it)? {
        xs.push(vm.as_f64(x)?);
    }
    float_res(vm, nm::fsum(xs))
}

/// `math.prod(iterable, *, start=1)`: repeated `*`, with int and float fast paths.
fn m_prod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() + a.nkw() > 2 {
        let msg = format!(
            "prod() takes at most 2 arguments ({} given)",
            a.len() + a.nkw()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if a.len() != 1 {
        let msg = format!(
            "prod() takes exactly 1 positional argument ({} given)",
            a.len()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let mut acc = Value::small(1);
    for (k, v) in a.kwargs() {
        if str_val(k) != "start" {
            let msg = format!("'{}' is an invalid keyword argument for prod()", str_val(k));
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        acc = v;
    }
    let it = vm.get_iter(a.get(0))?;
    while let Some(x) = vm.iter_next(it)? {
        if acc.is_small_int() && x.is_small_int() {
            if let Some(r) = acc.as_small().checked_mul(x.as_small()) {
                acc = vm.new_int(r)?;
                continue;
            }
        }
        if is_exact_float(acc) && is_exact_float(x) {
            acc = vm.new_float(float_val(acc) * float_val(x))?;
            continue;
        }
        acc = vm.binary_op(acc, x, BinOp::Mul, false)?;
    }
    Ok(acc)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("acos", m_acos),
    ("acosh", m_acosh),
    ("asin", m_asin),
    ("asinh", m_asinh),
    ("atan", m_atan),
    ("atan2", m_atan2),
    ("atanh", m_atanh),
    ("cbrt", m_cbrt),
    ("ceil", m_ceil),
    ("comb", m_comb),
    ("copysign", m_copysign),
    ("cos", m_cos),
    ("cosh", m_cosh),
    ("degrees", m_degrees),
    ("dist", m_dist),
    ("erf", m_erf),
    ("erfc", m_erfc),
    ("exp", m_exp),
    ("exp2", m_exp2),
    ("expm1", m_expm1),
    ("fabs", m_fabs),
    ("factorial", m_factorial),
    ("floor", m_floor),
    ("fmod", m_fmod),
    ("frexp", m_frexp),
    ("fsum", m_fsum),
    ("gamma", m_gamma),
    ("gcd", m_gcd),
    ("hypot", m_hypot),
    ("isclose", m_isclose),
    ("isfinite", m_isfinite),
    ("isinf", m_isinf),
    ("isnan", m_isnan),
    ("isqrt", m_isqrt),
    ("lcm", m_lcm),
    ("ldexp", m_ldexp),
    ("lgamma", m_lgamma),
    ("log", m_log),
    ("log10", m_log10),
    ("log1p", m_log1p),
    ("log2", m_log2),
    ("modf", m_modf),
    ("nextafter", m_nextafter),
    ("perm", m_perm),
    ("pow", m_pow),
    ("prod", m_prod),
    ("radians", m_radians),
    ("remainder", m_remainder),
    ("sin", m_sin),
    ("sinh", m_sinh),
    ("sqrt", m_sqrt),
    ("tan", m_tan),
    ("tanh", m_tanh),
    ("trunc", m_trunc),
    ("ulp", m_ulp),
];

/// Creates the module object.
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module_named("math")?;
    let d = vm.dict_of(m);
    vm.def_module_fns(d, FUNCTIONS)?;
    for (name, x) in [
        ("pi", nm::PI),
        ("e", nm::E),
        ("tau", nm::TAU),
        ("inf", nm::INF),
        ("nan", nm::NAN),
    ] {
        let k = vm.intern(name)?;
        let v = vm.new_float(x)?;
        vm.dict_set(d, k, v)?;
    }
    Ok(m)
}
