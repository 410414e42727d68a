//! Object write-lock micro-benchmarks (`vm/src/obj/objlock.rs`).
//!
//! How it works: `uncontended` times lock + unlock of one lock byte by one thread (the
//! cost every writer pays once a second thread exists). `contended` runs two threads
//! that each take and release the same lock byte in a loop, around a tiny critical
//! section, and reports the time per acquisition of the measuring thread; the other
//! thread keeps the lock busy until the measurement ends.
//!
//! What must hold: the helper thread is stopped and joined after each measurement, so
//! runs do not overlap.

use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use vm::obj::objlock::{lock, LockCounts};

fn uncontended(c: &mut Criterion) {
    let byte = AtomicU8::new(0);
    let mut counts = LockCounts::default();
    c.bench_function("objlock/uncontended", |b| {
        b.iter(|| {
            let g = lock(black_box(&byte), &mut counts);
            drop(g);
        })
    });
}

fn contended(c: &mut Criterion) {
    c.bench_function("objlock/contended_2_threads", |b| {
        b.iter_custom(|iters| {
            let byte = Arc::new(AtomicU8::new(0));
            let shared = Arc::new(AtomicU64::new(0));
            let stop = Arc::new(AtomicBool::new(false));
            let other = {
                let (byte, shared, stop) = (byte.clone(), shared.clone(), stop.clone());
                std::thread::spawn(move || {
                    let mut counts = LockCounts::default();
                    while !stop.load(Ordering::Relaxed) {
                        let g = lock(&byte, &mut counts);
                        shared.fetch_add(1, Ordering::Relaxed);
                        drop(g);
                    }
                })
            };
            let mut counts = LockCounts::default();
            let start = Instant::now();
            for _ in 0..iters {
                let g = lock(&byte, &mut counts);
                shared.fetch_add(1, Ordering::Relaxed);
                drop(g);
            }
            let t: Duration = start.elapsed();
            stop.store(true, Ordering::Relaxed);
            let _ = other.join();
            black_box(shared.load(Ordering::Relaxed));
            t
        })
    });
}

criterion_group!(benches, uncontended, contended);
criterion_main!(benches);
