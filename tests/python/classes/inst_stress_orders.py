# Stress: objects with 5 attributes set in 3 different orders; checksums.
# 3,000 objects through setattr, 10,000 through attribute syntax (only a sample stays
# alive, so the GC-stress run stays fast), then 600 objects alive at once.

class C:
    pass

ORDERS = [
    ("a", "b", "c", "d", "e"),
    ("e", "d", "c", "b", "a"),
    ("c", "a", "e", "b", "d"),
]

chk = 0
sample = []
for i in range(3000):
    o = C()
    order = ORDERS[i % 3]
    for j, name in enumerate(order):
        setattr(o, name, i * 7 + j)
    chk = (chk * 31 + o.a + 2 * o.b + 3 * o.c + 5 * o.d + 7 * o.e) % 1000000007
    if i % 29 == 0:
        sample.append(o)
print(chk, len(sample))
print(sum(o.a - o.e for o in sample), [list(vars(o)) for o in sample[:3]])
print(sum(sum(vars(o).values()) for o in sample))

# direct attribute syntax writes in three orders in one function
def make(i):
    o = C()
    k = i % 3
    if k == 0:
        o.a = i; o.b = i + 1; o.c = i + 2; o.d = i + 3; o.e = i + 4
    elif k == 1:
        o.e = i + 4; o.d = i + 3; o.c = i + 2; o.b = i + 1; o.a = i
    else:
        o.c = i + 2; o.a = i; o.e = i + 4; o.b = i + 1; o.d = i + 3
    return o

s = 0
for i in range(10000):
    o = make(i)
    s += o.a - o.b + o.c - o.d + o.e
print(s)

objs2 = [make(i) for i in range(600)]
s = 0
for o in objs2:
    s += o.a - o.b + o.c - o.d + o.e
print(s)
print(list(vars(objs2[0])), list(vars(objs2[1])), list(vars(objs2[2])))
print(sum(1 for o in objs2 if list(vars(o)) == ["c", "a", "e", "b", "d"]))

# update all in place and checksum again
for o in objs2:
    o.a, o.e = o.e, o.a
print(sum(o.a * 3 - o.e for o in objs2))
