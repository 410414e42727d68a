# _thread: start_new_thread, locks (blocking, non-blocking, timeout, context manager),
# get_ident, and shared containers mutated by several threads at once.
import _thread
import time

lock = _thread.allocate_lock()
state = {"counter": 0, "finished": 0}


def wait_all(n):
    while True:
        with lock:
            if state["finished"] == n:
                return
        time.sleep(0.001)


def count(n):
    for _ in range(n):
        with lock:
            state["counter"] += 1
    with lock:
        state["finished"] += 1


for k in range(4):
    _thread.start_new_thread(count, (5000,))
wait_all(4)
print("counter", state["counter"])

# Shared containers: every operation is atomic; only the totals are checked.
shared_list = []
shared_dict = {}
shared_set = set()


class Obj:
    pass


obj = Obj()
state["finished"] = 0


def mutate(k, n):
    for i in range(n):
        shared_list.append((k, i))
        shared_dict[(k, i % 50)] = i
        shared_set.add(i % 100)
        setattr(obj, "a%d" % (i % 7), i)
    with lock:
        state["finished"] += 1


for k in range(4):
    _thread.start_new_thread(mutate, (k, 2000))
wait_all(4)
print(len(shared_list), len(set(shared_list)), len(shared_dict), len(shared_set))
print(sorted(vars(obj)))

# Identities and keyword arguments.
idents = []


def ident(tag, sep="-"):
    with lock:
        idents.append((tag + sep, _thread.get_ident()))
        state["finished"] += 1


state["finished"] = 0
main_ident = _thread.get_ident()
for k in range(3):
    _thread.start_new_thread(ident, ("t%d" % k,), {"sep": ":"})
wait_all(3)
print(sorted(t for t, _ in idents), len({i for _, i in idents} | {main_ident}))

# Lock behaviour.
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked(), repr(lock).startswith("<unlocked _thread.lock object at"))
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
print(type(lock).__name__, type(lock) is _thread.LockType, _thread.error is RuntimeError)

# A thread blocked on a lock wakes when another thread releases it.
gate = _thread.allocate_lock()
gate.acquire()
state["finished"] = 0
order = []


def waiter():
    gate.acquire()
    with lock:
        order.append("waiter got the gate")
        state["finished"] += 1


_thread.start_new_thread(waiter, ())
time.sleep(0.05)
order.append("main releases")
gate.release()
wait_all(1)
print(order)

# Errors.
for args in [(1, ()), (print, [1]), (print, (), [])]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)
