//! Collector micro-benchmarks on gc-parallel's mock object model.
//!
//! How it works: `alloc` times `Mutator::alloc` of 4-slot objects; every 100,000
//! allocations the (dead) heap is collected outside the timed part, so memory stays
//! bounded however many iterations criterion asks for. `collect` times one collection
//! of a fixed live heap: a chain of 100,000 4-slot objects reachable from one root,
//! which the collection copies in full every time.
//!
//! What must hold: the mutator is flushed before every collection (the heap panics
//! otherwise) and only the root slot is used to reach the chain after a collection.

#[path = "../../../gc-parallel/tests/mock/mod.rs"]
mod mock;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gc_parallel::{Heap, HeapConfig};
use mock::{collect, new_obj, set, small_config, Mock};

fn config() -> HeapConfig {
    HeapConfig {
        max_heap: 4 << 30,
        ..small_config()
    }
}

fn alloc(c: &mut Criterion) {
    let heap: Heap<Mock> = Heap::new(config());
    let mut m = heap.mutator();
    let mut group = c.benchmark_group("gc");
    group.throughput(Throughput::Elements(1));
    group.bench_function("alloc 4-slot object", |b| {
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            let mut left = iters;
            while left > 0 {
                let batch = left.min(100_000);
                let start = Instant::now();
                for i in 0..batch {
                    black_box(new_obj(&mut m, i, 4));
                }
                timed += start.elapsed();
                left -= batch;
                m.flush();
                collect(&heap, &mut []);
            }
            timed
        })
    });
    group.finish();
}

fn collection(c: &mut Criterion) {
    const LIVE: usize = 100_000;
    let heap: Heap<Mock> = Heap::new(config());
    let mut m = heap.mutator();
    let mut root = new_obj(&mut m, 0, 4);
    let mut last = root;
    for i in 1..LIVE {
        let next = new_obj(&mut m, i as u64, 4);
        set(last, 0, next);
        set(last, 1, (i << 1) | 1);
        last = next;
    }
    m.flush();
    let mut group = c.benchmark_group("gc");
    group.throughput(Throughput::Elements(LIVE as u64));
    group.sample_size(20);
    group.bench_function("collect 100k live objects", |b| {
        b.iter(|| {
            let mut roots = [root];
            let stats = collect(&heap, &mut roots);
            root = roots[0];
            black_box(stats)
        })
    });
    group.finish();
}

criterion_group!(benches, alloc, collection);
criterion_main!(benches);
