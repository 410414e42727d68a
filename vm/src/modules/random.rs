//! The `random` module: `random.Random`, `random.SystemRandom` and the module-level
//! functions, on the Mersenne Twister of `num::mt`.
//!
//! How it works: the class shell (`__init__`, `SystemRandom`, the bound methods of the
//! hidden instance `_inst` that become the module functions) is a few lines of Python
//! run in the module's namespace; every method that draws numbers is a native method
//! added to the class. A `Random` instance keeps its generator in the attribute
//! `_hotpy_mt`: a raw heap buffer holding the state in `num::mt`'s flat byte form
//! (copied into a `num::mt::Random` for each call and written back), so it moves with
//! the collector and dies with its owner. The hidden module instance stores `0` there
//! instead and uses the process-wide generator `MODULE_RNG`, which needs no copying.
//! Drawing methods live in `random/methods.rs`.
//!
//! What must hold: for the same seed every method returns CPython 3.11's values in the
//! same order (the library consumes the generator exactly as `random.py` does), and
//! no Python code runs while the generator is borrowed.

use crate::interp::call::{Args, NativeFn};
use crate::interp::state::{PyResult, Vm};
use crate::num::mt::{Random, STATE_BYTES};
use crate::obj::alloc::{float_val, str_val};
use crate::obj::layout::*;
use crate::runtime::{g, ExcKind};
use crate::types::int::{int_to_i64, is_int, num_ok, to_bigint};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use num_bigint::BigInt;

mod methods;

/// The generator of the module-level functions (the hidden `_inst`).
static MODULE_RNG: parking_lot::Mutex<Option<Random>> = parking_lot::const_mutex(None);

/// Name of the instance attribute holding the state buffer.
const ATTR: &str = "_hotpy_mt";

/// The Python part of the module.
const SHELL: &str = r#"
class Random:
    """Random number generator (the Mersenne Twister of CPython)."""
    VERSION = 3

    def __init__(self, x=None):
        self.seed(x)

    def __reduce__(self):
        return (self.__class__, (), self.getstate())


class SystemRandom(Random):
    """Random numbers from the operating system's entropy source."""

    def random(self):
        return (int.from_bytes(_urandom(7), 'big') >> 3) * (2.0 ** -53)

    def getrandbits(self, k):
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        nbytes = (k + 7) // 8
        return int.from_bytes(_urandom(nbytes), 'big') >> (nbytes * 8 - k)

    def randbytes(self, n):
        return _urandom(n)

    def seed(self, *args, **kwds):
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')

    getstate = setstate = _notimplemented


_inst = Random.__new__(Random)
_inst._hotpy_mt = 0
_inst.seed()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
__all__ = ["Random", "SystemRandom", "betavariate", "choice", "choices",
           "expovariate", "gammavariate", "gauss", "getrandbits", "getstate",
           "lognormvariate", "normalvariate", "paretovariate", "randbytes",
           "randint", "random", "randrange", "sample", "seed", "setstate",
           "shuffle", "triangular", "uniform", "vonmisesvariate", "weibullvariate"]
"#;

/// `n` bytes from the OS entropy source (a time-based fallback if it is unavailable).
fn os_random_bytes(n: usize) -> Vec<u8> {
    use std::io::Read;
    let mut buf = vec![0u8; n];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    if !ok {
        // Mix the clock and a counter into the buffer (splitmix64).
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        let mut x = t ^ u64::from(std::process::id()).rotate_left(32);
        for chunk in buf.chunks_mut(8) {
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^= z >> 31;
            for (d, s) in chunk.iter_mut().zip(z.to_le_bytes()) {
                *d = s;
            }
        }
    }
    buf
}

/// Seeds `r` as `seed(None)` does: 624 words of OS entropy.
fn seed_from_os(r: &mut Random) {
    let bytes = os_random_bytes(624 * 4);
    let words: Vec<u32> = bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    r.seed_words(&words);
}

fn os_seeded() -> Random {
    let mut r = Random::new();
    seed_from_os(&mut r);
    r
}

/// Where an instance keeps its generator.
enum Slot {
    Module,
    Buffer(Value),
}

