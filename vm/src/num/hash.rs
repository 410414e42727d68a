//! CPython 3.11's hashes of numbers, tuples and frozensets, given item hashes.
//!
//! How it works: a number's hash is its value reduced modulo the Mersenne prime
//! `P = 2**61 - 1`, with the sign applied afterwards, so equal numbers of different
//! types (1, 1.0, 1+0j, and later Fraction and Decimal) hash alike. Because
//! `2**61 == 1 (mod P)`, the float `m * 2**e` reduces to `m * 2**(e mod 61) mod P`.
//! Tuples mix item hashes with the xxHash-style loop of `tuplehash`; frozensets xor
//! shuffled item hashes as `frozenset_hash` does.
//!
//! What must hold: every function returns exactly CPython's value on a 64-bit build,
//! and never -1 (the C-level error marker): numbers map -1 to -2, tuples to
//! 1546275796 and frozensets to 590923713, as CPython does.

#![forbid(unsafe_code)]

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// `sys.hash_info.modulus`: 2**61 - 1.
pub const MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`.
pub const INF: i64 = 314_159;
/// `sys.hash_info.imag`.
pub const IMAG: u64 = 1_000_003;
const BITS: u32 = 61;

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

fn signed(negative: bool, h: u64) -> i64 {
    // h < 2**61, so the negation cannot overflow.
    fix_minus_one(if negative { -(h as i64) } else { h as i64 })
}

/// `hash(n)` for a small int.
pub fn hash_i64(n: i64) -> i64 {
    signed(n < 0, n.unsigned_abs() % MODULUS)
}

/// `hash(n)` for any int.
pub fn hash_bigint(n: &BigInt) -> i64 {
    if let Some(small) = n.to_i64() {
        return hash_i64(small);
    }
    // Horner's rule over 64-bit digits: 2**64 == 2**3 (mod P).
    let mut h: u64 = 0;
    for d in n.magnitude().iter_u64_digits().rev() {
        let acc = (u128::from(h) << 64) + u128::from(d);
        h = (acc % u128::from(MODULUS)) as u64;
    }
    signed(n.is_negative(), h)
}

/// `x * 2**e mod P` for `x < P`, any `e`.
fn mul_pow2(x: u64, e: i64) -> u64 {
    let e = e.rem_euclid(i64::from(BITS)) as u32;
    if e == 0 {
        return x;
    }
    ((x << e) & MODULUS) | (x >> (BITS - e))
}

/// `hash(x)` for a float; a NaN hashes by object identity (`id(x)`), as in 3.10+.
pub fn hash_f64(x: f64, identity: usize) -> i64 {
    if x.is_nan() {
        return hash_pointer(identity);
    }
    if x.is_infinite() {
        return if x > 0.0 { INF } else { -INF };
    }
    let (m, e) = super::float::decompose(x);
    signed(x < 0.0, mul_pow2(m % MODULUS, e))
}

/// CPython's `_Py_HashPointer`: the address rotated right by 4 bits.
pub fn hash_pointer(identity: usize) -> i64 {
    fix_minus_one(identity.rotate_right(4) as i64)
}

/// `hash(complex(re, im))`; NaN parts hash by the complex object's identity.
pub fn hash_complex(re: f64, im: f64, identity: usize) -> i64 {
    let r = hash_f64(re, identity) as u64;
    let i = hash_f64(im, identity) as u64;
    fix_minus_one(r.wrapping_add(IMAG.wrapping_mul(i)) as i64)
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `hash(tuple)` from the hashes of its items (3.8+ xxHash-based `tuplehash`).
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(item_hashes.len() as u64 ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    }
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

/// `hash(frozenset)` from the hashes of its (distinct) items, in any order.
pub fn hash_frozenset(item_hashes: &[i64]) -> i64 {
    let mut h = item_hashes
        .iter()
        .fold(0u64, |acc, &x| acc ^ shuffle_bits(x as u64));
    h ^= (item_hashes.len() as u64 + 1).wrapping_mul(1_927_868_237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69_069).wrapping_add(907_133_923);
    if h == u64::MAX {
        590_923_713
    } else {
        h as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn ints() {
        // python3: [hash(v) for v in (2**100, -2**100, -1, -2, 0, 2**61-1, 2**61,
        //   -(2**61), 2**63, -2**63, 10**30, 2**61-2, 2**62, 2**64-1)]
        assert_eq!(hash_bigint(&(BigInt::from(1) << 100u32)), 549755813888);
        assert_eq!(hash_bigint(&-(BigInt::from(1) << 100u32)), -549755813888);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(-2), -2);
        assert_eq!(hash_i64(0), 0);
        assert_eq!(hash_i64((1 << 61) - 1), 0);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_i64(-(1 << 61)), -2);
        assert_eq!(hash_bigint(&big("9223372036854775808")), 4);
        assert_eq!(hash_i64(i64::MIN), -4);
        assert_eq!(
            hash_bigint(&big("1000000000000000000000000000000")),
            465258685558744706
        );
        assert_eq!(hash_i64((1 << 61) - 2), 2305843009213693950);
        assert_eq!(hash_i64(1 << 62), 2);
        assert_eq!(hash_bigint(&big("18446744073709551615")), 7);
    }

    #[test]
    fn floats() {
        // python3: [hash(v) for v in (1.5, 1e300, 5e-324, -0.0, 0.1, -1.5, 3.14159e-200,
        //   float('inf'), float('-inf'), 2.0**100, -1.0)]
        assert_eq!(hash_f64(1.5, 0), 1152921504606846977);
        assert_eq!(hash_f64(1e300, 0), 1224995262755759164);
        assert_eq!(hash_f64(5e-324, 0), 16777216);
        assert_eq!(hash_f64(-0.0, 0), 0);
        assert_eq!(hash_f64(0.1, 0), 230584300921369408);
        assert_eq!(hash_f64(-1.5, 0), -1152921504606846977);
        assert_eq!(hash_f64(3.14159e-200, 0), 1857717174447898931);
        assert_eq!(hash_f64(f64::INFINITY, 0), 314159);
        assert_eq!(hash_f64(f64::NEG_INFINITY, 0), -314159);
        assert_eq!(hash_f64(2f64.powi(100), 0), 549755813888);
        assert_eq!(hash_f64(-1.0, 0), -2);
        assert_eq!(hash_f64(f64::NAN, 0x1234_5670), 0x123_4567);
    }

    #[test]
    fn complexes() {
        // python3: [hash(c) for c in (1+2j, -1+0j, -1j, 1.5+2.5j, 1j, complex(inf, 1))]
        assert_eq!(hash_complex(1.0, 2.0, 0), 2000007);
        assert_eq!(hash_complex(-1.0, 0.0, 0), -2);
        assert_eq!(hash_complex(0.0, -1.0, 0), -2000006);
        assert_eq!(hash_complex(1.5, 2.5, 0), 4611686018429387911);
        assert_eq!(hash_complex(0.0, 1.0, 0), 1000003);
        assert_eq!(hash_complex(f64::INFINITY, 1.0, 0), 1314162);
    }

    #[test]
    fn tuples() {
        // python3: [hash(t) for t in ((1, 2, 3), (), (1,), ((1, 2), (3, 4)), (-1,),
        //   (2**100,), (1.5, -2))]
        assert_eq!(hash_tuple(&[1, 2, 3]), 529344067295497451);
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
        assert_eq!(hash_tuple(&[1]), -6644214454873602895);
        let inner = [hash_tuple(&[1, 2]), hash_tuple(&[3, 4])];
        assert_eq!(hash_tuple(&inner), -1467267874458550984);
        assert_eq!(hash_tuple(&[-2]), 8078679518589016365);
        assert_eq!(hash_tuple(&[549755813888]), -2673695239922186344);
        assert_eq!(hash_tuple(&[hash_f64(1.5, 0), -2]), -9002791676578425913);
    }

    #[test]
    fn frozensets() {
        // python3: [hash(frozenset(s)) for s in ((), {1, 2, 3}, {-1}, range(100),
        //   {(1, 2), 3.5})]
        assert_eq!(hash_frozenset(&[]), 133146708735736);
        assert_eq!(hash_frozenset(&[3, 1, 2]), -272375401224217160);
        assert_eq!(hash_frozenset(&[-2]), 6776983852052281967);
        let r: Vec<i64> = (0..100).collect();
        assert_eq!(hash_frozenset(&r), 4411996150312757951);
        let items = [hash_tuple(&[1, 2]), hash_f64(3.5, 0)];
        assert_eq!(hash_frozenset(&items), -5268987115888289412);
    }
}
