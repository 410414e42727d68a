//! `collections.deque`: a ring buffer of `len` items starting at slot `head` of an Array
//! (`DequeObj` in `obj/layout.rs`), wrapping around the array's end.
//!
//! Writers take the deque's object lock (`Vm::write_lock`, elided while one thread runs)
//! around the Rust code that changes the words, and never call Python code or reach a
//! safepoint while they hold it (a grow allocates, which never collects). Each structural
//! writer runs inside a [`Writing`] section: `seq` is odd while `len`, `head` or `items`
//! may be inconsistent and ends two higher, so a reader that does not lock runs as a
//! sequence-lock reader ([`read`]): it loads `seq`, reads the words (bound-checking every
//! index against the array it loaded), loads `seq` again and retries if it moved or was
//! odd. A racing reader therefore sees the deque before or after a whole operation (one
//! `append`, one `popleft`), never a mix, and never freed memory (old arrays are reclaimed
//! by the collector only). A grow fills the new array before publishing it.
//!
//! `state` is CPython's mutation counter, separate from `seq`: bumped by the operations
//! CPython counts (appends, pops, clear, rotate, insert, delete), not by `reverse` or
//! item assignment. Iterators and `count`/`index`/`remove`/`in` compare it to detect a
//! mutation while they ran (they call `__eq__` unlocked and re-check).
//!
//! The Python-visible type (methods, operators, iterators) is in `deque/methods.rs`.
//!
//! What must hold: `len <= cap(items)`, `head < cap(items)`, `cap(items) >= 1`; slots
//! outside the live range are NULL (so the collector keeps no dead item alive); `seq` is
//! even whenever no writer holds the lock.

use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::value::Value;
use std::sync::atomic::{AtomicU64, Ordering};

mod methods;
pub use methods::{init, make_module};

/// Capacity of a new deque's ring buffer.
const MIN_CAP: usize = 8;

#[inline(always)]
pub fn dq(v: Value) -> &'static DequeObj {
    // SAFETY: callers pass deque objects (kind Deque, checked by `is_deque` at the entry
    // points); objects are never freed while a mutator runs.
    unsafe { obj::<DequeObj>(v) }
}

#[inline]
pub fn is_deque(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == Kind::Deque
}

#[inline]
pub fn deque_len(v: Value) -> usize {
    dq(v).len.load(Ordering::Acquire)
}

/// The maximum length, or None when unbounded.
#[inline]
pub fn deque_maxlen(v: Value) -> Option<usize> {
    let m = dq(v).maxlen.load(Ordering::Acquire);
    (m >= 0).then_some(m as usize)
}

/// CPython's mutation counter (see the module comment).
#[inline]
pub fn deque_state(v: Value) -> u64 {
    dq(v).state.load(Ordering::Acquire)
}

/// Physical slot of logical index `i` (`head < cap`, `i < cap`).
#[inline(always)]
fn phys(head: usize, i: usize, cap: usize) -> usize {
    let j = head + i;
    if j >= cap {
        j - cap
    } else {
        j
    }
}

/// Runs `f(slots, head, len)` on a consistent view of the deque and returns its result
/// with the `state` seen. `f` must not call Python code; it may see a torn view on a
/// try that is then discarded, so it must bound-check every index (slot lookups with
/// `get`) and tolerate NULL.
pub fn read<R>(v: Value, f: impl Fn(&[Slot], usize, usize) -> R) -> (R, u64) {
    let d = dq(v);
    loop {
        let s1 = d.seq.load(Ordering::Acquire);
        if s1 & 1 == 0 {
            let slots = array_slots(d.items.get());
            let head = d.head.load(Ordering::Acquire);
            let len = d.len.load(Ordering::Acquire);
            let state = d.state.load(Ordering::Acquire);
            let r = f(slots, head, len);
            // The loads above are Acquire, so this load is not hoisted above them: a
            // writer's store seen by them implies its odd `seq` is seen here.
            if d.seq.load(Ordering::Acquire) == s1 {
                return (r, state);
            }
        }
        crate::sync::spin_hint();
    }
}