fn slot(vm: &mut Vm, this: Value) -> PyResult<Slot> {
    let key = vm.intern(ATTR)?;
    match vm.getattr_opt(this, key)? {
        Some(v) if v == Value::small(0) => Ok(Slot::Module),
        Some(v) if v.is_ptr() && kind_of(v) == Kind::Raw && raw_data(v).len() >= STATE_BYTES => {
            Ok(Slot::Buffer(v))
        }
        _ => {
            let b = vm.new_raw(STATE_BYTES)?;
            os_seeded().write_bytes(raw_data(b));
            vm.setattr(this, key, b)?;
            Ok(Slot::Buffer(b))
        }
    }
}

/// Runs `f` on the generator of `this` (no Python code may run inside `f`).
pub fn with_rng<R>(vm: &mut Vm, this: Value, f: impl FnOnce(&mut Random) -> R) -> PyResult<R> {
    match slot(vm, this)? {
        Slot::Module => {
            let mut guard = MODULE_RNG.lock();
            Ok(f(guard.get_or_insert_with(os_seeded)))
        }
        Slot::Buffer(b) => {
            let mut r = Random::from_bytes(raw_data(b)).unwrap_or_else(os_seeded);
            let out = f(&mut r);
            r.write_bytes(raw_data(b));
            Ok(out)
        }
    }
}

/// A float argument.
pub fn arg_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_ptr() && kind_of(v) == Kind::Float {
        return Ok(float_val(v));
    }
    vm.as_f64(v)
}

