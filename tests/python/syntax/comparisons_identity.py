# Comparison operators: in/not in/is/is not, comparisons of mixed types, == fallbacks
print(1 in [1, 2], 3 not in [1, 2], "a" in "abc", "ab" in "abc", "ac" in "abc", 1 in {1: 2}, 2 in {1: 2})
e1, e2 = [], []
print(None is None, e1 is not e2, 1 == 1.0, e1 is not None, not None)
print(1 == "1", [1] == (1,), {1} == frozenset({1}), {} == [], None == 0, True == 1, 0.0 == -0.0)
print(1 != 1.0, "a" != "a", (1, 2) != (1, 2), [1, [2]] == [1, [2]])
print(1 < 2 and 2 < 3, not (1 > 2), (1 < 2) + (2 < 3), (3 > 2) * 10)
x = [1, 2, 3]
print(x == x[:], x is x[:], x[:] == x[::1])
nan = float("nan")
l = [nan]
print(nan in l, l == l, [nan] == [nan], nan == nan)
print((1, nan) == (1, nan), {nan: 1}.get(nan))
