# At exit (here through sys.exit), atexit functions run newest first, with their
# arguments; weakref.finalize's pending finalizers run in reverse creation order at
# the point where the first finalize registered its exit function.
import atexit
import sys
import weakref


class Obj:
    pass


def say(*args, **kwargs):
    print("say", *args, *sorted(kwargs.items()))


def failing():
    raise KeyError("atexit failure")


atexit.register(say, "first", a=1)
atexit.register(failing)
print(atexit.register(say, "second") is say)
removed = atexit.register(say, "removed")
atexit.unregister(removed)
atexit.register(say, "third")

objs = [Obj() for _ in range(4)]
fins = [weakref.finalize(o, say, "finalize", i) for i, o in enumerate(objs)]
fins[1].atexit = False
fins[2]()
print([f.alive for f in fins], [f.atexit for f in fins])


# A finalizer created by another finalizer at exit runs too.
def spawn():
    print("spawn")
    weakref.finalize(objs[0], say, "spawned")


weakref.finalize(objs[1], spawn)
atexit.register(say, "last registered")
try:
    atexit.register(42)
except TypeError as exc:
    print("TypeError:", exc)
print("exiting")
sys.exit(3)