/// Binds the arguments of a method written in Python in CPython's `random.py`, with
/// the messages of a Python function: `params` includes `self`; the first `required`
/// are required, the last `kwonly` are keyword-only (never required here).
pub fn bind_py(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    params: &[&str],
    required: usize,
    kwonly: usize,
) -> PyResult<Vec<Option<Value>>> {
    let npos = params.len() - kwonly;
    let mut out: Vec<Option<Value>> = vec![None; params.len()];
    if a.len() > npos {
        let msg = if required == npos {
            format!(
                "Random.{name}() takes {npos} positional argument{} but {} {} given",
                if npos == 1 { "" } else { "s" },
                a.len(),
                if a.len() == 1 { "was" } else { "were" }
            )
        } else {
            format!(
                "Random.{name}() takes from {required} to {npos} positional arguments but {} were given",
                a.len()
            )
        };
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    for (i, slot) in out.iter_mut().enumerate().take(a.len()) {
        *slot = Some(a.get(i));
    }
    for (k, v) in a.kwargs() {
        let key = str_val(k);
        match params.iter().skip(1).position(|p| *p == key) {
            Some(i) if out[i + 1].is_some() => {
                let msg = format!("Random.{name}() got multiple values for argument '{key}'");
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
            Some(i) => out[i + 1] = Some(v),
            None => {
                let msg = format!("Random.{name}() got an unexpected keyword argument '{key}'");
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        }
    }
    let missing: Vec<String> = (1..required)
        .filter(|&i| out[i].is_none())
        .map(|i| format!("'{}'", params[i]))
        .collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        let msg = format!(
            "Random.{name}() missing {} required positional argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(out)
}

/// How `seed(a, version)` seeds the generator.
enum SeedKind {
    Os,
    Int(BigInt),
    Bytes(Vec<u8>),
    Hash(i64),
}

fn seed_kind(vm: &mut Vm, a: Value, version: Value) -> PyResult<SeedKind> {
    if a == g().none {
        return Ok(SeedKind::Os);
    }
    let v = int_to_i64(version);
    let text_kind = a.is_ptr().then(|| kind_of(a));
    let is_text = matches!(text_kind, Some(Kind::Str | Kind::Bytes));
    if v == Some(1) && is_text {
        let chars: Vec<u32> = match text_kind {
            Some(Kind::Str) => str_val(a).chars().map(u32::from).collect(),
            _ => bytes_data(a).iter().map(|&b| u32::from(b)).collect(),
        };
        return Ok(SeedKind::Int(BigInt::from(Random::version1_seed(&chars))));
    }
    if v == Some(2) && (is_text || text_kind == Some(Kind::ByteArray)) {
        let bytes = match text_kind {
            Some(Kind::Str) => str_val(a).as_bytes().to_vec(),
            Some(Kind::Bytes) => bytes_data(a).to_vec(),
            _ => crate::types::bytes::bytearray_data(a).to_vec(),
        };
        return Ok(SeedKind::Bytes(bytes));
    }
    if is_int(a) {
        return Ok(SeedKind::Int(to_bigint(a)));
    }
    let allowed = matches!(
        text_kind,
        Some(Kind::Float | Kind::Str | Kind::Bytes | Kind::ByteArray)
    );
    if !allowed {
        return Err(vm.raise_msg(
            ExcKind::TypeError,
            "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
        ));
    }
    Ok(SeedKind::Hash(vm.hash(a)?))
}

/// `Random.seed(a=None, version=2)`.
fn r_seed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind_py(vm, a, "seed", &["self", "a", "version"], 1, 0)?;
    let this = a.get(0);
    let arg = p[1].unwrap_or(g().none);
    let version = p[2].unwrap_or(Value::small(2));
    let kind = seed_kind(vm, arg, version)?;
    with_rng(vm, this, |r| match kind {
        SeedKind::Os => seed_from_os(r),
        SeedKind::Int(n) => r.seed_int(&n),
        SeedKind::Bytes(b) => r.seed_bytes(&b),
        SeedKind::Hash(h) => r.seed_hash(h),
    })?;
    Ok(g().none)
}

/// `self` of a C method taking no arguments.
fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.len() != 1 || a.nkw() != 0 {
        let msg = if a.nkw() != 0 {
            format!("Random.{name}() takes no keyword arguments")
        } else {
            format!(
                "Random.{name}() takes no arguments ({} given)",
                a.len().saturating_sub(1)
            )
        };
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(a.get(0))
}

/// The argument of a C method taking exactly one argument.
fn c_one_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.len() != 2 || a.nkw() != 0 {
        let msg = if a.nkw() != 0 {
            format!("Random.{name}() takes no keyword arguments")
        } else {
            format!(
                "Random.{name}() takes exactly one argument ({} given)",
                a.len().saturating_sub(1)
            )
        };
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(a.get(1))
}

/// The argument of a Python method with one required parameter `param`.
pub fn one_arg(vm: &mut Vm, a: &Args, name: &str, param: &str) -> PyResult<Value> {
    let p = bind_py(vm, a, name, &["self", param], 2, 0)?;
    Ok(p[1].unwrap_or(g().none))
}

fn r_random(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let this = no_args(vm, a, "random")?;
    let x = with_rng(vm, this, |r| r.random())?;
    vm.new_float(x)
}

/// An i64 from an index-able argument (saturating for huge values).
fn index_i64_sat(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    Ok(int_to_i64(i).unwrap_or_else(|| {
        if num_traits::Signed::is_negative(&to_bigint(i)) {
            i64::MIN
        } else {
            i64::MAX
        }
    }))
}

fn r_getrandbits(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = c_one_arg(vm, a, "getrandbits")?;
    let k = index_i64_sat(vm, k)?;
    if (0..=62).contains(&k) {
        let n = with_rng(vm, a.get(0), |r| r.getrandbits_u64(k as u32))?;
        return vm.new_int(n as i64);
    }
    let r = with_rng(vm, a.get(0), |r| r.getrandbits(k))?;
    let n = num_ok(vm, r)?;
    vm.new_bigint(&n)
}

fn r_randbytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = one_arg(vm, a, "randbytes", "n")?;
    let n = index_i64_sat(vm, n)?;
    let r = with_rng(vm, a.get(0), |r| r.randbytes(n))?;
    let b = num_ok(vm, r)?;
    vm.new_bytes(&b)
}

fn r_getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let this = bind_py(vm, a, "getstate", &["self"], 1, 0)?[0].unwrap_or(g().none);
    let (words, index, gauss) = with_rng(vm, this, |r| r.state())?;
    let mut items = Vec::with_capacity(words.len() + 1);
    for w in words.iter() {
        items.push(vm.new_int(i64::from(*w))?);
    }
    items.push(vm.new_int(index as i64)?);
    let inner = vm.new_tuple(&items)?;
    let gv = match gauss {
        Some(x) => vm.new_float(x)?,
        None => g().none,
    };
    vm.new_tuple(&[Value::small(3), inner, gv])
}

fn r_setstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let state = one_arg(vm, a, "setstate", "state")?;
    let version = vm.getitem(state, Value::small(0))?;
    let v = if is_int(version) {
        int_to_i64(version)
    } else {
        None
    };
    if v != Some(3) && v != Some(2) {
        let r = vm.str_string(version)?;
        let msg = format!("state with version {r} passed to Random.setstate() of version 3");
        return Err(vm.raise_msg(ExcKind::ValueError, &msg));
    }
    let parts = vm.to_vec(state)?;
    if parts.len() != 3 {
        let msg = if parts.len() > 3 {
            "too many values to unpack (expected 3)".to_string()
        } else {
            format!(
                "not enough values to unpack (expected 3, got {})",
                parts.len()
            )
        };
        return Err(vm.raise_msg(ExcKind::ValueError, &msg));
    }
    let (inner, gauss) = (parts[1], parts[2]);
    if !(inner.is_ptr() && kind_of(inner) == Kind::Tuple) {
        return Err(vm.raise_msg(ExcKind::TypeError, "state vector must be a tuple"));
    }
    let items: Vec<Value> = tuple_slots(inner).iter().map(|s| s.get()).collect();
    if items.len() != 625 {
        return Err(vm.raise_msg(ExcKind::ValueError, "state vector is the wrong size"));
    }
    let mut words = [0u32; 624];
    for (w, it) in words.iter_mut().zip(&items) {
        if !is_int(*it) {
            let msg = format!(
                "an integer is required (got type {})",
                type_name(type_of(*it))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        let n = to_bigint(*it);
        if num_traits::Signed::is_negative(&n) && v == Some(3) {
            return Err(vm.raise_msg(
                ExcKind::OverflowError,
                "can't convert negative value to unsigned int",
            ));
        }
        let m = num_integer::Integer::mod_floor(&n, &BigInt::from(1u64 << 32));
        *w = num_traits::ToPrimitive::to_u32(&m).unwrap_or(0);
    }
    let index = int_to_i64(items[624]).unwrap_or(-1);
    let gauss_next = if gauss == g().none {
        None
    } else {
        Some(arg_f64(vm, gauss)?)
    };
    let r = with_rng(vm, a.get(0), |r| r.set_state(&words, index, gauss_next))?;
    num_ok(vm, r)?;
    Ok(g().none)
}

fn r_randbelow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = one_arg(vm, a, "_randbelow", "n")?;
    let n = vm.index(n)?;
    let n = to_bigint(n);
    let r = with_rng(vm, a.get(0), |r| r.randbelow(&n))?;
    vm.new_bigint(&r)
}

/// `_urandom(n)`: bytes from the OS entropy source (for `SystemRandom`).
fn m_urandom(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 1 || a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "_urandom() takes exactly one argument"));
    }
    let n = vm.index_i64(a.get(0))?;
    if n < 0 {
        return Err(vm.raise_msg(ExcKind::ValueError, "negative argument not allowed"));
    }
    if n > 1 << 30 {
        return Err(vm.memory_error());
    }
    let b = os_random_bytes(n as usize);
    vm.new_bytes(&b)
}

