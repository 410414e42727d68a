//! The heap and its mutators: chunked memory with per-thread bump allocation.
//!
//! `Heap<M>` is a thin typed handle on `Shared`, which holds everything behind one
//! `parking_lot` mutex (`Inner`: the chunk pool, the lists of chunks in use, the pinned
//! space, the allocation budget and the statistics) plus a few atomics that mutators touch
//! without the lock. A `Mutator` (one per thread) bump-allocates in a buffer: a whole
//! normal chunk it took from the heap. The fast path touches only the mutator's own
//! cursor; the slow path (buffer full) takes the mutex to get a fresh chunk
//! (not zeroed in advance; each object is cleared as it is handed out).
//! Objects larger than `chunk_size / 4` get a dedicated chunk and are never copied (they
//! are marked in place by the collector). Pinned objects are bump allocated under the lock
//! in pinned chunks, never move, are never freed, and are scanned as roots, except pinned
//! leaves (objects that never hold a reference, such as interned strings): those are
//! not even listed, so a collection does not read them.
//!
//! Allocation never collects. Bytes handed out since the last collection (counted per
//! chunk taken, per large or pinned object) are compared with the budget
//! `max(min_budget × threads, growth * min(live, taper) + large_growth * (live - taper)⁺)`
//! (threads: how many allocate at once, `Heap::set_threads`; live =
//! bytes live after the last collection); past it the collection-requested flag
//! is raised and allocation goes on. Allocation fails (`AllocError`) only when the
//! committed heap would pass `max_heap` or the system allocator fails.
//!
//! What must hold: every object handed out is zeroed and its buffer used by one mutator only;
//! every chunk holding objects is owned by `Inner` (mutators hold only bounds), so the
//! collector can free from-space without asking anyone; `unflushed` counts mutators that
//! hold a buffer, and a collection requires it to be zero (each mutator flushed).

use std::cell::Cell;
use std::marker::PhantomData;
use std::sync::Arc;

use parking_lot::Mutex;

use crate::chunk::{Chunk, ChunkPool};
use crate::collector;
use crate::forward::{normal_header, pinned_header};
use crate::object::ObjectModel;
use crate::stats::{CollectStats, HeapStats, StatsAccum};
use crate::sync::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use crate::Tracer;

/// Smallest chunk size accepted; smaller configured sizes are raised to it.
pub const MIN_CHUNK_SIZE: usize = 4096;
/// Largest chunk size accepted; larger configured sizes are lowered to it.
pub const MAX_CHUNK_SIZE: usize = 1 << 30;
/// Smallest object size: a header and one word.
pub const MIN_OBJECT_SIZE: usize = 16;

/// Tuning of a heap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeapConfig {
    /// Most bytes the heap may commit for mutators (chunks in use plus cached). A
    /// collection may pass it briefly by the size of its to-space.
    pub max_heap: usize,
    /// Least allocation between collection requests, in bytes.
    pub min_budget: usize,
    /// Allocation between collection requests, as a multiple of the live bytes after the
    /// last collection (when that exceeds `min_budget`), for the first `taper` live bytes.
    pub growth: f64,
    /// Live bytes beyond this earn only `large_growth` of budget per byte, so that programs
    /// with a large live set keep a bounded resident size (a copying collector needs room
    /// for live + budget + to-space).
    pub taper: usize,
    pub large_growth: f64,
    /// Size of a normal chunk (clamped to `MIN_CHUNK_SIZE..=MAX_CHUNK_SIZE`, rounded down
    /// to a multiple of 8). Objects larger than a quarter of it get a chunk of their own.
    pub chunk_size: usize,
    /// Copying workers of a collection (0: one per core). With more than one, a
    /// collection whose previous live size reached `parallel_min_live` runs in parallel.
    pub gc_threads: usize,
    /// Least live size (after the previous collection) for a parallel collection; smaller
    /// heaps are copied by the collecting thread alone (waking workers would cost more).
    pub parallel_min_live: usize,
}

