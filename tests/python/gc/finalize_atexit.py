# weakref.finalize: called when the object dies, when called, or at exit (newest
# first, only those with atexit set); alive, peek, detach, atexit attribute.
import atexit
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name


def report(*args, **kwargs):
    print("finalized", args, sorted(kwargs.items()))
    return "result"


atexit.register(print, "user atexit registered before any finalize")

a = Obj("a")
fa = weakref.finalize(a, report, "a", extra=1)
print(fa.alive, fa.atexit, fa.peek()[1:] == (report, ("a",), {"extra": 1}), fa.peek()[0] is a)
print(repr(fa).startswith("<finalize object at 0x") and "for 'Obj' at 0x" in repr(fa))
del a
gc.collect()
print(fa.alive, fa.peek(), fa(), repr(fa).endswith("; dead>"))

# Calling it runs it once, returning the function's result.
b = Obj("b")
fb = weakref.finalize(b, report, "b")
print(fb(), fb.alive, fb())
del b
gc.collect()

# detach: no longer runs, hands back what it would have called.
c = Obj("c")
fc = weakref.finalize(c, report, "c")
obj, func, args, kwargs = fc.detach()
print(obj is c, func is report, args, kwargs, fc.alive, fc.detach(), fc.peek())
del obj, c
gc.collect()

# atexit can be switched off; then only dying or calling runs it.
keep = []
for name in ["x1", "x2", "x3", "x4"]:
    o = Obj(name)
    keep.append(o)
    f = weakref.finalize(o, report, "at exit", name)
    if name == "x3":
        f.atexit = False
    print(name, f.atexit)
del o, f

# A finalizer whose function raises: reported on stderr, the program goes on.
def bad():
    raise RuntimeError("finalizer failed")


d = Obj("d")
weakref.finalize(d, bad)
del d
gc.collect()
print("after bad finalizer")

# A finalizer that is garbage itself still runs (the registry keeps it).
e = Obj("e")
weakref.finalize(e, report, "e, finalizer not kept")
del e
gc.collect()


# finalize on a bound method's object, with kwargs only.
class Res:
    def __init__(self):
        self.closed = False
        self._fin = weakref.finalize(self, report, "resource", how="collected")

    def close(self):
        self._fin()


r = Res()
r.close()
print(r._fin.alive)
r2 = Res()
del r2
gc.collect()

atexit.register(print, "user atexit registered after finalize")
print("end of main")
