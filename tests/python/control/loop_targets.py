# Unusual loop targets and iteration over mutating containers
d = {}
for d["k"] in range(3):
    pass
print(d)
class O: pass
o = O()
for o.attr in "xyz":
    pass
print(o.attr)
l = [0, 0, 0]
for i, l[i] in enumerate([5, 6, 7]):
    pass
print(l)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
items = [1, 2, 3]
for x in items:
    if x == 1:
        items.append(4)
print(items)
try:
    dd = {1: 1, 2: 2}
    for k in dd:
        dd[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError", e)
try:
    s = {1, 2}
    for k in s:
        s.add(k + 10)
except RuntimeError as e:
    print("RuntimeError", e)
r = range(3)
for x in r:
    r = range(100)
print(x)
for i in range(5):
    i = i * 100
print(i)
