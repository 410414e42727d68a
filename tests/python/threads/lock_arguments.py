# How _thread.lock parses its arguments (CPython 3.11: "|iO:acquire"): positional and
# keyword forms, integer-only blocking, numeric timeouts and their overflow messages,
# methods that take no arguments; excepthook's argument type.
import _thread
import threading


def show(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def fresh():
    return _thread.allocate_lock()


for v in (0, 0.0, 0.01, True, 9223372036, 9223372037, 9223372036.9, 1e10, 2 ** 63,
          -1e100, 10 ** 400, -2, -1, float("inf")):
    label = "timeout=%s" % (v if v != 10 ** 400 else "10**400")
    # A free lock: valid timeouts return True at once, bad ones raise.
    show(label, lambda: fresh().acquire(timeout=v))
held = fresh()
held.acquire()
for v in (0, 0.0, 0.005, False):
    show("held, timeout=%r" % (v,), lambda: held.acquire(timeout=v))

for b in (None, 2.5, [], "", 0.0, -1, 0, 2 ** 40, 2 ** 70, False):
    lk = fresh()
    show("blocking=%r" % (b if not isinstance(b, int) or b < 2 ** 32 else "big"),
         lambda: lk.acquire(b))

show("three keywords", lambda: fresh().acquire(blocking=True, timeout=1, x=1))
show("three positionals", lambda: fresh().acquire_lock(1, 2, 3))
show("two positionals and keyword", lambda: fresh().acquire(1, 0.01, timeout=2))
show("name and position", lambda: fresh().acquire(True, blocking=True))
show("positional then timeout", lambda: fresh().acquire(1, timeout=0.01))
show("unknown keyword", lambda: fresh().acquire(x=0))
show("keywords only", lambda: fresh().acquire(timeout=0, blocking=True))
show("release(1)", lambda: fresh().release(1))
show("locked(1)", lambda: fresh().locked(1))
show("locked(x=1)", lambda: fresh().locked(x=1))
show("held, non-blocking", lambda: held.acquire(0))
show("held, blocking 0.01", lambda: held.acquire(1, 0.01))
show("held, __enter__ args", lambda: held.__enter__(False))
show("__exit__ extra args", lambda: held.__exit__(1, 2, 3, 4))
show("after __exit__", held.locked)
show("threading.Lock keywords", lambda: threading.Lock().acquire(blocking=False))
show("excepthook(1)", lambda: threading.excepthook(1))
show("excepthook(tuple)", lambda: threading.excepthook((ValueError, None, None, None)))
