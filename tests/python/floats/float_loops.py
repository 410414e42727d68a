# Float accumulation loops and mixed int/float loops (JIT type changes)
s = 0.0
for i in range(10000):
    s += 0.1
print(s)
t = 0
for i in range(1000):
    t += i / 7
print(t)
v = 1
for i in range(10):
    v = v / 2 if i % 2 else v * 3
print(v, type(v).__name__)
mixed = 0
for x in [1, 2.5, 3, 4.25, True, 10 ** 20]:
    mixed += x
print(mixed)
xs = [i * 0.5 for i in range(20)]
mean = sum(xs) / len(xs)
var = sum((x - mean) ** 2 for x in xs) / len(xs)
print(mean, var, var ** 0.5)
def newton_sqrt(a):
    x = a
    for _ in range(30):
        x = (x + a / x) / 2
    return x
print([newton_sqrt(a) for a in [2, 10, 1e10, 0.25]])
e = 0.0
f = 1.0
for k in range(1, 20):
    e += 1 / f
    f *= k
print(e)
pi = 0.0
for k in range(20000):
    pi += (-1) ** k / (2 * k + 1)
print(pi * 4)
