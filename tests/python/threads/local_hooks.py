# threading.local subclasses (per-thread __init__, __init__ that raises, properties,
# __dict__) and the exception hooks: threading.excepthook's default text on a
# redirected sys.stderr, and a raising excepthook falling back to sys.excepthook.
import io
import sys
import threading

inits = []
ilock = threading.Lock()


class Ctx(threading.local):
    kind = "class-level"

    def __init__(self, base, *, tag="t"):
        with ilock:
            inits.append((base, tag, threading.current_thread().name))
        self.base = base
        self.tag = tag
        self._n = 0

    @property
    def n(self):
        return self._n

    @n.setter
    def n(self, v):
        self._n = v * 10


ctx = Ctx(7, tag="x")
ctx.n = 1
out = []


def use(k):
    before = sorted(vars(ctx))
    ctx.n = k
    ctx.kind = "own-%d" % k
    with ilock:
        out.append((threading.current_thread().name, before, ctx.base, ctx.tag, ctx.n,
                    ctx.kind, type(ctx).kind))


ts = [threading.Thread(target=use, args=(k,), name="u%d" % k) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for row in sorted(out):
    print(row)
print(sorted(inits))
print("main:", ctx.n, ctx.kind, isinstance(ctx, threading.local))

# An __init__ that fails in a thread makes that thread's first access raise; the next
# access tries __init__ again.
class Flaky(threading.local):
    def __init__(self):
        if threading.current_thread().name == "flaky" and not tries:
            tries.append(1)
            raise RuntimeError("init failed once")
        self.ok = True


tries = []
fl = Flaky()
res = []


def touch():
    for _ in range(2):
        try:
            res.append(fl.ok)
        except RuntimeError as e:
            res.append(str(e))


t = threading.Thread(target=touch, name="flaky")
t.start()
t.join()
print(res)

# Each thread's __dict__ is its own; it cannot be replaced.
data = threading.local()
data.x = 1
d_main = data.__dict__
other = []
t = threading.Thread(target=lambda: other.append((data.__dict__ is d_main, dict(data.__dict__))))
t.start()
t.join()
print(other, data.__dict__ is d_main)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
try:
    del data.nothing
except AttributeError as e:
    print("AttributeError:", e)
setattr(data, "y", 2)
delattr(data, "x")
print(sorted(vars(data)), getattr(data, "x", "gone"))

# The default threading.excepthook writes to sys.stderr as it is when the thread fails.
def fail(msg):
    raise ValueError(msg)


saved = sys.stderr
sys.stderr = buf = io.StringIO()
try:
    t = threading.Thread(target=fail, args=("to stderr",), name="writer")
    t.start()
    t.join()
finally:
    sys.stderr = saved
lines = buf.getvalue().splitlines()
print(lines[0])
print(lines[1])
print(lines[-1])

# An excepthook that raises: "Exception in threading.excepthook:" goes to stderr and
# sys.excepthook gets the hook's own exception.
caught = []


def bad_hook(args):
    raise KeyError("from hook: " + str(args.exc_value))


def sys_hook(tp, val, tb):
    caught.append((tp.__name__, str(val), tb is not None))


old_hook, old_sys = threading.excepthook, sys.excepthook
threading.excepthook, sys.excepthook = bad_hook, sys_hook
sys.stderr = buf = io.StringIO()
try:
    t = threading.Thread(target=fail, args=("inner",))
    t.start()
    t.join()
finally:
    sys.stderr = saved
    threading.excepthook, sys.excepthook = old_hook, old_sys
print(caught, buf.getvalue().splitlines()[:1])

# SystemExit in a thread reaches a custom excepthook too (the default one ignores it).
quiet = []
threading.excepthook = lambda args: quiet.append(args.exc_type.__name__)
t = threading.Thread(target=sys.exit, args=(4,))
t.start()
t.join()
threading.excepthook = old_hook
print(quiet, threading.excepthook is threading.__excepthook__)
