# Threads one after another (hotpy reuses finished threads' OS threads and states):
# nothing of an earlier thread shows in a later one.
import _thread
import sys
import threading
import time

out = []


def leave_exception():
    try:
        raise ValueError("first")
    except ValueError:
        out.append(("handling", sys.exc_info()[0].__name__))
        return  # returns while handling


def check_clean():
    out.append(("clean", sys.exc_info()))


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


def recurse():
    try:
        deep(10**6)
    except RecursionError:
        out.append(("recursion", "caught"))


def fails():
    raise KeyError("boom")


def after_failure():
    out.append(("after", deep(50)))


threading.excepthook = lambda args: out.append(("hook", args.exc_type.__name__))
for target in (leave_exception, check_clean, recurse, after_failure, fails, after_failure, check_clean):
    t = threading.Thread(target=target)
    t.start()
    t.join()
for row in out:
    print(row)

# Many short threads in waves; every one runs exactly once.
lock = threading.Lock()
ran = []


def note(i):
    with lock:
        ran.append(i)


for wave in range(10):
    ts = [threading.Thread(target=note, args=(wave * 10 + i,)) for i in range(10)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(len(ran), sorted(ran) == list(range(100)))
print("active", threading.active_count())

# Low-level threads reuse states too; each call gets its own arguments.
got = []
done = threading.Semaphore(0)


def low(a, b=0):
    got.append(a + b)
    done.release()


for i in range(20):
    _thread.start_new_thread(low, (i,), {"b": 100})
for i in range(20):
    done.acquire()
print(sorted(got) == [i + 100 for i in range(20)])
deadline = time.monotonic() + 5
while _thread._count() and time.monotonic() < deadline:
    time.sleep(0.001)
print("count", _thread._count())
