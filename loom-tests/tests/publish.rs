//! loom models of storage publication (`vm/src/obj/publish.rs`): a writer grows or
//! replaces a list's storage while a reader reads it without a lock.
//!
//! The heap is an arena of blocks of atomic words, owned by the model and never freed
//! while it runs (as the collector frees old storage only when no reader is mid-read). A
//! storage word holds a block number (0 = none). Element stores and loads are Relaxed on
//! purpose: only the protocol's own Release/Acquire on `len` and `storage` order them, so
//! loom finds any read of a slot the reader is not guaranteed to see filled. Element `i`
//! holds `i + 1`; 0 means unfilled. Out-of-bounds reads panic (slice indexing).

use loom::sync::Arc;
use loom::thread;
use loom_tests::publish::{self, StorageWord};
use loom_tests::sync::{AtomicUsize, Ordering};

struct List {
    len: AtomicUsize,
    storage: AtomicUsize,
    /// Block `b` is `blocks[b - 1]`; its length is its capacity.
    blocks: Vec<Box<[AtomicUsize]>>,
}

impl List {
    /// A list of `len` elements in block 1; `caps` are the capacities of blocks 1, 2, ...
    fn new(caps: &[usize], len: usize) -> Arc<List> {
        let blocks: Vec<Box<[AtomicUsize]>> = caps
            .iter()
            .map(|&cap| (0..cap).map(|_| AtomicUsize::new(0)).collect())
            .collect();
        for (i, slot) in blocks[0].iter().take(len).enumerate() {
            slot.store(i + 1, Ordering::Relaxed);
        }
        Arc::new(List {
            len: AtomicUsize::new(len),
            storage: AtomicUsize::new(1),
            blocks,
        })
    }

    fn block(&self, b: usize) -> &[AtomicUsize] {
        if b == 0 {
            &[]
        } else {
            &self.blocks[b - 1]
        }
    }

    fn cap_of(&self, b: usize) -> usize {
        self.block(b).len()
    }

    fn load(&self, b: usize, i: usize) -> usize {
        self.block(b)[i].load(Ordering::Relaxed)
    }

    fn write(&self, b: usize, i: usize, v: usize) {
        self.block(b)[i].store(v, Ordering::Relaxed);
    }

    /// The writer's append: grow into the next block when full.
    fn push(&self, v: usize) {
        publish::push(
            &self.len,
            &self.storage,
            |b| self.cap_of(b),
            |old, n| {
                let new = old + 1;
                assert!(self.cap_of(new) > n, "model: arena too small");
                for i in 0..n {
                    self.write(new, i, self.load(old, i));
                }
                Ok::<usize, ()>(new)
            },
            |b, i| self.write(b, i, v),
        )
        .expect("grow");
    }

    /// The reader: `read_at` on every index the list can reach (without loading the
    /// length first, so the function's own order is what is checked), then every slot of
    /// a `view`. Returns the length of the view.
    fn read_all(&self) -> usize {
        let max = self.blocks.iter().map(|b| b.len()).max().unwrap_or(0);
        for i in 0..max {
            let v = publish::read_at(
                &self.len,
                &self.storage,
                i,
                |b| self.cap_of(b),
                |b, i| self.load(b, i),
            );
            assert!(v.is_none() || v == Some(i + 1), "read_at({i}) = {v:?}");
        }
        let view = publish::view(&self.len, &self.storage, |b| self.cap_of(b));
        for i in 0..view.len {
            assert_eq!(self.load(view.storage, i), i + 1, "view slot {i}");
        }
        view.len
    }
}

/// Run `read_all` on another thread. The writer stays on the model's main thread: loom
/// 0.7 keeps only the last access of an atomic for its partial-order reduction, so when a
/// spawned writer loads a word (e.g. `len`) just before storing it, the main thread's
/// earlier load of it is forgotten and loom never runs the store before it. With the
/// reader spawned, each of its loads is checked against the writer's stores, which loom
/// tracks correctly (tokio-rs/loom issues 166 and 392).
fn spawn_reader(list: &Arc<List>) -> thread::JoinHandle<usize> {
    let list = Arc::clone(list);
    thread::spawn(move || list.read_all())
}

/// One writer appends three elements to an empty list in a block of capacity 1 (two
/// grows: to capacity 2, then 4) while one reader reads every index below the length it
/// sees. It never sees an unfilled slot, never a shorter list, never out of bounds.
#[test]
fn reader_races_appends_that_grow() {
    loom::model(|| {
        let list = List::new(&[1, 2, 4], 0);
        let reader = spawn_reader(&list);
        for v in 1..=3 {
            list.push(v);
        }
        assert!(reader.join().expect("reader") <= 3);
        assert_eq!(list.read_all(), 3);
        assert_eq!(list.storage.load_storage(), 3);
    });
}

/// The writer replaces a one-element list whose block has spare capacity by a filled
/// three-element block (`list[:] = ...`). A reader that loaded the storage before the
/// length could read the old block's empty slots; `read_at`'s order (length first) and
/// `replace`'s (block first) rule that out.
#[test]
fn reader_races_a_replace_by_larger() {
    loom::model(|| {
        let list = List::new(&[4, 4], 1);
        let reader = spawn_reader(&list);
        for i in 0..3 {
            list.write(2, i, i + 1);
        }
        publish::replace(&list.len, &list.storage, 2, 3);
        reader.join().expect("reader");
        assert_eq!(list.read_all(), 3);
    });
}

/// The writer replaces a four-element list by a two-element one in a smaller block. A
/// reader that saw the old length is stopped by the capacity of the block it loaded: it
/// never reads past it, and whatever it reads is filled.
#[test]
fn reader_races_a_shrink_into_a_smaller_block() {
    loom::model(|| {
        let list = List::new(&[4, 2], 4);
        let reader = spawn_reader(&list);
        for i in 0..2 {
            list.write(2, i, i + 1);
        }
        publish::replace(&list.len, &list.storage, 2, 2);
        assert!(reader.join().expect("reader") <= 4);
        assert_eq!(list.read_all(), 2);
    });
}

/// The writer pops the last two elements of a three-element list in place, as
/// `list.pop()` does: the smaller length first, then the slot is cleared (0, the VM's
/// NULL). A reader may still reach a cleared slot with the length it loaded before (the
/// VM treats NULL as "no such item"), but it never sees a cleared slot below the length
/// the list ends with, nor any value that was never there.
#[test]
fn reader_races_pops_in_place() {
    loom::model(|| {
        let list = List::new(&[4], 3);
        let reader = {
            let list = Arc::clone(&list);
            thread::spawn(move || {
                for i in 0..4 {
                    let v = publish::read_at(
                        &list.len,
                        &list.storage,
                        i,
                        |b| list.cap_of(b),
                        |b, i| list.load(b, i),
                    );
                    match v {
                        None => {}
                        Some(0) => assert!(i >= 1, "slot {i} seen cleared"),
                        Some(x) => assert_eq!(x, i + 1, "slot {i}"),
                    }
                }
            })
        };
        for n in [2, 1] {
            publish::set_len(&list.len, n);
            list.write(1, n, 0);
        }
        reader.join().expect("reader");
        assert_eq!(list.read_all(), 1);
    });
}
