//! Chunks: the blocks of memory the heap is made of, and the pool that hands them out.
//!
//! A `Chunk` owns one `std::alloc` allocation (aligned to `CHUNK_ALIGN`), freed on drop.
//! Normal chunks are `chunk_size` bytes and hold many small objects, bump allocated by a
//! mutator or by the collector's to-space. A dedicated chunk holds one large object (or a
//! run of pinned objects) and has that object's size.
//!
//! `ChunkPool` does the accounting: `committed` counts every byte of every chunk alive
//! (in use or cached), `peak` its maximum. Freed normal chunks go to a small cache (dirty:
//! they are zeroed again when handed to a mutator) so a steady workload does not churn the
//! system allocator; the collector trims the cache so the heap shrinks when live data does.
//!
//! What must hold: `committed` changes only through the pool (chunks are released with
//! `release`, never simply dropped while the heap lives); mutator-visible allocations keep
//! `committed <= max_heap`; the collector's to-space may exceed it for the length of a
//! collection (the copy reserve) because a collection cannot fail halfway.

use std::alloc::{self, Layout};
use std::ptr::NonNull;

use crate::AllocError;

/// Alignment of every chunk, and so of every object (sizes are multiples of 8).
pub(crate) const CHUNK_ALIGN: usize = 8;

/// One block of heap memory. Owns its allocation.
pub(crate) struct Chunk {
    ptr: NonNull<u8>,
    size: usize,
}

// SAFETY: a chunk is plain memory owned by exactly one `Chunk` value; it has no thread
// affinity, and every access to its contents is synchronised by the heap (the mutex, or
// the stop-the-world guarantee during a collection).
unsafe impl Send for Chunk {}

impl Chunk {
    /// Allocate `size` bytes (`size > 0`), zeroed if `zeroed`. `None` if the layout is
    /// invalid (too large) or the system allocator fails.
    pub(crate) fn new(size: usize, zeroed: bool) -> Option<Chunk> {
        if size == 0 {
            return None;
        }
        let layout = Layout::from_size_align(size, CHUNK_ALIGN).ok()?;
        // SAFETY: the layout has non-zero size (checked above).
        let raw = unsafe {
            if zeroed {
                alloc::alloc_zeroed(layout)
            } else {
                alloc::alloc(layout)
            }
        };
        NonNull::new(raw).map(|ptr| Chunk { ptr, size })
    }

    pub(crate) fn start(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    pub(crate) fn end(&self) -> usize {
        self.start() + self.size
    }

    pub(crate) fn size(&self) -> usize {
        self.size
    }

    /// Fill the whole chunk with zeroes.
    pub(crate) fn zero(&mut self) {
        // SAFETY: `ptr` is valid for writes of `size` bytes (our own allocation) and no
        // object in it is live: only free chunks are zeroed.
        unsafe { std::ptr::write_bytes(self.ptr.as_ptr(), 0, self.size) }
    }
}

impl Drop for Chunk {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from `alloc`/`alloc_zeroed` with exactly this layout (it was
        // valid when the chunk was made, so it is valid now) and is freed only here.
        unsafe {
            let layout = Layout::from_size_align_unchecked(self.size, CHUNK_ALIGN);
            alloc::dealloc(self.ptr.as_ptr(), layout);
        }
    }
}

/// Source of chunks and keeper of the heap's size accounting.
pub(crate) struct ChunkPool {
    chunk_size: usize,
    max_heap: usize,
    cache: Vec<Chunk>,
    committed: usize,
    peak: usize,
}

impl ChunkPool {
    pub(crate) fn new(chunk_size: usize, max_heap: usize) -> ChunkPool {
        ChunkPool {
            chunk_size,
            max_heap,
            cache: Vec::new(),
            committed: 0,
            peak: 0,
        }
    }

    pub(crate) fn chunk_size(&self) -> usize {
        self.chunk_size
    }

    /// Bytes of all chunks alive: in use plus cached.
    pub(crate) fn committed(&self) -> usize {
        self.committed
    }

    /// Bytes held in the free-chunk cache.
    pub(crate) fn cached(&self) -> usize {
        self.cache.len() * self.chunk_size
    }

    /// Highest `committed` ever seen.
    pub(crate) fn peak(&self) -> usize {
        self.peak
    }

    fn grow(&mut self, bytes: usize) {
        self.committed += bytes;
        self.peak = self.peak.max(self.committed);
    }

    /// A normal chunk with undefined contents for a mutator buffer, within `max_heap`.
    pub(crate) fn take_dirty(&mut self) -> Result<Chunk, AllocError> {
        if let Some(chunk) = self.cache.pop() {
            return Ok(chunk);
        }
        if self.committed.saturating_add(self.chunk_size) > self.max_heap {
            return Err(AllocError);
        }
        let chunk = Chunk::new(self.chunk_size, false).ok_or(AllocError)?;
        self.grow(self.chunk_size);
        Ok(chunk)
    }

    /// A zeroed normal chunk for the pinned space, within `max_heap`.
    pub(crate) fn take_zeroed(&mut self) -> Result<Chunk, AllocError> {
        if let Some(mut chunk) = self.cache.pop() {
            chunk.zero();
            return Ok(chunk);
        }
        self.fresh(self.chunk_size)
    }

    /// A zeroed chunk of `size` bytes for one large object, within `max_heap`. Cached
    /// chunks are given back to the system first if that makes room.
    pub(crate) fn take_dedicated(&mut self, size: usize) -> Result<Chunk, AllocError> {
        while self.committed.saturating_add(size) > self.max_heap {
            match self.cache.pop() {
                Some(chunk) => self.free(chunk),
                None => return Err(AllocError),
            }
        }
        self.fresh(size)
    }

    fn fresh(&mut self, size: usize) -> Result<Chunk, AllocError> {
        if self.committed.saturating_add(size) > self.max_heap {
            return Err(AllocError);
        }
        let chunk = Chunk::new(size, true).ok_or(AllocError)?;
        self.grow(size);
        Ok(chunk)
    }

    /// A normal chunk for the collector's to-space (contents undefined). Ignores
    /// `max_heap`: a collection cannot stop halfway. Aborts the process if the system is
    /// out of memory, as `Vec` does.
    pub(crate) fn take_for_copy(&mut self) -> Chunk {
        if let Some(chunk) = self.cache.pop() {
            return chunk;
        }
        match Chunk::new(self.chunk_size, false) {
            Some(chunk) => {
                self.grow(self.chunk_size);
                chunk
            }
            None => match Layout::from_size_align(self.chunk_size, CHUNK_ALIGN) {
                Ok(layout) => alloc::handle_alloc_error(layout),
                Err(_) => std::process::abort(),
            },
        }
    }

    /// Give a chunk back: normal chunks go to the cache while it holds fewer than
    /// `cache_limit` chunks, everything else goes back to the system.
    pub(crate) fn release(&mut self, chunk: Chunk, cache_limit: usize) {
        if chunk.size() == self.chunk_size && self.cache.len() < cache_limit {
            self.cache.push(chunk);
        } else {
            self.free(chunk);
        }
    }

    /// Return a chunk to the system.
    pub(crate) fn free(&mut self, chunk: Chunk) {
        self.committed -= chunk.size();
        drop(chunk);
    }

    /// Shrink the cache to at most `limit` chunks.
    pub(crate) fn trim_cache(&mut self, limit: usize) {
        while self.cache.len() > limit {
            if let Some(chunk) = self.cache.pop() {
                self.free(chunk);
            }
        }
    }
}
