//! `complex`: pairs of doubles, the object side of `num::complex`.
//!
//! Operators accept complex, float and int operands on either side (ints and floats
//! become `x+0j`, ints with CPython's OverflowError when too large); the arithmetic,
//! parsing and `repr` are `num::complex`'s. Only `==`/`!=` compare; ordering returns
//! NotImplemented so the protocol raises CPython's TypeError.
//!
//! What must hold: results, `repr` and messages equal CPython 3.11's; `hash(z)` equals
//! `hash(z.real)` when `z.imag == 0`, so equal numbers of different types hash alike.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::num::complex::{self as ncx, Complex};
use crate::obj::alloc::{complex_val, float_val, str_val};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::int::{int_to_f64, is_int, num_ok};
use crate::types::slots::{TypeOps, Unary};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

#[inline]
pub fn is_complex(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Complex
}

fn cval(v: Value) -> Complex {
    let (re, im) = complex_val(v);
    Complex::new(re, im)
}

/// An operand as a complex: complex, float or int; `None` for anything else.
fn operand(vm: &mut Vm, v: Value) -> PyResult<Option<Complex>> {
    if is_complex(v) {
        return Ok(Some(cval(v)));
    }
    if v.is_ptr() && kind_of(v) == Kind::Float {
        return Ok(Some(Complex::new(float_val(v), 0.0)));
    }
    if is_int(v) {
        return Ok(Some(Complex::new(int_to_f64(vm, v)?, 0.0)));
    }
    Ok(None)
}

fn new_c(vm: &mut Vm, c: Complex) -> PyResult<Value> {
    vm.new_complex(c.re, c.im)
}

fn complex_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    if !matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow
    ) {
        return Ok(g().not_implemented);
    }
    let num = |v: Value| is_complex(v) || is_int(v) || (v.is_ptr() && kind_of(v) == Kind::Float);
    if !num(a) || !num(b) {
        return Ok(g().not_implemented);
    }
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else {
        return Ok(g().not_implemented);
    };
    let r = match op {
        BinOp::Add => ncx::add(x, y),
        BinOp::Sub => ncx::sub(x, y),
        BinOp::Mul => ncx::mul(x, y),
        BinOp::TrueDiv => num_ok(vm, ncx::div(x, y))?,
        _ => num_ok(vm, ncx::pow(x, y))?,
    };
    new_c(vm, r)
}

fn complex_richcmp(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
    if !is_complex(a) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(g().not_implemented);
    }
    let z = cval(a);
    let equal = if is_int(b) {
        if z.im == 0.0 {
            return crate::types::int::compare_int_float(vm, b, z.re, op);
        }
        false
    } else if b.is_ptr() && kind_of(b) == Kind::Float {
        z.re == float_val(b) && z.im == 0.0
    } else if is_complex(b) {
        let w = cval(b);
        z.re == w.re && z.im == w.im
    } else {
        return Ok(g().not_implemented);
    };
    Ok(vm.bool_val(if op == CmpOp::Eq { equal } else { !equal }))
}

fn complex_hash(_vm: &mut Vm, v: Value) -> PyResult<i64> {
    let z = cval(v);
    let id = if z.re.is_nan() || z.im.is_nan() {
        crate::types::object::object_id(v) as usize
    } else {
        0
    };
    Ok(crate::num::hash::hash_complex(z.re, z.im, id))
}

fn complex_repr(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let z = cval(v);
    let s = ncx::repr(z.re, z.im);
    vm.new_str(&s)
}

fn complex_bool(_vm: &mut Vm, v: Value) -> PyResult<bool> {
    let z = cval(v);
    Ok(z.re != 0.0 || z.im != 0.0)
}

fn complex_unary(vm: &mut Vm, v: Value, u: Unary) -> PyResult<Value> {
    let z = cval(v);
    match u {
        Unary::Neg => vm.new_complex(-z.re, -z.im),
        Unary::Pos => vm.new_complex(z.re, z.im),
        Unary::Abs => {
            let r = num_ok(vm, ncx::abs(z))?;
            vm.new_float(r)
        }
        Unary::Invert => {
            let msg = format!("bad operand type for unary ~: '{}'", type_name(type_of(v)));
            Err(vm.raise_msg(ExcKind::TypeError, &msg))
        }
    }
}

/// A complex (or complex subclass instance) of type `cls`.
fn new_complex_of(vm: &mut Vm, cls: Value, c: Complex) -> PyResult<Value> {
    if cls == ty(T::Complex) {
        return new_c(vm, c);
    }
    let v = vm.alloc(Kind::Complex, cls, std::mem::size_of::<ComplexObj>())?;
    // SAFETY: fresh complex object, not yet published.
    unsafe {
        let o = v.0 as *mut ComplexObj;
        (*o).re = c.re;
        (*o).im = c.im;
    }
    Ok(v)
}

