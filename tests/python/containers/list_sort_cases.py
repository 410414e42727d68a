# Sorting edge cases: already sorted, reversed, duplicates, many equal keys, big lists
import random
random.seed(99)
big = [random.randint(0, 1000) for _ in range(2000)]
s = sorted(big)
print(s[:10], s[-10:], s == sorted(s), len(s))
print(sorted(range(10, 0, -1)), sorted([5] * 5), sorted([]), sorted([1]))
recs = [(random.randint(0, 3), i) for i in range(40)]
by_key = sorted(recs, key=lambda r: r[0])
print(all(by_key[i][1] < by_key[i + 1][1] for i in range(39) if by_key[i][0] == by_key[i + 1][0]))
print(by_key[:8])
strs = ["%03d" % random.randint(0, 999) for _ in range(20)]
print(sorted(strs), sorted(strs, key=int, reverse=True)[:5])
l = list(range(20))
l.sort(key=lambda x: (x % 3, -x))
print(l)
l.sort(key=lambda x: 0)
print(l)
