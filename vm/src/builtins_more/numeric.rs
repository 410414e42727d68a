//! Numeric builtins: `min`, `max`, `sum`, `round`, `pow`, `divmod`, `bin`, `oct`, `hex`,
//! `chr`, `ord`, `format`.
//!
//! `sum` keeps CPython's fast paths: a run of small ints is added in an `i64` (falling
//! back to generic `+` on overflow), a run of floats in an `f64`, left to right (3.11
//! does not compensate). `round` delegates to `__round__`; ints (whose `__round__` may
//! not be installed) are rounded here with banker's rounding for negative `ndigits`.
//!
//! What must hold: the same results and messages as CPython 3.11.

use crate::builtins_more::{bind, not_none, Sig};
use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::{float_val, str_val};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::int::{is_int, to_bigint};
use crate::types::typeobj::{isinstance, type_name, type_of};
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

/// `min`/`max`: `op` is the comparison that makes a new item win.
fn min_max(vm: &mut Vm, a: &Args, name: &str, op: CmpOp) -> PyResult<Value> {
    // Where the keyword values sit among the arguments: they are read after gathering
    // the items, which may let the heap collect (a value held across would be stale).
    let mut key_at = None;
    let mut default_at = None;
    for (i, (k, _)) in a.kwargs().into_iter().enumerate() {
        match str_val(k) {
            "key" => key_at = Some(a.len() + i),
            "default" => default_at = Some(a.len() + i),
            other => {
                let msg = format!("{name}() got an unexpected keyword argument '{other}'");
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        }
    }
    if a.is_empty() {
        let msg = format!("{name} expected at least 1 argument, got 0");
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let items: Vec<Value> = if a.len() == 1 {
        // Nothing but the arguments is held across: the heap may collect meanwhile.
        vm.to_vec_collecting(a.get(0), a.from_interp())?
    } else {
        if default_at.is_some() {
            let msg =
                format!("Cannot specify a default for {name}() with multiple positional arguments");
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        a.positional()
    };
    let key = not_none(key_at.map(|i| a.get(i)));
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match key {
            Some(f) => vm.call(f, &[item])?,
            None => item,
        };
        best = match best {
            None => Some((item, k)),
            Some((bi, bk)) => {
                if vm.cmp_bool(k, bk, op)? {
                    Some((item, k))
                } else {
                    Some((bi, bk))
                }
            }
        };
    }
    match best {
        Some((v, _)) => Ok(v),
        None => match default_at {
            Some(i) => Ok(a.get(i)),
            None => {
                let msg = format!("{name}() arg is an empty sequence");
                Err(vm.raise_msg(ExcKind::ValueError, &msg))
            }
        },
    }
}

fn b_max(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    min_max(vm, a, "max", CmpOp::Gt)
}

fn b_min(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    min_max(vm, a, "min", CmpOp::Lt)
}

static SUM_SIG: Sig = Sig {
    name: "sum",
    params: &["iterable", "start"],
    posonly: 1,
    kwonly: 2,
    required: 1,
};

fn is_exact_float(v: Value) -> bool {
    v.is_ptr() && type_of(v) == ty(T::Float)
}

fn is_exact_int(v: Value) -> bool {
    v.is_small_int() || (v.is_ptr() && type_of(v) == ty(T::Int))
}

fn b_sum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let ok = a.from_interp();
    let p = bind(vm, a, &SUM_SIG)?;
    let Some(iterable) = p[0] else {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "sum() takes at least 1 positional argument (0 given)",
        ));
    };
    let mut acc = p[1].unwrap_or(Value::small(0));
    for (t, what) in [
        (T::Str, "strings [use ''.join(seq) instead]"),
        (T::Bytes, "bytes [use b''.join(seq) instead]"),
        (T::ByteArray, "bytearray, use b''.join(seq) instead"),
    ] {
        if isinstance(acc, ty(t)) {
            let msg = format!("sum() can't sum {what}");
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    let mut it = vm.get_iter(iterable)?;
    // Between items the heap may collect (`native_safepoint`): `it` and `acc` are the
    // only heap values held across it.
    // Int fast path.
    if acc.is_small_int() || is_exact_int(acc) {
        if let Some(mut n) = crate::types::int::int_to_i64(acc) {
            loop {
                vm.native_safepoint(ok, std::slice::from_mut(&mut it));
                let Some(x) = vm.iter_next(it)? else {
                    return vm.new_int(n);
                };
                if x.is_small_int()
                    || (is_exact_int(x) && crate::types::int::int_to_i64(x).is_some())
                {
                    let xi = crate::types::int::int_to_i64(x).unwrap_or(0);
                    if let Some(s) = n.checked_add(xi) {
                        n = s;
                        continue;
                    }
                }
                let cur = vm.new_int(n)?;
                acc = vm.binary_op(cur, x, BinOp::Add, false)?;
                break;
            }
        }
    }
    // Float fast path.
    if is_exact_float(acc) {
        let mut f = float_val(acc);
        loop {
            vm.native_safepoint(ok, std::slice::from_mut(&mut it));
            let Some(x) = vm.iter_next(it)? else {
                return vm.new_float(f);
            };
            if is_exact_float(x) {
                f += float_val(x);
                continue;
            }
            if x.is_small_int() {
                f += x.as_small() as f64;
                continue;
            }
            let cur = vm.new_float(f)?;
            acc = vm.binary_op(cur, x, BinOp::Add, false)?;
            break;
        }
    }
    loop {
        let mut live = [it, acc];
        vm.native_safepoint(ok, &mut live);
        [it, acc] = live;
        let Some(x) = vm.iter_next(it)? else {
            return Ok(acc);
        };
        acc = vm.binary_op(acc, x, BinOp::Add, false)?;
    }
}

static ROUND_SIG: Sig = Sig {
    name: "round",
    params: &["number", "ndigits"],
    posonly: 0,
    kwonly: 2,
    required: 1,
};

/// `round(int, ndigits)` with ties to even.
fn int_round(vm: &mut Vm, n: Value, nd: Option<Value>) -> PyResult<Value> {
    let as_int = |vm: &mut Vm, v: Value| -> PyResult<Value> {
        if type_of(v) == ty(T::Bool) {
            vm.new_int(crate::types::int::int_to_i64(v).unwrap_or(0))
        } else {
            Ok(v)
        }
    };
    let Some(nd) = nd else {
        return as_int(vm, n);
    };
    let ndv = vm.index(nd)?;
    let ndb = to_bigint(ndv);
    if !ndb.is_negative() {
        return as_int(vm, n);
    }
    let digits = ndb.magnitude().clone();
    let x = to_bigint(n);
    // 10**digits beyond the value's size rounds to 0.
    let len = x.magnitude().to_string().len() as u64;
    if digits > num_bigint::BigUint::from(len + 1) {
        return vm.new_int(0);
    }
    let e = u32::try_from(&digits).unwrap_or(u32::MAX);
    let pow = num_traits::pow(BigInt::from(10), e as usize);
    let (mut q, r) = x.div_mod_floor(&pow);
    let twice: BigInt = &r * 2;
    if twice > pow || (twice == pow && q.is_odd()) {
        q += 1;
    }
    vm.new_bigint(&(q * pow))
}

fn b_round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind(vm, a, &ROUND_SIG)?;
    let x = p[0].unwrap_or(g().none);
    let nd = not_none(p[1]);
    let typ = type_of(x);
    let nm = vm.intern("__round__")?;
    let d = vm.lookup(typ, nm);
    if d.is_null() {
        if is_int(x) {
            return int_round(vm, x, nd);
        }
        let msg = format!("type {} doesn't define __round__ method", type_name(typ));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let f = vm.bind_descriptor(d, x, typ)?;
    match nd {
        None => vm.call(f, &[]),
        Some(n) => vm.call(f, &[n]),
    }
}

static POW_SIG: Sig = Sig {
    name: "pow",
    params: &["base", "exp", "mod"],
    posonly: 0,
    kwonly: 3,
    required: 2,
};

fn b_pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind(vm, a, &POW_SIG)?;
    let (b, e) = (p[0].unwrap_or(g().none), p[1].unwrap_or(g().none));
    match not_none(p[2]) {
        None => vm.binary_op(b, e, BinOp::Pow, false),
        Some(m) => crate::ops::arith::ternary_pow(vm, b, e, m),
    }
}

