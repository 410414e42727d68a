//! The integer functions of `math`: `factorial`, `comb`, `perm`, `isqrt`, `gcd`, `lcm`.
//!
//! How it works: products of consecutive integers are built by binary splitting so the
//! big multiplications stay balanced; `comb` divides the falling product by `k!` with
//! `k = min(k, n - k)`. Argument checks and their messages follow `mathmodule.c`.
//!
//! What must hold: results and errors equal CPython 3.11's; a result estimated to need
//! more than `int::MAX_BITS` bits is refused with MemoryError (CPython would grind).

use super::super::int::{self, NumError, NumResult, MAX_BITS};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Product of the `count` consecutive integers starting at `lo`, by binary splitting
/// so that the big multiplications are balanced.
fn range_product(lo: &BigInt, count: u64) -> BigInt {
    if count <= 16 {
        return (0..count).fold(BigInt::one(), |acc, i| acc * (lo + i));
    }
    let half = count / 2;
    range_product(lo, half) * range_product(&(lo + half), count - half)
}

/// Refuses products of `count` factors of at most `bits` bits beyond `MAX_BITS`.
fn check_size(count: u64, bits: u64) -> NumResult<()> {
    if count.saturating_mul(bits) > MAX_BITS {
        return Err(NumError::memory());
    }
    Ok(())
}

/// `math.factorial(n)`.
pub fn factorial(n: &BigInt) -> NumResult<BigInt> {
    if n.is_negative() {
        return Err(NumError::value(
            "factorial() not defined for negative values",
        ));
    }
    let Some(k) = n.to_i64() else {
        return Err(NumError::overflow(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    let k = k as u64;
    check_size(k, 64 - k.leading_zeros() as u64)?;
    Ok(range_product(&BigInt::one(), k))
}

const N_NEGATIVE: &str = "n must be a non-negative integer";
const K_NEGATIVE: &str = "k must be a non-negative integer";

/// `math.comb(n, k)`.
pub fn comb(n: &BigInt, k: &BigInt) -> NumResult<BigInt> {
    if n.is_negative() {
        return Err(NumError::value(N_NEGATIVE));
    }
    if k.is_negative() {
        return Err(NumError::value(K_NEGATIVE));
    }
    if k > n {
        return Ok(BigInt::zero());
    }
    let rest = n - k;
    let k = if rest < *k { &rest } else { k };
    let Some(k) = k.to_i64() else {
        return Err(NumError::overflow(format!(
            "min(n - k, k) must not exceed {}",
            i64::MAX
        )));
    };
    let k = k as u64;
    check_size(k, n.bits())?;
    let top = range_product(&(n - k + 1u32), k);
    Ok(top / range_product(&BigInt::one(), k))
}

/// `math.perm(n, k)`; `k = None` gives `factorial(n)`.
pub fn perm(n: &BigInt, k: Option<&BigInt>) -> NumResult<BigInt> {
    let Some(k) = k else {
        return factorial(n);
    };
    if n.is_negative() {
        return Err(NumError::value(N_NEGATIVE));
    }
    if k.is_negative() {
        return Err(NumError::value(K_NEGATIVE));
    }
    if k > n {
        return Ok(BigInt::zero());
    }
    let Some(k) = k.to_i64() else {
        return Err(NumError::overflow(format!(
            "k must not exceed {}",
            i64::MAX
        )));
    };
    let k = k as u64;
    check_size(k, n.bits())?;
    Ok(range_product(&(n - k + 1u32), k))
}

/// `math.isqrt(n)`.
pub fn isqrt(n: &BigInt) -> NumResult<BigInt> {
    int::isqrt(n)
}

/// `math.gcd(*integers)`: 0 for no arguments.
pub fn gcd(values: &[BigInt]) -> BigInt {
    values.iter().fold(BigInt::zero(), |acc, v| {
        if acc.is_one() {
            acc
        } else {
            int::gcd(&acc, v)
        }
    })
}

/// `math.lcm(*integers)`: 1 for no arguments.
pub fn lcm(values: &[BigInt]) -> BigInt {
    match values {
        [] => BigInt::one(),
        [first, rest @ ..] => rest.iter().fold(first.abs(), |acc, v| {
            if acc.is_zero() {
                acc
            } else {
                int::lcm(&acc, v)
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::int::ExcKind;
    use super::*;

    fn b(n: i64) -> BigInt {
        BigInt::from(n)
    }

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn values() {
        // python3: math.factorial(25), math.perm(5), math.perm(5, 2), math.comb(10**6, 3),
        //   math.comb(2**64, 2), math.comb(100, 50), math.perm(10**20, 2),
        //   math.lcm(4, 6, 10), math.gcd(12, 18, 30), math.gcd(), math.lcm(), math.comb(3, 5)
        assert_eq!(factorial(&b(25)), Ok(big("15511210043330985984000000")));
        assert_eq!(factorial(&b(0)), Ok(b(1)));
        assert_eq!(perm(&b(5), None), Ok(b(120)));
        assert_eq!(perm(&b(5), Some(&b(2))), Ok(b(20)));
        assert_eq!(comb(&b(1_000_000), &b(3)), Ok(b(166666166667000000)));
        let two64 = b(1) << 64u32;
        assert_eq!(
            comb(&two64, &b(2)),
            Ok(big("170141183460469231722463931679029329920"))
        );
        assert_eq!(
            comb(&b(100), &b(50)),
            Ok(big("100891344545564193334812497256"))
        );
        let e20 = big("100000000000000000000");
        assert_eq!(
            perm(&e20, Some(&b(2))),
            Ok(big("9999999999999999999900000000000000000000"))
        );
        assert_eq!(lcm(&[b(4), b(6), b(10)]), b(60));
        assert_eq!(gcd(&[b(12), b(18), b(30)]), b(6));
        assert_eq!(gcd(&[b(-4)]), b(4));
        assert_eq!((gcd(&[]), lcm(&[])), (b(0), b(1)));
        assert_eq!(comb(&b(3), &b(5)), Ok(b(0)));
        assert_eq!(perm(&b(3), Some(&b(5))), Ok(b(0)));
        assert_eq!(isqrt(&b(17)), Ok(b(4)));
    }

    #[test]
    fn errors() {
        // python3: math.factorial(-1), math.factorial(2**63), math.comb(-1, 2),
        //   math.comb(5, -1), math.perm(2**70, 2**65)
        let e = factorial(&b(-1)).unwrap_err();
        assert_eq!(e.msg, "factorial() not defined for negative values");
        let e = factorial(&(b(1) << 63u32)).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (
                ExcKind::OverflowError,
                "factorial() argument should not exceed 9223372036854775807"
            )
        );
        assert_eq!(
            comb(&b(-1), &b(2)).unwrap_err().msg,
            "n must be a non-negative integer"
        );
        assert_eq!(
            comb(&b(5), &b(-1)).unwrap_err().msg,
            "k must be a non-negative integer"
        );
        let e = perm(&(b(1) << 70u32), Some(&(b(1) << 65u32))).unwrap_err();
        assert_eq!(e.msg, "k must not exceed 9223372036854775807");
        let e = comb(&(b(1) << 70u32), &(b(1) << 65u32)).unwrap_err();
        assert_eq!(e.msg, "min(n - k, k) must not exceed 9223372036854775807");
        assert_eq!(
            factorial(&b(1 << 40)).unwrap_err().kind,
            ExcKind::MemoryError
        );
    }
}
