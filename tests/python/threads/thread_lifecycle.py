# Thread lifecycle corners: default names, daemon inheritance, idents, enumerate and
# active_count around joins, start/join misuse, excepthook for a run() override.
import _thread
import threading


def target_fn():
    pass


# Default names: "Thread-N (target)" with a target, "Thread-N" without; N counts up
# across the program, so compare the numbers relative to each other.
a = threading.Thread(target=target_fn)
b = threading.Thread()
c = threading.Thread(target=lambda: None)
d = threading.Thread(target=target_fn, name=42)


def number(t):
    return int(t.name.split("-")[1].split(" ")[0])


print(a.name.endswith(" (target_fn)"), b.name.count(" "), c.name.endswith(" (<lambda>)"))
print(number(b) - number(a), number(c) - number(b), repr(d.name))


class Named(threading.Thread):
    pass


n = Named()
print(n.name.startswith("Thread-"), n.name.count("("), number(n) - number(c))
print(a.is_alive(), a.ident, a.native_id)

# start() twice, join() before start, join of the current thread.
a.start()
a.join()
for label, action in (("start again", a.start), ("join unstarted", b.join),
                      ("join self", threading.current_thread().join)):
    try:
        action()
    except RuntimeError as e:
        print(label, "RuntimeError:", e)
print(a.is_alive(), a.ident is not None)

# A thread inherits daemon from the thread that creates it.
flags = []


def spawner():
    inner = threading.Thread(target=target_fn)
    explicit = threading.Thread(target=target_fn, daemon=False)
    flags.append((threading.current_thread().daemon, inner.daemon, explicit.daemon))


for daemon in (True, False):
    t = threading.Thread(target=spawner, daemon=daemon)
    t.start()
    t.join()
print(flags, threading.Thread(target=target_fn).daemon)

# get_ident() and current_thread().ident agree inside each thread and differ between
# live threads.
rows = []
rlock = threading.Lock()
hold = threading.Event()


def ident_check(i):
    me = threading.current_thread()
    with rlock:
        rows.append((i, me.ident == threading.get_ident() == _thread.get_ident(),
                     me in threading.enumerate(), me.name))
    hold.wait()


ts = [threading.Thread(target=ident_check, args=(i,), name="ic%d" % i) for i in range(3)]
base = threading.active_count()
for t in ts:
    t.start()
while True:
    with rlock:
        if len(rows) == 3:
            break
    hold.wait(0.001)
print(sorted(rows))
print("while blocked:", threading.active_count() - base, len({t.ident for t in ts}))
names = sorted(t.name for t in threading.enumerate() if t.name.startswith("ic"))
print(names, all(t.is_alive() for t in ts))
hold.set()
for t in ts:
    t.join()
print("after joins:", threading.active_count() - base,
      [t.name for t in threading.enumerate() if t.name.startswith("ic")])
print(threading.main_thread() is threading.current_thread(),
      threading.main_thread().ident == threading.get_ident(),
      threading.main_thread().name)

# A run() override that raises goes to threading.excepthook with the thread object.
seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                 args.thread is current[0], args.thread.is_alive()))


class Failing(threading.Thread):
    def __init__(self, msg):
        super().__init__(name="failing")
        self.msg = msg

    def run(self):
        raise KeyError(self.msg)


old = threading.excepthook
threading.excepthook = hook
current = [None]
f = Failing("oops")
current[0] = f
f.start()
f.join()
threading.excepthook = old
print(seen, f.is_alive())

# A thread started by _thread is seen by threading as a dummy thread.
dummy = []
done = threading.Event()


def raw():
    t = threading.current_thread()
    dummy.append((type(t).__name__, t.name.startswith("Dummy-"), t.daemon, t.is_alive()))
    done.set()


_thread.start_new_thread(raw, ())
done.wait(5)
print(dummy)

# Thread keeps args and kwargs for run(); a subclass can read them.
class Echo(threading.Thread):
    def run(self):
        self.got = (self._args, self._kwargs)
        super().run()


out = []
e = Echo(target=lambda *a, **k: out.append((a, sorted(k.items()))), args=(1, 2), kwargs={"x": 3})
e.start()
e.join()
print(out)
print(hasattr(e, "_target"), e.got == ((1, 2), {"x": 3}) or e.got)
print(callable(threading.gettrace), callable(threading.getprofile),
      threading.gettrace(), threading.getprofile())
