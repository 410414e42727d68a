# enumerate, zip, map, filter, reversed, iter, next, sorted, all, any
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 5)))
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(range(3), range(3, 6), range(6, 9))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError", e)
print(list(zip([1, 2], [3, 4], strict=True)))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, "", "x", 1, None])))
print(list(reversed([1, 2, 3])), list(reversed("ab")), list(reversed(range(4))), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError", e)
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "end"))
vals = iter([1, 2, 3, 0, 4, 5])
print(list(iter(lambda: next(vals), 0)))
class Counter:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 4)))
print(sorted([3, 1, 2]), sorted("cba", reverse=True), sorted([(1, "b"), (1, "a")]), sorted({"x": 1, "a": 2}))
print(all([1, 2, 3]), all([1, 0]), all([]), any([0, 0]), any([0, 1]), any([]), all(iter([True])))
m = map(lambda x: x * 2, [1, 2, 3])
print(next(m), list(m), list(m))
z = zip("ab", "cd")
print(next(z), list(z))
e = enumerate("xyz")
print(next(e), list(e))
print(type(map(str, [])).__name__, type(zip()).__name__, type(filter(None, [])).__name__, type(enumerate([])).__name__)
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
try:
    next([1])
except TypeError as e:
    print("TypeError", e)
