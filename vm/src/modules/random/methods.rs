//! The drawing methods of `random.Random`: integer ranges, sequence choices and
//! shuffles, and the continuous distributions.
//!
//! How it works: arguments are converted first (ints through `__index__`, with the
//! 3.11 fallback to `int(x)` for integral floats in `randrange`; floats through
//! `__float__`), then one `with_rng` call draws everything, and only afterwards are
//! sequence items read or written, so no Python code runs while the generator is
//! borrowed.
//!
//! What must hold: the same draws, results and messages as `random.py` of 3.11.

use super::{arg_f64, bind_py, one_arg, with_rng};
use crate::interp::call::{Args, NativeFn};
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ExcKind, T};
use crate::spec::{BinOp, CmpOp};
use crate::types::int::{int_from_obj, int_to_i64, is_int, num_ok, to_bigint};
use crate::types::typeobj::type_of;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::Signed;

/// A `randrange` argument: an index, or an integral value `int(x)` accepts.
fn range_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    if is_int(v) {
        return Ok(to_bigint(v));
    }
    match vm.index(v) {
        Ok(i) => Ok(to_bigint(i)),
        Err(e) => {
            if !vm.exc_is(ExcKind::TypeError) {
                return Err(e);
            }
            vm.exc = Value::NULL;
            let i = int_from_obj(vm, v)?;
            if !vm.eq_bool(i, v)? {
                let msg = format!("non-integer {what} for randrange()");
                return Err(vm.raise_msg(ExcKind::ValueError, &msg));
            }
            Ok(to_bigint(i))
        }
    }
}

fn r_randrange(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind_py(vm, a, "randrange", &["self", "start", "stop", "step"], 2, 0)?;
    let start = range_arg(vm, p[1].unwrap_or(g().none), "arg 1")?;
    let stop = p[2].filter(|v| *v != g().none);
    let step_v = p[3];
    let (stop, step) = match stop {
        None => {
            if step_v.is_some_and(|s| s != Value::small(1)) {
                return Err(vm.raise_msg(ExcKind::TypeError, "Missing a non-None stop argument"));
            }
            (None, BigInt::from(1))
        }
        Some(s) => {
            let stop = range_arg(vm, s, "stop")?;
            let step = match step_v {
                Some(st) => range_arg(vm, st, "step")?,
                None => BigInt::from(1),
            };
            (Some(stop), step)
        }
    };
    let r = with_rng(vm, a.get(0), |r| r.randrange(&start, stop.as_ref(), &step))?;
    let n = num_ok(vm, r)?;
    vm.new_bigint(&n)
}

fn r_randint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind_py(vm, a, "randint", &["self", "a", "b"], 3, 0)?;
    let (av, bv) = (p[1].unwrap_or(g().none), p[2].unwrap_or(g().none));
    let lo = range_arg(vm, av, "arg 1")?;
    let hi = range_arg(vm, bv, "stop")?;
    if let (Some(x), Some(y)) = (
        num_traits::ToPrimitive::to_i64(&lo),
        num_traits::ToPrimitive::to_i64(&hi),
    ) {
        if x <= y && y.checked_sub(x).is_some_and(|w| w < i64::MAX) {
            let w = (y - x + 1) as u64;
            let k = with_rng(vm, a.get(0), |r| r.randbelow_u64(w))?;
            return vm.new_int(x + k as i64);
        }
    }
    let r = with_rng(vm, a.get(0), |r| r.randint(&lo, &hi))?;
    let n = num_ok(vm, r)?;
    vm.new_bigint(&n)
}

fn r_choice(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let seq = one_arg(vm, a, "choice", "seq")?;
    let n = vm.len(seq)?;
    let r = with_rng(vm, a.get(0), |r| r.choice_index(n))?;
    let i = num_ok(vm, r)?;
    let k = vm.new_int(i as i64)?;
    vm.getitem(seq, k)
}

