# __del__: called once per object, before the object's weakref callbacks; an
# exception in it is reported on stderr; resurrection; cycles with __del__.
import gc
import weakref

log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)


a = D("a")
ra = weakref.ref(a, lambda w: log.append("callback a"))
del a
gc.collect()
print(log, ra())
log.clear()

# Called once, even when gc.collect() runs again.
b = D("b")
del b
gc.collect()
gc.collect()
print(log)
log.clear()

# Cycles with __del__ are collected (PEP 442); each __del__ runs once.
c1 = D("c1")
c2 = D("c2")
c1.other = c2
c2.other = c1
rc = weakref.ref(c1)
del c1, c2
gc.collect()
print(sorted(log), rc(), gc.garbage)
log.clear()

# A __del__ that resurrects its object: it is not called again.
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


# An exception in __del__ is printed to stderr and ignored.
class Bad:
    def __del__(self):
        log.append("bad del")
        raise ValueError("from __del__")


x = Bad()
del x
gc.collect()
print(log)
log.clear()


# __del__ inherited, and added to a class after instances exist.
class Sub(D):
    pass


s = Sub("sub")
del s
gc.collect()
print(log)
log.clear()


# __del__ that calls into the collector.
class Collecting:
    def __del__(self):
        gc.collect()
        log.append("collecting del")


col = Collecting()
del col
gc.collect()
print(log)
log.clear()

# Objects only reachable from a dying object with __del__ die with it.
outer = D("outer")
outer.inner = D("inner")
ri = weakref.ref(outer.inner, lambda w: log.append("inner callback"))
del outer
gc.collect()
print(sorted(log))
log.clear()

# Many objects with __del__.
many = [D(str(i)) for i in range(100)]
del many
gc.collect()
print(len(log), len(set(log)))
log.clear()

# A __del__ that creates new objects with __del__.
class Spawner:
    def __del__(self):
        log.append("spawner del")
        global child
        child = D("child")


sp = Spawner()
del sp
gc.collect()
print(log, child.name)
log.clear()
del child
gc.collect()
print(log)
