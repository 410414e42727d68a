//! Memory-behaviour tests of the heap: limits, failures, reclamation, zeroing, the
//! allocation budget, bounded size under churn, and mutators on several threads.

mod mock;

use gc_parallel::{Heap, HeapConfig, Mutator, Tracer};
use mock::*;

const MIB: usize = 1 << 20;

fn assert_send_sync<T: Send + Sync>() {}
fn assert_send<T: Send>() {}

#[test]
fn heap_is_send_sync_and_mutator_is_send() {
    assert_send_sync::<Heap<Mock>>();
    assert_send::<Mutator>();
}

#[test]
fn huge_allocations_return_err() {
    let heap = default_heap();
    let mut m = heap.mutator();
    for size in [
        8_000_000_000_000,
        usize::MAX,
        usize::MAX - 7,
        isize::MAX as usize,
        isize::MAX as usize + 1,
        1 << 62,
    ] {
        assert!(m.alloc(size).is_err(), "alloc({size})");
        assert!(m.alloc_pinned(size).is_err(), "alloc_pinned({size})");
    }
    assert!(
        heap.collection_requested(),
        "a failed allocation requests a collection"
    );
    // Past the system allocator rather than the limit: the address space is smaller.
    let unlimited: Heap<Mock> = Heap::new(HeapConfig {
        max_heap: usize::MAX,
        ..HeapConfig::default()
    });
    let mut m2 = unlimited.mutator();
    assert!(m2.alloc(1 << 62).is_err());
    assert!(m2.alloc_pinned(1 << 62).is_err());
    // Both heaps still work.
    let a = new_obj(&mut m, 1, 2);
    let b = new_obj(&mut m2, 2, 2);
    assert_eq!((rd(a + TAG), rd(b + TAG)), (1, 2));
}

#[test]
fn max_heap_is_enforced_and_collection_makes_room() {
    let heap: Heap<Mock> = Heap::new(HeapConfig {
        max_heap: 8 * MIB,
        min_budget: MIB,
        growth: 2.0,
        taper: usize::MAX,
        large_growth: 2.0,
        chunk_size: MIB,
        ..HeapConfig::default()
    });
    let mut m = heap.mutator();
    assert!(m.alloc(9 * MIB).is_err());
    let mut count = 0;
    while m.alloc(1000).is_ok() {
        count += 1;
        assert!(count < 10_000, "max_heap not enforced");
    }
    assert!(count >= 7 * MIB / 1000);
    assert!(heap.stats().heap_bytes <= 8 * MIB);
    m.flush();
    collect(&heap, &mut []);
    assert!(heap.stats().heap_bytes <= 4 * MIB);
    assert!(m.alloc(1000).is_ok());
    assert!(
        m.alloc(3 * MIB).is_ok(),
        "cached chunks are released to fit a large object"
    );
}

#[test]
fn unreachable_memory_is_reclaimed_and_the_heap_shrinks() {
    let heap = default_heap();
    let mut m = heap.mutator();
    // 40 MiB of live linked list, plus a few large objects.
    let mut head = 0;
    for k in 0..40_000 {
        let obj = new_obj(&mut m, k, 125); // 1024 bytes
        set(obj, 0, head);
        head = obj;
    }
    for _ in 0..8 {
        let big = new_obj(&mut m, 7, MIB / 8);
        set(big, 0, head);
        head = big;
    }
    m.flush();
    let mut roots = vec![head];
    let s = collect(&heap, &mut roots);
    assert_eq!(s.objects_copied, 40_000);
    assert_eq!(s.large_objects_kept, 8);
    let grown = heap.stats().heap_bytes;
    assert!(grown >= 48 * MIB, "{grown}");
    assert!(s.heap_bytes_after >= s.live_bytes);

    // Walk the list to check it.
    let mut cur = roots[0];
    let mut n = 0;
    while cur != 0 {
        n += 1;
        cur = get(cur, 0);
    }
    assert_eq!(n, 40_008);

    // Drop everything: the heap shrinks to the free-chunk cache, which keeps one
    // allocation budget (the default minimum, 8 MiB) for the next cycle.
    roots.clear();
    let s = collect(&heap, &mut roots);
    assert_eq!(s.live_bytes, 0);
    assert_eq!(s.next_budget, 8 * MIB);
    let st = heap.stats();
    assert!(
        st.heap_bytes <= 8 * MIB,
        "heap did not shrink: {}",
        st.heap_bytes
    );
    assert_eq!(st.heap_bytes, st.cached_bytes);
    assert!(st.peak_heap_bytes >= grown);
}

