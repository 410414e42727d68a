//! The rest of 3.11's `random.Random` on top of the generator: the distributions
//! `gammavariate`, `betavariate`, `vonmisesvariate`, `paretovariate`,
//! `weibullvariate`, `lognormvariate`, the version-1 seeding of str/bytes, and a flat
//! byte form of the state so the object layer can keep it inside a heap buffer.
//!
//! How it works: each distribution draws `random()` values in the same order and
//! combines them with the same formulas as `random.py` (Cheng's rejection method for
//! gamma shapes above 1, Kennedy and Gentle's algorithm GS below 1, Best and Fisher's
//! method for von Mises), so a seeded generator yields CPython's values.
//!
//! What must hold: same draws, same results, same error messages as CPython 3.11;
//! `from_bytes(to_bytes(r))` restores `r` exactly.

use super::{Random, N};
use crate::num::int::{NumError, NumResult};

/// Size of the flat state: the words, the index and `gauss_next`.
pub const STATE_BYTES: usize = N * 4 + 8 + 1 + 8;

impl Random {
    /// Writes the state into `out` (at least [`STATE_BYTES`] long).
    pub fn write_bytes(&self, out: &mut [u8]) {
        if out.len() < STATE_BYTES {
            return;
        }
        for (chunk, w) in out.chunks_exact_mut(4).zip(self.state.iter()) {
            chunk.copy_from_slice(&w.to_le_bytes());
        }
        let base = N * 4;
        out[base..base + 8].copy_from_slice(&(self.index as u64).to_le_bytes());
        out[base + 8] = u8::from(self.gauss_next.is_some());
        let g = self.gauss_next.unwrap_or(0.0);
        out[base + 9..base + 17].copy_from_slice(&g.to_le_bytes());
    }

    /// Reads a state written by [`write_bytes`](Self::write_bytes).
    pub fn from_bytes(b: &[u8]) -> Option<Random> {
        if b.len() < STATE_BYTES {
            return None;
        }
        let mut r = Random {
            state: [0; N],
            index: N,
            gauss_next: None,
        };
        for (w, chunk) in r.state.iter_mut().zip(b.chunks_exact(4)) {
            *w = u32::from_le_bytes(chunk.try_into().ok()?);
        }
        let base = N * 4;
        let index = u64::from_le_bytes(b[base..base + 8].try_into().ok()?);
        r.index = usize::try_from(index).ok().filter(|&i| i <= N)?;
        if b[base + 8] != 0 {
            r.gauss_next = Some(f64::from_le_bytes(b[base + 9..base + 17].try_into().ok()?));
        }
        Some(r)
    }

    /// The int that `seed(a, version=1)` derives from a str (its code points; bytes
    /// count as latin-1 characters).
    pub fn version1_seed(chars: &[u32]) -> u64 {
        let mut x: u64 = chars.first().map_or(0, |&c| u64::from(c) << 7);
        for &c in chars {
            x = 1_000_003u64.wrapping_mul(x) ^ u64::from(c);
        }
        // Masked to 64 bits, so never -1 as a Python int.
        x ^ chars.len() as u64
    }

