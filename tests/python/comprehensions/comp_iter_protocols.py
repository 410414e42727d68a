# Comprehensions over custom iterables, dict/set comps with unhashables and duplicates
class Evens:
    def __init__(self, n): self.n = n
    def __iter__(self):
        return iter(range(0, self.n, 2))
print([x for x in Evens(10)], {x // 2 for x in Evens(10)} == {0, 1, 2, 3, 4}, {x: x * x for x in Evens(7)})
try:
    {[x]: 1 for x in range(2)}
except TypeError as e:
    print("TypeError", e)
try:
    {[x] for x in range(2)}
except TypeError as e:
    print("TypeError", e)
print({x % 3: x for x in range(10)})
print([(a, b) for a, b in {"x": 1, "y": 2}.items()])
print([c for c in "abc" for _ in range(2)])
print([x for x in range(3)] + [y for y in "ab"])
