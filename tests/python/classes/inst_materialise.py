# Instances whose __dict__ was requested (materialised), then attributes added again,
# and other objects of the same class keep working.

class C:
    def __init__(self):
        self.a = 1
        self.b = 2

x = C()
d = x.__dict__
x.c = 3
x.a = 10
print(d, vars(x), d is x.__dict__)
y = C()
y.c = 3
print(vars(y))
del x.b
x.b = 20
print(list(x.__dict__.items()))
z = C()
print(vars(z), list(vars(z)))

# request __dict__ on many, modify some through dict, some through attributes
objs = [C() for _ in range(10)]
for i, o in enumerate(objs):
    if i % 2:
        o.__dict__["c"] = i
    else:
        o.c = i
    if i % 3 == 0:
        vars(o)
    o.d = -i
print([list(vars(o).items()) for o in objs[:4]])
print(sum(o.a + o.b + o.c + o.d for o in objs))

# vars() result mutated keeps identity with attributes
o = C()
v = vars(o)
v["a"] = "via vars"
print(o.a)
o.b = "via attr"
print(v["b"])
v.clear()
o.fresh = 1
print(v)

# materialise then delete, then reuse object in a loop
o2 = C()
o2.__dict__
for i in range(5):
    o2.t = i
    del o2.t
print(vars(o2))

# __dict__ of a fresh instance with no attributes, then attributes added
class E:
    pass
e = E()
ed = e.__dict__
print(ed)
e.p = 1
print(ed, ed is e.__dict__)

# two references to __dict__ remain consistent
f = C()
d1 = f.__dict__
d2 = f.__dict__
f.q = 1
print(d1 is d2, d1 == d2, d1)

# instance dict keys after heavy mutation
g = C()
for i in range(30):
    setattr(g, "t%d" % (i % 4), i)
    if i % 5 == 0:
        delattr(g, "a") if hasattr(g, "a") else setattr(g, "a", i)
print(vars(g))

# identity: getattr returns the exact object stored
sentinel = object()
h = C()
h.s = sentinel
print(h.s is sentinel, h.__dict__["s"] is sentinel)
