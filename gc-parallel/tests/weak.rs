//! Weak slots and finalization: weak slots follow live targets and are cleared (and
//! reported) when their targets die; registered objects found unreachable are kept for
//! their finalizers, reported once, and forgotten. Sequential and parallel copying.

mod mock;

use gc_parallel::{Heap, HeapConfig, Tracer};
use mock::*;

fn heap(gc_threads: usize) -> Heap<Mock> {
    Heap::new(HeapConfig {
        gc_threads,
        parallel_min_live: 0,
        ..small_config()
    })
}

/// A collection that returns (cleared objects, objects to finalize).
fn collect_full(heap: &Heap<Mock>, roots: &mut [usize]) -> (Vec<usize>, Vec<usize>) {
    let (mut cleared, mut fin) = (Vec::new(), Vec::new());
    heap.collect_with(
        &mut |t: &mut dyn Tracer| {
            for r in roots.iter_mut() {
                t.trace(r);
            }
        },
        &mut |o| cleared.push(o),
        &mut |o| fin.push(o),
    );
    (cleared, fin)
}

fn weak_slots_follow_or_clear(gc_threads: usize) {
    let heap = heap(gc_threads);
    let mut m = heap.mutator();
    let large_slots = heap.large_object_threshold() / 8 + 1;
    let live = new_obj(&mut m, 1, 1);
    let dead = new_obj(&mut m, 2, 1);
    let dead_large = new_obj(&mut m, 3, large_slots);
    let live_large = new_obj(&mut m, 4, large_slots);
    let pinned = new_pinned(&mut m, 5, 1);
    let refs: Vec<usize> = [live, dead, dead_large, live_large, pinned]
        .iter()
        .map(|&target| {
            let w = new_obj(&mut m, WEAK_TAG | 9, 2);
            set(w, 0, target);
            w
        })
        .collect();
    // A weak ref that is itself garbage is neither updated nor reported.
    let lost = new_obj(&mut m, WEAK_TAG | 10, 1);
    set(lost, 0, dead);
    m.flush();
    let mut roots = vec![live, live_large];
    roots.extend(&refs);
    let (cleared, fin) = collect_full(&heap, &mut roots);
    assert!(fin.is_empty());
    let w: Vec<usize> = roots[2..].to_vec();
    assert_eq!(
        get(w[0], 0),
        roots[0],
        "weak slot follows a moved live target"
    );
    assert_ne!(roots[0], live, "the small target moved");
    assert_eq!(rd(get(w[0], 0) + TAG), 1);
    assert_eq!(get(w[1], 0), 0, "dead small target cleared");
    assert_eq!(get(w[2], 0), 0, "dead large target cleared");
    assert_eq!(get(w[3], 0), live_large, "live large target stays in place");
    assert_eq!(get(w[4], 0), pinned, "pinned target stays");
    let mut c = cleared.clone();
    c.sort_unstable();
    let mut expect = vec![w[1], w[2]];
    expect.sort_unstable();
    assert_eq!(
        c, expect,
        "exactly the refs whose targets died are reported"
    );
    // A second collection: nothing more to clear, live ones still follow.
    let (cleared, _) = collect_full(&heap, &mut roots);
    assert!(cleared.is_empty());
    assert_eq!(get(roots[2], 0), roots[0]);
}

#[test]
fn weak_slots_sequential() {
    weak_slots_follow_or_clear(1);
}

#[test]
fn weak_slots_parallel() {
    weak_slots_follow_or_clear(2);
    weak_slots_follow_or_clear(3);
}

fn finalizers_run_once(gc_threads: usize) {
    let heap = heap(gc_threads);
    let mut m = heap.mutator();
    let a = new_obj(&mut m, 1, 1); // unreachable, with a child
    let child = new_obj(&mut m, 2, 0);
    set(a, 0, child);
    let b = new_obj(&mut m, 3, 0); // reachable at first
    let weak_a = new_obj(&mut m, WEAK_TAG | 4, 1);
    set(weak_a, 0, a);
    heap.register_finalizer(a);
    heap.register_finalizer(b);
    m.flush();
    let mut roots = vec![b, weak_a];
    let (cleared, fin) = collect_full(&heap, &mut roots);
    assert_eq!(fin.len(), 1, "only the unreachable one is finalized");
    let a2 = fin[0];
    assert_eq!(rd(a2 + TAG), 1, "kept intact for its finalizer");
    assert_eq!(rd(get(a2, 0) + TAG), 2, "with what it reaches");
    assert!(
        cleared.is_empty(),
        "a weak ref to an object kept for finalizing stays"
    );
    assert_eq!(get(roots[1], 0), a2);
    // Nobody resurrected `a`: the next collection clears the weak ref, no second call.
    // `b` becomes unreachable now and is finalized.
    let mut roots = vec![roots[1]];
    let (cleared, fin) = collect_full(&heap, &mut roots);
    assert_eq!(cleared, vec![roots[0]]);
    assert_eq!(fin.len(), 1);
    assert_eq!(rd(fin[0] + TAG), 3);
    let (cleared, fin) = collect_full(&heap, &mut roots);
    assert!(
        cleared.is_empty() && fin.is_empty(),
        "each finalizer is reported once"
    );
}

#[test]
fn finalizers_sequential() {
    finalizers_run_once(1);
}

#[test]
fn finalizers_parallel() {
    finalizers_run_once(2);
}

/// Weak roots (a side table the VM keeps): they follow live objects, become 0 when
/// their object dies, and are reported back with the `obj` they were traced with.
fn weak_roots(gc_threads: usize) {
    let heap = heap(gc_threads);
    let mut m = heap.mutator();
    let live = new_obj(&mut m, 1, 1);
    let dead = new_obj(&mut m, 2, 1);
    m.flush();
    let mut strong = [live];
    let mut weak = [live, dead];
    let (mut cleared, mut fin) = (Vec::new(), Vec::new());
    heap.collect_with(
        &mut |t: &mut dyn Tracer| {
            t.trace(&mut strong[0]);
            for w in weak.iter_mut() {
                t.trace_weak(0, w);
            }
        },
        &mut |o| cleared.push(o),
        &mut |o| fin.push(o),
    );
    assert!(fin.is_empty());
    assert_eq!(weak[0], strong[0], "a weak root follows its moved object");
    assert_ne!(strong[0], live, "the object moved");
    assert_eq!(weak[1], 0, "a weak root to a dead object is cleared");
    assert_eq!(cleared, vec![0], "reported with the obj it was traced with");
}

#[test]
fn weak_roots_sequential() {
    weak_roots(1);
}

#[test]
fn weak_roots_parallel() {
    weak_roots(4);
}