fn r_shuffle(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = one_arg(vm, a, "shuffle", "x")?;
    if x.is_ptr() && type_of(x) == crate::runtime::ty(T::List) {
        let mut items = crate::types::list::list_items(x);
        with_rng(vm, a.get(0), |r| r.shuffle(&mut items))?;
        vm.list_replace(x, &items)?;
        return Ok(g().none);
    }
    let n = vm.len(x)?;
    let js = with_rng(vm, a.get(0), |r| {
        (1..n)
            .rev()
            .map(|i| (i, r.randbelow_u64(i as u64 + 1) as usize))
            .collect::<Vec<_>>()
    })?;
    for (i, j) in js {
        let (ki, kj) = (vm.new_int(i as i64)?, vm.new_int(j as i64)?);
        let xi = vm.getitem(x, ki)?;
        let xj = vm.getitem(x, kj)?;
        vm.setitem(x, ki, xj)?;
        vm.setitem(x, kj, xi)?;
    }
    Ok(g().none)
}

/// True for objects `random.sample` accepts as a population (a Sequence).
fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    if v.is_ptr() && matches!(kind_of(v), Kind::Set | Kind::Dict) {
        return false;
    }
    let t = type_of(v);
    !vm.lookup(t, g().names.__len__).is_null() && !vm.lookup(t, g().names.__getitem__).is_null()
}

