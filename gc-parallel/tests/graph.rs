//! Graph-shaped tests of the collector: random graphs with cycles, sharing, large and
//! pinned objects survive repeated collections intact; pinned and large objects stay put.

mod mock;

use gc_parallel::{Heap, HeapConfig, Mutator, MIN_CHUNK_SIZE};
use mock::*;

/// Pick a slot value: mostly references to `candidates`, some ints and nulls.
fn random_val(rng: &mut Rng, candidates: &[(usize, usize)]) -> (Val, usize) {
    match rng.below(10) {
        0 => (Val::Null, 0),
        1 | 2 => (Val::Int((rng.next() as usize) | 1), 0),
        _ => {
            let (node, addr) = candidates[rng.below(candidates.len())];
            (Val::Ref(node), addr)
        }
    }
}

fn slot_count(rng: &mut Rng, large_slots: usize) -> usize {
    if rng.chance(1) {
        large_slots + rng.below(200)
    } else {
        rng.below(7)
    }
}

/// Allocate `count` new nodes whose slots point at `pool` and at each other.
fn grow(
    shadow: &mut Shadow,
    m: &mut Mutator,
    rng: &mut Rng,
    pool: &mut Vec<(usize, usize)>,
    count: usize,
    large_slots: usize,
) {
    let first = pool.len();
    for _ in 0..count {
        let n = slot_count(rng, large_slots);
        let pinned = rng.below(200) == 0;
        let (node, addr) = shadow.add(m, n, pinned, rng);
        pool.push((node, addr));
    }
    for k in first..pool.len() {
        let (node, addr) = pool[k];
        for i in 0..shadow.nodes[node].slots.len() {
            let (v, target) = random_val(rng, pool);
            shadow.store(node, addr, i, v, target);
        }
    }
}

#[test]
fn random_graphs_survive_repeated_collections() {
    random_graphs(1);
}

#[test]
fn random_graphs_survive_parallel_collections() {
    // Every collection (even the first, small one) runs with the workers.
    random_graphs(2);
    random_graphs(4);
}

fn random_graphs(gc_threads: usize) {
    // Small chunks make the to-space scan cross many chunk boundaries.
    for (seed, chunk_size) in [(1u64, 64 << 10), (2, MIN_CHUNK_SIZE), (3, 8 << 10)] {
        let heap: Heap<Mock> = Heap::new(HeapConfig {
            chunk_size,
            gc_threads,
            parallel_min_live: 0,
            ..small_config()
        });
        let large_slots = heap.large_object_threshold() / 8;
        let mut m = heap.mutator();
        let mut rng = Rng::new(seed);
        let mut shadow = Shadow::default();
        let mut pool = Vec::new();
        grow(&mut shadow, &mut m, &mut rng, &mut pool, 3000, large_slots);
        let mut roots = Vec::new();
        for _ in 0..40 {
            let (node, addr) = pool[rng.below(pool.len())];
            shadow.roots.push(node);
            roots.push(addr);
        }

        for round in 0..12 {
            m.flush();
            let before = shadow.verify(&roots);
            let stats = collect(&heap, &mut roots);
            let walk = shadow.verify(&roots);
            assert_eq!(
                walk.reachable.len(),
                before.reachable.len(),
                "round {round}"
            );

            // Every reachable small unpinned node was copied exactly once; large ones kept.
            let threshold = heap.large_object_threshold();
            let (mut small, mut large) = (0, 0);
            for &node in &walk.reachable {
                let n = &shadow.nodes[node];
                if n.pinned.is_some() {
                    continue;
                }
                let size = size_for(n.slots.len());
                if size > threshold {
                    large += 1;
                    assert_eq!(walk.addr[node], before.addr[node], "large object moved");
                } else {
                    small += 1;
                    assert_ne!(walk.addr[node], before.addr[node], "small object not moved");
                }
            }
            assert_eq!(stats.objects_copied, small, "round {round}");
            assert_eq!(stats.large_objects_kept, large, "round {round}");

            // Mutate: rewire slots of reachable nodes, drop and add roots, add new nodes.
            let mut live: Vec<(usize, usize)> = walk
                .reachable
                .iter()
                .map(|&node| (node, walk.addr[node].unwrap_or(0)))
                .collect();
            for _ in 0..300 {
                let (node, addr) = live[rng.below(live.len())];
                let n = shadow.nodes[node].slots.len();
                if n > 0 {
                    let (v, target) = random_val(&mut rng, &live);
                    shadow.store(node, addr, rng.below(n), v, target);
                }
            }
            grow(&mut shadow, &mut m, &mut rng, &mut live, 800, large_slots);
            for _ in 0..10 {
                let k = rng.below(roots.len());
                let (node, addr) = live[rng.below(live.len())];
                roots[k] = addr;
                shadow.roots[k] = node;
            }
        }
        m.flush();
        let stats = heap.stats();
        assert_eq!(stats.collections, 12);
        assert_eq!(heap.pauses().len(), 12);
        assert!(stats.max_pause >= stats.median_pause() / 2);
    }
}

