//! The copying collector: evacuation of the live graph into fresh chunks, Cheney-style on
//! one thread or by work-stealing workers in parallel.
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
//!    (Steps 2 and 3 run again for registered objects found unreachable: they are
//!    traced as roots, so they and all they reach survive for their finalizers. Then
//!    every weak slot met while scanning is pointed at its target's new address, or
//!    cleared if the target was not reached; the objects holding cleared slots and the
//!    objects to finalize are reported to the caller at the end.)
//! 4. Unmarked large objects are freed, marks cleared. From-space chunks go back to the
//!    pool: a few are cached (max(4 chunks, live / 4)), the rest returned to the system.
//!    To-space becomes the new set of chunks in use; the budget is recomputed from the
//!    live size and the collection request is cleared.
//!
//! Parallel collections (`HeapConfig::gc_threads` > 1, once the previous collection
//! left at least `parallel_min_live` bytes live): the collecting thread traces the roots
//! and pinned objects into a shared queue (a crossbeam `Injector`), then the workers of a
//! rayon pool each run a `Copier` with its own to-space chunks and its own deque of gray
//! objects (copies to scan and large objects marked in place). A worker scans its own
//! deque depth-first, steals batches from the queue and from the others when it runs
//! dry, and stops when `terminate::Termination` reports every worker idle. Two workers
//! reaching one object race through `forward::claim`: one copies, the other waits for
//! the forwarding address. Copiers share only the chunk pool (behind its own lock, one
//! chunk at a time) and the objects' header words.
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
use crate::object::{header_of, ObjectModel, Tracer};
use crate::stats::CollectStats;
use crate::sync::Ordering;
use crate::terminate::Termination;
use crossbeam_deque::{Injector, Steal, Stealer, Worker};

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

/// What happens to the objects a collection found dead that the VM cares about.
pub(crate) struct Outcome<'a> {
    /// Called with each object whose weak slot was cleared (its target died).
    pub cleared: &'a mut dyn FnMut(usize),
    /// Called with each registered object found unreachable: it was kept alive (with
    /// everything it reaches) for its finalizer and is no longer registered.
    pub finalize: &'a mut dyn FnMut(usize),
}

/// The address of `obj` after tracing, or `None` if it was not reached (it is dead).
fn fate(obj: usize) -> Option<usize> {
    // SAFETY: `obj` is a from-space, large or pinned object address of this heap; from-
    // space is not freed before the end of the collection.
    let word = unsafe { header_of(obj) }.load(Ordering::Acquire);
    match word & forward::STATE_MASK {
        forward::FORWARDED => Some(word & forward::PAYLOAD_MASK),
        forward::PINNED => Some(obj),
        forward::NORMAL if word & forward::MARK != 0 => Some(obj),
        forward::NORMAL => None,
        _ => unreachable!("gc-parallel: an object is still being copied after tracing"),
    }
}

/// Run one collection (see the module comment).
pub(crate) fn collect<M: ObjectModel>(
    shared: &Shared,
    roots: &mut dyn FnMut(&mut dyn Tracer),
    outcome: Outcome<'_>,
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
    let registered = std::mem::take(&mut inner.finalizable);

    let workers = shared.workers_for(inner.last_live);
    let large_threshold = shared.large_threshold;
    let mut to_finalize = Vec::new();
    let mut still_registered = Vec::with_capacity(registered.len());
    let mut cleared = Vec::new();
    let par_workers;
    let copied = {
        // The workers share the chunk pool for their to-space, behind a lock of its own
        // (the heap mutex stays held by this thread throughout).
        let pool_lock = parking_lot::Mutex::new(&mut inner.pool);
        let pool: &dyn TakeChunk = &pool_lock;
        let pinned = &inner.pinned_objs;
        let par = workers.and_then(|n| shared.gc_pool(n).map(|tp| (n, tp)));
        par_workers = par.map_or(1, |(n, _)| n);
        let run_phase = |roots: &mut dyn FnMut(&mut dyn Tracer)| match par {
            Some((n, tp)) => parallel::<M>(pool, large_threshold, roots, n, tp),
            None => {
                let mut copier = Copier::<M>::new(pool, large_threshold, Gray::Cheney);
                roots(&mut copier);
                copier.drain();
                Copied::from(copier)
            }
        };
        // 1. Everything reachable from the roots and the pinned objects.
        let mut copied = run_phase(&mut |t: &mut dyn Tracer| {
            roots(t);
            for &obj in pinned {
                M::scan(obj, &mut &mut *t);
            }
        });
        // 2. Registered objects that were not reached are kept for their finalizers,
        //    with everything they reach.
        for obj in registered {
            match fate(obj) {
                Some(now) => still_registered.push(now),
                None => to_finalize.push(obj),
            }
        }
        if !to_finalize.is_empty() {
            let more = run_phase(&mut |t: &mut dyn Tracer| {
                for slot in to_finalize.iter_mut() {
                    t.trace(slot);
                }
            });
            copied.merge(more);
        }
        // 3. Weak slots follow their targets or, if the targets died, are cleared.
        for &(obj, slot) in &copied.weak {
            // SAFETY: `slot` is a word of the live object `obj` (a to-space copy, or a
            // large or pinned object), reported by `ObjectModel::scan` during this
            // collection; nothing else touches it while the world is stopped.
            let slot = unsafe { &mut *(slot as *mut usize) };
            if *slot == 0 {
                continue;
            }
            match fate(*slot) {
                Some(now) => *slot = now,
                None => {
                    *slot = 0;
                    cleared.push(obj);
                }
            }
        }
        copied
    };
    inner.finalizable = still_registered;
    let Copied {
        to_space,
        bytes_copied,
        objects_copied,
        ..
    } = copied;

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
    inner.last_live = live_bytes;
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
        pinned_objects: inner.pinned_objs.len() + inner.pinned_leaves,
        pinned_bytes: inner.pinned_bytes,
        live_bytes,
        heap_bytes_before,
        heap_bytes_after: inner.pool.committed(),
        next_budget,
        workers: par_workers,
    };
    inner.stats.record(&stats);
    for obj in cleared {
        (outcome.cleared)(obj);
    }
    for obj in to_finalize {
        (outcome.finalize)(obj);
    }
    stats
}