fn r_sample(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind_py(
        vm,
        a,
        "sample",
        &["self", "population", "k", "counts"],
        3,
        1,
    )?;
    let pop = p[1].unwrap_or(g().none);
    if !is_sequence(vm, pop) {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let n = vm.len(pop)?;
    let kv = vm.index(p[2].unwrap_or(g().none))?;
    let k = int_to_i64(kv).unwrap_or(-1);
    let counts = p[3].filter(|c| *c != g().none);
    let Some(counts) = counts else {
        let r = with_rng(vm, a.get(0), |r| r.sample_indices(n, k))?;
        let idx = num_ok(vm, r)?;
        let mut out = Vec::with_capacity(idx.len());
        for i in idx {
            let key = vm.new_int(i as i64)?;
            out.push(vm.getitem(pop, key)?);
        }
        return vm.new_list(&out);
    };
    // Weighted by counts: sample positions of the expanded population.
    let counts = vm.to_vec(counts)?;
    let mut cum = Vec::with_capacity(counts.len());
    let mut acc: Option<Value> = None;
    for c in counts {
        let s = match acc {
            None => c,
            Some(x) => vm.binary_op(x, c, BinOp::Add, false)?,
        };
        cum.push(s);
        acc = Some(s);
    }
    if cum.len() != n {
        return Err(vm.raise_msg(
            ExcKind::ValueError,
            "The number of counts does not match the population",
        ));
    }
    let Some(total) = cum.pop() else {
        return Err(vm.raise_msg(ExcKind::IndexError, "pop from empty list"));
    };
    if !is_int(total) {
        return Err(vm.raise_msg(ExcKind::TypeError, "Counts must be integers"));
    }
    let total = to_bigint(total);
    if !total.is_positive() {
        return Err(vm.raise_msg(
            ExcKind::ValueError,
            "Total of counts must be greater than zero",
        ));
    }
    let Some(total) = num_traits::ToPrimitive::to_usize(&total) else {
        return Err(vm.raise_msg(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        ));
    };
    let r = with_rng(vm, a.get(0), |r| r.sample_indices(total, k))?;
    let picks = num_ok(vm, r)?;
    let mut out = Vec::with_capacity(picks.len());
    for s in picks {
        let sv = vm.new_int(s as i64)?;
        let pos = bisect_right(vm, &cum, sv, cum.len())?;
        let key = vm.new_int(pos as i64)?;
        out.push(vm.getitem(pop, key)?);
    }
    vm.new_list(&out)
}

/// `bisect.bisect_right(items[:hi], x)`.
fn bisect_right(vm: &mut Vm, items: &[Value], x: Value, hi: usize) -> PyResult<usize> {
    let (mut lo, mut hi) = (0, hi.min(items.len()));
    while lo < hi {
        let mid = (lo + hi) / 2;
        if vm.cmp_bool(x, items[mid], CmpOp::Lt)? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn r_choices(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let params = &["self", "population", "weights", "cum_weights", "k"];
    let p = bind_py(vm, a, "choices", params, 2, 2)?;
    let pop = p[1].unwrap_or(g().none);
    let n = vm.len(pop)?;
    let k = match p[4] {
        Some(kv) => {
            let i = vm.index(kv)?;
            int_to_i64(i).unwrap_or(0).max(0) as usize
        }
        None => 1,
    };
    let weights = p[2].filter(|w| *w != g().none);
    let cum_weights = p[3].filter(|w| *w != g().none);
    let picks = match (weights, cum_weights) {
        (None, None) if n == 0 && k > 0 => {
            // CPython draws once, then fails to index the empty population.
            with_rng(vm, a.get(0), |r| r.random())?;
            return vm.getitem(pop, Value::small(0));
        }
        (None, None) => {
            let r = with_rng(vm, a.get(0), |r| r.choices_indices(n, k))?;
            num_ok(vm, r)?
        }
        (Some(_), Some(_)) => {
            return Err(vm.raise_msg(
                ExcKind::TypeError,
                "Cannot specify both weights and cumulative weights",
            ))
        }
        (w, c) => {
            let cum = match (w, c) {
                (Some(w), _) => {
                    let items = match vm.to_vec(w) {
                        Ok(items) => items,
                        Err(e) => {
                            if is_int(w) && vm.exc_is(ExcKind::TypeError) {
                                vm.exc = Value::NULL;
                                let s = vm.str_string(w)?;
                                let msg = format!(
                                    "The number of choices must be a keyword argument: k={s}"
                                );
                                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
                            }
                            return Err(e);
                        }
                    };
                    let mut cum = Vec::with_capacity(items.len());
                    let mut acc: Option<Value> = None;
                    for x in items {
                        let s = match acc {
                            None => x,
                            Some(y) => vm.binary_op(y, x, BinOp::Add, false)?,
                        };
                        cum.push(s);
                        acc = Some(s);
                    }
                    cum
                }
                (None, Some(c)) => vm.to_vec(c)?,
                (None, None) => Vec::new(),
            };
            if cum.len() != n {
                return Err(vm.raise_msg(
                    ExcKind::ValueError,
                    "The number of weights does not match the population",
                ));
            }
            let mut cw = Vec::with_capacity(cum.len());
            for c in cum {
                cw.push(arg_f64(vm, c)?);
            }
            let r = with_rng(vm, a.get(0), |r| r.choices_cum_weights(&cw, k))?;
            num_ok(vm, r)?
        }
    };
    let mut out = Vec::with_capacity(picks.len());
    for i in picks {
        let key = vm.new_int(i as i64)?;
        out.push(vm.getitem(pop, key)?);
    }
    vm.new_list(&out)
}

/// Binds float parameters (after `self`) with their defaults; `None` marks a
/// required one (required ones come first).
fn float_args(
    vm: &mut Vm,
    a: &Args,
    name: &'static str,
    params: &'static [&'static str],
    defaults: &[Option<f64>],
) -> PyResult<Vec<f64>> {
    let required = 1 + defaults.iter().filter(|d| d.is_none()).count();
    let p = bind_py(vm, a, name, params, required, 0)?;
    let mut out = Vec::with_capacity(defaults.len());
    for (v, d) in p[1..].iter().zip(defaults) {
        match v {
            Some(v) => out.push(arg_f64(vm, *v)?),
            None => out.push(d.unwrap_or(0.0)),
        }
    }
    Ok(out)
}

fn r_uniform(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = float_args(vm, a, "uniform", &["self", "a", "b"], &[None, None])?;
    let x = with_rng(vm, a.get(0), |r| r.uniform(v[0], v[1]))?;
    vm.new_float(x)
}

fn r_triangular(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let params = &["self", "low", "high", "mode"];
    let mode = a.opt(3).or_else(|| a.kw("mode")).filter(|m| *m != g().none);
    let v = float_args(
        vm,
        a,
        "triangular",
        params,
        &[Some(0.0), Some(1.0), Some(0.0)],
    )?;
    let m = mode.map(|_| v[2]);
    let x = with_rng(vm, a.get(0), |r| r.triangular(v[0], v[1], m))?;
    if mode.is_some() && v[1] - v[0] == 0.0 {
        // CPython returns `low` itself after catching the ZeroDivisionError.
        if let Some(low) = a.opt(1).or_else(|| a.kw("low")) {
            return Ok(low);
        }
    }
    vm.new_float(x)
}

fn r_gauss(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = float_args(
        vm,
        a,
        "gauss",
        &["self", "mu", "sigma"],
        &[Some(0.0), Some(1.0)],
    )?;
    let x = with_rng(vm, a.get(0), |r| r.gauss(v[0], v[1]))?;
    vm.new_float(x)
}

fn r_normalvariate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let params = &["self", "mu", "sigma"];
    let v = float_args(vm, a, "normalvariate", params, &[Some(0.0), Some(1.0)])?;
    let x = with_rng(vm, a.get(0), |r| r.normalvariate(v[0], v[1]))?;
    vm.new_float(x)
}

fn r_lognormvariate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let params = &["self", "mu", "sigma"];
    let v = float_args(vm, a, "lognormvariate", params, &[None, None])?;
    let x = with_rng(vm, a.get(0), |r| r.lognormvariate(v[0], v[1]))?;
    vm.new_float(x)
}

