//! The copying collector: Cheney-style evacuation of the live graph into fresh chunks.
//!
//! A collection runs with the world stopped and the heap mutex held:
//! 1. The mutators' chunks become from-space (`Inner::chunks` is taken whole).
//! 2. A `Copier` traces the roots, then scans every pinned object as a root. Tracing a
//!    slot runs the forwarding state machine (`forward::claim`): a small NORMAL object is
//!    claimed (NORMAL -> BUSY), copied into to-space, and FORWARDED to its copy; a large
//!    object is marked in place and queued; FORWARDED slots are updated; PINNED and
//!    marked objects stay.
//! 3. The copier scans to-space linearly (object sizes come from the copies' headers),
//!    chunk after chunk, scanning each copy, and drains the queue of marked large objects,
//!    until both are exhausted: then every reachable object has been copied or marked.
//! 4. Unmarked large objects are freed, marks cleared. From-space chunks go back to the
//!    pool: a few are cached (max(4 chunks, live / 4)), the rest returned to the system.
//!    To-space becomes the new set of chunks in use; the budget is recomputed from the
//!    live size and the collection request is cleared.
//!
//! Structured for parallel workers: each `Copier` owns its to-space chunks and gray
//! queue, and touches shared objects only through `forward::claim`/`publish`, so several
//! copiers (with work stealing over their scan ranges) can race on the same objects.
//!
//! What must hold: no mutator holds a buffer (checked) or runs; a slot is traced at most
//! once per collection (tracing a slot that already holds a to-space address would copy
//! the copy); from-space payloads are never overwritten before the end (only headers
//! change), so `ObjectModel::scan` may read objects its object points to; a panic in the
//! middle cannot be recovered from (the heap is half-copied), so it aborts.

use std::marker::PhantomData;
use std::time::Instant;

use crate::chunk::{Chunk, ChunkPool};
use crate::forward::{self, Claim};
use crate::heap::Shared;
use crate::object::{header_of, object_size, ObjectModel, Tracer};
use crate::stats::CollectStats;
use crate::sync::Ordering;

/// Fewest free chunks the pool keeps cached after a collection.
const MIN_CACHED_CHUNKS: usize = 4;

/// Aborts the process if dropped: armed while the heap is half-copied.
struct AbortOnUnwind;

impl Drop for AbortOnUnwind {
    fn drop(&mut self) {
        eprintln!("gc-parallel: panic during a collection, the heap is half-copied; aborting");
        std::process::abort();
    }
}

/// Run one collection (see the module comment).
pub(crate) fn collect<M: ObjectModel>(
    shared: &Shared,
    roots: &mut dyn FnMut(&mut dyn Tracer),
) -> CollectStats {
    let started = Instant::now();
    let mut guard = shared.inner.lock();
    let unflushed = shared.unflushed.load(Ordering::Acquire);
    assert!(
        unflushed == 0,
        "gc-parallel: collect() while {unflushed} mutator(s) hold an unflushed buffer"
    );
    let armed = AbortOnUnwind;
    let inner = &mut *guard;
    let heap_bytes_before = inner.pool.committed();
    let from_space = std::mem::take(&mut inner.chunks);

    let mut copier = Copier::<M>::new(&mut inner.pool, shared.large_threshold);
    roots(&mut copier);
    for &obj in &inner.pinned_objs {
        M::scan(obj, &mut copier);
    }
    copier.drain();
    let Copier {
        to_space,
        bytes_copied,
        objects_copied,
        ..
    } = copier;

    let mut large_objects_kept = 0;
    let mut large_bytes_kept = 0;
    for chunk in std::mem::take(&mut inner.large) {
        // SAFETY: a large chunk holds exactly one object, at its start.
        let header = unsafe { header_of(chunk.start()) };
        if forward::is_marked(header) {
            forward::clear_mark(header);
            large_objects_kept += 1;
            large_bytes_kept += chunk.size();
            inner.large.push(chunk);
        } else {
            inner.pool.free(chunk);
        }
    }

    let live_bytes = bytes_copied + large_bytes_kept + inner.pinned_bytes;
    let small = live_bytes.min(shared.taper) as f64;
    let large = live_bytes.saturating_sub(shared.taper) as f64;
    let next_budget = crate::heap::Heap::<M>::floor_budget(shared)
        .max((small * shared.growth + large * shared.large_growth) as usize);
    inner.budget = next_budget;
    // Keep enough free chunks for the next cycle's allocation (the mutators will take
    // that much anyway, so the peak does not grow), and give the rest back.
    let cache_limit = MIN_CACHED_CHUNKS.max(next_budget.div_ceil(inner.pool.chunk_size()));
    for chunk in from_space {
        inner.pool.release(chunk, cache_limit);
    }
    inner.pool.trim_cache(cache_limit);
    inner.chunks = to_space;
    inner.allocated_since_gc = 0;
    shared.requested.store(false, Ordering::Relaxed);
    shared.collections.fetch_add(1, Ordering::Release);
    std::mem::forget(armed);

    let stats = CollectStats {
        pause: started.elapsed(),
        bytes_copied,
        objects_copied,
        large_objects_kept,
        large_bytes_kept,
        pinned_objects: inner.pinned_objs.len(),
        pinned_bytes: inner.pinned_bytes,
        live_bytes,
        heap_bytes_before,
        heap_bytes_after: inner.pool.committed(),
        next_budget,
    };
    inner.stats.record(&stats);
    stats
}

