# Sorting: key, reverse, stability
data = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(data))
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: (-p[1], p[0])))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
l = [5, 2, 8, 1]
r = l.sort()
print(r, l)
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted({3: 'a', 1: 'b'}), sorted([]))
stable = sorted([(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')], key=lambda t: t[0])
print(stable)
stable_rev = sorted([(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')], key=lambda t: t[0], reverse=True)
print(stable_rev)
print(sorted([2.5, 1, -3, 0.0, True]), sorted([[2, 1], [1, 2], [1]]))
big = [(i * 7919) % 1000 for i in range(1000)]
sb = sorted(big)
print(sb[:10], sb[-5:], all(sb[i] <= sb[i + 1] for i in range(len(sb) - 1)))
import functools
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"K{self.v}"
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5)], key=lambda k: k.v))
l2 = [3, 1, 2]
try:
    l2.sort(key=lambda x: (l2.append(x), x)[1])
except ValueError as e:
    print("ValueError", e)
print(sorted(range(10), key=lambda x: x % 3))
