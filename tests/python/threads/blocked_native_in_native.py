# A native that blocks while another native holds values in Rust (here `lock.acquire`
# called by `map`, whose items `set` and `sorted` gather) must not let a collection
# move those values; one that CALL or `with` called directly may let other threads
# collect while it waits.
import gc
import threading
import time
import weakref

LockType = type(threading.Lock())


class Junk:
    pass


def collected_while(blocked_thread):
    # True when a collection ran while the thread waits (a dead object's weakref dies).
    j = Junk()
    r = weakref.ref(j)
    del j
    for _ in range(3):
        [[i] for i in range(500)]
        gc.collect()
    ok = r() is None
    return ok


def wait_until_blocked(started):
    started.wait()
    time.sleep(0.05)


def while_blocked(nlocks, held, fill, make_garbage):
    # Runs fill(locks) in a thread that blocks on locks[held]; meanwhile this thread
    # makes garbage and collects; then it lets the thread go and prints what it made.
    locks = [threading.Lock() for _ in range(nlocks)]
    locks[held].acquire()
    out = []
    started = threading.Event()

    def body():
        started.set()
        out.append(fill(locks))

    t = threading.Thread(target=body)
    t.start()
    wait_until_blocked(started)
    garbage = make_garbage()
    del garbage
    gc.collect()
    locks[held].release()
    t.join()
    print(out)


# 1. set(map(lock.acquire, locks)): the set being filled is held by set's constructor.
while_blocked(
    4,
    2,
    lambda locks: ("set", set(map(LockType.acquire, locks)), [l.locked() for l in locks]),
    lambda: [[i, str(i)] for i in range(50000)],
)

# 2. sorted(map(acquire, ...)) with the gathered items held, and a key of the result.
while_blocked(
    3,
    0,
    lambda locks: ("sorted", sorted(map(LockType.acquire, locks), key=lambda b: not b)),
    lambda: {i: [i] for i in range(50000)},
)

# 3. `with lock:` and `lock.acquire()` called directly wait in the safe state: the main
#    thread's collections go on meanwhile. So does a wait inside a Python `__enter__`
#    (a Condition's, an RLock's), which runs as a frame of the interpreter's own loop.
for how in ("with", "call", "sleep", "with cond", "with rlock"):
    lock = threading.RLock() if how == "with rlock" else threading.Lock()
    cond = threading.Condition(lock)
    lock.acquire()
    started = threading.Event()
    done = []

    def blocked():
        started.set()
        if how == "with":
            with lock:
                done.append(how)
        elif how == "with cond":
            with cond:
                done.append(how)
        elif how == "with rlock":
            with lock:
                done.append(how)
        elif how == "call":
            lock.acquire()
            done.append(how)
            lock.release()
        else:
            time.sleep(1.0)
            done.append(how)

    t = threading.Thread(target=blocked)
    t.start()
    wait_until_blocked(started)
    ok = collected_while(t)
    # (A sleeper may wake before the collections end under collection stress.)
    print(how, "collected while blocked:", ok, "done yet:", done if how != "sleep" else "-")
    lock.release()
    t.join()
    print(how, "done:", done)
