# Misc container behaviours: in-place ops, comparisons, conversions
print(list(zip([1, 2, 3], "ab")), list(enumerate("xy", start=5)), dict(enumerate("ab")))
print([1, 2] * 2, 2 * (1,), [None] * 2)
print(list(map(list, [(1, 2), "ab"])))
l = [1, 2, 3]
print(l.__contains__(2), l.__iadd__([4]), l)
print(list(filter(lambda x: x > 1, l)), [x for x in reversed(l)])
print(all([]), any([]), all([1, 1]), any([0, 0, 1]))
print(len({}), len(set()), len(""), len(()), len([]))
t = ([1], 2)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError", e)
print(t)
print(min([[2], [1, 5]]), max(["b", "ab"]), min({"x": 1, "a": 2}))
e = []
print(e == [], e is not [], [] == (), [1] == [1.0])
print(list({"b": 1, "a": 2}.items())[0], tuple({"q": 0}))
print([i for i in range(3)] == list(range(3)), isinstance([], list), isinstance((), tuple))
print(type([]).__name__, type({}).__name__, type(set()).__name__, type(frozenset()).__name__)
