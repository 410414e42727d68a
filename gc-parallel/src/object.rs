//! The collector's view of objects: the traits the VM implements and the header word.
//!
//! The collector knows nothing of Python. It reads one header word at the start of every
//! object (state and size, see `forward.rs`) and asks the `ObjectModel` for the slots of
//! an object. A slot is a word that holds the address of a heap object's header; the
//! tracer may rewrite it with the object's new address.
//!
//! What must hold: objects are 8-aligned; sizes are multiples of 8 and at least 16; the
//! header word belongs to the collector (the VM reads it only through `object_size`);
//! `ObjectModel::scan` reports each slot of an object exactly once, and reports only words
//! that hold heap addresses (a slot holding 0 is skipped, anything else is followed).

use crate::forward::{PAYLOAD_MASK, PINNED, STATE_MASK};
use crate::sync::{AtomicUsize, Ordering};

/// The header word every heap object starts with.
pub type GcHeader = std::sync::atomic::AtomicUsize;

/// The VM's side of the collector: how to find the references inside an object.
pub trait ObjectModel: 'static {
    /// Call `t.trace(slot)` for every slot of the object at `obj` (address of its header)
    /// that holds a heap address. Non-pointer words must not be passed.
    ///
    /// During a collection `obj` is a complete object with a valid header; objects it
    /// points to may already be forwarded (their payload is intact, their header is not).
    fn scan<T: Tracer>(obj: usize, t: &mut T);
}

/// Receives the slots of roots and objects during a collection.
pub trait Tracer {
    /// Visit one slot: the collector may move the object and rewrite the slot.
    fn trace(&mut self, slot: &mut usize);

    /// Visit a weak slot of the object at `obj` (the address `scan` was given): it does
    /// not keep its target alive. When the collection's tracing is over, the collector
    /// rewrites it with the target's new address or, if the target died, with 0, and
    /// reports `obj` as cleared. Tracers that do not collect treat it as strong. A root
    /// may be weak too (a side table of the VM): `obj` is then only what is reported
    /// back, and the slot must stay where it is until the collection returns.
    fn trace_weak(&mut self, obj: usize, slot: &mut usize) {
        let _ = obj;
        self.trace(slot)
    }

    /// The roots of one thread end here. The collector copies what they reach before it
    /// goes on, and starts the next thread's objects on a fresh cache line pair, so that
    /// objects two threads write (iterators, counters) do not share a line with each
    /// other or with objects every thread reads.
    fn boundary(&mut self) {}
}

impl<T: Tracer + ?Sized> Tracer for &mut T {
    #[inline]
    fn trace(&mut self, slot: &mut usize) {
        (**self).trace(slot)
    }

    #[inline]
    fn trace_weak(&mut self, obj: usize, slot: &mut usize) {
        (**self).trace_weak(obj, slot)
    }

    fn boundary(&mut self) {
        (**self).boundary()
    }
}

/// The header of the object at `obj`.
///
/// # Safety
/// `obj` must be the address of a live heap object (8-aligned, in memory the heap owns)
/// and the returned reference must not outlive that memory.
#[inline]
pub(crate) unsafe fn header_of<'a>(obj: usize) -> &'a AtomicUsize {
    // SAFETY: by the caller's contract `obj` points to an 8-aligned header word inside a
    // live chunk; `AtomicUsize` has the size and alignment of `usize`.
    unsafe { &*(obj as *const AtomicUsize) }
}

/// Size in bytes (header included) of the object at `obj`, read from its header, which
/// must be NORMAL or PINNED. `obj` must be the address of a live heap object; 0 gives 0.
#[inline]
pub fn object_size(obj: usize) -> usize {
    if obj == 0 {
        return 0;
    }
    debug_assert_eq!(obj % 8, 0, "object address {obj:#x} is not 8-aligned");
    // SAFETY: the API contract: `obj` is the address of a live object of this heap.
    let header = unsafe { header_of(obj) };
    header.load(Ordering::Relaxed) & PAYLOAD_MASK
}

/// Is the object at `obj` pinned (it never moves and is never freed)? Outside a
/// collection an object's state never changes, so the answer holds for good. `obj` must
/// be the address of a live object of this heap, read outside a collection.
#[inline]
pub fn is_pinned(obj: usize) -> bool {
    debug_assert_eq!(obj % 8, 0, "object address {obj:#x} is not 8-aligned");
    // SAFETY: the API contract: `obj` is the address of a live object of this heap.
    let header = unsafe { header_of(obj) };
    header.load(Ordering::Relaxed) & STATE_MASK == PINNED
}
