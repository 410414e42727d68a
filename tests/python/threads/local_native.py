# threading.local corners: __dict__, descriptors, subclasses with slots and hooks,
# errors, threads from _thread, and dicts that do not outlive their thread.
import _thread
import threading

loc = threading.local()
print(type(loc).__name__, type(loc).__module__, threading.local is _thread._local)
loc.a = 1
print(loc.__dict__, vars(loc) is loc.__dict__)
try:
    loc.__dict__ = {}
except AttributeError as e:
    print("AttributeError")  # the message names the C type '_thread._local'


class Plain(threading.local):
    pass


pl = Plain()
try:
    pl.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(loc, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    getattr(loc, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    del pl.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    pl.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(loc, "_local__table"), hasattr(loc, "_local__args"))
print(isinstance(loc, threading.local), loc.__class__ is threading.local)


class Slotted(threading.local):
    __slots__ = ("fixed",)

    def __init__(self):
        self.fixed = "slot"  # shared by all threads: a slot is not per thread
        self.mine = threading.current_thread().name


class Hooked(threading.local):
    def __getattr__(self, name):
        return "missing:" + name

    def __setattr__(self, name, value):
        super().__setattr__(name, value * 2 if isinstance(value, int) else value)


class Prop(threading.local):
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, x):
        self._v = x + 100


class Custom(threading.local):
    def __getattribute__(self, name):
        if name == "special":
            return "via __getattribute__"
        return super().__getattribute__(name)


s = Slotted()
h = Hooked()
p = Prop()
c = Custom()
h.n = 5
p.v = 1
c.x = "cx"
results = []
lock = threading.Lock()


def worker(tag):
    row = [tag, s.fixed, s.mine, h.nothing, hasattr(h, "n")]
    h.n = 7
    row.append(h.n)
    row.append(p.v)
    p.v = 2
    row.append(p.v)
    row.append(c.special)
    row.append(hasattr(c, "x"))
    c.x = tag
    row.append(c.x)
    row.append(sorted(vars(p)))
    with lock:
        results.append(row)


ts = [threading.Thread(target=worker, args=("t%d" % i,), name="T%d" % i) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for row in sorted(results):
    print(row)
print("main", s.fixed, s.mine, h.n, p.v, c.special, c.x)

# A thread started with _thread directly.
done = threading.Event()
box = []


def raw():
    box.append(hasattr(loc, "a"))
    loc.a = "raw"
    box.append(loc.a)
    done.set()


_thread.start_new_thread(raw, ())
done.wait()
print(box, loc.a)

# Many short threads: each sees a fresh dict.
counter = threading.local()
fresh = []


def short(i):
    fresh.append(getattr(counter, "x", None))
    counter.x = i


for i in range(20):
    t = threading.Thread(target=short, args=(i,))
    t.start()
    t.join()
print(fresh.count(None), len(fresh))

# Locals made inside threads, used by the making thread only.
made = []


def maker(i):
    mine = threading.local()
    mine.v = i
    for _ in range(100):
        mine.v += 1
    made.append(mine.v)


ts = [threading.Thread(target=maker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(made))
