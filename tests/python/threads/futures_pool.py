# concurrent.futures: ThreadPoolExecutor, Future, as_completed, wait.
import concurrent.futures as cf
import threading


def square(x):
    return x * x


def maybe_fail(x):
    if x == 3:
        raise ValueError("no threes")
    return x + 100


with cf.ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(12))))
    print(list(ex.map(pow, [2, 3, 4], [5, 6, 7])))
    it = ex.map(maybe_fail, range(6))
    got = []
    try:
        for r in it:
            got.append(r)
    except ValueError as e:
        print(got, "ValueError:", e)
    fs = [ex.submit(square, i) for i in range(10)]
    print(sorted(f.result() for f in cf.as_completed(fs)))
    done, not_done = cf.wait(fs)
    print(len(done), len(not_done), all(f.done() for f in fs))
    f = ex.submit(maybe_fail, 3)
    print(type(f.exception()).__name__, f.done(), f.cancelled(), f.running())
    try:
        f.result()
    except ValueError as e:
        print("result raised", e)
    kw = ex.submit(lambda a, b=0: a - b, 10, b=3)
    print(kw.result())
print("after with")
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

# Cancelling queued work behind a blocked single worker.
gate = threading.Event()
ex = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="solo")
names = []
blocker = ex.submit(lambda: (names.append(threading.current_thread().name), gate.wait(5))[1])
queued = [ex.submit(square, i) for i in range(3)]
print(queued[0].cancel(), queued[0].cancelled(), queued[0].done())
try:
    queued[0].result()
except cf.CancelledError:
    print("CancelledError")
done, not_done = cf.wait([blocker, queued[1]], timeout=0.01)
print("before gate:", len(done), len(not_done))
try:
    blocker.result(timeout=0.01)
except cf.TimeoutError:
    print("TimeoutError", cf.TimeoutError is TimeoutError)
gate.set()
print(blocker.result(), [q.result() for q in queued[1:]])
print(blocker.cancel(), names)
ex.shutdown()

# wait(): FIRST_COMPLETED and FIRST_EXCEPTION.
gate = threading.Event()
with cf.ThreadPoolExecutor(3) as ex:
    slow = ex.submit(gate.wait, 5)
    fast = ex.submit(square, 7)
    done, not_done = cf.wait([slow, fast], return_when=cf.FIRST_COMPLETED)
    print("first completed:", [f.result() for f in done], len(not_done))
    bad = ex.submit(maybe_fail, 3)
    done, not_done = cf.wait([slow, bad], return_when=cf.FIRST_EXCEPTION)
    print("first exception:", [type(f.exception()).__name__ for f in done], len(not_done))
    try:
        list(cf.as_completed([slow], timeout=0.01))
    except cf.TimeoutError as e:
        print("as_completed TimeoutError:", e)
    gate.set()
    done, not_done = cf.wait([slow, fast, bad], return_when=cf.ALL_COMPLETED)
    print(len(done), len(not_done))

# Futures made by hand, callbacks.
f = cf.Future()
calls = []
f.add_done_callback(lambda fut: calls.append(("cb1", fut.result())))
print(f.done(), f.running())
f.set_result(42)
f.add_done_callback(lambda fut: calls.append(("cb2", fut.result())))
print(calls, f.result(), f.exception())
try:
    f.set_result(1)
except cf.InvalidStateError:
    print("InvalidStateError")
g = cf.Future()
g.set_exception(KeyError("k"))
print(type(g.exception()).__name__, g.done())
h = cf.Future()
print(h.cancel(), h.cancel(), h.cancelled())
try:
    h.exception()
except cf.CancelledError:
    print("CancelledError from exception()")
print(h.set_running_or_notify_cancel())
p = cf.Future()
print(p.set_running_or_notify_cancel(), p.running())
p.set_result("x")
print(p.result(), p.cancel())

# Thread names, initializer, shutdown(cancel_futures=True).
inits = []
ilock = threading.Lock()


def init(tag):
    with ilock:
        inits.append(tag)


with cf.ThreadPoolExecutor(2, thread_name_prefix="pool", initializer=init, initargs=("i",)) as ex:
    nm = ex.submit(lambda: threading.current_thread().name).result()
    print(nm.startswith("pool_"), inits[:1])

gate = threading.Event()
ex = cf.ThreadPoolExecutor(1)
started = threading.Event()
first = ex.submit(lambda: (started.set(), gate.wait(5))[1])
started.wait()
rest = [ex.submit(square, i) for i in range(4)]
# Cancel the queued work first, then let the running call finish.
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
ex.shutdown(wait=True)
print(first.result(), [r.cancelled() for r in rest])
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
print(issubclass(cf.CancelledError, Exception), issubclass(cf.InvalidStateError, Exception))


def bad_init():
    raise OSError("init failed")


ex = cf.ThreadPoolExecutor(1, initializer=bad_init)
f = ex.submit(square, 2)
try:
    f.result()
except cf.BrokenExecutor as e:
    print(type(e).__name__)
ex.shutdown()
try:
    cf.ThreadPoolExecutor(0)
except ValueError as e:
    print("ValueError:", e)