#[test]
fn allocations_are_zeroed_even_in_reused_chunks() {
    let heap: Heap<Mock> = Heap::new(small_config());
    let mut m = heap.mutator();
    for round in 0..3 {
        for _ in 0..3000 {
            let obj = m.alloc(size_for(8)).expect("alloc");
            for off in (8..size_for(8)).step_by(8) {
                assert_eq!(rd(obj + off), 0, "round {round}: dirty memory");
                wr(obj + off, usize::MAX);
            }
        }
        let p = m.alloc_pinned(64).expect("alloc_pinned");
        assert!((8..64).step_by(8).all(|off| rd(p + off) == 0));
        wr(p + NSLOTS, 5); // a well-formed mock object: 64 = size_for(5)
        m.flush();
        collect(&heap, &mut []);
    }
}

#[test]
fn pinned_leaves_stay_put_and_are_never_scanned() {
    let heap = default_heap();
    let mut m = heap.mutator();
    let pinned = new_pinned(&mut m, 1, 1);
    let leaf = new_pinned_leaf(&mut m, 2, 1);
    // Each points at a young object. The pinned object is scanned as a root, so its
    // target is copied; the leaf is not read at all, so its target is not (a leaf must
    // never hold a reference: this one breaks the rule only to show it is not scanned).
    set(pinned, 0, new_obj(&mut m, 10, 0));
    set(leaf, 0, new_obj(&mut m, 20, 0));
    m.flush();
    let mut roots = vec![leaf];
    let s = collect(&heap, &mut roots);
    assert_eq!(roots[0], leaf, "a pinned leaf does not move");
    assert_eq!(rd(leaf + TAG), 2);
    assert_eq!(
        s.objects_copied, 1,
        "only the ordinary pinned object's target"
    );
    assert_eq!(rd(get(pinned, 0) + TAG), 10);
    assert_eq!(
        s.pinned_objects, 2,
        "leaves are counted with the pinned objects"
    );
    assert_eq!(s.pinned_bytes, 2 * size_for(1));
}

#[test]
fn is_pinned_tells_pinned_objects_and_leaves_from_movable_ones() {
    let heap = default_heap();
    let mut m = heap.mutator();
    let pinned = new_pinned(&mut m, 1, 1);
    let leaf = new_pinned_leaf(&mut m, 2, 1);
    let young = new_obj(&mut m, 3, 0);
    assert!(gc_parallel::is_pinned(pinned));
    assert!(gc_parallel::is_pinned(leaf));
    assert!(!gc_parallel::is_pinned(young));
    m.flush();
    let mut roots = vec![young];
    collect(&heap, &mut roots);
    assert!(
        !gc_parallel::is_pinned(roots[0]),
        "a copied object is still movable"
    );
}

#[test]
fn budget_raises_the_request_flag_without_collecting() {
    let heap: Heap<Mock> = Heap::new(HeapConfig {
        min_budget: 2 * MIB,
        chunk_size: 64 << 10,
        ..HeapConfig::default()
    });
    let mut m = heap.mutator();
    assert!(!heap.collection_requested());
    let first = new_obj(&mut m, 42, 1);
    for _ in 0..(3 * MIB / 512) {
        m.alloc(512).expect("alloc");
    }
    assert!(heap.collection_requested());
    assert_eq!(heap.stats().collections, 0, "alloc must never collect");
    assert_eq!(rd(first + TAG), 42);
    m.flush();
    let mut roots = vec![first];
    let s = collect(&heap, &mut roots);
    assert!(!heap.collection_requested());
    assert_eq!(s.next_budget, 2 * MIB);
    heap.request_collection();
    assert!(heap.collection_requested());
    assert!(heap.stats().bytes_allocated >= 3 * MIB as u64);
}

#[test]
#[should_panic(expected = "unflushed")]
fn collecting_with_an_unflushed_mutator_panics() {
    let heap = default_heap();
    let mut m = heap.mutator();
    new_obj(&mut m, 1, 1);
    collect(&heap, &mut []);
}

