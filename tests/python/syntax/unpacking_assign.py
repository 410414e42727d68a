# Assignment forms: chained, tuple, nested, starred in various positions, swap idioms
a = b = c = []
a.append(1)
print(b, c, a is c)
x, y, z = "xyz"
print(x, y, z)
(p, q), [r, s] = [1, 2], (3, 4)
print(p, q, r, s)
head, *tail = [1]
print(head, tail)
*init, last = "abc"
print(init, last)
a, (b, *c), d = 1, (2, 3, 4, 5), 6
print(a, b, c, d)
i = 0
data = [10, 20, 30]
i, data[i] = 2, 99
print(i, data)
m, n = n, m = 1, 2
print(m, n)
first, second, *_ = range(10)
print(first, second)
k = [0, 1, 2]
k[0], k[2] = k[2], k[0]
print(k)
d = {}
d["a"], d["b"] = 1, 2
print(d)
for (u, v), w in zip([(1, 2), (3, 4)], "ab"):
    print(u, v, w)
try:
    a, b = 1
except TypeError as e:
    print("TypeError", e)
try:
    a, b = {"one": 1}
except ValueError as e:
    print("ValueError", e)
a, b = {"one": 1, "two": 2}
print(a, b)
