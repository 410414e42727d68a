# A thread blocks on a lock inside a call from native code (map calling f), while the
# main thread, which holds the lock, allocates enough to need collections. The
# collector must not wait for the blocked thread (it would wait for ever): the
# program finishes with the right result.
import _thread
import time

gate = _thread.allocate_lock()
gate.acquire()
done = _thread.allocate_lock()
done.acquire()
out = []


def f(x):
    gate.acquire()
    gate.release()
    return x * 2


def worker():
    out.extend(list(map(f, range(5))))
    out.append(sorted([3, 1, 2], key=lambda v: (gate.acquire(), gate.release(), v)[2]))
    done.release()


_thread.start_new_thread(worker, ())
time.sleep(0.05)
junk = []
for i in range(100000):
    junk.append([i, str(i)])
total = sum(len(j) for j in junk)
del junk
gate.release()
done.acquire()
print(out, total)
