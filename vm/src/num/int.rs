//! Integer arithmetic with CPython 3.11's semantics, independent of the object model.
//!
//! Values are `i64` on fast paths and `num_bigint::BigInt` otherwise. A fast path that
//! cannot represent its result returns `Ok(None)` and the caller redoes the operation
//! on `BigInt`s. Every failure is a [`NumError`] carrying the Python exception type and
//! CPython's exact message, so callers only wrap it; nothing here panics on any input.
//!
//! How it works: division, modulo and shifts round toward negative infinity as Python
//! does; `pow` with a modulus reduces first and inverts for negative exponents.
//! Conversions to `f64` (`int_to_f64`, `true_div`) build a 66..128-bit quotient plus a
//! sticky bit and round once, with ties to even, in [`round_to_f64`], so they are
//! correctly rounded like CPython's. Text conversions (`int(s, base)`, `str`, `hex`...)
//! live in `int/parse.rs` and are re-exported here.
//!
//! What must hold: results and messages equal CPython 3.11's; results that would need
//! more than [`MAX_BITS`] bits raise MemoryError instead of exhausting memory (CPython
//! raises MemoryError for the larger of these and grinds on the smaller).

#![forbid(unsafe_code)]

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};
use std::fmt;

mod parse;
pub use parse::{
    bin, decimal_value, format_radix, hex, is_ascii_space, oct, parse_int_bytes, parse_int_str,
    py_isspace, str_to_ascii, to_decimal_string, IntParseError,
};

/// The Python exception a numeric failure turns into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExcKind {
    ValueError,
    OverflowError,
    ZeroDivisionError,
    MemoryError,
    IndexError,
}

/// A numeric failure: the exception type and CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumError {
    pub kind: ExcKind,
    pub msg: String,
}

pub type NumResult<T> = Result<T, NumError>;