    /// `gammavariate(alpha, beta)`.
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> NumResult<f64> {
        // Written as CPython's `not (alpha > 0 and beta > 0)` so NaNs are refused too.
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(NumError::value(
                "gammavariate: alpha and beta must be > 0.0",
            ));
        }
        if alpha > 1.0 {
            let log4 = 4.0f64.ln();
            let sg_magic = 1.0 + 4.5f64.ln();
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - log4;
            let ccc = alpha + ainv;
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = (u1 / (1.0 - u1)).ln() / ainv;
                let x = alpha * v.exp();
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + sg_magic - 4.5 * z >= 0.0 || r >= z.ln() {
                    return Ok(x * beta);
                }
            }
        }
        if alpha == 1.0 {
            return Ok(-(1.0 - self.random()).ln() * beta);
        }
        let e = std::f64::consts::E;
        loop {
            let u = self.random();
            let b = (e + alpha) / e;
            let p = b * u;
            let x = if p <= 1.0 {
                p.powf(1.0 / alpha)
            } else {
                -((b - p) / alpha).ln()
            };
            let u1 = self.random();
            let accept = if p > 1.0 {
                u1 <= x.powf(alpha - 1.0)
            } else {
                u1 <= (-x).exp()
            };
            if accept {
                return Ok(x * beta);
            }
        }
    }

    /// `betavariate(alpha, beta)`.
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> NumResult<f64> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            let z = self.gammavariate(beta, 1.0)?;
            return Ok(y / (y + z));
        }
        Ok(0.0)
    }

    /// `vonmisesvariate(mu, kappa)`.
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> NumResult<f64> {
        use std::f64::consts::{PI, TAU};
        if kappa <= 1e-6 {
            return Ok(TAU * self.random());
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = (PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        let theta = if u3 > 0.5 {
            mu + f.acos()
        } else {
            mu - f.acos()
        };
        crate::num::float::modulo(theta, TAU)
    }

    /// `paretovariate(alpha)`.
    pub fn paretovariate(&mut self, alpha: f64) -> NumResult<f64> {
        let u = 1.0 - self.random();
        let e = crate::num::float::div(-1.0, alpha)?;
        float_pow(u, e)
    }

    /// `weibullvariate(alpha, beta)`.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> NumResult<f64> {
        let u = 1.0 - self.random();
        let e = crate::num::float::div(1.0, beta)?;
        Ok(alpha * float_pow(-u.ln(), e)?)
    }

    /// `lognormvariate(mu, sigma)`.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        self.normalvariate(mu, sigma).exp()
    }
}

/// Python's `float ** float` where a complex result cannot occur for these callers
/// (a negative base only arises from NaN inputs).
fn float_pow(a: f64, b: f64) -> NumResult<f64> {
    match crate::num::float::pow(a, b)? {
        crate::num::float::FloatPow::Float(f) => Ok(f),
        crate::num::float::FloatPow::Complex => Err(NumError::value("math domain error")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    #[test]
    fn distributions_match_cpython() {
        // python3: r = random.Random(5); [r.gammavariate(a, 2.0) for a in (0.5, 1.0, 3.0)],
        //   r.betavariate(2, 3), r.vonmisesvariate(1.0, 4.0), r.vonmisesvariate(1, 1e-7),
        //   r.paretovariate(2.5), r.weibullvariate(1.5, 2.0), r.lognormvariate(0, 1)
        let mut r = Random::new();
        r.seed_int(&BigInt::from(5));
        assert_eq!(r.gammavariate(0.5, 2.0), Ok(0.0023585318956025844));
        assert_eq!(r.gammavariate(1.0, 2.0), Ok(5.741963737352091));
        assert_eq!(r.gammavariate(3.0, 2.0), Ok(7.897827969789699));
        assert_eq!(r.betavariate(2.0, 3.0), Ok(0.25079838183276043));
        assert_eq!(r.vonmisesvariate(1.0, 4.0), Ok(0.3888999979636554));
        assert_eq!(r.vonmisesvariate(1.0, 1e-7), Ok(1.7560394957367957));
        assert_eq!(r.paretovariate(2.5), Ok(2.697764345997986));
        assert_eq!(r.weibullvariate(1.5, 2.0), Ok(1.8070247722242674));
        assert_eq!(r.lognormvariate(0.0, 1.0), 0.1979102830562544);
    }

    #[test]
    fn version1_and_bytes_roundtrip() {
        // python3: r.seed('abc', version=1); r.random() == 0.09639374978773074
        let chars: Vec<u32> = "abc".chars().map(u32::from).collect();
        let mut r = Random::new();
        r.seed_int(&BigInt::from(Random::version1_seed(&chars)));
        assert_eq!(r.random(), 0.09639374978773074);
        r.gauss(0.0, 1.0);
        let mut buf = vec![0u8; STATE_BYTES];
        r.write_bytes(&mut buf);
        let mut back = Random::from_bytes(&buf).unwrap();
        assert_eq!(back.random(), r.random());
        assert_eq!(back.gauss(0.0, 1.0), r.gauss(0.0, 1.0));
    }
}
