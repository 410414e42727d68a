# concurrent.futures corners: Future state transitions, callbacks on done futures and
# callbacks that raise, map() with several iterables / timeouts / errors, shutdown
# variants, as_completed and wait() edge cases, argument validation.
import concurrent.futures as cf
import threading


def state(f):
    return (f.running(), f.done(), f.cancelled())


# A pending future can be cancelled; a running one cannot; a finished one cannot.
f = cf.Future()
print("pending", state(f))
print("running?", f.set_running_or_notify_cancel(), state(f), f.cancel())
f.set_result(None)
print("finished", state(f), f.cancel(), f.result(), f.exception(timeout=0))
try:
    f.set_running_or_notify_cancel()
except RuntimeError as e:
    print("RuntimeError:", e)
g = cf.Future()
try:
    g.result(timeout=0.01)
except cf.TimeoutError:
    print("result TimeoutError")
try:
    g.exception(timeout=0)
except cf.TimeoutError:
    print("exception TimeoutError")
g.set_exception(ZeroDivisionError("zero"))
try:
    g.result()
except ZeroDivisionError as e:
    print("result re-raised:", repr(e), g.exception() is g.exception())
try:
    g.set_exception(ValueError())
except cf.InvalidStateError as e:
    print("InvalidStateError", isinstance(e, cf.InvalidStateError))

# Callbacks: run in order of registration, at once on a done future, in the thread
# that completes the future; an exception in a callback is logged, not raised.
log = []
f = cf.Future()
f.add_done_callback(lambda fut: log.append("first"))
f.add_done_callback(lambda fut: 1 / 0)
f.add_done_callback(lambda fut: log.append("third"))
t = threading.Thread(target=f.set_result, args=(5,), name="completer")
f.add_done_callback(lambda fut: log.append(threading.current_thread().name))
t.start()
t.join()
print(log)
f.add_done_callback(lambda fut: log.append(("late", fut.result())))
print(log[-1])
c = cf.Future()
c.add_done_callback(lambda fut: log.append(("cancelled cb", fut.cancelled())))
c.cancel()
print(log[-1])

with cf.ThreadPoolExecutor(max_workers=3) as ex:
    # map() zips several iterables, stopping at the shortest; results keep input order.
    print(list(ex.map(lambda a, b, c: a * b + c, [1, 2, 3, 4], (10, 20, 30), range(100))))
    print(list(ex.map(str.upper, [])), list(ex.map(abs, [-1, -2], chunksize=5)))
    # An exception in one item is raised when iteration reaches it.
    it = ex.map(lambda x: 10 // x, [5, 2, 0, 1])
    print(next(it), next(it))
    try:
        next(it)
    except ZeroDivisionError as e:
        print("map raised:", e)
    # map() with a timeout: a slow item raises TimeoutError from the iterator.
    gate = threading.Event()
    it = ex.map(lambda x: gate.wait(5) and x, [1, 2], timeout=0.02)
    try:
        list(it)
    except cf.TimeoutError:
        print("map TimeoutError")
    gate.set()
    # as_completed: duplicates are yielded once; done futures come at once.
    done_f = ex.submit(pow, 2, 10)
    done_f.result()
    print([x.result() for x in cf.as_completed([done_f, done_f, done_f])])
    print(list(cf.as_completed([])))
    # wait(): empty input, timeout=0, FIRST_EXCEPTION with no exception waits for all.
    print([len(s) for s in cf.wait([])])
    gate2 = threading.Event()
    slow = ex.submit(gate2.wait, 5)
    r = cf.wait([slow, done_f], timeout=0)
    print("timeout=0:", len(r.done), len(r.not_done), type(r).__name__, r._fields)
    threading.Timer(0.01, gate2.set).start()
    r = cf.wait([slow, done_f], return_when=cf.FIRST_EXCEPTION)
    print("first exception, none raised:", len(r.done), len(r.not_done))
    # submit() passes fn as positional-only, so "fn" can be a keyword argument.
    print(ex.submit(lambda **kw: sorted(kw), fn=1, self=2).result())

# as_completed with a timeout raises TimeoutError naming the unfinished count.
gate = threading.Event()
ex = cf.ThreadPoolExecutor(2, thread_name_prefix="corner")
fs = [ex.submit(gate.wait, 5) for _ in range(2)] + [ex.submit(int, "7")]
got = []
try:
    for x in cf.as_completed(fs, timeout=0.05):
        got.append(x.result())
except cf.TimeoutError as e:
    print("as_completed:", got, e)
names = []
fs.append(ex.submit(lambda: names.append(threading.current_thread().name)))
gate.set()
cf.wait(fs)
print(names[0].startswith("corner_"), [x.result() for x in fs[:3]])
# shutdown twice is fine; submit after shutdown raises.
ex.shutdown()
ex.shutdown(wait=True)
try:
    ex.submit(int)
except RuntimeError as e:
    print("RuntimeError:", e)

# shutdown(wait=True, cancel_futures=True) cancels what has not started yet.
gate = threading.Event()
started = threading.Event()
ex = cf.ThreadPoolExecutor(1)
running = ex.submit(lambda: (started.set(), gate.wait(5), "ran")[2])
started.wait(5)
pending = [ex.submit(int, i) for i in range(3)]
# Cancelling the last queued call (after the others: the queue drains in order) opens
# the gate, so the running call ends while shutdown waits for it.
pending[-1].add_done_callback(lambda fut: gate.set())
ex.shutdown(wait=True, cancel_futures=True)
print(running.result(), [p.cancelled() for p in pending], running.done())

# The default thread name prefix.
with cf.ThreadPoolExecutor() as ex:
    name = ex.submit(lambda: threading.current_thread().name).result()
print(name.startswith("ThreadPoolExecutor-"), name.rsplit("_", 1)[1])

# Argument validation.
for bad in (lambda: cf.ThreadPoolExecutor(-1), lambda: cf.ThreadPoolExecutor(0),
            lambda: cf.ThreadPoolExecutor(1, initializer=5)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    cf.wait([cf.Future()], return_when="sometime")
except ValueError as e:
    print("ValueError:", e)
