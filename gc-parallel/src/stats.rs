//! Collector statistics: per-collection reports and heap-wide totals.
//!
//! Each collection returns a `CollectStats`. The heap folds it into its running totals
//! (`StatsAccum`) and snapshots them as `HeapStats` on request. Pause times go into a
//! log-linear histogram (`PauseHistogram`, 16 sub-buckets per power of two, so any
//! quantile it reports is within 1/16 of the true value) and, for the first
//! `MAX_EXACT_PAUSES` collections, into an exact list for reports that want exact medians.
//!
//! What must hold: everything here is plain data, updated under the heap's mutex.

#![forbid(unsafe_code)]

use std::time::Duration;

/// How many pause times are kept exactly (16 bytes each); later ones only in the histogram.
pub const MAX_EXACT_PAUSES: usize = 1 << 20;

/// What one collection did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CollectStats {
    /// Wall time the collection took (the stop-the-world pause, excluding the handshake).
    pub pause: Duration,
    /// Bytes copied into to-space (headers included).
    pub bytes_copied: usize,
    /// Objects copied into to-space.
    pub objects_copied: usize,
    /// Large objects that survived in place, and their bytes.
    pub large_objects_kept: usize,
    /// Bytes of the large objects that survived in place.
    pub large_bytes_kept: usize,
    /// Pinned objects, leaves included (the others are scanned as roots; pinned memory
    /// is never freed).
    pub pinned_objects: usize,
    /// Bytes of pinned objects.
    pub pinned_bytes: usize,
    /// Live bytes after the collection: copied + large kept + pinned.
    pub live_bytes: usize,
    /// Committed heap bytes (chunks in use plus cached) when the collection started.
    pub heap_bytes_before: usize,
    /// Committed heap bytes when it finished.
    pub heap_bytes_after: usize,
    /// Allocation budget until the next collection request, in bytes.
    pub next_budget: usize,
    /// Copying workers that ran it (1: sequential).
    pub workers: usize,
}

/// Totals over the life of a heap.
#[derive(Debug, Clone, Default)]
pub struct HeapStats {
    /// Number of collections run.
    pub collections: u64,
    /// Total bytes copied by all collections.
    pub bytes_copied: u64,
    /// Total objects copied by all collections.
    pub objects_copied: u64,
    /// Bytes handed out to mutators: objects in retired buffers (a buffer is counted when
    /// it is flushed or replaced), plus large and pinned objects.
    pub bytes_allocated: u64,
    /// Committed heap bytes now: chunks in use plus cached free chunks.
    pub heap_bytes: usize,
    /// Bytes of the free-chunk cache (part of `heap_bytes`).
    pub cached_bytes: usize,
    /// Highest committed heap size ever, including to-space during collections.
    pub peak_heap_bytes: usize,
    /// Live bytes found by the last collection.
    pub live_bytes: usize,
    /// Sum of all pauses.
    pub total_pause: Duration,
    /// Longest pause.
    pub max_pause: Duration,
    /// Distribution of pauses.
    pub pause_histogram: PauseHistogram,
    /// Collections copied by more than one worker.
    pub parallel_collections: u64,
    /// Copying workers a parallel collection uses (1 if collections are sequential).
    pub gc_threads: usize,
}

impl HeapStats {
    /// Median pause (within 1/16, from the histogram, never above the longest pause).
    pub fn median_pause(&self) -> Duration {
        self.pause_histogram.quantile(0.5).min(self.max_pause)
    }

    /// 99th-percentile pause (within 1/16, from the histogram, never above the longest
    /// pause: a bucket's upper bound can lie past every value in it).
    pub fn p99_pause(&self) -> Duration {
        self.pause_histogram.quantile(0.99).min(self.max_pause)
    }

    /// Mean pause, zero if there were no collections.
    pub fn mean_pause(&self) -> Duration {
        match u32::try_from(self.collections) {
            Ok(0) => Duration::ZERO,
            Ok(n) => self.total_pause / n,
            Err(_) => Duration::from_nanos(
                (self.total_pause.as_nanos() / u128::from(self.collections)) as u64,
            ),
        }
    }
}

const SUB_BITS: u32 = 4;
const SUB: usize = 1 << SUB_BITS;
const BUCKETS: usize = (64 - SUB_BITS as usize + 1) * SUB;

/// Log-linear histogram of durations in nanoseconds: exact below 16 ns, then 16 buckets
/// per power of two.
#[derive(Clone, PartialEq, Eq)]
pub struct PauseHistogram {
    counts: Vec<u64>,
    total: u64,
}

impl Default for PauseHistogram {
    fn default() -> Self {
        PauseHistogram {
            counts: vec![0; BUCKETS],
            total: 0,
        }
    }
}

impl std::fmt::Debug for PauseHistogram {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PauseHistogram")
            .field("count", &self.total)
            .field("median", &self.quantile(0.5))
            .field("p99", &self.quantile(0.99))
            .finish()
    }
}

fn bucket_of(nanos: u64) -> usize {
    if nanos < SUB as u64 {
        return nanos as usize;
    }
    let msb = 63 - nanos.leading_zeros();
    let sub = (nanos >> (msb - SUB_BITS)) as usize & (SUB - 1);
    (msb - SUB_BITS + 1) as usize * SUB + sub
}