/// Item `i`, or None if `i` is past the end; with the `state` it was read under.
pub fn deque_get(v: Value, i: usize) -> (Option<Value>, u64) {
    read(v, |s, head, len| {
        if i >= len || s.is_empty() {
            return None;
        }
        s.get(phys(head, i % s.len(), s.len()))
            .map(|x| x.get())
            .filter(|x| !x.is_null())
    })
}

/// A snapshot of the items in order.
pub fn deque_items(v: Value) -> Vec<Value> {
    deque_items_state(v).0
}

/// A snapshot of the items in order, with the `state` it was taken at.
pub fn deque_items_state(v: Value) -> (Vec<Value>, u64) {
    read(v, |s, head, len| {
        let cap = s.len();
        if cap == 0 || len > cap {
            return Vec::new();
        }
        (0..len)
            .filter_map(|i| s.get(phys(head % cap, i, cap)).map(|x| x.get()))
            .filter(|x| !x.is_null())
            .collect()
    })
}

/// A structural write in progress: `seq` odd from `begin` until drop (see the module
/// comment). Made only while holding the deque's lock (or in single-threaded mode).
struct Writing<'a> {
    seq: &'a AtomicU64,
    start: u64,
}

impl<'a> Writing<'a> {
    fn begin(d: &'a DequeObj) -> Self {
        let start = d.seq.load(Ordering::Relaxed);
        // Relaxed is enough: every data store that follows is a Release store, so a
        // reader that sees one of them (Acquire) also sees this odd value.
        d.seq.store(start + 1, Ordering::Relaxed);
        Writing { seq: &d.seq, start }
    }
}

impl Drop for Writing<'_> {
    fn drop(&mut self) {
        self.seq.store(self.start + 2, Ordering::Release);
    }
}

fn bump_state(d: &DequeObj) {
    // Under the lock (or single-threaded): a plain increment is enough.
    let s = d.state.load(Ordering::Relaxed);
    d.state.store(s + 1, Ordering::Release);
}

/// Removes and returns one end's item (inside a `Writing` section); NULL when empty.
fn pop_locked(d: &DequeObj, left: bool) -> Value {
    let n = d.len.load(Ordering::Relaxed);
    if n == 0 {
        return Value::NULL;
    }
    let s = array_slots(d.items.get());
    let cap = s.len();
    let head = d.head.load(Ordering::Relaxed);
    let (i, new_head) = if left {
        (head, phys(head, 1, cap))
    } else {
        (phys(head, n - 1, cap), head)
    };
    let x = s[i].get();
    s[i].set(Value::NULL);
    d.head.store(new_head, Ordering::Release);
    d.len.store(n - 1, Ordering::Release);
    x
}

impl Vm {
    /// Makes room for `need` items (inside a `Writing` section): copies the items in
    /// order into a larger array, then publishes it.
    fn deque_grow_locked(&mut self, d: &DequeObj, need: usize) -> PyResult<()> {
        let old = array_slots(d.items.get());
        let cap = old.len();
        if need <= cap {
            return Ok(());
        }
        let newcap = need.max(cap.saturating_mul(2)).max(MIN_CAP);
        let na = self.new_array(newcap)?;
        let n = d.len.load(Ordering::Relaxed);
        let head = d.head.load(Ordering::Relaxed);
        let dst = array_slots(na);
        for (i, slot) in dst.iter().enumerate().take(n) {
            slot.set(old[phys(head, i, cap)].get());
        }
        d.items.set(na);
        d.head.store(0, Ordering::Release);
        Ok(())
    }

    /// Adds `x` at one end inside a `Writing` section, trimming the other end when the
    /// deque is at its maximum length.
    fn deque_push_locked(&mut self, d: &DequeObj, x: Value, left: bool) -> PyResult<()> {
        let maxlen = d.maxlen.load(Ordering::Relaxed);
        if maxlen == 0 {
            return Ok(());
        }
        let n = d.len.load(Ordering::Relaxed);
        if maxlen > 0 && n >= maxlen as usize {
            pop_locked(d, !left);
        }
        let n = d.len.load(Ordering::Relaxed);
        self.deque_grow_locked(d, n + 1)?;
        let s = array_slots(d.items.get());
        let cap = s.len();
        let head = d.head.load(Ordering::Relaxed);
        if left {
            let h = if head == 0 { cap - 1 } else { head - 1 };
            s[h].set(x);
            d.head.store(h, Ordering::Release);
        } else {
            s[phys(head, n, cap)].set(x);
        }
        d.len.store(n + 1, Ordering::Release);
        Ok(())
    }

