# Classes with __slots__ that also include __dict__, and mixes with slotted bases.

class S:
    __slots__ = ("a", "__dict__")

s = S()
s.a = 1
s.b = 2
s.c = 3
print(s.a, s.b, s.c, vars(s), "a" in s.__dict__)
del s.a
try:
    s.a
except AttributeError as e:
    print(type(e).__name__, e)
print(vars(s))
s.__dict__["a"] = "dict a"
try:
    print(s.a)
except AttributeError as e:
    print("slot wins:", type(e).__name__, e)
print(vars(s))
s.a = "slot a"
print(s.a, vars(s))
del s.a
try:
    print(s.a)
except AttributeError as e:
    print("slot wins:", type(e).__name__, e)

class Slotted:
    __slots__ = ("p", "q")
class Child(Slotted):
    def __init__(self):
        self.p = 1
        self.r = 2
        self.q = 3
        self.s = 4
c = Child()
print(vars(c), c.p, c.q, c.r, c.s)
c.__dict__ = {"r": 20}
print(c.p, c.r, hasattr(c, "s"))

class NoDict:
    __slots__ = ("x",)
n = NoDict()
try:
    n.y = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    vars(n)
except TypeError as e:
    print(type(e).__name__, e)
try:
    n.x
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(n, "__dict__"))

class WithDictSlot(NoDict):
    __slots__ = ("__dict__",)
w = WithDictSlot()
w.x = 1
w.y = 2
print(w.x, vars(w))

# empty slots in a subclass of a normal class: still has a dict
class Normal:
    pass
class EmptySlots(Normal):
    __slots__ = ()
e = EmptySlots()
e.anything = 1
print(vars(e))

# __slots__ and class attribute of the same name in subclass
class Q:
    __slots__ = ("v", "__dict__")
class QQ(Q):
    pass
qq = QQ()
qq.v = 1
qq.other = 2
print(qq.v, vars(qq))