impl Default for HeapConfig {
    fn default() -> Self {
        HeapConfig {
            max_heap: 64 << 30,
            min_budget: 8 << 20,
            growth: 2.0,
            taper: 32 << 20,
            large_growth: 0.5,
            chunk_size: 1 << 20,
            gc_threads: 0,
            parallel_min_live: 4 << 20,
        }
    }
}

/// An allocation could not be satisfied: the heap limit or the system is out of memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllocError;

impl std::fmt::Display for AllocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("out of memory: heap allocation failed")
    }
}

impl std::error::Error for AllocError {}

/// Round a requested size to an object size, `None` if it can never be allocated.
#[inline]
fn object_bytes(size: usize) -> Option<usize> {
    if size > isize::MAX as usize - 7 {
        return None;
    }
    Some(((size + 7) & !7).max(MIN_OBJECT_SIZE))
}

/// State shared by the heap handle, its mutators and the collector.
pub(crate) struct Shared {
    pub(crate) inner: Mutex<Inner>,
    pub(crate) requested: AtomicBool,
    /// Mutators currently holding a buffer (not flushed).
    pub(crate) unflushed: AtomicUsize,
    pub(crate) bytes_allocated: AtomicU64,
    /// Collections so far (bumped by the collector before the world resumes).
    pub(crate) collections: AtomicU64,
    /// Objects larger than this get a dedicated chunk and are never copied.
    pub(crate) large_threshold: usize,
    pub(crate) chunk_size: usize,
    pub(crate) min_budget: usize,
    /// Threads that allocate at once (`Heap::set_threads`): the least budget is
    /// `min_budget` per thread, so each thread allocates about as much between stops of
    /// the world as a lone thread does.
    pub(crate) threads: AtomicUsize,
    pub(crate) growth: f64,
    pub(crate) taper: usize,
    pub(crate) large_growth: f64,
    /// Copying workers (at least 1) and the least live size for using them.
    pub(crate) gc_threads: usize,
    pub(crate) parallel_min_live: usize,
    /// The collector's worker threads, made at the first parallel collection (`None`
    /// inside if they could not be made: collections then run on one thread).
    pub(crate) gc_pool: std::sync::OnceLock<Option<rayon::ThreadPool>>,
}

impl Shared {
    /// Workers for a collection after one that left `last_live` bytes live; `None`
    /// for a sequential collection.
    pub(crate) fn workers_for(&self, last_live: usize) -> Option<usize> {
        (self.gc_threads > 1 && last_live >= self.parallel_min_live).then_some(self.gc_threads)
    }

    /// The pool of `n` collector threads (made on first use).
    pub(crate) fn gc_pool(&self, n: usize) -> Option<&rayon::ThreadPool> {
        self.gc_pool
            .get_or_init(|| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .thread_name(|i| format!("hotpy-gc-{i}"))
                    .build()
                    .ok()
            })
            .as_ref()
    }
}

/// Everything behind the heap mutex.
pub(crate) struct Inner {
    pub(crate) pool: ChunkPool,
    /// Normal chunks holding movable objects: mutator buffers and the last to-space.
    pub(crate) chunks: Vec<Chunk>,
    /// Dedicated chunks, each holding one movable large object at its start.
    pub(crate) large: Vec<Chunk>,
    /// Chunks of the pinned space (never freed while the heap lives).
    pub(crate) pinned_chunks: Vec<Chunk>,
    /// Every pinned object but the leaves, scanned as a root by each collection.
    pub(crate) pinned_objs: Vec<usize>,
    /// How many pinned leaves there are (never scanned, so not listed).
    pub(crate) pinned_leaves: usize,
    pub(crate) pinned_bytes: usize,
    pinned_cursor: usize,
    pinned_limit: usize,
    /// Bytes handed out since the last collection, compared with `budget`.
    pub(crate) allocated_since_gc: usize,
    pub(crate) budget: usize,
    /// Bytes live after the last collection.
    pub(crate) last_live: usize,
    /// Objects registered for finalization (`Heap::register_finalizer`), not yet found
    /// unreachable; their addresses are updated by each collection.
    pub(crate) finalizable: Vec<usize>,
    pub(crate) stats: StatsAccum,
}