#[test]
fn churning_2gb_keeps_the_heap_bounded() {
    let heap: Heap<Mock> = Heap::new(HeapConfig {
        max_heap: 256 * MIB,
        min_budget: 8 * MIB,
        growth: 2.0,
        taper: usize::MAX,
        large_growth: 2.0,
        chunk_size: MIB,
        ..HeapConfig::default()
    });
    let mut m = heap.mutator();
    let mut rng = Rng::new(99);
    let mut roots = vec![0usize; 512];
    let mut tags = vec![0u64; 512];
    let target = 2u64 << 30;
    let mut allocated = 0u64;
    let mut tag = 0u64;
    while allocated < target {
        let n = 4 + rng.below(120);
        tag += 1;
        let obj = m.alloc(size_for(n)).expect("alloc");
        wr(obj + TAG, tag as usize);
        wr(obj + NSLOTS, n);
        allocated += size_for(n) as u64;
        if rng.chance(2) {
            // Survives for a while: becomes a root, sometimes pointing at another root.
            let k = rng.below(roots.len());
            if rng.chance(10) {
                set(obj, 0, roots[rng.below(roots.len())]);
            }
            roots[k] = obj;
            tags[k] = tag;
        }
        if heap.collection_requested() {
            m.flush();
            collect(&heap, &mut roots);
            for (k, &r) in roots.iter().enumerate() {
                if r != 0 {
                    assert_eq!(rd(r + TAG) as u64, tags[k]);
                }
            }
        }
    }
    m.flush();
    let st = heap.stats();
    eprintln!("{st:#?}");
    assert!(st.bytes_allocated >= target);
    assert!(st.collections >= 100, "{}", st.collections);
    assert!(
        st.peak_heap_bytes <= 32 * MIB,
        "peak heap {} MiB",
        st.peak_heap_bytes / MIB
    );
    assert!(st.median_pause() <= st.p99_pause());
    assert!(st.p99_pause() <= st.max_pause + st.max_pause / 8);
}

#[test]
fn mutators_on_many_threads() {
    let heap = default_heap();
    let heads: Vec<usize> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4u64)
            .map(|t| {
                let heap = &heap;
                s.spawn(move || {
                    let mut m = heap.mutator();
                    let mut head = 0;
                    for k in 0..20_000u64 {
                        let obj = new_obj(&mut m, t << 32 | k, 1 + (k % 5) as usize);
                        set(obj, 0, head);
                        head = obj;
                    }
                    m.flush();
                    head
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    let mut roots = heads;
    for _ in 0..2 {
        let s = heap.collect(&mut |t: &mut dyn Tracer| {
            for r in roots.iter_mut() {
                t.trace(r);
            }
        });
        assert_eq!(s.objects_copied, 80_000);
        for (t, &head) in roots.iter().enumerate() {
            let (mut cur, mut k) = (head, 20_000u64);
            while cur != 0 {
                k -= 1;
                assert_eq!(rd(cur + TAG) as u64, (t as u64) << 32 | k);
                cur = get(cur, 0);
            }
            assert_eq!(k, 0);
        }
    }
}

#[test]
fn parked_buffer_is_taken_back_unless_a_collection_ran() {
    let heap = default_heap();
    let mut m = heap.mutator();
    let a = new_obj(&mut m, 1, 2);
    let size = size_for(2);
    // No collection between park and unpark: allocation goes on right after `a`.
    m.park();
    m.unpark();
    let b = new_obj(&mut m, 2, 2);
    assert_eq!(b, a + size, "the parked buffer was taken back");
    // A collection meanwhile: the old buffer is from-space, so a fresh one is used.
    m.park();
    let mut roots = [a, b];
    collect(&heap, &mut roots);
    m.unpark();
    let c = new_obj(&mut m, 3, 2);
    assert_ne!(
        c,
        b + size,
        "a buffer from before a collection must not be reused"
    );
    assert_eq!(
        (rd(roots[0] + TAG), rd(roots[1] + TAG), rd(c + TAG)),
        (1, 2, 3)
    );
    // The heap can still collect: the taken-back buffer was counted as unflushed again.
    m.flush();
    let mut roots = [roots[0], c];
    collect(&heap, &mut roots);
    assert_eq!((rd(roots[0] + TAG), rd(roots[1] + TAG)), (1, 3));
}

#[test]
fn least_budget_grows_with_threads() {
    let heap: Heap<Mock> = Heap::new(HeapConfig {
        min_budget: 4 * MIB,
        chunk_size: MIB,
        ..HeapConfig::default()
    });
    let mut m = heap.mutator();
    heap.set_threads(3);
    // 3 × 4 MiB of chunks can be taken before a collection is requested.
    let per_chunk = 4096;
    let mut taken = 0;
    while !heap.collection_requested() {
        new_obj(&mut m, 1, (per_chunk - 16) / 8);
        taken += 1;
    }
    assert!(
        taken * per_chunk >= 10 * MIB,
        "collection requested after {} bytes",
        taken * per_chunk
    );
    m.flush();
    let s = collect(&heap, &mut []);
    assert_eq!(
        s.next_budget,
        12 * MIB,
        "the floor is min_budget per thread"
    );
}
