# getweakrefcount / getweakrefs and the reuse of a callback-less ref, as CPython.
# Weakrefs that are dropped are collected with gc.collect() before counting (CPython
# frees them at once by reference counting).
import gc
import weakref


class Obj:
    pass


def cb(w):
    pass


a = Obj()
print(weakref.getweakrefcount(a), weakref.getweakrefs(a))

# A ref without callback is shared; `None` as callback is no callback.
r1 = weakref.ref(a)
r2 = weakref.ref(a)
r3 = weakref.ref(a, None)
print(r1 is r2, r1 is r3, weakref.getweakrefcount(a))

# With a callback, a new ref each time.
c1 = weakref.ref(a, cb)
c2 = weakref.ref(a, cb)
print(c1 is c2, c1 is r1, weakref.getweakrefcount(a))


# Subclasses are never shared.
class R(weakref.ref):
    pass


s1 = R(a)
s2 = R(a)
print(s1 is s2, s1 is r1, weakref.getweakrefcount(a))

# CPython's list order: the basic ref first, then the others newest first.
refs = weakref.getweakrefs(a)
print(len(refs), refs[0] is r1)
order = [c2, c1, s2, s1]
print([any(x is y for y in refs) for x in order])
print([type(x).__name__ for x in refs])
print([refs.index(x) for x in [c2, c1]] == [1, 2] or sorted(id(x) for x in refs[1:3]) == sorted([id(c1), id(c2)]))

# Dropping weakrefs shrinks the list (after a collection).
del c1, s2
gc.collect()
print(weakref.getweakrefcount(a), len(weakref.getweakrefs(a)))

# The basic ref made after callback refs still goes first.
b = Obj()
bc = weakref.ref(b, cb)
bb = weakref.ref(b)
print(weakref.getweakrefs(b)[0] is bb, weakref.getweakrefs(b)[1] is bc)
del bb
gc.collect()
bb2 = weakref.ref(b)
print(weakref.getweakrefs(b)[0] is bb2, weakref.getweakrefcount(b))

# Once an object dies, its refs are dead and a new object starts with none.
del a
gc.collect()
print(r1(), c2(), s1())
a2 = Obj()
print(weakref.getweakrefcount(a2), weakref.getweakrefs(a2))

# Objects that cannot have weakrefs have none.
for v in [1, "x", (1, 2), [1], None]:
    print(weakref.getweakrefcount(v), weakref.getweakrefs(v))

# Many objects, many refs.
objs = [Obj() for _ in range(50)]
keep = [[weakref.ref(o, cb) for _ in range(i % 4)] for i, o in enumerate(objs)]
basic = [weakref.ref(o) for o in objs]
print(sum(weakref.getweakrefcount(o) for o in objs))
print(all(weakref.getweakrefs(o)[0] is w for o, w in zip(objs, basic)))
del keep
gc.collect()
print(sum(weakref.getweakrefcount(o) for o in objs))
del objs
gc.collect()
print(sum(1 for w in basic if w() is not None))

# Weakrefs to weakrefs, to classes and to functions are listed too.
def f():
    pass


wf = weakref.ref(f)
print(weakref.getweakrefcount(f), weakref.getweakrefcount(wf))
try:
    weakref.ref(wf)
except TypeError as exc:
    print("TypeError:", exc)
ws = weakref.ref(R(f))
gc.collect()
print(ws() is None or type(ws()).__name__)

for bad in [(), (1, 2)]:
    try:
        weakref.getweakrefcount(*bad)
    except TypeError as exc:
        print("TypeError:", exc)
    try:
        weakref.getweakrefs(*bad)
    except TypeError as exc:
        print("TypeError:", exc)
