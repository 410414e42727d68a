# Instance attributes kept inline by shape, and every way an instance leaves that mode:
# out-of-order stores, deletions, __dict__ access, __class__ assignment, many attributes.
class A:
    def __init__(self, x):
        self.x = x
        self.y = x + 1


a = A(1)
b = A(2)
print(a.__dict__, vars(b))
c = A(3)
del c.x
print(c.__dict__)
c.x = 5
print(c.__dict__, c.x, c.y)
d = A(4)
del d.y
d.z = 1
print(d.__dict__)
d.y = 2
print(d.__dict__, d.y)
e = A(5)
e.__dict__["w"] = 9
print(e.w, e.__dict__)
e.__dict__ = {"k": 1}
print(e.__dict__, hasattr(e, "x"), e.k)


class B:
    pass


f = A(6)
f.__class__ = B
print(f.__dict__, f.x, type(f).__name__)
for i in range(40):
    setattr(a, "a%d" % i, i)
print(len(a.__dict__), a.a39, b.x, b.y)
g = A(7)
g.q = 1
print([n for n in dir(g) if not n.startswith("_")], g.q)
del g.q
print(hasattr(g, "q"))
try:
    del g.q
except AttributeError as ex:
    print("AttributeError:", ex)
try:
    g.nope
except AttributeError as ex:
    print("AttributeError:", ex)


# One code site sees instances in both modes and of several classes.
class C:
    def __init__(self, x):
        self.x = x


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


objs = [A(i) if i % 3 else C(i) for i in range(30)]
for i, o in enumerate(objs):
    if i % 4 == 0:
        o.__dict__
    if i % 5 == 0:
        o.extra = i
total = 0
for _ in range(3):
    for i, o in enumerate(objs):
        set_x(o, get_x(o) + 1)
        total += get_x(o)
print(total, [vars(o) for o in objs[:6]])

# A class attribute that becomes a data descriptor wins over inline values.
h = A(10)
for i in range(5):
    if i == 3:
        A.x = property(lambda self: "prop")
    print(i, h.x)
del A.x
print(h.x)


# Attributes in different orders on different instances keep their own order.
class D:
    pass


p = D()
p.a, p.b, p.c = 1, 2, 3
q = D()
q.c, q.a = 3, 1
q.b = 2
r = D()
r.a = 1
r.b = 2
del r.b
r.c = 3
r.b = 4
print(vars(p), vars(q), vars(r))
s = 0
for i in range(10000):
    o = D()
    if i % 3 == 0:
        o.a, o.b, o.c, o.d, o.e = i, 1, 2, 3, 4
    elif i % 3 == 1:
        o.e, o.d, o.c, o.b, o.a = 4, 3, 2, 1, i
    else:
        o.a, o.c, o.b, o.e, o.d = i, 2, 1, 4, 3
    s += o.a + o.b * o.c + o.d * o.e + len(vars(o))
print(s)