fn b_divmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::two_args(vm, a, "divmod")?;
    let (x, y) = (a.get(0), a.get(1));
    let num = |v: Value| is_exact_int(v) || type_of(v) == ty(T::Bool) || is_exact_float(v);
    if is_int(x) && is_int(y) && num(x) && num(y) {
        if let (Some(p), Some(q)) = (
            crate::types::int::int_to_i64(x),
            crate::types::int::int_to_i64(y),
        ) {
            if q == 0 {
                return Err(vm.raise_msg(
                    ExcKind::ZeroDivisionError,
                    "integer division or modulo by zero",
                ));
            }
            if !(p == i64::MIN && q == -1) {
                let (d, m) = p.div_mod_floor(&q);
                let dv = vm.new_int(d)?;
                let mv = vm.new_int(m)?;
                return vm.new_tuple(&[dv, mv]);
            }
        }
        let (p, q) = (to_bigint(x), to_bigint(y));
        if q.is_zero() {
            return Err(vm.raise_msg(
                ExcKind::ZeroDivisionError,
                "integer division or modulo by zero",
            ));
        }
        let (d, m) = p.div_mod_floor(&q);
        let dv = vm.new_bigint(&d)?;
        let mv = vm.new_bigint(&m)?;
        return vm.new_tuple(&[dv, mv]);
    }
    if num(x) && num(y) {
        let fx = vm.as_f64(x)?;
        let fy = vm.as_f64(y)?;
        if fy == 0.0 {
            return Err(vm.raise_msg(ExcKind::ZeroDivisionError, "float divmod()"));
        }
        let (d, m) = crate::types::float::float_divmod(fx, fy);
        let dv = vm.new_float(d)?;
        let mv = vm.new_float(m)?;
        return vm.new_tuple(&[dv, mv]);
    }
    let dm = vm.intern("__divmod__")?;
    let rdm = vm.intern("__rdivmod__")?;
    let (tx, ty_) = (type_of(x), type_of(y));
    let reflected_first =
        tx != ty_ && crate::types::typeobj::is_subtype(ty_, tx) && !vm.lookup(ty_, rdm).is_null();
    if reflected_first {
        if let Some(r) = vm.call_special(y, rdm, &[x])? {
            if r != g().not_implemented {
                return Ok(r);
            }
        }
    }
    if let Some(r) = vm.call_special(x, dm, &[y])? {
        if r != g().not_implemented {
            return Ok(r);
        }
    }
    if tx != ty_ && !reflected_first {
        if let Some(r) = vm.call_special(y, rdm, &[x])? {
            if r != g().not_implemented {
                return Ok(r);
            }
        }
    }
    let msg = format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        type_name(tx),
        type_name(ty_)
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