impl Shared {
    /// Count `bytes` against the budget; raise the request flag when it is spent.
    fn note_allocation(&self, inner: &mut Inner, bytes: usize) {
        inner.allocated_since_gc = inner.allocated_since_gc.saturating_add(bytes);
        if inner.allocated_since_gc >= inner.budget {
            self.requested.store(true, Ordering::Relaxed);
        }
    }

    /// Note a failed allocation: a collection may make room.
    fn failed(&self) -> AllocError {
        self.requested.store(true, Ordering::Relaxed);
        AllocError
    }

    /// A fresh buffer (bounds of a normal chunk now owned by `Inner`); its contents are
    /// undefined: `Mutator::bump` clears each object as it hands it out.
    fn take_buffer(&self) -> Result<(usize, usize), AllocError> {
        let mut guard = self.inner.lock();
        let inner = &mut *guard;
        let chunk = inner.pool.take_dirty().map_err(|_| self.failed())?;
        let bounds = (chunk.start(), chunk.end());
        self.note_allocation(inner, chunk.size());
        inner.chunks.push(chunk);
        self.unflushed.fetch_add(1, Ordering::Relaxed);
        Ok(bounds)
    }

    /// One large object (`size` already rounded) in a dedicated zeroed chunk.
    fn alloc_large(&self, size: usize) -> Result<usize, AllocError> {
        let mut guard = self.inner.lock();
        let inner = &mut *guard;
        let chunk = inner.pool.take_dedicated(size).map_err(|_| self.failed())?;
        let obj = chunk.start();
        // SAFETY: the chunk is fresh, zeroed, at least `size >= 16` bytes and 8-aligned;
        // nobody else knows its address yet.
        unsafe { (obj as *mut usize).write(normal_header(size)) };
        inner.large.push(chunk);
        self.note_allocation(inner, size);
        self.bytes_allocated
            .fetch_add(size as u64, Ordering::Relaxed);
        Ok(obj)
    }

    /// One pinned object (`size` already rounded); recorded to be scanned as a root at
    /// every collection unless it is a leaf (`Mutator::alloc_pinned_leaf`).
    fn alloc_pinned(&self, size: usize, leaf: bool) -> Result<usize, AllocError> {
        let mut guard = self.inner.lock();
        let inner = &mut *guard;
        let obj = if size > self.large_threshold {
            let chunk = inner.pool.take_dedicated(size).map_err(|_| self.failed())?;
            let obj = chunk.start();
            inner.pinned_chunks.push(chunk);
            obj
        } else {
            if size > inner.pinned_limit - inner.pinned_cursor {
                let chunk = inner.pool.take_zeroed().map_err(|_| self.failed())?;
                inner.pinned_cursor = chunk.start();
                inner.pinned_limit = chunk.end();
                inner.pinned_chunks.push(chunk);
            }
            let obj = inner.pinned_cursor;
            inner.pinned_cursor += size;
            obj
        };
        // SAFETY: `obj..obj + size` is zeroed, 8-aligned memory of a pinned chunk that no
        // one else has been given (bump allocated under the lock).
        unsafe { (obj as *mut usize).write(pinned_header(size)) };
        if leaf {
            inner.pinned_leaves += 1;
        } else {
            inner.pinned_objs.push(obj);
        }
        inner.pinned_bytes += size;
        self.note_allocation(inner, size);
        self.bytes_allocated
            .fetch_add(size as u64, Ordering::Relaxed);
        Ok(obj)
    }
}

/// A garbage-collected heap of objects described by `M`. Send + Sync.
pub struct Heap<M: ObjectModel> {
    shared: Arc<Shared>,
    _model: PhantomData<fn() -> M>,
}

impl<M: ObjectModel> std::fmt::Debug for Heap<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Heap")
            .field("stats", &self.stats())
            .finish()
    }
}