impl NumError {
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> Self {
        NumError {
            kind,
            msg: msg.into(),
        }
    }
    pub fn value(msg: impl Into<String>) -> Self {
        Self::new(ExcKind::ValueError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(ExcKind::OverflowError, msg)
    }
    pub fn zero_div(msg: impl Into<String>) -> Self {
        Self::new(ExcKind::ZeroDivisionError, msg)
    }
    pub fn memory() -> Self {
        Self::new(ExcKind::MemoryError, "")
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

/// `sys.int_info.default_max_str_digits`: the default limit for base-10 conversions.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// Largest result, in bits, that an operation may build; beyond it MemoryError.
pub const MAX_BITS: u64 = 1 << 34;

const DIV_ZERO: &str = "integer division or modulo by zero";
const MOD_ZERO: &str = "integer modulo by zero";

// ---------------------------------------------------------------------------------
// Division with Python's signs (the result of % has the sign of the divisor)

/// `a // b`; `Ok(None)` when the result does not fit (`i64::MIN // -1`).
pub fn floordiv_i64(a: i64, b: i64) -> NumResult<Option<i64>> {
    if b == 0 {
        return Err(NumError::zero_div(DIV_ZERO));
    }
    Ok((a != i64::MIN || b != -1).then(|| Integer::div_floor(&a, &b)))
}

/// `a % b` (never overflows).
pub fn mod_i64(a: i64, b: i64) -> NumResult<i64> {
    if b == 0 {
        return Err(NumError::zero_div(MOD_ZERO));
    }
    Ok(if b == -1 {
        0
    } else {
        Integer::mod_floor(&a, &b)
    })
}

/// `divmod(a, b)`; `Ok(None)` when the quotient does not fit.
pub fn divmod_i64(a: i64, b: i64) -> NumResult<Option<(i64, i64)>> {
    let q = floordiv_i64(a, b)?;
    Ok(q.map(|q| {
        (
            q,
            if b == -1 {
                0
            } else {
                Integer::mod_floor(&a, &b)
            },
        )
    }))
}

/// `a // b`.
pub fn floordiv(a: &BigInt, b: &BigInt) -> NumResult<BigInt> {
    if b.is_zero() {
        return Err(NumError::zero_div(DIV_ZERO));
    }
    Ok(a.div_floor(b))
}

/// `a % b`.
pub fn modulo(a: &BigInt, b: &BigInt) -> NumResult<BigInt> {
    if b.is_zero() {
        return Err(NumError::zero_div(MOD_ZERO));
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)`.
pub fn divmod(a: &BigInt, b: &BigInt) -> NumResult<(BigInt, BigInt)> {
    if b.is_zero() {
        return Err(NumError::zero_div(DIV_ZERO));
    }
    Ok(a.div_mod_floor(b))
}

// ---------------------------------------------------------------------------------
// Powers

/// Result of `int ** int`: a negative exponent gives a float, as in CPython.
#[derive(Debug, Clone, PartialEq)]
pub enum PowResult {
    Int(BigInt),
    Float(f64),
}

/// `base ** exp` without modulus. A negative exponent converts both operands to float
/// and uses float power (so `0 ** -1` raises ZeroDivisionError
/// "0.0 cannot be raised to a negative power", and huge operands OverflowError).
pub fn pow(base: &BigInt, exp: &BigInt) -> NumResult<PowResult> {
    if exp.is_negative() {
        let (b, e) = (int_to_f64(base)?, int_to_f64(exp)?);
        return match super::float::pow(b, e)? {
            super::float::FloatPow::Float(f) => Ok(PowResult::Float(f)),
            // An integer exponent never makes a complex result.
            super::float::FloatPow::Complex => Err(NumError::value("math domain error")),
        };
    }
    let mag = base.magnitude();
    if mag.is_zero() || mag.is_one() {
        let r = if exp.is_zero() || (base.is_negative() && exp.is_even()) {
            BigInt::one()
        } else {
            base.clone()
        };
        return Ok(PowResult::Int(r));
    }
    let e = exp
        .to_u64()
        .filter(|&e| e.saturating_mul(base.bits() - 1) <= MAX_BITS);
    match e {
        Some(e) => Ok(PowResult::Int(Pow::pow(base, e))),
        None => Err(NumError::memory()),
    }
}

/// `pow(base, exp, m)`. The result has the sign of `m`; a negative exponent uses the
/// modular inverse of `base`.
pub fn pow_mod(base: &BigInt, exp: &BigInt, m: &BigInt) -> NumResult<BigInt> {
    if m.is_zero() {
        return Err(NumError::value("pow() 3rd argument cannot be 0"));
    }
    let modulus = BigInt::from(m.magnitude().clone());
    if modulus.is_one() {
        return Ok(BigInt::zero());
    }
    let mut b = base.mod_floor(&modulus);
    if exp.is_negative() {
        b = mod_inverse(&b, &modulus)
            .ok_or_else(|| NumError::value("base is not invertible for the given modulus"))?;
    }
    let r = b.modpow(&BigInt::from(exp.magnitude().clone()), &modulus);
    Ok(if m.is_negative() && !r.is_zero() {
        r - modulus
    } else {
        r
    })
}

/// The inverse of `a` modulo `m` (`m > 1`, `0 <= a < m`), if gcd(a, m) == 1.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut r0, mut r1) = (m.clone(), a.clone());
    let (mut t0, mut t1) = (BigInt::zero(), BigInt::one());
    while !r1.is_zero() {
        let (q, r) = r0.div_rem(&r1);
        r0 = std::mem::replace(&mut r1, r);
        let t = &t0 - &q * &t1;
        t0 = std::mem::replace(&mut t1, t);
    }
    r0.is_one().then(|| t0.mod_floor(m))
}

// ---------------------------------------------------------------------------------
// Shifts and bits

const NEGATIVE_SHIFT: &str = "negative shift count";

/// `a << n`; `Ok(None)` when the result does not fit in an i64.
pub fn lshift_i64(a: i64, n: i64) -> NumResult<Option<i64>> {
    if n < 0 {
        return Err(NumError::value(NEGATIVE_SHIFT));
    }
    if a == 0 {
        return Ok(Some(0));
    }
    if n >= 63 {
        return Ok(None);
    }
    let r = a << n;
    Ok((r >> n == a).then_some(r))
}

/// `a >> n` (rounds toward negative infinity).
pub fn rshift_i64(a: i64, n: i64) -> NumResult<i64> {
    if n < 0 {
        return Err(NumError::value(NEGATIVE_SHIFT));
    }
    Ok(a >> n.min(63))
}

/// `a << n`.
pub fn lshift(a: &BigInt, n: &BigInt) -> NumResult<BigInt> {
    if n.is_negative() {
        return Err(NumError::value(NEGATIVE_SHIFT));
    }
    if a.is_zero() {
        return Ok(BigInt::zero());
    }
    match n
        .to_u64()
        .filter(|&n| n.saturating_add(a.bits()) <= MAX_BITS)
    {
        Some(n) => Ok(a << n),
        None => {
            // CPython refuses results of more than MAX_LONG_DIGITS 30-bit digits
            // outright and runs out of memory below that.
            const MAX_LONG_DIGITS: u64 = ((1 << 63) - 1 - 24) / 4;
            let digits = n
                .to_u64()
                .map(|n| n / 30 + a.bits().div_ceil(30) + 1)
                .unwrap_or(u64::MAX);
            if digits > MAX_LONG_DIGITS {
                Err(NumError::overflow("too many digits in integer"))
            } else {
                Err(NumError::memory())
            }
        }
    }
}

/// `a >> n` (rounds toward negative infinity).
pub fn rshift(a: &BigInt, n: &BigInt) -> NumResult<BigInt> {
    if n.is_negative() {
        return Err(NumError::value(NEGATIVE_SHIFT));
    }
    match n.to_u64().filter(|&n| n < a.bits()) {
        Some(n) => Ok(a >> n),
        None if a.is_negative() => Ok(-BigInt::one()),
        None => Ok(BigInt::zero()),
    }
}

/// `int.bit_length()`.
pub fn bit_length(n: &BigInt) -> u64 {
    n.bits()
}

/// `int.bit_count()`: ones in the binary form of `abs(n)`.
pub fn bit_count(n: &BigInt) -> u64 {
    n.magnitude().count_ones()
}

/// `byteorder` of `to_bytes`/`from_bytes`: `true` for `'little'`.
pub fn parse_byteorder(s: &str) -> NumResult<bool> {
    match s {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(NumError::value(
            "byteorder must be either 'little' or 'big'",
        )),
    }
}

/// `n.to_bytes(length, byteorder, signed=signed)`.
pub fn to_bytes(n: &BigInt, length: i64, little: bool, signed: bool) -> NumResult<Vec<u8>> {
    if length < 0 {
        return Err(NumError::value("length argument must be non-negative"));
    }
    if !signed && n.is_negative() {
        return Err(NumError::overflow("can't convert negative int to unsigned"));
    }
    let too_big = || NumError::overflow("int too big to convert");
    let mut bytes = if signed {
        if n.is_zero() {
            Vec::new()
        } else {
            n.to_signed_bytes_le()
        }
    } else if n.is_zero() {
        Vec::new()
    } else {
        n.magnitude().to_bytes_le()
    };
    let length = usize::try_from(length).map_err(|_| too_big())?;
    if bytes.len() > length {
        return Err(too_big());
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    if length > MAX_BITS as usize / 8 {
        return Err(NumError::memory());
    }
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(bytes, byteorder, signed=signed)`.
pub fn from_bytes(bytes: &[u8], little: bool, signed: bool) -> BigInt {
    match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(bytes),
        (false, true) => BigInt::from_signed_bytes_be(bytes),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
    }
}

// ---------------------------------------------------------------------------------
// Conversion to float and true division

/// The correctly rounded (ties to even) `f64` nearest to `(m + s) * 2**e`, where
/// `s` is a tiny positive amount when `sticky` (some lower bits were lost), or `None`
/// when it overflows. The value is non-negative; callers apply the sign.
pub fn round_to_f64(m: u128, e: i64, sticky: bool) -> Option<f64> {
    if m == 0 {
        return Some(0.0);
    }
    let bits = 128 - i64::from(m.leading_zeros());
    let top = (bits - 1).saturating_add(e); // the value lies in [2**top, 2**(top + 1))
    if top > 1023 {
        return None;
    }
    // Bits kept: 53 for normal results, fewer for subnormal ones.
    let keep = if top >= -1022 { 53 } else { top + 1075 };
    if keep < 0 {
        return Some(0.0);
    }
    let drop = bits - keep;
    let (kept, lsb_exp) = if drop <= 0 {
        (m << (-drop) as u32, e + drop)
    } else {
        let kept = if drop >= 128 { 0 } else { m >> drop };
        let rest = if drop >= 128 {
            m
        } else {
            m & ((1u128 << drop) - 1)
        };
        let half = 1u128 << (drop - 1).min(127);
        let up = rest > half || (rest == half && (sticky || kept & 1 == 1));
        (kept + u128::from(up), e + drop)
    };
    if kept == 0 {
        return Some(0.0);
    }
    // kept <= 2**53 and its last bit weighs 2**lsb_exp with lsb_exp >= -1074. Adding
    // kept to the shifted exponent lets its 2**52 bit (or a carry into 2**53) land in
    // the exponent field, which also covers subnormals (lsb_exp == -1074).
    let biased = u64::try_from(lsb_exp + 1074).ok()?;
    let bits = (biased << 52).checked_add(kept as u64)?;
    (bits < 0x7ff0_0000_0000_0000).then(|| f64::from_bits(bits))
}

/// `float(n)`, correctly rounded.
pub fn int_to_f64(n: &BigInt) -> NumResult<f64> {
    let mag = n.magnitude();
    let bits = mag.bits();
    let (m, e, sticky) = if bits <= 128 {
        (biguint_to_u128(mag), 0, false)
    } else {
        let shift = bits - 128;
        let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        (biguint_to_u128(&(mag >> shift)), shift as i64, sticky)
    };
    let f = round_to_f64(m, e, sticky)
        .ok_or_else(|| NumError::overflow("int too large to convert to float"))?;
    Ok(if n.is_negative() { -f } else { f })
}

fn biguint_to_u128(n: &BigUint) -> u128 {
    n.iter_u64_digits()
        .take(2)
        .enumerate()
        .fold(0, |acc, (i, d)| acc | u128::from(d) << (64 * i))
}

/// `a / b` for ints that may not fit in a float: correctly rounded like CPython.
pub fn true_div(a: &BigInt, b: &BigInt) -> NumResult<f64> {
    if b.is_zero() {
        return Err(NumError::zero_div("division by zero"));
    }
    let negative = a.is_negative() != b.is_negative();
    let sign = |f: f64| if negative { -f } else { f };
    let (am, bm) = (a.magnitude(), b.magnitude());
    const EXACT: u64 = 1 << 53;
    if let (Some(x), Some(y)) = (am.to_u64(), bm.to_u64()) {
        if x <= EXACT && y <= EXACT {
            return Ok(sign(x as f64 / y as f64));
        }
    }
    let too_large = || NumError::overflow("integer division result too large for a float");
    let (la, lb) = (am.bits() as i64, bm.bits() as i64);
    if am.is_zero() || la - lb < -1100 {
        return Ok(sign(0.0));
    }
    if la - lb > 1100 {
        return Err(too_large());
    }
    // q = floor(a * 2**s / b) has 66 or 67 bits.
    let s = lb - la + 66;
    let (q, r) = if s >= 0 {
        (am << s as u64).div_rem(bm)
    } else {
        am.div_rem(&(bm << (-s) as u64))
    };
    let f = round_to_f64(biguint_to_u128(&q), -s, !r.is_zero()).ok_or_else(too_large)?;
    Ok(sign(f))
}

/// `a / b` for two small ints.
pub fn true_div_i64(a: i64, b: i64) -> NumResult<f64> {
    const EXACT: u64 = 1 << 53;
    if b == 0 {
        return Err(NumError::zero_div("division by zero"));
    }
    if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
        return Ok(a as f64 / b as f64);
    }
    true_div(&BigInt::from(a), &BigInt::from(b))
}

// ---------------------------------------------------------------------------------
// round, isqrt, gcd, lcm

/// `round(n, ndigits)`: a negative `ndigits` rounds to a multiple of `10**-ndigits`
/// with ties to even. (A huge ndigits may be clamped to i64 by the caller; CPython
/// would try to build `10**-ndigits`, here the answer 0 comes at once.)
pub fn round(n: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 {
        return n.clone();
    }
    let k = ndigits.unsigned_abs();
    // 10**k > 2 * |n| once k exceeds the digit count of n by one.
    if k > (n.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 2 {
        return BigInt::zero();
    }
    let p: BigInt = Pow::pow(BigInt::from(10u32), k);
    let (q, r) = n.div_mod_floor(&p);
    let twice: BigInt = r << 1u32;
    let up = twice > p || (twice == p && q.is_odd());
    (if up { q + 1u32 } else { q }) * p
}

/// `math.isqrt(n)`.
pub fn isqrt(n: &BigInt) -> NumResult<BigInt> {
    if n.is_negative() {
        return Err(NumError::value("isqrt() argument must be nonnegative"));
    }
    Ok(BigInt::from(n.magnitude().sqrt()))
}

/// `math.gcd(a, b)` (never negative).
pub fn gcd(a: &BigInt, b: &BigInt) -> BigInt {
    a.gcd(b)
}

/// `math.lcm(a, b)` (never negative).
pub fn lcm(a: &BigInt, b: &BigInt) -> BigInt {
    if a.is_zero() || b.is_zero() {
        return BigInt::zero();
    }
    (a / a.gcd(b) * b).abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn division() {
        // python3: (-7)//2, (-7)%2, 7%-2, divmod(-7, 2); 1//0, 1%0, divmod(1, 0)
        assert_eq!(floordiv_i64(-7, 2), Ok(Some(-4)));
        assert_eq!(mod_i64(-7, 2), Ok(1));
        assert_eq!(mod_i64(7, -2), Ok(-1));
        assert_eq!(divmod_i64(-7, 2), Ok(Some((-4, 1))));
        assert_eq!(floordiv_i64(i64::MIN, -1), Ok(None));
        assert_eq!(mod_i64(i64::MIN, -1), Ok(0));
        assert_eq!(divmod_i64(i64::MIN, -1), Ok(None));
        let e = floordiv_i64(1, 0).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ExcKind::ZeroDivisionError, DIV_ZERO)
        );
        assert_eq!(mod_i64(1, 0).unwrap_err().msg, "integer modulo by zero");
        assert_eq!(
            divmod_i64(1, 0).unwrap_err().msg,
            "integer division or modulo by zero"
        );
        let (a, b) = (big("-100000000000000000000007"), big("1000000000000"));
        // python3: divmod(-100000000000000000000007, 1000000000000)
        assert_eq!(
            divmod(&a, &b),
            Ok((big("-100000000001"), big("999999999993")))
        );
        assert_eq!(floordiv(&a, &b), Ok(big("-100000000001")));
        assert_eq!(modulo(&a, &-&b), Ok(big("-7")));
        assert!(modulo(&a, &BigInt::zero()).is_err());
    }

    #[test]
    fn powers() {
        // python3: pow(2, -1), pow(2, -1, 1), pow(2, -1, 7), pow(2, -1, -7), pow(4, -1, 8),
        //   pow(3, 5, 0), pow(3, 5, -7), pow(-3, 5, 7), pow(0, -1), pow(0, -1, 5),
        //   pow(2, 0, 1), pow(-1, 10**20), 3**40
        let b = BigInt::from;
        assert_eq!(pow(&b(2), &b(-1)), Ok(PowResult::Float(0.5)));
        assert_eq!(pow_mod(&b(2), &b(-1), &b(1)), Ok(b(0)));
        assert_eq!(pow_mod(&b(2), &b(-1), &b(7)), Ok(b(4)));
        assert_eq!(pow_mod(&b(2), &b(-1), &b(-7)), Ok(b(-3)));
        let e = pow_mod(&b(4), &b(-1), &b(8)).unwrap_err();
        assert_eq!(e.msg, "base is not invertible for the given modulus");
        assert_eq!(
            pow_mod(&b(3), &b(5), &b(0)).unwrap_err().msg,
            "pow() 3rd argument cannot be 0"
        );
        assert_eq!(pow_mod(&b(3), &b(5), &b(-7)), Ok(b(-2)));
        assert_eq!(pow_mod(&b(-3), &b(5), &b(7)), Ok(b(2)));
        let e = pow(&b(0), &b(-1)).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (
                ExcKind::ZeroDivisionError,
                "0.0 cannot be raised to a negative power"
            )
        );
        assert!(pow_mod(&b(0), &b(-1), &b(5)).is_err());
        assert_eq!(pow_mod(&b(2), &b(0), &b(1)), Ok(b(0)));
        assert_eq!(
            pow(&b(-1), &big("100000000000000000001")),
            Ok(PowResult::Int(b(-1)))
        );
        assert_eq!(
            pow(&b(3), &b(40)),
            Ok(PowResult::Int(big("12157665459056928801")))
        );
        assert_eq!(pow(&b(0), &b(0)), Ok(PowResult::Int(b(1))));
        assert_eq!(
            pow(&b(2), &big("100000000000000000000")).unwrap_err().kind,
            ExcKind::MemoryError
        );
        // python3: 10**400 ** -1 -> OverflowError: int too large to convert to float
        let e = pow(&Pow::pow(b(10), 400u32), &b(-1)).unwrap_err();
        assert_eq!(e.msg, "int too large to convert to float");
    }