#[test]
fn sharing_cycles_and_non_pointers_are_preserved() {
    let heap = default_heap();
    let mut m = heap.mutator();
    let a = new_obj(&mut m, 1, 3);
    let b = new_obj(&mut m, 2, 2);
    set(a, 0, a); // self-cycle
    set(a, 1, b);
    set(a, 2, 0x1235); // odd non-pointer
    set(b, 0, a); // cycle a <-> b
    set(b, 1, b);
    let mut roots = vec![a, b, a];
    m.flush();
    for _ in 0..3 {
        let old = roots.clone();
        let s = collect(&heap, &mut roots);
        assert_eq!(s.objects_copied, 2);
        assert_eq!(s.bytes_copied, size_for(3) + size_for(2));
        let (a, b) = (roots[0], roots[1]);
        assert_ne!(a, old[0]);
        assert_eq!(roots[2], a, "two roots to one object must agree");
        assert_eq!(get(a, 0), a);
        assert_eq!(get(a, 1), b);
        assert_eq!(get(a, 2), 0x1235);
        assert_eq!(get(b, 0), a);
        assert_eq!(get(b, 1), b);
        assert_eq!(rd(a + TAG), 1);
        assert_eq!(rd(b + TAG), 2);
    }
}

#[test]
fn pinned_objects_stay_put_and_their_slots_are_updated() {
    let heap: Heap<Mock> = Heap::new(small_config());
    let mut m = heap.mutator();
    let p = new_pinned(&mut m, 7, 3);
    let big_slots = heap.large_object_threshold() / 8 + 10;
    let p_big = new_pinned(&mut m, 8, big_slots);
    let a = new_obj(&mut m, 10, 1);
    let b = new_obj(&mut m, 11, 1);
    let large = new_obj(&mut m, 12, big_slots);
    let c = new_obj(&mut m, 13, 1);
    set(b, 0, a);
    set(p, 0, a);
    set(p, 1, b);
    set(p, 2, large);
    set(large, 0, a);
    set(large, 1, p);
    set(p_big, big_slots - 1, c);
    // Garbage referring to the pinned object must not matter.
    let junk = new_obj(&mut m, 99, 1);
    set(junk, 0, p);
    m.flush();

    let mut roots = Vec::new();
    for round in 0..3 {
        let (old_a, old_b, old_c) = (get(p, 0), get(p, 1), get(p_big, big_slots - 1));
        let s = collect(&heap, &mut roots);
        assert_eq!(
            s.objects_copied, 3,
            "a, b and c are reachable only from pinned objects"
        );
        assert_eq!(s.pinned_objects, 2);
        assert_eq!(s.large_objects_kept, 1);
        let (na, nb) = (get(p, 0), get(p, 1));
        assert_ne!(
            na, old_a,
            "round {round}: slot of pinned object not updated"
        );
        assert_ne!(nb, old_b);
        assert_ne!(get(p_big, big_slots - 1), old_c);
        assert_eq!(get(p, 2), large, "large objects do not move");
        assert_eq!(get(large, 0), na);
        assert_eq!(
            get(large, 1),
            p,
            "slots naming pinned objects are unchanged"
        );
        assert_eq!(get(nb, 0), na);
        assert_eq!((rd(na + TAG), rd(nb + TAG), rd(p + TAG)), (10, 11, 7));
        assert_eq!(rd(get(p_big, big_slots - 1) + TAG), 13);
    }
    // A rooted slot that names a pinned object is left alone.
    roots.push(p);
    collect(&heap, &mut roots);
    assert_eq!(roots[0], p);
}

#[test]
fn large_objects_survive_in_place_and_die_when_unreachable() {
    let heap: Heap<Mock> = Heap::new(small_config());
    let mut m = heap.mutator();
    let slots = heap.large_object_threshold() / 8 + 1;
    let mut roots = Vec::new();
    for k in 0..20 {
        let big = new_obj(&mut m, 100 + k, slots);
        let small = new_obj(&mut m, 200 + k, 1);
        set(big, slots - 1, small);
        set(small, 0, big);
        roots.push(big);
    }
    m.flush();
    let kept = roots.clone();
    let s = collect(&heap, &mut roots);
    assert_eq!(roots, kept);
    assert_eq!(s.large_objects_kept, 20);
    assert_eq!(s.objects_copied, 20);
    for (k, &big) in roots.iter().enumerate() {
        let small = get(big, slots - 1);
        assert_eq!(rd(small + TAG), 200 + k);
        assert_eq!(get(small, 0), big);
        assert_eq!(
            object_size_is(big),
            size_for(slots),
            "mark bit must be cleared"
        );
    }
    let before = heap.stats().heap_bytes;
    roots.truncate(2);
    let s = collect(&heap, &mut roots);
    assert_eq!(s.large_objects_kept, 2);
    assert!(heap.stats().heap_bytes + 18 * size_for(slots) <= before);
}

fn object_size_is(obj: usize) -> usize {
    // The full header word: NORMAL state, no mark bit, just the size.
    rd(obj)
}
