# tuples
t = (1, "two", 3.0, [4])
print(t, len(t), t[1], t[-1], t[1:3], t.index("two"), t.count(1), (1, 2) + (3,), (0,) * 3)
t[3].append(5)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError", e)
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), type((1)).__name__, type((1,)).__name__)
print((1, 2) < (1, 2, 3), (2,) > (1, 9), (1, 2) == (1, 2), (1, [2]) == (1, [2]))
print(hash((1, 2)) == hash((1, 2)), hash(()), hash((1,)), hash((1, 2, 3)), hash((-1, -2)), hash(((1, 2), (3, 4))))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
a, b, c = (1, 2, 3)
print(a, b, c, max((3, 1, 2)), sorted((3, 1, 2)), 2 in (1, 2))
print(tuple(x * x for x in range(4)))
nt = ((1, 2), (3, 4))
print([x for pair in nt for x in pair], dict(nt))
print(repr((1,)), repr(((),)), str(("a", 'b"')))