    #[test]
    fn shifts_and_bits() {
        // python3: 1<<-1, 1>>-1 (ValueError), 1<<(2**63) (MemoryError), 0<<(2**70),
        //   1>>(2**70), -1>>(2**70), -5>>1, (7).bit_count(), (-7).bit_count()
        let b = BigInt::from;
        assert_eq!(
            lshift(&b(1), &b(-1)).unwrap_err().msg,
            "negative shift count"
        );
        assert_eq!(rshift_i64(1, -1).unwrap_err().msg, "negative shift count");
        assert_eq!(
            lshift(&b(1), &(b(1) << 63u32)).unwrap_err().kind,
            ExcKind::MemoryError
        );
        assert_eq!(lshift(&b(0), &(b(1) << 70u32)), Ok(b(0)));
        assert_eq!(rshift(&b(1), &(b(1) << 70u32)), Ok(b(0)));
        assert_eq!(rshift(&b(-1), &(b(1) << 70u32)), Ok(b(-1)));
        assert_eq!(rshift(&b(-5), &b(1)), Ok(b(-3)));
        assert_eq!(rshift_i64(-5, 1), Ok(-3));
        assert_eq!(rshift_i64(-5, 1000), Ok(-1));
        assert_eq!(lshift_i64(3, 61), Ok(Some(3 << 61)));
        assert_eq!(lshift_i64(5, 61), Ok(None));
        assert_eq!(lshift_i64(-1, 63), Ok(None));
        assert_eq!(lshift_i64(-3, 60), Ok(Some(-3 << 60)));
        assert_eq!(lshift(&b(-3), &b(70)), Ok(big("-3541774862152233910272")));
        assert_eq!(bit_count(&b(7)), 3);
        assert_eq!(bit_count(&b(-7)), 3);
        assert_eq!(bit_length(&b(0)), 0);
        assert_eq!(bit_length(&b(-256)), 9);
    }

