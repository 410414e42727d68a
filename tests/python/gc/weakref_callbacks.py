# Weakref callbacks: when they run, in which order, what they get, and what happens
# when one raises. CPython frees by reference counting at `del`; hotpy frees in
# collections, so every `del` that should free is followed by gc.collect().
import gc
import weakref

log = []


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name


def logger(tag):
    def cb(w):
        log.append((tag, w() is None, type(w).__name__))
    return cb


# Several callbacks on one object: CPython calls the newest first.
a = Obj("a")
refs = [weakref.ref(a, logger(i)) for i in range(4)]
del a
gc.collect()
print("order:", log)
log.clear()

# The callback gets the dead weakref itself.
got = []
b = Obj("b")
rb = weakref.ref(b, got.append)
del b
gc.collect()
print(len(got), got[0] is rb, rb(), rb.__callback__)

# A callback runs once; the weakref stays dead.
gc.collect()
print(len(got))

# No callback when the weakref dies first.
c = Obj("c")
rc = weakref.ref(c, logger("c"))
del rc
gc.collect()
del c
gc.collect()
print("after ref died first:", log)

# A callback that raises: reported on stderr, the others still run.
def boom(w):
    log.append("boom")
    raise ValueError("in callback")


d = Obj("d")
r1 = weakref.ref(d, logger("first"))
r2 = weakref.ref(d, boom)
r3 = weakref.ref(d, logger("third"))
del d
gc.collect()
print("with exception:", log)
log.clear()

# Callbacks of objects kept alive through a container die together.
holder = [Obj("x%d" % i) for i in range(3)]
hrefs = [weakref.ref(o, logger(o.name)) for o in holder]
del holder
gc.collect()
print(sorted(t for t, _, _ in log), [r() for r in hrefs])
log.clear()

# Hash is kept after death once computed; equality falls back to identity.
e = Obj("e")
re1 = weakref.ref(e)
re2 = weakref.ref(e, logger("e"))
h = hash(re1)
print(h == hash(e), re1 == re2, re1 != re2)
del e
gc.collect()
print(hash(re1) == h, re1 == re2, re1 == re1)
try:
    hash(re2)
except TypeError as exc:
    print("TypeError:", exc)

# A callback may create new weakrefs and objects.
made = []


def make_more(w):
    n = Obj("new")
    made.append((n, weakref.ref(n)))


f = Obj("f")
rf = weakref.ref(f, make_more)
del f
gc.collect()
print(len(made), made[0][1]() is made[0][0])

# Weak references to things that cannot have them.
for v in [1, 2.5, "s", b"b", (1,), [1], {1: 2}, None, True]:
    try:
        weakref.ref(v)
    except TypeError as exc:
        print("TypeError:", exc)

# What can be weakly referenced.
def fn():
    pass


class K:
    def m(self):
        pass


for v in [fn, K, K().m, {1}, frozenset(), weakref, (x for x in ())]:
    print(type(v).__name__, weakref.ref(v)() is v)

try:
    weakref.ref()
except TypeError as exc:
    print("TypeError:", exc)
try:
    weakref.ref(K(), None, 3)
except TypeError as exc:
    print("TypeError:", exc)
try:
    weakref.ref(K(), callback=None)
except TypeError as exc:
    print("TypeError:", exc)
w = weakref.ref(fn)
try:
    w(1)
except TypeError as exc:
    print("TypeError:", exc)
