//! A mock object model for the collector's tests, and a shadow graph to check it against.
//!
//! Object layout: `[header][tag: u64][nslots: u64][slot 0]...[slot n-1]`. A slot holds 0,
//! an odd word (a non-pointer, like a tagged small integer) or the address of an object.
//! The shadow graph (`Shadow`) records what every object should contain; `Shadow::verify`
//! walks the real heap from the roots and pinned objects and checks shape, payloads and
//! sharing (two slots naming one shadow node must hold the same address).
//!
//! What must hold: all raw memory access goes through `rd`/`wr`, on addresses the heap
//! handed out for objects that are still reachable.

#![allow(dead_code)]

use gc_parallel::{object_size, Heap, HeapConfig, Mutator, ObjectModel, Tracer};

pub struct Mock;

pub const TAG: usize = 8;
pub const NSLOTS: usize = 16;
pub const SLOTS: usize = 24;

/// Read the word at `addr`.
pub fn rd(addr: usize) -> usize {
    // SAFETY: tests only pass addresses inside live objects the heap handed out.
    unsafe { (addr as *const usize).read() }
}

/// Write the word at `addr`.
pub fn wr(addr: usize, value: usize) {
    // SAFETY: as for `rd`; the test is the only thread touching the object.
    unsafe { (addr as *mut usize).write(value) }
}

pub fn slot_addr(obj: usize, i: usize) -> usize {
    obj + SLOTS + 8 * i
}

pub fn nslots(obj: usize) -> usize {
    rd(obj + NSLOTS)
}

pub fn size_for(nslots: usize) -> usize {
    SLOTS + 8 * nslots
}

/// Objects whose tag has this bit have a weak slot 0.
pub const WEAK_TAG: u64 = 1 << 63;

impl ObjectModel for Mock {
    fn scan<T: Tracer>(obj: usize, t: &mut T) {
        let n = nslots(obj);
        assert_eq!(object_size(obj), size_for(n), "scan saw a bad header");
        let weak0 = rd(obj + TAG) as u64 & WEAK_TAG != 0;
        for i in 0..n {
            // SAFETY: slot `i` lies inside the object (checked against its size above).
            let slot = unsafe { &mut *(slot_addr(obj, i) as *mut usize) };
            if *slot != 0 && *slot & 1 == 0 {
                if i == 0 && weak0 {
                    t.trace_weak(obj, slot);
                } else {
                    t.trace(slot);
                }
            }
        }
    }
}

/// Allocate a mock object with `n` slots (all 0) and the given tag.
pub fn new_obj(m: &mut Mutator, tag: u64, n: usize) -> usize {
    let obj = m.alloc(size_for(n)).expect("alloc");
    init(obj, tag, n);
    obj
}

pub fn new_pinned(m: &mut Mutator, tag: u64, n: usize) -> usize {
    let obj = m.alloc_pinned(size_for(n)).expect("alloc_pinned");
    init(obj, tag, n);
    obj
}

pub fn new_pinned_leaf(m: &mut Mutator, tag: u64, n: usize) -> usize {
    let obj = m.alloc_pinned_leaf(size_for(n)).expect("alloc_pinned_leaf");
    init(obj, tag, n);
    obj
}

fn init(obj: usize, tag: u64, n: usize) {
    assert_eq!(object_size(obj), size_for(n));
    for i in 0..n {
        assert_eq!(rd(slot_addr(obj, i)), 0, "fresh memory is not zeroed");
    }
    wr(obj + TAG, tag as usize);
    wr(obj + NSLOTS, n);
}

pub fn set(obj: usize, i: usize, v: usize) {
    assert!(i < nslots(obj));
    wr(slot_addr(obj, i), v);
}

pub fn get(obj: usize, i: usize) -> usize {
    assert!(i < nslots(obj));
    rd(slot_addr(obj, i))
}

pub fn collect(heap: &Heap<Mock>, roots: &mut [usize]) -> gc_parallel::CollectStats {
    heap.collect(&mut |t: &mut dyn Tracer| {
        for r in roots.iter_mut() {
            t.trace(r);
        }
    })
}