/// One copying worker: its to-space chunks, its Cheney scan position and its queue of
/// marked large objects waiting to be scanned.
struct Copier<'p, M> {
    pool: &'p mut ChunkPool,
    large_threshold: usize,
    /// To-space chunks in allocation order; the last one is being filled.
    to_space: Vec<Chunk>,
    /// End of the objects in each full to-space chunk (all but the last).
    fills: Vec<usize>,
    cursor: usize,
    limit: usize,
    /// Cheney scan position: chunk index and address within it.
    scan_chunk: usize,
    scan: usize,
    /// Marked large objects not scanned yet.
    gray_large: Vec<usize>,
    bytes_copied: usize,
    objects_copied: usize,
    _model: PhantomData<fn() -> M>,
}

impl<'p, M: ObjectModel> Copier<'p, M> {
    fn new(pool: &'p mut ChunkPool, large_threshold: usize) -> Self {
        Copier {
            pool,
            large_threshold,
            to_space: Vec::new(),
            fills: Vec::new(),
            cursor: 0,
            limit: 0,
            scan_chunk: 0,
            scan: 0,
            gray_large: Vec::new(),
            bytes_copied: 0,
            objects_copied: 0,
            _model: PhantomData,
        }
    }

    /// Room for `size` bytes in to-space (`size <= large_threshold <= chunk_size`).
    fn alloc_to(&mut self, size: usize) -> usize {
        if size > self.limit - self.cursor {
            let chunk = self.pool.take_for_copy();
            if self.to_space.is_empty() {
                self.scan = chunk.start();
            } else {
                self.fills.push(self.cursor);
            }
            self.cursor = chunk.start();
            self.limit = chunk.end();
            self.to_space.push(chunk);
        }
        let new = self.cursor;
        self.cursor += size;
        new
    }

    /// Copy the object at `obj`, which this copier claimed, and forward it.
    fn copy(&mut self, obj: usize, size: usize) -> usize {
        let new = self.alloc_to(size);
        // SAFETY: `obj` is a live from-space object of `size >= 16` bytes that this copier
        // claimed (its header is BUSY, so nobody else copies it), and `new..new + size` is
        // unused to-space in a different chunk, so the ranges do not overlap. The header
        // word is not copied (other workers may be reading it); the copy gets its own.
        unsafe {
            std::ptr::copy_nonoverlapping((obj + 8) as *const u8, (new + 8) as *mut u8, size - 8);
            (new as *mut usize).write(forward::copied_header(size));
        }
        // SAFETY: `obj` is a live object (see above).
        forward::publish(unsafe { header_of(obj) }, new);
        self.bytes_copied += size;
        self.objects_copied += 1;
        new
    }

    /// Scan copied and marked objects until no work is left.
    fn drain(&mut self) {
        loop {
            if let Some(obj) = self.gray_large.pop() {
                M::scan(obj, self);
                continue;
            }
            let Some(chunk) = self.to_space.get(self.scan_chunk) else {
                return;
            };
            let end = self
                .fills
                .get(self.scan_chunk)
                .copied()
                .unwrap_or(self.cursor);
            if self.scan < end {
                let obj = self.scan;
                self.scan += object_size(obj);
                M::scan(obj, self);
            } else if let Some(next) = self.to_space.get(self.scan_chunk + 1) {
                self.scan = next.start();
                self.scan_chunk += 1;
            } else {
                debug_assert!(chunk.start() <= self.scan && self.scan <= chunk.end());
                return;
            }
        }
    }
}

impl<M: ObjectModel> Tracer for Copier<'_, M> {
    #[inline]
    fn trace(&mut self, slot: &mut usize) {
        let obj = *slot;
        if obj == 0 {
            return;
        }
        debug_assert_eq!(obj % 8, 0, "slot holds a misaligned address {obj:#x}");
        // SAFETY: the `ObjectModel` contract: a traced slot holds the address of a live
        // object of this heap.
        let header = unsafe { header_of(obj) };
        match forward::claim(header, self.large_threshold) {
            Claim::Copy { size } => *slot = self.copy(obj, size),
            Claim::Forwarded(new) => *slot = new,
            Claim::Mark { .. } => self.gray_large.push(obj),
            Claim::Stay => {}
        }
    }
}