impl<M: ObjectModel> Heap<M> {
    /// A new, empty heap. Out-of-range settings are clamped (see `HeapConfig`).
    pub fn new(cfg: HeapConfig) -> Self {
        let chunk_size = cfg.chunk_size.clamp(MIN_CHUNK_SIZE, MAX_CHUNK_SIZE) & !7;
        let min_budget = cfg.min_budget.max(1);
        let inner = Inner {
            pool: ChunkPool::new(chunk_size, cfg.max_heap),
            chunks: Vec::new(),
            large: Vec::new(),
            pinned_chunks: Vec::new(),
            pinned_objs: Vec::new(),
            pinned_leaves: 0,
            pinned_bytes: 0,
            pinned_cursor: 0,
            pinned_limit: 0,
            allocated_since_gc: 0,
            budget: min_budget,
            last_live: 0,
            finalizable: Vec::new(),
            stats: StatsAccum::default(),
        };
        Heap {
            shared: Arc::new(Shared {
                inner: Mutex::new(inner),
                requested: AtomicBool::new(false),
                unflushed: AtomicUsize::new(0),
                bytes_allocated: AtomicU64::new(0),
                collections: AtomicU64::new(0),
                large_threshold: (chunk_size / 4) & !7,
                chunk_size,
                min_budget,
                threads: AtomicUsize::new(1),
                growth: cfg.growth,
                taper: cfg.taper,
                large_growth: cfg.large_growth,
                gc_threads: match cfg.gc_threads {
                    0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
                    n => n,
                },
                parallel_min_live: cfg.parallel_min_live,
                gc_pool: std::sync::OnceLock::new(),
            }),
            _model: PhantomData,
        }
    }

    /// A new mutator (allocation context) for one thread.
    pub fn mutator(&self) -> Mutator {
        Mutator {
            shared: Arc::clone(&self.shared),
            start: 0,
            cursor: 0,
            limit: 0,
            large_threshold: self.shared.large_threshold,
            parked: None,
            _not_sync: PhantomData,
        }
    }

    /// Has the allocation budget been spent (or a collection been requested)?
    #[inline]
    pub fn collection_requested(&self) -> bool {
        self.shared.requested.load(Ordering::Relaxed)
    }

    /// Ask for a collection at the next safepoint (e.g. `gc.collect()`).
    pub fn request_collection(&self) {
        self.shared.requested.store(true, Ordering::Relaxed);
    }

    /// Tell the heap how many threads allocate at once (at least 1): the least
    /// allocation between collection requests becomes `min_budget` per thread, from now.
    pub fn set_threads(&self, n: usize) {
        let n = n.max(1);
        self.shared.threads.store(n, Ordering::Relaxed);
        let mut inner = self.shared.inner.lock();
        let floor = self.shared.min_budget.saturating_mul(n);
        inner.budget = inner.budget.max(floor);
    }

    /// The least budget now (`min_budget` per allocating thread).
    pub(crate) fn floor_budget(shared: &Shared) -> usize {
        shared
            .min_budget
            .saturating_mul(shared.threads.load(Ordering::Relaxed))
    }

    /// Stop-the-world: caller guarantees every mutator has called `flush()` and is parked.
    /// `roots` is called once with a tracer; it must trace every root slot (each once).
    ///
    /// Panics if a mutator still holds an unflushed buffer. Aborts the process if the
    /// collection itself panics (the heap would be half-copied) or the system runs out of
    /// memory for to-space.
    pub fn collect(&self, roots: &mut dyn FnMut(&mut dyn Tracer)) -> CollectStats {
        self.collect_with(roots, &mut |_| {}, &mut |_| {})
    }

    /// `collect`, reporting at its end (world still stopped) each object whose weak slot
    /// was cleared (`Tracer::trace_weak`) and each object registered with
    /// `register_finalizer` that was unreachable: such an object (and all it reaches)
    /// was kept, at the address given, and is no longer registered.
    pub fn collect_with(
        &self,
        roots: &mut dyn FnMut(&mut dyn Tracer),
        cleared: &mut dyn FnMut(usize),
        finalize: &mut dyn FnMut(usize),
    ) -> CollectStats {
        collector::collect::<M>(
            &self.shared,
            roots,
            collector::Outcome { cleared, finalize },
        )
    }

