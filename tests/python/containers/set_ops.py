# set and frozenset (printed via sorted to avoid order dependence)
def S(x): return sorted(x)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(S(a | b), S(a & b), S(a - b), S(b - a), S(a ^ b))
print(S(a.union(b, [9])), S(a.intersection(b, {4})), S(a.difference([1], [2])), S(a.symmetric_difference([1, 10])))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({7}))
s = set()
s.add(3); s.add(1); s.add(3)
print(S(s), len(s), 3 in s, 4 not in s)
s.update([5, 6], {7})
s.discard(100); s.discard(5)
s.remove(6)
print(S(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
s2 = {1, 2, 3}
s2 &= {2, 3, 4}
s2 |= {10}
s2 -= {3}
s2 ^= {2, 20}
print(S(s2))
x = {5}
print(x.pop(), x, set(), frozenset())
fs = frozenset([3, 1, 2])
print(S(fs), type(fs | {4}).__name__, type({4} | fs).__name__, fs == {1, 2, 3}, hash(fs) == hash(frozenset({1, 2, 3})))
try:
    fs.add(1)
except AttributeError as e:
    print("AttributeError", e)
print({frozenset([1]): "ok"}[frozenset([1])])
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
print(S(set("hello")), S({c for c in "banana"}), len({1, 1.0, True}))
c = s.copy(); c.clear()
print(c, S(s), set([1, 2]) == frozenset([1, 2]))
print(repr({1}), repr(frozenset()), repr(set()), str({2}))
print(S(set(range(100)) - set(range(3, 100))))
