//! Interpreter micro-benchmarks: dict get and set, attribute load.
//!
//! How it works: the vm is initialised once (as the `hotpy` binary does). The dict
//! benchmarks call `Vm::dict_set` / `Vm::dict_get` on a fresh dict with 64 small-int
//! keys (tagged values, not heap objects). The attribute benchmark defines a class and a
//! loop in a module `__bench__` once, then each measurement looks that module up again
//! in `sys.modules`, compiles `run(N)` and times its execution: 10 attribute loads per
//! loop turn.
//!
//! What must hold: a value held in Rust is not used after anything that may collect
//! (running Python code is a safepoint; a dict operation on int keys never runs Python
//! and an allocation never collects), so every value is fetched again after each
//! `exec_code`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vm::interp::state::Vm;
use vm::runtime::{g, Options};
use vm::value::Value;

const SETUP: &str = "\
class Point:
    def __init__(self, x):
        self.x = x

def run(n):
    p = Point(1)
    total = 0
    for i in range(n):
        total += p.x + p.x + p.x + p.x + p.x + p.x + p.x + p.x + p.x + p.x
    return total
";

/// Run `src` in the module `__bench__` (made on first use), timing only the execution.
fn exec_in_bench_module(vm: &mut Vm, src: &str) -> Duration {
    let key = vm.new_str("__bench__").expect("str");
    let module = match vm.dict_get(g().sys_modules, key).expect("sys.modules") {
        Some(m) => m,
        None => {
            let m = vm.new_module_named("__bench__").expect("module");
            let key = vm.new_str("__bench__").expect("str");
            vm.dict_set(g().sys_modules, key, m).expect("register");
            m
        }
    };
    let globals = vm.dict_of(module);
    let code = vm
        .compile_to_code(src, "<bench>", vm::compiler::Mode::Exec)
        .expect("compile");
    let start = Instant::now();
    let result = vm.exec_code(code, globals, Value::NULL);
    let elapsed = start.elapsed();
    assert!(result.is_ok(), "the benchmark's Python code raised");
    elapsed
}

fn benches(c: &mut Criterion) {
    let options = Options {
        gc_stress: false,
        recursion_limit: 1000,
    };
    let mut vm = vm::bootstrap::init(options).expect("vm init");
    let mut group = c.benchmark_group("vm");
    group.throughput(Throughput::Elements(1));

    let keys: Vec<Value> = (0..64).map(|i| vm.new_int(i).expect("small int")).collect();
    let dict = vm.new_dict().expect("dict");
    for &k in &keys {
        vm.dict_set(dict, k, k).expect("fill");
    }
    group.bench_function("dict set (existing int key)", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 63;
            vm.dict_set(dict, keys[i], keys[63 - i]).expect("set");
        })
    });
    group.bench_function("dict get (int key)", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 63;
            black_box(vm.dict_get(dict, keys[i]).expect("get"))
        })
    });

    // From here on Python runs, so `dict` and `keys` must not be used again.
    exec_in_bench_module(&mut vm, SETUP);
    group.throughput(Throughput::Elements(10));
    group.bench_function("attribute load (in a Python loop)", |b| {
        b.iter_custom(|iters| exec_in_bench_module(&mut vm, &format!("run({iters})")))
    });
    group.finish();
}

criterion_group!(micro, benches);
criterion_main!(micro);
