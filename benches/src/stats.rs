//! Pure summary statistics for the reports: median, best, geometric mean. (Pause
//! percentiles come from hotpy itself: `gc_parallel::exact_quantile`.)
//!
//! How it works: each function takes a slice and returns None for an empty one, so a
//! missing figure is never mistaken for zero. Durations are turned into seconds (f64).
//!
//! What must hold: no function panics on any input (NaN sorts by `total_cmp`); the
//! geometric mean is only given positive ratios by its callers (a ratio is a time over
//! a positive time).

use std::time::Duration;

fn sorted_secs(times: &[Duration]) -> Vec<f64> {
    let mut secs: Vec<f64> = times.iter().map(Duration::as_secs_f64).collect();
    secs.sort_by(f64::total_cmp);
    secs
}

/// The median of `times` (the mean of the middle two for an even count).
pub fn median(times: &[Duration]) -> Option<f64> {
    median_f64(&sorted_secs(times))
}

/// The median of plain numbers (the mean of the middle two for an even count).
pub fn median_f64(values: &[f64]) -> Option<f64> {
    let mut v = values.to_vec();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    })
}

/// The shortest of `times`.
pub fn best(times: &[Duration]) -> Option<f64> {
    times
        .iter()
        .map(Duration::as_secs_f64)
        .min_by(f64::total_cmp)
}

/// The geometric mean of positive ratios; None for an empty list.
pub fn geometric_mean(ratios: &[f64]) -> Option<f64> {
    if ratios.is_empty() {
        return None;
    }
    let log_sum: f64 = ratios.iter().map(|r| r.ln()).sum();
    Some((log_sum / ratios.len() as f64).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(list: &[f64]) -> Vec<Duration> {
        list.iter().map(|s| Duration::from_secs_f64(*s)).collect()
    }

    #[test]
    fn median_and_best() {
        assert_eq!(median(&secs(&[3.0, 1.0, 2.0])), Some(2.0));
        assert_eq!(median(&secs(&[4.0, 1.0, 2.0, 3.0])), Some(2.5));
        assert_eq!(median(&[]), None);
        assert_eq!(median_f64(&[5.0]), Some(5.0));
        assert_eq!(best(&secs(&[3.0, 1.0, 2.0])), Some(1.0));
        assert_eq!(best(&[]), None);
    }

    #[test]
    fn geometric_mean_of_ratios() {
        let g = geometric_mean(&[2.0, 8.0]).unwrap_or(0.0);
        assert!((g - 4.0).abs() < 1e-12);
        let one = geometric_mean(&[0.5, 2.0]).unwrap_or(0.0);
        assert!((one - 1.0).abs() < 1e-12);
        assert_eq!(geometric_mean(&[]), None);
    }
}