const CORE_METHODS: &[(&str, NativeFn)] = &[
    ("seed", r_seed),
    ("random", r_random),
    ("getrandbits", r_getrandbits),
    ("randbytes", r_randbytes),
    ("getstate", r_getstate),
    ("setstate", r_setstate),
    ("_randbelow", r_randbelow),
];

/// Creates the module object.
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module_named("random")?;
    let d = vm.dict_of(m);
    vm.def_module_fns(d, &[("_urandom", m_urandom)])?;
    // The class first (without the bound-method lines), so the natives exist before
    // `_inst` binds them.
    let split = SHELL.find("\n_inst").unwrap_or(SHELL.len());
    let (class_src, inst_src) = SHELL.split_at(split);
    let code = vm.compile_to_code(class_src, "<random>", crate::compiler::Mode::Exec)?;
    vm.exec_code(code, d, d)?;
    let key = vm.intern("Random")?;
    let Some(cls) = vm.dict_get(d, key)? else {
        return Err(vm.raise_msg(ExcKind::SystemError, "random: class Random missing"));
    };
    vm.def_methods(cls, CORE_METHODS)?;
    vm.def_methods(cls, methods::METHODS)?;
    let code = vm.compile_to_code(inst_src, "<random>", crate::compiler::Mode::Exec)?;
    vm.exec_code(code, d, d)?;
    Ok(m)
}
