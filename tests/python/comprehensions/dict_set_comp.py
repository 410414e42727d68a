# Dict and set comprehensions
print({x: x * x for x in range(5)})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print(sorted({x % 4 for x in range(20)}))
print({x % 3 for x in range(10)} == {0, 1, 2})
print(sorted({c for c in "mississippi"}))
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_letter)
print({i: {j: i * j for j in range(3)} for i in range(2)})
d = {x: x for x in [1, 1.0, True]}
print(d)
print({(a, b): a * b for a in range(2) for b in range(2)})
keys = ["x", "y", "x"]
print({k: i for i, k in enumerate(keys)})
print(len({frozenset({1, 2}), frozenset({2, 1})}))
