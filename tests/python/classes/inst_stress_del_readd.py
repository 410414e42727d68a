# Stress: attributes deleted and re-added repeatedly.

class C:
    def __init__(self, i):
        self.a = i
        self.b = i * 2
        self.c = i * 3

objs = [C(i) for i in range(500)]
names = ["a", "b", "c"]
for rnd in range(12):
    for i, o in enumerate(objs):
        n = names[(i + rnd) % 3]
        v = getattr(o, n)
        delattr(o, n)
        setattr(o, n, v + 1)
print(sum(o.a + o.b + o.c for o in objs))
orders = {}
for o in objs:
    k = "".join(vars(o))
    orders[k] = orders.get(k, 0) + 1
print(sorted(orders.items()))

# add/remove extra attributes cycling
o = C(0)
trace = []
for i in range(300):
    name = "x%d" % (i % 7)
    if hasattr(o, name):
        delattr(o, name)
    else:
        setattr(o, name, i)
    if i % 50 == 49:
        trace.append(list(vars(o)))
print(trace)

# via __dict__ and attribute syntax interleaved
p = C(1)
for i in range(200):
    if i % 2:
        p.__dict__.pop("b")
        p.b = i
    else:
        del p.b
        p.__dict__["b"] = i
print(vars(p))

# delete everything and rebuild many times
q = C(5)
for i in range(100):
    for n in list(vars(q)):
        delattr(q, n)
    for n in ("c", "b", "a") if i % 2 else ("a", "b", "c"):
        setattr(q, n, i)
print(vars(q))