/// Where copiers get to-space chunks: the heap's pool, shared by the workers.
trait TakeChunk: Sync {
    fn take(&self) -> Chunk;
}

impl TakeChunk for parking_lot::Mutex<&mut ChunkPool> {
    fn take(&self) -> Chunk {
        self.lock().take_for_copy()
    }
}

/// What the copiers of one collection produced.
struct Copied {
    to_space: Vec<Chunk>,
    bytes_copied: usize,
    objects_copied: usize,
    /// Weak slots met while scanning: (object, address of the slot).
    weak: Vec<(usize, usize)>,
}

impl Copied {
    fn merge(&mut self, other: Copied) {
        self.to_space.extend(other.to_space);
        self.bytes_copied += other.bytes_copied;
        self.objects_copied += other.objects_copied;
        self.weak.extend(other.weak);
    }
}

impl<M> From<Copier<'_, '_, M>> for Copied {
    fn from(c: Copier<'_, '_, M>) -> Copied {
        Copied {
            to_space: c.to_space,
            bytes_copied: c.bytes_copied,
            objects_copied: c.objects_copied,
            weak: c.weak,
        }
    }
}

/// The parallel phase: the roots and pinned objects are traced on this thread into a
/// shared queue, then `n` workers of the collector's pool copy and scan the rest,
/// stealing from each other, until `Termination` says all are idle.
fn parallel<M: ObjectModel>(
    pool: &dyn TakeChunk,
    large_threshold: usize,
    roots: &mut dyn FnMut(&mut dyn Tracer),
    n: usize,
    tp: &rayon::ThreadPool,
) -> Copied {
    let injector = Injector::new();
    let mut root_copier = Copier::<M>::new(pool, large_threshold, Gray::Global(&injector));
    roots(&mut root_copier);
    let mut out = Copied::from(root_copier);
    let deques: Vec<Worker<usize>> = (0..n).map(|_| Worker::new_lifo()).collect();
    let stealers: Vec<Stealer<usize>> = deques.iter().map(|w| w.stealer()).collect();
    let deques: Vec<parking_lot::Mutex<Option<Worker<usize>>>> = deques
        .into_iter()
        .map(|w| parking_lot::Mutex::new(Some(w)))
        .collect();
    let term = Termination::new(n);
    let results = tp.broadcast(|ctx| {
        let me = ctx.index();
        let local = deques[me].lock().take().expect("one deque per worker");
        let mut copier = Copier::<M>::new(pool, large_threshold, Gray::Local(local));
        copier.work(me, &injector, &stealers, &term);
        Copied::from(copier)
    });
    for r in results {
        out.merge(r);
    }
    out
}

/// Where a copier puts the objects it still has to scan.
enum Gray<'q> {
    /// Sequential collection: copies are scanned in to-space order (Cheney), marked large
    /// objects from `gray_large`.
    Cheney,
    /// Roots of a parallel collection: everything goes to the shared queue.
    Global(&'q Injector<usize>),
    /// A parallel worker: its own deque, which the others may steal from.
    Local(Worker<usize>),
}

/// One copying worker: its to-space chunks, its gray work (a Cheney scan position and a
/// queue of marked large objects, or a work-stealing deque).
struct Copier<'p, 'q, M> {
    pool: &'p dyn TakeChunk,
    large_threshold: usize,
    gray: Gray<'q>,
    /// To-space chunks in allocation order; the last one is being filled.
    to_space: Vec<Chunk>,
    /// End of the objects in each full to-space chunk (all but the last).
    fills: Vec<usize>,
    cursor: usize,
    limit: usize,
    /// Cheney scan position: chunk index and address within it.
    scan_chunk: usize,
    scan: usize,
    /// Marked large objects not scanned yet (Cheney mode).
    gray_large: Vec<usize>,
    /// Weak slots met: (object, slot address).
    weak: Vec<(usize, usize)>,
    bytes_copied: usize,
    objects_copied: usize,
    _model: PhantomData<fn() -> M>,
}

