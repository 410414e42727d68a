# weakref.ref, callbacks, __del__ order, and the weak containers. Objects are freed
# by reference counting in CPython and by collections in hotpy: gc.collect() after
# each `del` makes both print the same.
import gc
import weakref

log = []


class Thing:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Thing(%s)" % self.name


class WithDel(Thing):
    def __del__(self):
        log.append("del " + self.name)


a = Thing("a")
r = weakref.ref(a)
print(r() is a, r() is r(), weakref.ref is weakref.ReferenceType)
print(type(r).__name__, type(r).__module__)
print(hash(r) == hash(a), r == weakref.ref(a), r != weakref.ref(a))
print(r.__callback__)
del a
gc.collect()
print(r(), r.__callback__)

b = Thing("b")
rb = weakref.ref(b, lambda w: log.append("callback b, alive: %s" % (w() is not None)))
print(rb.__callback__ is not None)
del b
gc.collect()
print(log, rb(), rb.__callback__)
log.clear()

# __del__ runs first, then the weakref callback (reference-counting order).
c = WithDel("c")
rc = weakref.ref(c, lambda w: log.append("callback c"))
del c
gc.collect()
print(log)
log.clear()

# A finalizer runs once, even if it resurrects its object.
saved = []


class Phoenix:
    def __del__(self):
        log.append("phoenix del")
        saved.append(self)


p = Phoenix()
del p
gc.collect()
print(log, len(saved))
saved.clear()
gc.collect()
gc.collect()
print(log)
log.clear()

# Errors.
for bad in (1, "s", [1], (1,), {1: 2}, None):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)


class MyList(list):
    pass


ml = MyList([1, 2])
print(weakref.ref(ml)() == [1, 2])


def f():
    return 1


print(weakref.ref(f)() is f, weakref.ref(Thing)() is Thing)

# A dead weakref keeps its hash if it was hashed while alive; equality is identity.
d = Thing("d")
rd1, rd2 = weakref.ref(d), weakref.ref(d, lambda w: None)  # a callback: two objects
h = hash(rd1)
del d
gc.collect()
print(hash(rd1) == h, rd1 == rd2, rd1 == rd1)
try:
    hash(rd2)
except TypeError as e:
    print("TypeError:", e)

# WeakValueDictionary
wvd = weakref.WeakValueDictionary()
keep = Thing("keep")
drop = Thing("drop")
wvd["k"] = keep
wvd["d"] = drop
print(sorted(wvd.keys()), "d" in wvd, wvd.get("d"))
del drop
gc.collect()
print(sorted(wvd.keys()), "d" in wvd, wvd.get("d"), len(wvd), wvd["k"])

# WeakKeyDictionary
wkd = weakref.WeakKeyDictionary()
k1, k2 = Thing("k1"), Thing("k2")
wkd[k1] = 1
wkd[k2] = 2
print(len(wkd), wkd[k1], k2 in wkd)
del k2
gc.collect()
print(len(wkd), [t.name for t in wkd.keys()], list(wkd.values()))

# WeakSet
ws = weakref.WeakSet()
s1, s2 = Thing("s1"), Thing("s2")
ws.add(s1)
ws.add(s2)
ws.add(s1)
print(len(ws), s1 in ws)
del s1
gc.collect()
print(len(ws), [t.name for t in ws])

# finalize
def bye(name, punct="!"):
    log.append("bye " + name + punct)


e = Thing("e")
fz = weakref.finalize(e, bye, "e", punct="?")
print(fz.alive, fz.peek()[1] is bye)
del e
gc.collect()
print(log, fz.alive, fz())
log.clear()
g2 = Thing("g")
fz2 = weakref.finalize(g2, bye, "g")
print(fz2(), fz2(), log)

# WeakMethod
class Greeter:
    def hello(self):
        return "hello"


gr = Greeter()
wm = weakref.WeakMethod(gr.hello)
print(wm()(), wm() == gr.hello)
del gr
gc.collect()
print(wm())
