# Corners of Condition, Semaphore, Event, Timer, Lock and RLock not covered elsewhere:
# wait_for woken by another thread, RLock levels kept across Condition.wait, release(n)
# waking n waiters, Timer attributes, context managers' return values.
import threading


def spin_until(pred):
    ev = threading.Event()
    while not pred():
        ev.wait(0.001)


# wait_for returns the predicate's last value, also when another thread makes it true.
cond = threading.Condition()
box = []


def fill():
    with cond:
        box.append("item")
        cond.notify_all()


with cond:
    t = threading.Thread(target=fill)
    t.start()
    got = cond.wait_for(lambda: box and box[0], timeout=5)
t.join()
print("wait_for ->", repr(got))
with cond:
    print("wait_for false ->", repr(cond.wait_for(lambda: 0, timeout=0.01)),
          repr(cond.wait_for(lambda: "", 0)))

# Condition over an RLock held twice: wait() releases it fully and restores the level.
rl = threading.RLock()
cond = threading.Condition(rl)
flag = []


def setter():
    with cond:
        flag.append(rl._is_owned())
        cond.notify()


with cond:
    with cond:
        t = threading.Thread(target=setter)
        t.start()
        cond.wait_for(lambda: flag, 5)
        print("other thread owned it:", flag, "still owned here:", cond._is_owned())
    print("after one release, owned:", rl._is_owned())
print("after both, owned:", rl._is_owned())
t.join()

# Condition.acquire/release pass through to the lock, and with returns its result.
cond = threading.Condition(threading.Lock())
print(cond.acquire(), cond.acquire(False), cond._is_owned())
cond.release()
with cond as entered:
    print("entered", entered)
print(cond.acquire(timeout=0.01))
cond.release()

# notify(n) with more than there are waiters; notify with none waiting.
with cond:
    cond.notify(10)
    cond.notify_all()
print("notify with no waiters ok")

# Semaphore.release(n) wakes n waiters.
sem = threading.Semaphore(0)
passed = []
plock = threading.Lock()


def sem_waiter(i):
    if sem.acquire(timeout=5):
        with plock:
            passed.append(i)


ws = [threading.Thread(target=sem_waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
sem.release(3)
spin_until(lambda: len(passed) == 3)
print("after release(3):", len(passed))
sem.release()
for w in ws:
    w.join()
print("all passed:", sorted(passed), sem.acquire(False))

# BoundedSemaphore.release(n) beyond the initial value raises and changes nothing.
bs = threading.BoundedSemaphore(3)
bs.acquire()
bs.acquire()
try:
    bs.release(3)
except ValueError as e:
    print("ValueError:", e)
bs.release(2)
print([bs.acquire(False) for _ in range(4)])
bs.release(3)
with bs as v:
    print("semaphore with ->", v)
try:
    bs.release(-1)
except ValueError as e:
    print("ValueError:", e)

# Event.wait returns True when set by another thread before the timeout.
ev = threading.Event()
t = threading.Timer(0.01, ev.set)
t.start()
print("event wait ->", ev.wait(5), ev.is_set())
t.join()
ev.clear()
print("after clear ->", ev.wait(0), ev.wait(timeout=0.005))

# Timer: attributes, cancel before start, finished event.
calls = []
tm = threading.Timer(0.01, lambda *a, **k: calls.append((a, k)), [1, 2], {"k": "v"})
print(tm.interval, tm.args, tm.kwargs, tm.finished.is_set())
tm.cancel()
print("cancelled before start:", tm.finished.is_set())
tm.start()
tm.join()
print("calls after cancelled timer:", calls)
tm = threading.Timer(0, calls.append, args=("fired",))
print(tm.args, tm.kwargs)
tm.start()
tm.join()
print(calls, tm.finished.is_set(), tm.is_alive())

# Lock and RLock context managers and acquire results.
lock = threading.Lock()
with lock as v:
    print("lock with ->", v, lock.locked())
print(lock.locked())
try:
    with lock:
        raise ZeroDivisionError("inside")
except ZeroDivisionError as e:
    print("released after exception:", not lock.locked(), e)
r = threading.RLock()
with r as v:
    print("rlock with ->", v, r.acquire(timeout=0.01))
    r.release()
held = []
r.acquire()
t = threading.Thread(target=lambda: held.append(r.acquire(timeout=0.01)))
t.start()
t.join()
r.release()
print("other thread timed out:", held)
for bad in (lambda: lock.acquire(blocking=False, timeout=1),
            lambda: lock.acquire(timeout=-2),
            lambda: r.acquire(blocking=False, timeout=0.5)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
print(lock.acquire(timeout=-1), lock.locked())
lock.release()
