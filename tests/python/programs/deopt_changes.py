# Behaviour changes in the middle of hot loops: rebinding globals, patching methods/classes,
# changing attribute types and shapes. A JIT must notice each change.
def helper(x):
    return x + 1
total = 0
for i in range(3000):
    if i == 1500:
        def helper(x):
            return x * 2
    total += helper(i)
print("global rebinding:", total)
class A:
    def f(self):
        return 1
a = A()
s = 0
for i in range(3000):
    if i == 1000:
        A.f = lambda self: 10
    if i == 2000:
        a.f = lambda: 100
    s += a.f()
print("method patching:", s)
class B:
    def f(self):
        return 1000
objs = [A() for _ in range(5)]
s = 0
for i in range(3000):
    if i == 1500:
        objs[2].__class__ = B
    for o in objs:
        s += o.f()
print("__class__ assignment:", s)
class P:
    def __init__(self):
        self.v = 1
p = P()
acc = []
for i in range(2000):
    if i == 500:
        p.v = 1.5
    if i == 1000:
        p.v = "s"
    if i == 1500:
        p.v = [1]
    acc.append(p.v * 2)
print("attribute type changes:", acc[0], acc[600], acc[1200], acc[1800])
def add(a, b):
    return a + b
vals = [1] * 1000 + [1.5] * 1000 + ["x"] * 1000 + [2 ** 70] * 1000
res = []
for v in vals:
    res.append(add(v, v))
print("argument type changes:", res[0], res[1000], res[2000], res[3000])
import builtins
orig_len = builtins.len
n = 0
for i in range(2000):
    if i == 1000:
        builtins.len = lambda x: 7
    n += len("ab")
builtins.len = orig_len
print("builtin patching:", n)
class Shape:
    pass
shapes = [Shape() for _ in range(10)]
for i, sh in enumerate(shapes):
    sh.a = i
    if i % 2:
        sh.b = i
    if i % 3 == 0:
        sh.c = -i
tot = 0
for _ in range(300):
    for sh in shapes:
        tot += sh.a + getattr(sh, "b", 0) + getattr(sh, "c", 0)
print("attribute shapes:", tot)
x = 0
for i in range(4000):
    x += i if i % 1000 else 0.5
print("int/float accumulator:", x)
i = 0
while i < 3000:
    i += 1
    if i == 2999:
        i = "done"
        break
print("loop variable type change:", i)