impl<'p, 'q, M: ObjectModel> Copier<'p, 'q, M> {
    fn new(pool: &'p dyn TakeChunk, large_threshold: usize, gray: Gray<'q>) -> Self {
        Copier {
            pool,
            large_threshold,
            gray,
            to_space: Vec::new(),
            fills: Vec::new(),
            cursor: 0,
            limit: 0,
            scan_chunk: 0,
            scan: 0,
            gray_large: Vec::new(),
            weak: Vec::new(),
            bytes_copied: 0,
            objects_copied: 0,
            _model: PhantomData,
        }
    }

    /// Room for `size` bytes in to-space (`size <= large_threshold <= chunk_size`).
    fn alloc_to(&mut self, size: usize) -> usize {
        if size > self.limit - self.cursor {
            let chunk = self.pool.take();
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
        // unused to-space in a chunk only this copier fills, so the ranges do not overlap
        // and nobody else writes them. The header word is not copied (other workers may
        // be reading it); the copy gets its own.
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

    /// An object to scan later: a copy (`copied`) or a large object marked in place.
    #[inline]
    fn push_gray(&mut self, obj: usize, copied: bool) {
        match &self.gray {
            // Copies are found again by the linear scan of to-space.
            Gray::Cheney if copied => {}
            Gray::Cheney => self.gray_large.push(obj),
            Gray::Global(q) => q.push(obj),
            Gray::Local(w) => w.push(obj),
        }
    }

    /// Sequential mode: scan copied and marked objects until no work is left.
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
                // SAFETY: `obj` is the start of a copy or a gap in this copier's to-space.
                let word = unsafe { header_of(obj) }.load(Ordering::Relaxed);
                self.scan += word & forward::PAYLOAD_MASK;
                if !forward::is_filler(word) {
                    M::scan(obj, self);
                }
            } else if let Some(next) = self.to_space.get(self.scan_chunk + 1) {
                self.scan = next.start();
                self.scan_chunk += 1;
            } else {
                debug_assert!(chunk.start() <= self.scan && self.scan <= chunk.end());
                return;
            }
        }
    }

    /// Parallel mode: scan own work, else steal, until every worker is idle.
    fn work(
        &mut self,
        me: usize,
        injector: &Injector<usize>,
        stealers: &[Stealer<usize>],
        term: &Termination,
    ) {
        loop {
            let next = match &self.gray {
                Gray::Local(w) => w.pop().or_else(|| steal(w, me, injector, stealers)),
                _ => None,
            };
            if let Some(obj) = next {
                M::scan(obj, self);
                continue;
            }
            let visible = || !injector.is_empty() || stealers.iter().any(|s| !s.is_empty());
            if term.idle(visible) {
                return;
            }
        }
    }
}

/// Work from the shared queue or from another worker's deque (a batch of it moves to
/// `local`); `None` if none was found.
fn steal(
    local: &Worker<usize>,
    me: usize,
    injector: &Injector<usize>,
    stealers: &[Stealer<usize>],
) -> Option<usize> {
    loop {
        let mut retry = false;
        match injector.steal_batch_and_pop(local) {
            Steal::Success(obj) => return Some(obj),
            Steal::Retry => retry = true,
            Steal::Empty => {}
        }
        for (i, s) in stealers.iter().enumerate() {
            if i == me {
                continue;
            }
            match s.steal_batch_and_pop(local) {
                Steal::Success(obj) => return Some(obj),
                Steal::Retry => retry = true,
                Steal::Empty => {}
            }
        }
        if !retry {
            return None;
        }
    }
}

impl<M: ObjectModel> Tracer for Copier<'_, '_, M> {
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
            Claim::Copy { size } => {
                let new = self.copy(obj, size);
                *slot = new;
                self.push_gray(new, true);
            }
            Claim::Forwarded(new) => *slot = new,
            Claim::Mark { .. } => self.push_gray(obj, false),
            Claim::Stay => {}
        }
    }

    #[inline]
    fn trace_weak(&mut self, obj: usize, slot: &mut usize) {
        if *slot != 0 {
            self.weak.push((obj, slot as *mut usize as usize));
        }
    }

    fn boundary(&mut self) {
        if matches!(self.gray, Gray::Cheney) {
            self.drain();
        }
        // Pad to the next 128 bytes (two cache lines: adjacent lines are fetched in
        // pairs) with a gap the to-space scan skips.
        let gap = self.cursor.wrapping_neg() % LINE_PAIR;
        if self.limit != 0 && gap != 0 && gap <= self.limit - self.cursor {
            // SAFETY: `cursor..cursor + gap` is unused to-space of this copier's current
            // chunk (checked against `limit`), 8-aligned, at least one word.
            unsafe { (self.cursor as *mut usize).write(forward::filler_header(gap)) };
            self.cursor += gap;
        }
    }
}

/// Bytes to which `Tracer::boundary` aligns to-space.
const LINE_PAIR: usize = 128;
