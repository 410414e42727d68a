# lambda expressions
sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda *a, **k: (a, sorted(k.items())))(1, 2, z=3, y=4))
print((lambda: 42)())
fs = [lambda i=i: i * 2 for i in range(4)]
print([f() for f in fs])
fs = [lambda: i for i in range(4)]
print([f() for f in fs])
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(sq.__name__)
print((lambda x, /, y, *, z: x + y + z)(1, 2, z=3))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])))
