# Python subclasses of weakref.ref: extra attributes, __slots__, __callback__,
# callbacks that receive the subclass instance, KeyedRef and WeakMethod.
import gc
import weakref


class Obj:
    def meth(self):
        return "meth of obj"


class Tagged(weakref.ref):
    def __new__(cls, ob, callback=None, tag="none"):
        return super().__new__(cls, ob, callback)

    def __init__(self, ob, callback=None, tag="none"):
        super().__init__(ob, callback)
        self.tag = tag

    def describe(self):
        return "Tagged(%s, alive=%s)" % (self.tag, self() is not None)


seen = []


def cb(w):
    seen.append((type(w).__name__, w.tag, w() is None))


a = Obj()
t = Tagged(a, cb, tag="first")
print(t.describe(), t() is a, t.__callback__ is cb, isinstance(t, weakref.ref))
print(type(t).__name__, t.__dict__, sorted(vars(t)))
t.extra = 5
print(t.extra, sorted(t.__dict__))
del t.extra
try:
    t.extra
except AttributeError as exc:
    print("AttributeError:", exc)
u = Tagged(a, tag="second")
print(u.__callback__, u is Tagged(a), weakref.ref(a) is not u)
gc.collect()
print(weakref.getweakrefcount(a))
del a
gc.collect()
print(seen, t.describe(), u.describe())

# A subclass with __slots__ has no __dict__.
class Slotted(weakref.ref):
    __slots__ = ("key", "count")

    def __new__(cls, ob, key):
        self = weakref.ref.__new__(cls, ob)
        self.key = key
        return self

    def __init__(self, ob, key):
        super().__init__(ob)
        self.count = 0


b = Obj()
s = Slotted(b, "k1")
print(s.key, s.count, hasattr(s, "__dict__"))
s.count += 1
print(s.count)
try:
    s.other = 1
except AttributeError as exc:
    print("AttributeError:", exc)
del s.count
try:
    s.count
except AttributeError as exc:
    print("AttributeError:", exc)

# Argument checking of ref.__new__ / __init__.
try:
    Tagged(b, None, "x", "y")
except TypeError as exc:
    print("TypeError:", exc)


class Plain(weakref.ref):
    pass


try:
    Plain(b, None, 3)
except TypeError as exc:
    print("TypeError:", exc)
try:
    Plain(b, callback=None)
except TypeError as exc:
    print("TypeError:", exc)
p = Plain(b)
print(weakref.ref.__init__(p, b), type(p).__name__, p() is b)
try:
    weakref.ref.__init__(p)
except TypeError as exc:
    print("TypeError:", exc)

# KeyedRef, as WeakValueDictionary uses it.
keyed = []
k = weakref.KeyedRef(b, lambda w: keyed.append(w.key), "the-key")
print(k.key, k() is b, isinstance(k, weakref.ref), type(k).__name__)
try:
    weakref.KeyedRef(b, None)
except TypeError as exc:
    print("TypeError:", type(exc).__name__)
wvd = weakref.WeakValueDictionary()
wvd["x"] = b
vr = wvd.valuerefs()
print(len(vr), type(vr[0]).__name__, vr[0].key, vr[0]() is b)
del vr
del s, p
del b
gc.collect()
print(keyed, len(wvd), k())

# WeakMethod is a ref subclass too.
o = Obj()
wm = weakref.WeakMethod(o.meth, lambda w: print("method died", type(w).__name__))
print(isinstance(wm, weakref.ref), wm()(), wm == weakref.WeakMethod(o.meth))
try:
    weakref.WeakMethod(len)
except TypeError as exc:
    print("TypeError:", exc)
del o
gc.collect()
print(wm())


# Subclass with __eq__/__hash__ of its own, used in a dict.
class Named(weakref.ref):
    __slots__ = ("name",)

    def __init__(self, ob, callback=None):
        super().__init__(ob, callback)
        self.name = type(ob).__name__


c = Obj()
n = Named(c)
d = {n: 1}
print(n.name, d[n], n in d, weakref.ref(c) == n)
