# Lock, RLock, Semaphore, BoundedSemaphore: exact counters and misuse messages.
import threading

counter = 0
lock = threading.Lock()


def bump(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


ts = [threading.Thread(target=bump, args=(2000,)) for _ in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", counter)

l = threading.Lock()
print(l.acquire(), l.locked(), l.acquire(False), l.acquire(True, 0.01))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# Another thread cannot take a held lock without blocking.
l.acquire()
got = []
t = threading.Thread(target=lambda: got.append(l.acquire(False)))
t.start()
t.join()
l.release()
print("other thread got held lock:", got)

r = threading.RLock()
with r:
    with r:
        print("nested", r._is_owned())
    print("still owned", r._is_owned())
print("owned after", r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
errs = []


def foreign_release():
    try:
        r.release()
    except RuntimeError as e:
        errs.append(str(e))
    errs.append(r.acquire(False))


t = threading.Thread(target=foreign_release)
t.start()
t.join()
print(errs)
r.release()
r.release()
r.release()
t = threading.Thread(target=lambda: errs.append(r.acquire(False) and (r.release() or "ok")))
t.start()
t.join()
print(errs)

# RLock protecting a recursive update from several threads.
total = [0]
rl = threading.RLock()


def rec(n):
    with rl:
        if n:
            total[0] += 1
            rec(n - 1)


ts = [threading.Thread(target=rec, args=(50,)) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("recursive total", total[0])

# A semaphore bounds concurrency.
sem = threading.Semaphore(3)
state = {"now": 0, "max": 0}
guard = threading.Lock()
gate = threading.Event()


def limited():
    with sem:
        with guard:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        gate.wait(0.005)
        with guard:
            state["now"] -= 1


ts = [threading.Thread(target=limited) for _ in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("max concurrent <= 3:", 1 <= state["max"] <= 3, "now", state["now"])

s = threading.Semaphore(0)
print(s.acquire(False), s.acquire(timeout=0.01))
s.release(2)
print(s.acquire(), s.acquire(blocking=False), s.acquire(blocking=False))
for bad in (lambda: threading.Semaphore(-1), lambda: s.release(0),
            lambda: s.acquire(False, 1.0)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
print(b.acquire(), b.acquire(), b.acquire(False))
