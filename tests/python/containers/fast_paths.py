# The interpreter's fast paths (list/tuple indexing, list/range iteration, truth tests)
# must behave exactly like the general protocol.
xs = [10, 20, 30]
t = (1, 2, 3)
for i in (-4, -3, -1, 0, 2, 3, 2**62, -2**62, True, False):
    for seq in (xs, t):
        try:
            print(type(seq).__name__, i, seq[i])
        except IndexError as e:
            print(type(seq).__name__, i, "IndexError:", e)

class L(list):
    def __getitem__(self, i):
        return ("sub", list.__getitem__(self, i))
class T(tuple):
    def __getitem__(self, i):
        return ("sub", tuple.__getitem__(self, i))
print(L([1, 2])[0], T((1, 2))[-1])

# Appending while iterating a list: the iterator sees the new items.
ys = [1, 2, 3]
for y in ys:
    if y < 6:
        ys.append(y + 3)
print(ys)
# Shrinking while iterating.
zs = list(range(10))
seen = []
for z in zs:
    seen.append(z)
    if zs:
        zs.pop()
print(seen, zs)
# An exhausted list iterator stays exhausted after the list grows.
it = iter([1])
print(list(it))
print(next(it, "done"))

# Ranges: empty, negative steps, huge bounds.
print(list(range(0)), list(range(5, 0, -2)), list(range(-3, 3)))
big = 2**62
print([v - big for v in range(big - 2, big + 2)])
for i in range(3):
    pass
print(i)

# Truth tests of every kind in branches.
class Falsy:
    def __bool__(self):
        return False
class Sized:
    def __len__(self):
        return 0
class Bad:
    def __bool__(self):
        return "yes"
for v in (0, 1, -1, 2**70, 0.0, 0.5, "", "a", [], [0], (), {}, {1: 2}, set(), None, True, False, Falsy(), Sized(), object()):
    print(repr(v) if not isinstance(v, (Falsy, Sized)) and type(v) is not object else type(v).__name__, "yes" if v else "no")
try:
    if Bad():
        pass
except TypeError as e:
    print("TypeError:", e)
n = 5
while n:
    n -= 1
print(n)