    #[test]
    fn bytes() {
        // python3: (2**64).to_bytes(8,'big') / (-1).to_bytes(2,'big') /
        //   (128).to_bytes(1,'big',signed=True) raise OverflowError;
        //   (-1).to_bytes(2,'big',signed=True) == b'\xff\xff';
        //   (1000).to_bytes(4,'little') == b'\xe8\x03\x00\x00';
        //   int.from_bytes(b'\xff\xfe','big',signed=True) == -2
        let b = BigInt::from;
        assert_eq!(
            to_bytes(&(b(1) << 64u32), 8, false, false).unwrap_err().msg,
            "int too big to convert"
        );
        assert_eq!(
            to_bytes(&b(-1), 2, false, false).unwrap_err().msg,
            "can't convert negative int to unsigned"
        );
        assert_eq!(
            to_bytes(&b(128), 1, false, true).unwrap_err().msg,
            "int too big to convert"
        );
        assert_eq!(to_bytes(&b(-1), 2, false, true), Ok(vec![0xff, 0xff]));
        assert_eq!(to_bytes(&b(-128), 1, false, true), Ok(vec![0x80]));
        assert_eq!(to_bytes(&b(1000), 4, true, false), Ok(vec![0xe8, 3, 0, 0]));
        assert_eq!(to_bytes(&b(0), 0, true, false), Ok(vec![]));
        assert_eq!(
            to_bytes(&b(1), -1, true, false).unwrap_err().msg,
            "length argument must be non-negative"
        );
        assert_eq!(from_bytes(&[0xff, 0xfe], false, true), b(-2));
        assert_eq!(from_bytes(&[0xff, 0xfe], true, false), b(0xfeff));
        assert_eq!(from_bytes(&[], false, true), b(0));
        assert!(parse_byteorder("middle").is_err());
    }