fn r_expovariate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = float_args(vm, a, "expovariate", &["self", "lambd"], &[None])?;
    let r = with_rng(vm, a.get(0), |r| r.expovariate(v[0]))?;
    let x = num_ok(vm, r)?;
    vm.new_float(x)
}

fn r_vonmisesvariate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let params = &["self", "mu", "kappa"];
    let v = float_args(vm, a, "vonmisesvariate", params, &[None, None])?;
    let r = with_rng(vm, a.get(0), |r| r.vonmisesvariate(v[0], v[1]))?;
    let x = num_ok(vm, r)?;
    vm.new_float(x)
}

fn r_gammavariate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let params = &["self", "alpha", "beta"];
    let v = float_args(vm, a, "gammavariate", params, &[None, None])?;
    let r = with_rng(vm, a.get(0), |r| r.gammavariate(v[0], v[1]))?;
    let x = num_ok(vm, r)?;
    vm.new_float(x)
}

fn r_betavariate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let params = &["self", "alpha", "beta"];
    let v = float_args(vm, a, "betavariate", params, &[None, None])?;
    let r = with_rng(vm, a.get(0), |r| r.betavariate(v[0], v[1]))?;
    let x = num_ok(vm, r)?;
    vm.new_float(x)
}

fn r_paretovariate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = float_args(vm, a, "paretovariate", &["self", "alpha"], &[None])?;
    let r = with_rng(vm, a.get(0), |r| r.paretovariate(v[0]))?;
    let x = num_ok(vm, r)?;
    vm.new_float(x)
}

fn r_weibullvariate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let params = &["self", "alpha", "beta"];
    let v = float_args(vm, a, "weibullvariate", params, &[None, None])?;
    let r = with_rng(vm, a.get(0), |r| r.weibullvariate(v[0], v[1]))?;
    let x = num_ok(vm, r)?;
    vm.new_float(x)
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("randrange", r_randrange),
    ("randint", r_randint),
    ("choice", r_choice),
    ("shuffle", r_shuffle),
    ("sample", r_sample),
    ("choices", r_choices),
    ("uniform", r_uniform),
    ("triangular", r_triangular),
    ("gauss", r_gauss),
    ("normalvariate", r_normalvariate),
    ("lognormvariate", r_lognormvariate),
    ("expovariate", r_expovariate),
    ("vonmisesvariate", r_vonmisesvariate),
    ("gammavariate", r_gammavariate),
    ("betavariate", r_betavariate),
    ("paretovariate", r_paretovariate),
    ("weibullvariate", r_weibullvariate),
];