/// True for a number the constructor accepts (has `__float__`/`__index__` or is complex).
fn is_number(vm: &mut Vm, v: Value) -> bool {
    if is_complex(v) || is_int(v) || (v.is_ptr() && kind_of(v) == Kind::Float) {
        return true;
    }
    let t = type_of(v);
    !vm.lookup(t, g().names.__float__).is_null() || !vm.lookup(t, g().names.__index__).is_null()
}

/// `complex(real=0, imag=0)`.
fn complex_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.get(0);
    let (mut r, mut i) = (a.opt(1), a.opt(2));
    if a.len() > 3 {
        let msg = format!(
            "complex() takes at most 2 arguments ({} given)",
            a.len() - 1
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    for (k, v) in a.kwargs() {
        let slot = match str_val(k) {
            "real" => &mut r,
            "imag" => &mut i,
            other => {
                let msg = format!("'{other}' is an invalid keyword argument for complex()");
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        };
        if slot.is_some() {
            let (name, pos) = if str_val(k) == "real" {
                ("real", 1)
            } else {
                ("imag", 2)
            };
            let msg =
                format!("argument for complex() given by name ('{name}') and position ({pos})");
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        *slot = Some(v);
    }
    if r.is_none() && i.is_none() {
        return new_complex_of(vm, cls, Complex::new(0.0, 0.0));
    }
    let mut r = r.unwrap_or(Value::small(0));
    if r.is_ptr() && kind_of(r) == Kind::Str {
        if i.is_some() {
            return Err(vm.raise_msg(
                ExcKind::TypeError,
                "complex() can't take second arg if first is a string",
            ));
        }
        let rep = vm.repr_string(r)?;
        let c = num_ok(vm, ncx::parse(str_val(r), &rep))?;
        return new_complex_of(vm, cls, c);
    }
    if let Some(iv) = i {
        if iv.is_ptr() && kind_of(iv) == Kind::Str {
            return Err(vm.raise_msg(ExcKind::TypeError, "complex() second arg can't be a string"));
        }
    }
    if i.is_none() && cls == ty(T::Complex) && type_of(r) == ty(T::Complex) {
        return Ok(r);
    }
    let nm = vm.intern("__complex__")?;
    if !is_complex(r) || crate::ops::attr::is_heap_type(type_of(r)) {
        if let Some(c) = vm.call_special(r, nm, &[])? {
            if !is_complex(c) {
                let msg = format!(
                    "__complex__ returned non-complex (type {})",
                    type_name(type_of(c))
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            r = c;
        }
    }
    if !is_number(vm, r) {
        let msg = format!(
            "complex() first argument must be a string or a number, not '{}'",
            type_name(type_of(r))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if let Some(iv) = i {
        if !is_number(vm, iv) {
            let msg = format!(
                "complex() second argument must be a number, not '{}'",
                type_name(type_of(iv))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    let (mut cr, r_complex) = if is_complex(r) {
        (cval(r), true)
    } else {
        (
            Complex::new(crate::types::float::float_from_obj(vm, r)?, 0.0),
            false,
        )
    };
    let (mut ci, i_complex) = match i {
        None => (Complex::new(cr.im, 0.0), false),
        Some(iv) if is_complex(iv) => (cval(iv), true),
        Some(iv) => (
            Complex::new(crate::types::float::float_from_obj(vm, iv)?, 0.0),
            false,
        ),
    };
    if i_complex {
        cr.re -= ci.im;
    }
    if r_complex && i.is_some() {
        ci.re += cr.im;
    }
    new_complex_of(vm, cls, Complex::new(cr.re, ci.re))
}

fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.len() != 1 || a.nkw() != 0 {
        let msg = format!(
            "complex.{name}() takes no arguments ({} given)",
            a.len().saturating_sub(1) + a.nkw()
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(())
}

fn complex_conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "conjugate")?;
    let z = cval(a.get(0));
    vm.new_complex(z.re, -z.im)
}

fn complex_complex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    no_args(vm, a, "__complex__")?;
    let v = a.get(0);
    if type_of(v) == ty(T::Complex) {
        return Ok(v);
    }
    new_c(vm, cval(v))
}

fn complex_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = cval(a.get(0));
    let re = vm.new_float(z.re)?;
    let im = vm.new_float(z.im)?;
    vm.new_tuple(&[re, im])
}

fn complex_get_real(vm: &mut Vm, v: Value) -> PyResult<Value> {
    vm.new_float(cval(v).re)
}

fn complex_get_imag(vm: &mut Vm, v: Value) -> PyResult<Value> {
    vm.new_float(cval(v).im)
}

/// `complex.__pow__(other, mod=None)` / `__rpow__`: a modulus is refused.
fn pow_common(vm: &mut Vm, a: &Args, reflected: bool) -> PyResult<Value> {
    if a.len() < 2 || a.len() > 3 || a.nkw() != 0 {
        let msg = format!(
            "expected 1 or 2 arguments, got {}",
            a.len().saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    if a.opt(2).is_some_and(|m| m != g().none) {
        return Err(vm.raise_msg(ExcKind::ValueError, "complex modulo"));
    }
    let (x, y) = if reflected {
        (a.get(1), a.get(0))
    } else {
        (a.get(0), a.get(1))
    };
    complex_binop(vm, x, y, BinOp::Pow)
}

fn complex_pow_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pow_common(vm, a, false)
}

fn complex_rpow_m(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pow_common(vm, a, true)
}

/// `format(z, spec)` following `format_complex_internal`.
fn complex_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 2 || a.nkw() != 0 {
        let msg = format!(
            "__format__ expected 1 argument, got {}",
            a.len().saturating_sub(1)
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let (v, spec_v) = (a.get(0), a.get(1));
    if !(spec_v.is_ptr() && kind_of(spec_v) == Kind::Str) {
        let msg = format!(
            "__format__() argument must be str, not {}",
            type_name(type_of(spec_v))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let spec = str_val(spec_v).to_string();
    if spec.is_empty() {
        return vm.str_of(v);
    }
    match format_complex(cval(v), &spec) {
        Ok(s) => vm.new_str(&s),
        Err(m) => Err(vm.raise_msg(ExcKind::ValueError, &m)),
    }
}

/// The text of `format(z, spec)` for a non-empty spec.
fn format_complex(z: Complex, spec: &str) -> Result<String, String> {
    use crate::num::fmt::{format_float, pad, parse_spec, Spec};
    let sp = parse_spec(spec)?;
    if sp.fill == '0' || (sp.zero && !sp.align_explicit) {
        return Err("Zero padding is not allowed in complex format specifier".into());
    }
    if sp.align == Some('=') {
        return Err("'=' alignment flag is not allowed in complex format specifier".into());
    }
    let (ty_, repr_like) = match sp.ty {
        None if sp.precision.is_none() => (None, true),
        None => (Some('g'), false),
        Some('n') => (Some('g'), false),
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => (Some(c), false),
        Some(c) => {
            return Err(format!(
                "Unknown format code '{c}' for object of type 'complex'"
            ))
        }
    };
    let (skip_re, parens) = if sp.ty.is_none() {
        let skip = z.re == 0.0 && z.re.is_sign_positive();
        (skip, !skip)
    } else {
        (false, false)
    };
    let part = |x: f64, sign: Option<char>| -> Result<String, String> {
        if repr_like {
            let s = ncx::part_repr(x, false);
            return Ok(match sign {
                Some('+') if !s.starts_with('-') => format!("+{s}"),
                Some(' ') if !s.starts_with('-') => format!(" {s}"),
                _ => s,
            });
        }
        let sub = Spec {
            fill: ' ',
            align: None,
            sign,
            alternate: sp.alternate,
            zero: false,
            align_explicit: false,
            width: 0,
            grouping: sp.grouping,
            precision: sp.precision,
            ty: ty_,
            ..sp.clone()
        };
        format_float(x, &sub)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(z.re, sp.sign)?);
    }
    let im_sign = if skip_re { sp.sign } else { Some('+') };
    body.push_str(&part(z.im, im_sign)?);
    body.push('j');
    if parens {
        body.push(')');
    }
    Ok(pad("", &body, &sp, '>'))
}

pub static COMPLEX_OPS: TypeOps = TypeOps {
    repr: Some(complex_repr),
    hash: Some(complex_hash),
    richcmp: Some(complex_richcmp),
    binop: Some(complex_binop),
    unary: Some(complex_unary),
    bool: Some(complex_bool),
    new: Some(complex_new),
    ..TypeOps::EMPTY
};

pub fn init(vm: &mut Vm) -> PyResult<()> {
    let t = ty(T::Complex);
    vm.install_slots(t, &COMPLEX_OPS)?;
    vm.def_methods(
        t,
        &[
            ("conjugate", complex_conjugate),
            ("__complex__", complex_complex),
            ("__getnewargs__", complex_getnewargs),
            ("__format__", complex_format),
            ("__pow__", complex_pow_m),
            ("__rpow__", complex_rpow_m),
        ],
    )?;
    vm.def_getters(t, &[("real", complex_get_real), ("imag", complex_get_imag)])?;
    Ok(())
}
