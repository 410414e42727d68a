# Replacing obj.__dict__ wholesale.

class C:
    pass

o = C()
o.a = 1; o.b = 2
old = o.__dict__
o.__dict__ = {"x": 10, "y": 20}
print(vars(o), o.x, o.y, hasattr(o, "a"))
print(old, old is o.__dict__)
old["c"] = 3
print(hasattr(o, "c"), old)
o.z = 30
print(vars(o), old)

new = {"p": 1}
o.__dict__ = new
print(o.__dict__ is new)
o.q = 2
print(new)
new["r"] = 3
print(o.r)
del o.p
print(new)

for bad in ([1, 2], None, ()):
    try:
        o.__dict__ = bad
    except TypeError as e:
        print("TypeError")
print(vars(o))

# dict subclass
class MyDict(dict):
    pass

m = MyDict(a=1)
o2 = C()
o2.__dict__ = m
print(type(o2.__dict__).__name__, o2.__dict__ is m, o2.a)
o2.b = 2
print(m, type(vars(o2)).__name__)

# dict subclass with __getitem__/__missing__: CPython's attribute lookup ignores overrides
class Loud(dict):
    def __getitem__(self, k):
        return "from getitem"
    def __missing__(self, k):
        return "missing"
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, ("wrapped", v))

o3 = C()
o3.__dict__ = Loud(a=1)
print(o3.a)
o3.b = 2
print(dict.__getitem__(o3.__dict__, "b"))
try:
    o3.zz
except AttributeError as e:
    print("AttributeError", e)
print(o3.__dict__["a"])

# replacement with a dict that is shared between instances
shared = {"s": 1}
i1 = C(); i2 = C()
i1.__dict__ = shared
i2.__dict__ = shared
i1.t = 2
print(i2.t, i1.__dict__ is i2.__dict__)
del i2.s
print(hasattr(i1, "s"), shared)

# after replacement, reading through a loop site
objs = [C() for _ in range(4)]
for i, ob in enumerate(objs):
    ob.v = i
objs[2].__dict__ = {"v": 200, "w": 1}
print([ob.v for ob in objs])
objs[1].__dict__ = {}
print([getattr(ob, "v", None) for ob in objs])

# replace __dict__ on a subclass instance
class D(C):
    def __init__(self):
        self.base = 1
dd = D()
dd.__dict__ = {"other": 2}
print(vars(dd), hasattr(dd, "base"))

# replace __dict__ with a dict containing non-str keys
o4 = C()
o4.__dict__ = {1: "one", "a": "A"}
print(o4.a, vars(o4))

# replace with itself
o5 = C(); o5.k = 1
o5.__dict__ = o5.__dict__
print(vars(o5))
o5.__dict__ = dict(o5.__dict__)
o5.k2 = 2
print(vars(o5))