    /// `append` (`left` false) or `appendleft`, with the `maxlen` trim.
    pub fn deque_push(&mut self, v: Value, x: Value, left: bool) -> PyResult<()> {
        let d = dq(v);
        let _g = self.write_lock(v);
        let _w = Writing::begin(d);
        bump_state(d);
        self.deque_push_locked(d, x, left)
    }

    /// Appends every item of `xs` at one end under one lock (as repeated pushes).
    pub fn deque_push_all(&mut self, v: Value, xs: &[Value], left: bool) -> PyResult<()> {
        if xs.is_empty() {
            return Ok(());
        }
        let d = dq(v);
        let _g = self.write_lock(v);
        let _w = Writing::begin(d);
        bump_state(d);
        for &x in xs {
            self.deque_push_locked(d, x, left)?;
        }
        Ok(())
    }

    /// `pop` / `popleft`; NULL when empty.
    pub fn deque_pop(&mut self, v: Value, left: bool) -> Value {
        let d = dq(v);
        let _g = self.write_lock(v);
        if d.len.load(Ordering::Relaxed) == 0 {
            return Value::NULL;
        }
        let _w = Writing::begin(d);
        bump_state(d);
        pop_locked(d, left)
    }

    /// Removes every item (and sets the maximum length, for `__init__`).
    pub fn deque_clear(&mut self, v: Value, maxlen: Option<i64>) -> PyResult<()> {
        let na = self.new_array(MIN_CAP)?;
        let d = dq(v);
        let _g = self.write_lock(v);
        let _w = Writing::begin(d);
        if let Some(m) = maxlen {
            d.maxlen.store(m, Ordering::Release);
        }
        if d.len.load(Ordering::Relaxed) != 0 {
            bump_state(d);
        }
        d.len.store(0, Ordering::Release);
        d.items.set(na);
        d.head.store(0, Ordering::Release);
        Ok(())
    }

    /// `rotate(n)`: moves the last `n` items to the front (the first `-n` to the back).
    pub fn deque_rotate(&mut self, v: Value, n: i64) {
        let d = dq(v);
        let _g = self.write_lock(v);
        let len = d.len.load(Ordering::Relaxed);
        if len <= 1 {
            return;
        }
        let _w = Writing::begin(d);
        bump_state(d);
        let k = n.rem_euclid(len as i64) as usize;
        if k == 0 {
            return;
        }
        let s = array_slots(d.items.get());
        let cap = s.len();
        let head = d.head.load(Ordering::Relaxed);
        if len == cap {
            // Full ring: rotating is moving the head.
            d.head.store(phys(head, len - k, cap), Ordering::Release);
            return;
        }
        // Move k items from the back to the front (or len - k from the front to the
        // back), one at a time through the free slots, whichever is fewer.
        let mut h = head;
        let mut tail = phys(head, len - 1, cap);
        if k <= len / 2 {
            for _ in 0..k {
                let nh = if h == 0 { cap - 1 } else { h - 1 };
                s[nh].set(s[tail].get());
                s[tail].set(Value::NULL);
                tail = if tail == 0 { cap - 1 } else { tail - 1 };
                h = nh;
            }
        } else {
            for _ in 0..len - k {
                let nt = phys(tail, 1, cap);
                s[nt].set(s[h].get());
                s[h].set(Value::NULL);
                h = phys(h, 1, cap);
                tail = nt;
            }
        }
        d.head.store(h, Ordering::Release);
    }

    /// `reverse()`: not a counted mutation (CPython leaves iterators running).
    pub fn deque_reverse(&mut self, v: Value) {
        let d = dq(v);
        let _g = self.write_lock(v);
        let _w = Writing::begin(d);
        let len = d.len.load(Ordering::Relaxed);
        let s = array_slots(d.items.get());
        let cap = s.len();
        let head = d.head.load(Ordering::Relaxed);
        for i in 0..len / 2 {
            let (a, b) = (phys(head, i, cap), phys(head, len - 1 - i, cap));
            let x = s[a].get();
            s[a].set(s[b].get());
            s[b].set(x);
        }
    }

