# Polymorphic attribute sites: one expression sees objects of different classes and
# objects whose attribute sets/orders differ.

class A:
    def __init__(self, v):
        self.x = v
class B:
    def __init__(self, v):
        self.y = 0
        self.x = v
class C:
    x = "class C x"
class D:
    @property
    def x(self):
        return "property D x"
class E:
    __slots__ = ("x",)
    def __init__(self, v):
        self.x = v
class F(A):
    pass

def getx(o):
    return o.x

objs = [A(1), B(2), C(), D(), E(5), F(6)]
o_ord = A(7); o_ord.z = 1
o_rev = A.__new__(A); o_rev.z = 1; o_rev.x = 8
objs += [o_ord, o_rev]
for rnd in range(3):
    print([getx(o) for o in objs])

# store site over varying shapes
def setx(o, v):
    o.x = v
for rnd in range(3):
    for i, o in enumerate(objs):
        if isinstance(o, (C, D)):
            continue
        setx(o, rnd * 10 + i)
    print([getx(o) for o in objs])
print([list(vars(o)) for o in objs if hasattr(o, "__dict__")])

# One site before and after `del obj.x`
class P:
    x = "class P x"
p = P()
results = []
for i in range(10):
    if i == 3:
        p.x = "inst"
    if i == 6:
        del p.x
    results.append(getx(p))
print(results)

# same site, instance loses attr (no class fallback) -> AttributeError
q = A(1)
out = []
for i in range(6):
    if i == 3:
        del q.x
    try:
        out.append(getx(q))
    except AttributeError as e:
        out.append(str(e))
print(out)

# same attribute names, different classes, different positions
class X1:
    def __init__(self):
        self.a = 1; self.b = 2; self.c = 3
class X2:
    def __init__(self):
        self.c = 30; self.b = 20; self.a = 10
class X3:
    def __init__(self):
        self.b = 200; self.zz = 0; self.a = 100; self.c = 300
def abc(o):
    return o.a * 1 + o.b * 1000 + o.c * 1000000
mix = [X1(), X2(), X3()] * 5
print([abc(o) for o in mix][:6], sum(abc(o) for o in mix))

# method call site over instances where some shadow the method
class M:
    def f(self):
        return "M.f"
ms = [M() for _ in range(5)]
ms[2].f = lambda: "inst f"
def callf(o):
    return o.f()
print([callf(m) for m in ms] * 1)
del ms[2].f
print([callf(m) for m in ms])

# attribute load on a class object vs instance through same site
class K:
    x = "K.x"
print([getx(o) for o in [K, K(), A(3), K]])

# module object and instance through same site
import types
mod = types.ModuleType("m")
mod.x = "module x"
print([getx(o) for o in [mod, A(9), mod]])

# loops with polymorphic sites and method-based reads
def total(items):
    t = 0
    for o in items:
        t += o.x
    return t
pool = []
for i in range(300):
    k = i % 4
    if k == 0:
        o = A(i)
    elif k == 1:
        o = B(i)
    elif k == 2:
        o = F(i)
        o.extra = 1
    else:
        o = A.__new__(A)
        o.pad = 0
        o.x = i
    pool.append(o)
print(total(pool), total(pool[::-1]))
