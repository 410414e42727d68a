# Attribute stores/loads inside loops that run many times, then a class change in the
# middle of the loop.

class C:
    def __init__(self):
        self.x = 0

o = C()
log = []
for i in range(200):
    if i == 100:
        C.x = property(lambda self: -1, lambda self, v: log.append(v))
    o.x = i
    if i % 25 == 0 or i in (99, 100, 101):
        log.append(("read", i, o.x))
print(log)
print(vars(o))
del C.x
print(o.x)

# Load site warmed with instance attribute, then class gains a data descriptor without setter
class D:
    pass
ds = [D() for _ in range(3)]
for d in ds:
    d.v = "inst"
res = []
for i in range(60):
    if i == 30:
        D.v = property(lambda self: "prop")
    if i == 45:
        del D.v
    res.append(ds[i % 3].v)
print(res[28:33], res[43:48], res[-1])

# store site warmed, then __setattr__ added to class
class E:
    pass
e = E()
seen = []
for i in range(60):
    if i == 30:
        E.__setattr__ = lambda self, n, v: seen.append((n, v))
    e.k = i
print(e.k, seen[:3], len(seen))
del E.__setattr__
e.k = "back"
print(e.k)

# load site warmed, then __getattribute__ added
class F:
    pass
f = F()
f.a = 1
vals = []
for i in range(40):
    if i == 20:
        F.__getattribute__ = lambda self, n: "intercepted"
    vals.append(f.a)
print(vals[18:22])
del F.__getattribute__
print(f.a)

# method call site warmed, then the method is replaced on the class and on the instance
class G:
    def m(self):
        return 1
g = G()
acc = []
for i in range(90):
    if i == 30:
        G.m = lambda self: 2
    if i == 60:
        g.m = lambda: 3
    acc.append(g.m())
print(acc[29:31], acc[59:61], sum(acc))

# class attribute load site warmed, class attribute changed
class H:
    count = 0
h = H()
tot = 0
for i in range(100):
    if i == 50:
        H.count = 10
    tot += h.count
print(tot)
h.count = 1000
print(h.count, H.count)

# Base class change visible through subclass instances in a warm loop
class Base:
    val = 1
class Sub(Base):
    pass
s = Sub()
tot = 0
for i in range(100):
    if i == 40:
        Base.val = 2
    if i == 70:
        Sub.val = 3
    tot += s.val
print(tot)

# store site warmed, then the class gains a descriptor with __set__ but no __get__
class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__["s"] = ("via __set__", value)
class SO:
    pass
so = SO()
for i in range(60):
    if i == 30:
        SO.s = SetOnly()
    so.s = i
    if i in (29, 30, 59):
        print(i, so.s)
del SO.s
so.s = "plain"
print(so.s)

# __class__ change during a warm loop
class R1:
    def __init__(self):
        self.r = "inst"
    kind = "R1"
class R2:
    kind = "R2"
    @property
    def r(self):
        return "R2 property"
ro = R1()
seq = []
for i in range(40):
    if i == 20:
        ro.__class__ = R2
    if i == 30:
        ro.__class__ = R1
    seq.append((ro.kind, ro.r))
print(seq[19], seq[20], seq[30])

# many stores to many instances in a loop; shape stays consistent
class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y
pts = [Pt(i, -i) for i in range(500)]
for rnd in range(4):
    for p in pts:
        p.x += 1
        p.y -= 1
print(sum(p.x for p in pts), sum(p.y for p in pts), vars(pts[7]))