    /// Ask to be told (by `collect_with`) when the movable object `obj` becomes
    /// unreachable; it is then kept alive for that collection and forgotten.
    pub fn register_finalizer(&self, obj: usize) {
        self.shared.inner.lock().finalizable.push(obj);
    }

    /// How many collections have finished since the heap was made.
    pub fn collections(&self) -> u64 {
        self.shared.collections.load(Ordering::Acquire)
    }

    /// Totals since the heap was made.
    pub fn stats(&self) -> HeapStats {
        let inner = self.shared.inner.lock();
        let s = &inner.stats;
        HeapStats {
            collections: s.collections,
            bytes_copied: s.bytes_copied,
            objects_copied: s.objects_copied,
            bytes_allocated: self.shared.bytes_allocated.load(Ordering::Relaxed),
            heap_bytes: inner.pool.committed(),
            cached_bytes: inner.pool.cached(),
            peak_heap_bytes: inner.pool.peak(),
            live_bytes: s.live_bytes,
            total_pause: s.total_pause,
            max_pause: s.max_pause,
            pause_histogram: s.histogram.clone(),
            parallel_collections: s.parallel_collections,
            gc_threads: self.shared.gc_threads,
        }
    }

    /// Exact pause times of the first `stats::MAX_EXACT_PAUSES` collections, in order.
    pub fn pauses(&self) -> Vec<std::time::Duration> {
        self.shared.inner.lock().stats.pauses.clone()
    }

    /// Objects larger than this many bytes get a chunk of their own and never move.
    pub fn large_object_threshold(&self) -> usize {
        self.shared.large_threshold
    }

    /// Size of a normal chunk after clamping.
    pub fn chunk_size(&self) -> usize {
        self.shared.chunk_size
    }
}

/// A thread's allocation context. Send, !Sync.
pub struct Mutator {
    shared: Arc<Shared>,
    /// Buffer bounds; all zero when the mutator holds no buffer.
    start: usize,
    cursor: usize,
    limit: usize,
    /// Copy of `Shared::large_threshold`, kept here for the fast path.
    large_threshold: usize,
    /// The buffer given up by `park` (cursor, limit) and the collection count then.
    parked: Option<(usize, usize, u64)>,
    _not_sync: PhantomData<Cell<()>>,
}

impl std::fmt::Debug for Mutator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mutator")
            .field("cursor", &format_args!("{:#x}", self.cursor))
            .field("limit", &format_args!("{:#x}", self.limit))
            .finish()
    }
}

/// Zeroes `n` words at `p`. Most objects are a few words (a float is two after its
/// header): those are stored one by one, because a loop of stores becomes a call of
/// `memset`, which costs more than the stores for so few bytes.
///
/// # Safety
/// `p..p + n` words must be writable memory owned by the caller.
#[inline(always)]
unsafe fn clear_words(p: *mut usize, n: usize) {
    // SAFETY: the caller owns `n` words at `p`; every arm writes words below `n`.
    unsafe {
        match n {
            0 => {}
            1 => p.write(0),
            2 => {
                p.write(0);
                p.add(1).write(0);
            }
            3 => {
                p.write(0);
                p.add(1).write(0);
                p.add(2).write(0);
            }
            4 => {
                p.write(0);
                p.add(1).write(0);
                p.add(2).write(0);
                p.add(3).write(0);
            }
            _ => std::ptr::write_bytes(p, 0, n),
        }
    }
}

impl Mutator {
    /// Zeroed memory of `size` bytes (rounded to 8), header set NORMAL|size. Never collects.
    #[inline]
    pub fn alloc(&mut self, size: usize) -> Result<usize, AllocError> {
        let size = object_bytes(size).ok_or(AllocError)?;
        match self.bump(size) {
            Some(obj) => Ok(obj),
            None => self.alloc_slow(size),
        }
    }