/// Smallest value that falls in the bucket after `idx` (the bucket's exclusive bound).
fn bucket_upper(idx: usize) -> u64 {
    if idx < SUB {
        return idx as u64 + 1;
    }
    let msb = (idx / SUB) as u32 + SUB_BITS - 1;
    let sub = (idx % SUB) as u64;
    let base = (SUB as u64 + sub) << (msb - SUB_BITS);
    base.saturating_add(1 << (msb - SUB_BITS))
}

impl PauseHistogram {
    /// Count one pause.
    pub fn record(&mut self, pause: Duration) {
        let nanos = u64::try_from(pause.as_nanos()).unwrap_or(u64::MAX);
        self.counts[bucket_of(nanos)] += 1;
        self.total += 1;
    }

    /// Number of pauses recorded.
    pub fn count(&self) -> u64 {
        self.total
    }

    /// The `q` quantile (`0.0..=1.0`), as the upper bound of its bucket; zero when empty.
    pub fn quantile(&self, q: f64) -> Duration {
        if self.total == 0 {
            return Duration::ZERO;
        }
        let q = if q.is_nan() { 0.5 } else { q.clamp(0.0, 1.0) };
        let rank = ((q * self.total as f64).ceil() as u64).clamp(1, self.total);
        let mut seen = 0;
        for (idx, &count) in self.counts.iter().enumerate() {
            seen += count;
            if seen >= rank {
                return Duration::from_nanos(bucket_upper(idx).saturating_sub(1));
            }
        }
        Duration::from_nanos(u64::MAX)
    }
}

/// The exact `q` quantile (`0.0..=1.0`) of `pauses` by nearest rank (the smallest value
/// with at least `q` of the list at or below it); None for an empty list.
pub fn exact_quantile(pauses: &[Duration], q: f64) -> Option<Duration> {
    if pauses.is_empty() {
        return None;
    }
    let mut sorted = pauses.to_vec();
    sorted.sort_unstable();
    let q = if q.is_nan() { 0.5 } else { q.clamp(0.0, 1.0) };
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

/// The heap's running totals (kept under the heap mutex).
#[derive(Default)]
pub(crate) struct StatsAccum {
    pub(crate) collections: u64,
    pub(crate) parallel_collections: u64,
    pub(crate) bytes_copied: u64,
    pub(crate) objects_copied: u64,
    pub(crate) live_bytes: usize,
    pub(crate) total_pause: Duration,
    pub(crate) max_pause: Duration,
    pub(crate) histogram: PauseHistogram,
    pub(crate) pauses: Vec<Duration>,
}

impl StatsAccum {
    pub(crate) fn record(&mut self, c: &CollectStats) {
        self.collections += 1;
        self.parallel_collections += u64::from(c.workers > 1);
        self.bytes_copied += c.bytes_copied as u64;
        self.objects_copied += c.objects_copied as u64;
        self.live_bytes = c.live_bytes;
        self.total_pause += c.pause;
        self.max_pause = self.max_pause.max(c.pause);
        self.histogram.record(c.pause);
        if self.pauses.len() < MAX_EXACT_PAUSES {
            self.pauses.push(c.pause);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_monotonic_and_cover_their_values() {
        let mut prev = 0;
        for v in (0..5000u64).chain([1 << 20, (1 << 40) + 12345, u64::MAX]) {
            let b = bucket_of(v);
            assert!(b < BUCKETS);
            assert!(b >= prev || v >= 1 << 20);
            prev = b;
            assert!(bucket_upper(b) > v || bucket_upper(b) == u64::MAX, "{v}");
        }
    }

    #[test]
    fn quantiles_are_close() {
        let mut h = PauseHistogram::default();
        for ms in 1..=100u64 {
            h.record(Duration::from_millis(ms));
        }
        let med = h.quantile(0.5).as_secs_f64() * 1000.0;
        let p99 = h.quantile(0.99).as_secs_f64() * 1000.0;
        assert!((50.0..=50.0 * 1.07).contains(&med), "{med}");
        assert!((99.0..=99.0 * 1.07).contains(&p99), "{p99}");
        assert_eq!(PauseHistogram::default().quantile(0.5), Duration::ZERO);
    }

    #[test]
    fn histogram_quantiles_never_pass_the_maximum() {
        let mut s = StatsAccum::default();
        for us in [100u64, 200, 345] {
            s.record(&CollectStats {
                pause: Duration::from_micros(us),
                ..CollectStats::default()
            });
        }
        let h = HeapStats {
            max_pause: s.max_pause,
            pause_histogram: s.histogram.clone(),
            ..HeapStats::default()
        };
        assert!(h.pause_histogram.quantile(0.99) > h.max_pause);
        assert_eq!(h.p99_pause(), Duration::from_micros(345));
        assert!(h.median_pause() >= Duration::from_micros(200));
        assert!(h.median_pause() < Duration::from_micros(345));
    }

    #[test]
    fn exact_quantiles_by_nearest_rank() {
        let ms = |v: &[u64]| {
            v.iter()
                .map(|&m| Duration::from_millis(m))
                .collect::<Vec<_>>()
        };
        let list = ms(&[5, 1, 4, 2, 3]);
        assert_eq!(exact_quantile(&list, 0.5), Some(Duration::from_millis(3)));
        assert_eq!(exact_quantile(&list, 0.99), Some(Duration::from_millis(5)));
        assert_eq!(exact_quantile(&list, 0.0), Some(Duration::from_millis(1)));
        let hundred: Vec<u64> = (1..=100).collect();
        assert_eq!(
            exact_quantile(&ms(&hundred), 0.99),
            Some(Duration::from_millis(99))
        );
        assert_eq!(exact_quantile(&[], 0.5), None);
    }
}
