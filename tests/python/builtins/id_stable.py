# id() is stable for the life of an object and never shared by two live objects, for
# every kind of object, even though the collector moves them.
import gc
import copy

objs = []
for i in range(200):
    objs.append({"i": i})
    objs.append({i})
    objs.append([i])
    objs.append("s%d" % i)
    objs.append((i, "t"))
    objs.append(object())
    objs.append(3.5 + i)
    objs.append(bytearray(b"x"))
ids = [id(o) for o in objs]
print(len(set(ids)) == len(objs))
gc.collect()
junk = [[j] * 3 for j in range(1000)]
del junk
gc.collect()
print([id(o) for o in objs] == ids)

# A set's id survives pop() (which keeps a search position).
st = set(range(10))
i0 = id(st)
for _ in range(5):
    st.pop()
print(id(st) == i0)

# A dict's id survives insertions, deletions and resizes.
d = {}
i1 = id(d)
for k in range(100):
    d[k] = k
for k in range(50):
    del d[k]
print(id(d) == i1)

# deepcopy keys its memo by id(): instances and their dicts must not collide.
class A:
    def __init__(self, v):
        self.v = v
        self.d = {"v": v}


seq = [A(n) for n in range(20)]
for a in seq[::3]:
    a.__dict__
cp = copy.deepcopy(seq)
print([(a.v, a.d["v"]) for a in cp] == [(n, n) for n in range(20)])
print(len({id(a) for a in cp} | {id(a) for a in seq}) == 40)