    #[test]
    fn to_float() {
        // python3: float(2**1024) and float(2**1024-2**970) raise OverflowError;
        //   float(2**1024-2**970-1) == 1.7976931348623157e+308; float(2**53+1) == 2**53;
        //   float(2**53+3) == 9007199254740996.0; float(-(2**64+2**11+1)) == -1.8446744073709556e19
        let one = BigInt::from(1);
        let e = int_to_f64(&(&one << 1024u32)).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ExcKind::OverflowError, "int too large to convert to float")
        );
        let near = (&one << 1024u32) - (&one << 970u32);
        assert!(int_to_f64(&near).is_err());
        assert_eq!(int_to_f64(&(near - 1)), Ok(f64::MAX));
        assert_eq!(int_to_f64(&((&one << 53u32) + 1)), Ok(9007199254740992.0));
        assert_eq!(int_to_f64(&((&one << 53u32) + 3)), Ok(9007199254740996.0));
        assert_eq!(
            int_to_f64(&-((&one << 64u32) + (&one << 11u32) + 1u32)),
            Ok(-1.8446744073709556e19)
        );
        let huge = Pow::pow(BigInt::from(10), 300u32) + 1;
        assert_eq!(int_to_f64(&huge), Ok(1e300));
    }

    #[test]
    fn true_division() {
        // python3: (10**400)/1 raises OverflowError "integer division result too large
        //   for a float"; (10**400)/(10**399) == 10.0; 1/(10**400) == 0.0; 0/-5 == -0.0;
        //   (2**1000+1)/(2**999) == 2.0; 1/3 == 0.3333333333333333;
        //   (10**30)/7 == 1.4285714285714285e+29; (-(10**30))/(3**70) == -0.0003994957556592953
        let b = BigInt::from;
        let p = |e: u32| -> BigInt { Pow::pow(b(10), e) };
        let e = true_div(&p(400), &b(1)).unwrap_err();
        assert_eq!(e.msg, "integer division result too large for a float");
        assert_eq!(true_div(&p(400), &p(399)), Ok(10.0));
        assert_eq!(true_div(&b(1), &p(400)), Ok(0.0));
        assert!(true_div(&b(0), &b(-5)).unwrap().is_sign_negative());
        assert_eq!(
            true_div(&((b(1) << 1000u32) + 1), &(b(1) << 999u32)),
            Ok(2.0)
        );
        assert_eq!(true_div(&p(30), &b(7)), Ok(1.4285714285714285e29));
        assert_eq!(
            true_div(&-p(30), &Pow::pow(b(3), 70u32)),
            Ok(-0.0003994957556592953)
        );
        assert_eq!(true_div_i64(1, 3), Ok(1.0 / 3.0));
        assert_eq!(true_div_i64(1, 0).unwrap_err().msg, "division by zero");
        assert_eq!(true_div_i64(i64::MAX, 3), Ok(3.0744573456182584e18));
        // Subnormal quotients round once: python3: 1/(2**1074) == 5e-324,
        //   3/(2**1076) == 5e-324, 1/(2**1075) == 0.0, 3/(2**1075) == 1e-323
        assert_eq!(true_div(&b(1), &(b(1) << 1074u32)), Ok(5e-324));
        assert_eq!(true_div(&b(3), &(b(1) << 1076u32)), Ok(5e-324));
        assert_eq!(true_div(&b(1), &(b(1) << 1075u32)), Ok(0.0));
        assert_eq!(true_div(&b(3), &(b(1) << 1075u32)), Ok(1e-323));
    }

    #[test]
    fn rounding_and_roots() {
        // python3: round(125, -1), round(135, -1), round(-125, -1), round(5, -1),
        //   round(15, -1), round(123, 2), round(123, -10), round(-150, -2),
        //   math.isqrt(10**40 - 1), math.gcd(-4, 6), math.lcm(-4, 6)
        let b = BigInt::from;
        assert_eq!(round(&b(125), -1), b(120));
        assert_eq!(round(&b(135), -1), b(140));
        assert_eq!(round(&b(-125), -1), b(-120));
        assert_eq!(round(&b(5), -1), b(0));
        assert_eq!(round(&b(15), -1), b(20));
        assert_eq!(round(&b(123), 2), b(123));
        assert_eq!(round(&b(123), -10), b(0));
        assert_eq!(round(&b(-150), -2), b(-200));
        assert_eq!(round(&b(999), i64::MIN), b(0));
        assert_eq!(
            isqrt(&(Pow::pow(b(10), 40u32) - 1)),
            Ok(big("99999999999999999999"))
        );
        assert_eq!(
            isqrt(&b(-1)).unwrap_err().msg,
            "isqrt() argument must be nonnegative"
        );
        assert_eq!(gcd(&b(-4), &b(6)), b(2));
        assert_eq!(lcm(&b(-4), &b(6)), b(12));
        assert_eq!(lcm(&b(0), &b(6)), b(0));
    }
}
