# Attributes added in different orders on instances of one class: each instance's
# __dict__ / vars() keeps its own insertion order.

class C:
    pass

a = C(); a.x = 1; a.y = 2; a.z = 3
b = C(); b.z = 30; b.y = 20; b.x = 10
c = C(); c.y = 200; c.x = 100
d = C()
e = C(); e.x = 1; e.y = 2; e.z = 3; e.w = 4

for name, o in [("a", a), ("b", b), ("c", c), ("d", d), ("e", e)]:
    print(name, vars(o), list(o.__dict__), list(o.__dict__.values()))
    print(" ", list(o.__dict__.items()), len(o.__dict__))

# Order set in __init__ versus later
class P:
    def __init__(self, first):
        if first:
            self.a = 1
            self.b = 2
        else:
            self.b = 2
            self.a = 1

p1 = P(True); p2 = P(False)
print(vars(p1), vars(p2))
print(vars(p1) == vars(p2), list(vars(p1)) == list(vars(p2)))
p1.c = 3; p2.c = 3
print(list(vars(p1)), list(vars(p2)))

# Overwriting an attribute does not move it
a.x = 99
print(list(a.__dict__.items()))
b.z = None
print(list(b.__dict__.items()))

# Same values, many orders
import itertools
names = ["p", "q", "r", "s"]
seen = []
for perm in itertools.permutations(names):
    o = C()
    for i, n in enumerate(perm):
        setattr(o, n, i)
    seen.append(tuple(o.__dict__))
    assert tuple(o.__dict__) == perm
print(len(seen), seen[0], seen[-1], seen[7])

# A reading loop over instances with different orders
objs = []
for i in range(12):
    o = C()
    if i % 3 == 0:
        o.x = i; o.y = i * 2
    elif i % 3 == 1:
        o.y = i * 2; o.x = i
    else:
        o.y = i * 2; o.z = -1; o.x = i
    objs.append(o)
print([o.x + o.y for o in objs])
print([list(vars(o)) for o in objs[:3]])