pub fn small_config() -> HeapConfig {
    HeapConfig {
        max_heap: 1 << 30,
        min_budget: 1 << 20,
        growth: 2.0,
        taper: usize::MAX,
        large_growth: 2.0,
        chunk_size: 64 << 10,
        gc_threads: 1,
        parallel_min_live: 4 << 20,
    }
}

/// Deterministic xorshift generator (no dependencies).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Val {
    Null,
    Int(usize),
    Ref(usize),
}

pub struct Node {
    pub tag: u64,
    pub slots: Vec<Val>,
    pub pinned: Option<usize>,
}

/// What the heap should hold: nodes, root slots (node per root) and pinned nodes.
#[derive(Default)]
pub struct Shadow {
    pub nodes: Vec<Node>,
    pub roots: Vec<usize>,
    pub pinned: Vec<usize>,
}

/// Result of a verification walk.
pub struct Walk {
    /// Address of each reachable node (`None` for garbage).
    pub addr: Vec<Option<usize>>,
    pub reachable: Vec<usize>,
}

impl Shadow {
    /// Allocate the object for a new node (slots all Null) and return (node, address).
    pub fn add(
        &mut self,
        m: &mut Mutator,
        n: usize,
        pinned: bool,
        rng: &mut Rng,
    ) -> (usize, usize) {
        let tag = rng.next() >> 1; // the top bit would make slot 0 weak (WEAK_TAG)
        let obj = if pinned {
            new_pinned(m, tag, n)
        } else {
            new_obj(m, tag, n)
        };
        self.nodes.push(Node {
            tag,
            slots: vec![Val::Null; n],
            pinned: pinned.then_some(obj),
        });
        if pinned {
            self.pinned.push(self.nodes.len() - 1);
        }
        (self.nodes.len() - 1, obj)
    }

    /// Set slot `i` of node `node` (at `obj`) to `v`; `target` is the address for a Ref.
    pub fn store(&mut self, node: usize, obj: usize, i: usize, v: Val, target: usize) {
        self.nodes[node].slots[i] = v;
        let word = match v {
            Val::Null => 0,
            Val::Int(x) => x,
            Val::Ref(_) => target,
        };
        set(obj, i, word);
    }

    /// Walk the heap from `root_slots` (one per shadow root) and the pinned nodes,
    /// checking every reachable object against its node.
    pub fn verify(&self, root_slots: &[usize]) -> Walk {
        assert_eq!(root_slots.len(), self.roots.len());
        let mut addr: Vec<Option<usize>> = vec![None; self.nodes.len()];
        let mut reachable = Vec::new();
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for (&slot, &node) in root_slots.iter().zip(&self.roots) {
            stack.push((slot, node));
        }
        for &node in &self.pinned {
            let at = self.nodes[node].pinned.expect("pinned node has an address");
            stack.push((at, node));
        }
        while let Some((obj, node)) = stack.pop() {
            if let Some(seen) = addr[node] {
                assert_eq!(seen, obj, "node {node} reached at two addresses");
                continue;
            }
            addr[node] = Some(obj);
            reachable.push(node);
            let n = &self.nodes[node];
            if let Some(at) = n.pinned {
                assert_eq!(at, obj, "pinned node {node} moved");
            }
            assert_eq!(rd(obj + TAG) as u64, n.tag, "node {node}: tag");
            assert_eq!(nslots(obj), n.slots.len(), "node {node}: slot count");
            assert_eq!(
                object_size(obj),
                size_for(n.slots.len()),
                "node {node}: header"
            );
            for (i, v) in n.slots.iter().enumerate() {
                let word = get(obj, i);
                match *v {
                    Val::Null => assert_eq!(word, 0, "node {node} slot {i}"),
                    Val::Int(x) => assert_eq!(word, x, "node {node} slot {i}"),
                    Val::Ref(to) => {
                        assert!(
                            word != 0 && word.is_multiple_of(8),
                            "node {node} slot {i}: {word:#x}"
                        );
                        stack.push((word, to));
                    }
                }
            }
        }
        Walk { addr, reachable }
    }
}

pub fn default_heap() -> Heap<Mock> {
    Heap::new(HeapConfig::default())
}
