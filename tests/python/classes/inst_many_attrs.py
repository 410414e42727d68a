# Many attributes (more than any shared-key limit).

class C:
    pass

o = C()
for i in range(60):
    setattr(o, "attr%d" % i, i * i)
print(len(vars(o)))
print(list(vars(o))[:5], list(vars(o))[-5:])
print(sum(getattr(o, "attr%d" % i) for i in range(60)))
print(o.attr0, o.attr33, o.attr59)

# A second instance in reverse order
p = C()
for i in reversed(range(60)):
    setattr(p, "attr%d" % i, -i)
print(list(vars(p))[:3], list(vars(p))[-3:])
print(sum(vars(p).values()))

# Instances with many attributes then fewer
objs = []
for k in range(8):
    q = C()
    for i in range(k * 10):
        setattr(q, "f%d" % i, i)
    objs.append(q)
print([len(vars(q)) for q in objs])
print([getattr(q, "f5", None) for q in objs])

# Delete half of them
for i in range(0, 60, 2):
    delattr(o, "attr%d" % i)
print(len(vars(o)), list(vars(o))[:4])
for i in range(0, 60, 2):
    setattr(o, "attr%d" % i, 0)
print(list(vars(o))[28:33])
print(sum(vars(o).values()))

# Many attributes in __init__
class Big:
    def __init__(self):
        for i in range(45):
            setattr(self, "x%02d" % i, i)
        self.last = "end"

b1 = Big(); b2 = Big()
print(vars(b1) == vars(b2), len(vars(b1)), b1.x44, b2.last)
b2.extra = 1
print(len(vars(b1)), len(vars(b2)), list(vars(b2))[-2:])

# Many different attribute names across many instances of one class
class D:
    pass
ds = []
for i in range(100):
    d = D()
    setattr(d, "name%d" % i, i)
    d.common = i
    ds.append(d)
print(sum(d.common for d in ds), list(vars(ds[57])))
