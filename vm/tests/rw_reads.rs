//! Locking mode `rw`: readers lock too, also where a lookup has to call `__eq__`.
//!
//! One process of its own, because the locking mode is process-wide. Each check counts
//! the lock acquisitions of one lookup (the thread's `Vm::lock_counts`) against those of
//! the `__eq__` calls it makes: the lookup must read the table under the lock before
//! the first call and again after each one (the lock is let go around Python code).

use vm::interp::state::Vm;
use vm::obj::lockmode::{self, LockMode};
use vm::runtime::Options;
use vm::value::Value;

const SETUP: &str = "
calls = []

class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, other):
        calls.append(1)
        return self.v == other.v

# Keys with one hash: a lookup of an equal new key calls __eq__ on each it meets.
keys = [K(i) for i in range(5)]
d = {k: k.v for k in keys}
s = set(keys)
probe = K(4)
";

fn global(vm: &mut Vm, globals: Value, name: &str) -> Value {
    let key = vm.new_str(name).expect("a name");
    vm.dict_get(globals, key)
        .expect("a lookup")
        .expect("a global of SETUP")
}

/// Lock acquisitions of `f`, and the `__eq__` calls it made.
fn locks_of<T>(vm: &mut Vm, calls: Value, f: impl FnOnce(&mut Vm) -> T) -> (u64, u64, T) {
    let len = |vm: &mut Vm| {
        let n = vm.len(calls).expect("len(calls)");
        n as u64
    };
    let calls_before = len(vm);
    let before = vm.lock_counts.acquired;
    let out = f(vm);
    let locks = vm.lock_counts.acquired - before;
    (locks, len(vm) - calls_before, out)
}

#[test]
fn lookups_that_call_eq_read_under_the_lock() {
    lockmode::set_mode(LockMode::Rw).expect("the mode is set before any thread starts");
    let mut vm = vm::bootstrap::init(Options {
        gc_stress: false,
        recursion_limit: 1000,
    })
    .expect("the VM starts");
    let code = vm
        .compile_to_code(SETUP, "<setup>", vm::compiler::Mode::Exec)
        .expect("SETUP compiles");
    let m = vm.new_module_named("__main__").expect("a module");
    let globals = vm.dict_of(m);
    vm.exec_code(code, globals, Value::NULL)
        .expect("SETUP runs");
    let [calls, d, s, probe, keys] =
        ["calls", "d", "s", "probe", "keys"].map(|n| global(&mut vm, globals, n));
    let zero = vm.new_int(0).expect("an int");
    let k0 = vm.getitem(keys, zero).expect("keys[0]");

    // What one __eq__ call costs by itself (in `rw` the reads of `.v` lock, and so
    // does the append).
    let (eq_locks, n, _) = locks_of(&mut vm, calls, |vm| vm.eq_bool(k0, probe));
    assert_eq!(n, 1);

    let (dict_locks, n, found) = locks_of(&mut vm, calls, |vm| vm.dict_get(d, probe));
    let found = found
        .expect("no error")
        .and_then(vm::types::int::int_to_i64);
    assert_eq!(found, Some(4));
    assert!(n >= 2, "the keys collide, so {n} __eq__ calls are too few");
    // The probe before the first __eq__, then a lock after each call.
    assert!(
        dict_locks > n * (eq_locks + 1),
        "dict lookup: {dict_locks} acquisitions for {n} __eq__ calls of {eq_locks} each"
    );

    let (set_locks, n, found) = locks_of(&mut vm, calls, |vm| vm.set_contains_key(s, probe));
    assert!(found.expect("no error"));
    assert!(n >= 2, "the keys collide, so {n} __eq__ calls are too few");
    assert!(
        set_locks > n * (eq_locks + 1),
        "set lookup: {set_locks} acquisitions for {n} __eq__ calls of {eq_locks} each"
    );

    // A generic attribute read (not LOAD_ATTR's cached path) of an instance's value.
    let v = vm.new_str("v").expect("a name");
    let (attr_locks, _, got) = locks_of(&mut vm, calls, |vm| vm.getattr(k0, v));
    assert_eq!(got.ok().and_then(vm::types::int::int_to_i64), Some(0));
    assert!(attr_locks >= 1, "getattr(k0, 'v') took no lock");
}