    /// Bump-allocate `size` (rounded) bytes in the current buffer, if they fit and the
    /// object is small (large objects must get a chunk of their own: the collector marks
    /// them in place instead of copying them).
    #[inline]
    fn bump(&mut self, size: usize) -> Option<usize> {
        // `cursor <= limit` always holds, so this cannot overflow.
        if size > self.large_threshold || size > self.limit - self.cursor {
            return None;
        }
        let obj = self.cursor;
        self.cursor += size;
        // SAFETY: `obj..obj + size` lies in this mutator's buffer: 8-aligned memory of a
        // chunk owned by the heap, handed to this mutator only, never handed out twice.
        // Buffers are not zeroed in advance (that would sweep each chunk through the cache
        // once more): the object's words are cleared here, as it is handed out.
        unsafe {
            let words = obj as *mut usize;
            words.write(normal_header(size));
            clear_words(words.add(1), size / 8 - 1);
        }
        Some(obj)
    }

    #[cold]
    fn alloc_slow(&mut self, size: usize) -> Result<usize, AllocError> {
        if size > self.large_threshold {
            return self.shared.alloc_large(size);
        }
        self.flush();
        let (start, limit) = self.shared.take_buffer()?;
        self.start = start;
        self.cursor = start;
        self.limit = limit;
        // The buffer is a whole chunk and `size <= chunk_size / 4`: it fits.
        self.bump(size).ok_or(AllocError)
    }

    /// Never moves, never freed; scanned as a root at every collection.
    pub fn alloc_pinned(&mut self, size: usize) -> Result<usize, AllocError> {
        let size = object_bytes(size).ok_or(AllocError)?;
        self.shared.alloc_pinned(size, false)
    }

    /// Never moves, never freed, never scanned: for an object that holds no reference to
    /// another heap object, now or ever (such as a string's text), whose scan would find
    /// nothing. Collections then need not read it at all. Giving a leaf a reference is
    /// unsound: the collector would neither keep its target alive nor update it.
    pub fn alloc_pinned_leaf(&mut self, size: usize) -> Result<usize, AllocError> {
        let size = object_bytes(size).ok_or(AllocError)?;
        self.shared.alloc_pinned(size, true)
    }

    /// Give the buffer up before a blocking wait during which the heap may collect
    /// (as `flush`), remembering it: `unpark` takes it back if no collection ran
    /// meanwhile, so a thread that blocks often does not use a fresh chunk each time.
    pub fn park(&mut self) {
        if self.limit == 0 {
            return;
        }
        let collections = self.shared.collections.load(Ordering::Acquire);
        self.parked = Some((self.cursor, self.limit, collections));
        self.flush();
    }

    /// After a blocking wait: take back the buffer given up by `park` if the heap has
    /// not collected since. Must be called while no collection can start (the thread
    /// is running again, between safepoints).
    pub fn unpark(&mut self) {
        let Some((cursor, limit, collections)) = self.parked.take() else {
            return;
        };
        if self.limit != 0 || self.shared.collections.load(Ordering::Acquire) != collections {
            return;
        }
        // The chunk is still in `Inner::chunks` (only a collection retires chunks) and
        // nobody else allocates in `cursor..limit`: the buffer is handed out once.
        self.shared.unflushed.fetch_add(1, Ordering::Relaxed);
        self.start = cursor;
        self.cursor = cursor;
        self.limit = limit;
    }

    /// Retire the thread's buffer before a safepoint park. The next allocation takes a
    /// fresh chunk.
    pub fn flush(&mut self) {
        if self.limit == 0 {
            return;
        }
        let used = (self.cursor - self.start) as u64;
        self.shared
            .bytes_allocated
            .fetch_add(used, Ordering::Relaxed);
        self.shared.unflushed.fetch_sub(1, Ordering::Release);
        self.start = 0;
        self.cursor = 0;
        self.limit = 0;
    }
}

impl Drop for Mutator {
    fn drop(&mut self) {
        self.flush();
    }
}