fn radix(vm: &mut Vm, a: &Args, name: &str, radix: u32, prefix: &str) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, name)?;
    let v = vm.index(a.get(0))?;
    let n = to_bigint(v);
    let digits = n.magnitude().to_str_radix(radix);
    let s = if n.is_negative() {
        format!("-{prefix}{digits}")
    } else {
        format!("{prefix}{digits}")
    };
    vm.new_str(&s)
}

fn b_bin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    radix(vm, a, "bin", 2, "0b")
}

fn b_oct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    radix(vm, a, "oct", 8, "0o")
}

fn b_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    radix(vm, a, "hex", 16, "0x")
}

fn b_chr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, "chr")?;
    let v = a.get(0);
    if !is_int(v) {
        let idx = vm.lookup(type_of(v), g().names.__index__);
        if idx.is_null() {
            let msg = format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(type_of(v))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    let iv = vm.index(v)?;
    let n = match crate::types::int::int_to_i64(iv) {
        Some(n) => n,
        None => {
            return Err(vm.raise_msg(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            ))
        }
    };
    if n > i32::MAX as i64 || n < i32::MIN as i64 {
        return Err(vm.raise_msg(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    if !(0..0x110000).contains(&n) {
        return Err(vm.raise_msg(ExcKind::ValueError, "chr() arg not in range(0x110000)"));
    }
    if n < 256 {
        return Ok(g().chars[n as usize]);
    }
    match char::from_u32(n as u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            vm.new_str(c.encode_utf8(&mut buf))
        }
        None => Err(vm.raise_msg(
            ExcKind::ValueError,
            "chr() arg is a surrogate code point (not representable in hotpy strings)",
        )),
    }
}

fn b_ord(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, "ord")?;
    let v = a.get(0);
    if v.is_ptr() {
        match kind_of(v) {
            Kind::Str => {
                let s = str_val(v);
                let mut it = s.chars();
                if let (Some(c), None) = (it.next(), it.next()) {
                    return vm.new_int(c as i64);
                }
                let msg = format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            Kind::Bytes | Kind::ByteArray => {
                let b: Vec<u8> = if kind_of(v) == Kind::Bytes {
                    bytes_data(v).to_vec()
                } else {
                    // SAFETY: kind checked.
                    let o = unsafe { obj::<ByteArrayObj>(v) };
                    let n = load(&o.len);
                    raw_data(o.buf.get())[..n].to_vec()
                };
                if b.len() == 1 {
                    return vm.new_int(b[0] as i64);
                }
                let msg = format!(
                    "ord() expected a character, but string of length {} found",
                    b.len()
                );
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            _ => {}
        }
    }
    let msg = format!(
        "ord() expected string of length 1, but {} found",
        type_name(type_of(v))
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

static FORMAT_SIG: Sig = Sig {
    name: "format",
    params: &["value", "format_spec"],
    posonly: 2,
    kwonly: 2,
    required: 1,
};

fn b_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind(vm, a, &FORMAT_SIG)?;
    let v = p[0].unwrap_or(g().none);
    let spec = p[1].unwrap_or(g().empty_str);
    if !crate::types::str::is_str(spec) {
        let msg = format!(
            "format() argument 2 must be str, not {}",
            type_name(type_of(spec))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    vm.format(v, spec)
}

pub fn init(vm: &mut Vm, dict: Value) -> PyResult<()> {
    vm.def_module_fns(
        dict,
        &[
            ("min", b_min),
            ("max", b_max),
            ("sum", b_sum),
            ("round", b_round),
            ("pow", b_pow),
            ("divmod", b_divmod),
            ("bin", b_bin),
            ("oct", b_oct),
            ("hex", b_hex),
            ("chr", b_chr),
            ("ord", b_ord),
            ("format", b_format),
        ],
    )
}