    /// `d[i] = x`; false when `i` is no longer an index of the deque.
    pub fn deque_set(&mut self, v: Value, i: usize, x: Value) -> bool {
        let d = dq(v);
        let _g = self.write_lock(v);
        let len = d.len.load(Ordering::Relaxed);
        if i >= len {
            return false;
        }
        let s = array_slots(d.items.get());
        s[phys(d.head.load(Ordering::Relaxed), i, s.len())].set(x);
        true
    }

    /// `del d[i]`: removes and returns item `i` (NULL when `i` is out of range), moving
    /// the shorter side. `expect_state`: only if CPython's counter still has this value
    /// (`remove` found the item before comparing unlocked); NULL otherwise.
    pub fn deque_del(&mut self, v: Value, i: usize, expect_state: Option<u64>) -> Value {
        let d = dq(v);
        let _g = self.write_lock(v);
        let len = d.len.load(Ordering::Relaxed);
        if i >= len || expect_state.is_some_and(|s| s != d.state.load(Ordering::Relaxed)) {
            return Value::NULL;
        }
        let _w = Writing::begin(d);
        bump_state(d);
        let s = array_slots(d.items.get());
        let cap = s.len();
        let head = d.head.load(Ordering::Relaxed);
        let x = s[phys(head, i, cap)].get();
        if i < len / 2 {
            // Shift the items before i one place right, then drop the head.
            for j in (0..i).rev() {
                s[phys(head, j + 1, cap)].set(s[phys(head, j, cap)].get());
            }
            s[head].set(Value::NULL);
            d.head.store(phys(head, 1, cap), Ordering::Release);
        } else {
            for j in i..len - 1 {
                s[phys(head, j, cap)].set(s[phys(head, j + 1, cap)].get());
            }
            s[phys(head, len - 1, cap)].set(Value::NULL);
        }
        d.len.store(len - 1, Ordering::Release);
        x
    }

    /// `insert(i, x)` with CPython's index rules; false when the deque is at its maximum
    /// length (checked under the lock).
    pub fn deque_insert(&mut self, v: Value, i: i64, x: Value) -> PyResult<bool> {
        let d = dq(v);
        let _g = self.write_lock(v);
        let len = d.len.load(Ordering::Relaxed);
        if d.maxlen.load(Ordering::Relaxed) == len as i64 {
            return Ok(false);
        }
        let _w = Writing::begin(d);
        bump_state(d);
        let n = len as i64;
        let at = if i >= n {
            len
        } else if i <= -n || i == 0 {
            0
        } else if i < 0 {
            (i + n) as usize
        } else {
            i as usize
        };
        self.deque_grow_locked(d, len + 1)?;
        let s = array_slots(d.items.get());
        let cap = s.len();
        let head = d.head.load(Ordering::Relaxed);
        if at < len / 2 {
            let h = if head == 0 { cap - 1 } else { head - 1 };
            for j in 0..at {
                s[phys(h, j, cap)].set(s[phys(head, j, cap)].get());
            }
            s[phys(h, at, cap)].set(x);
            d.head.store(h, Ordering::Release);
        } else {
            for j in (at..len).rev() {
                s[phys(head, j + 1, cap)].set(s[phys(head, j, cap)].get());
            }
            s[phys(head, at, cap)].set(x);
        }
        d.len.store(len + 1, Ordering::Release);
        Ok(true)
    }

    /// A new empty deque of type `typ` (its `__dict__` made for subclasses that have one).
    pub fn new_deque(&mut self, typ: Value, maxlen: i64) -> PyResult<Value> {
        let arr = self.new_array(MIN_CAP)?;
        let v = self.alloc(Kind::Deque, typ, std::mem::size_of::<DequeObj>())?;
        let d = dq(v);
        d.items.set(arr);
        d.maxlen.store(maxlen, Ordering::Release);
        if typ != crate::runtime::ty(crate::runtime::T::Deque)
            && crate::types::typeobj::type_flags(typ) & crate::types::typeobj::TF_HAS_DICT != 0
        {
            let dict = self.new_dict()?;
            d.dict.set(dict);
        }
        Ok(v)
    }
}
