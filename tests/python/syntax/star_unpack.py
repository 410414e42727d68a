# Extended unpacking and star expressions
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = range(5)
print(a, b)
a, *b, c = "hello"
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
(a, b), c = (1, 2), 3
print(a, b, c)
[a, [b, *c]] = [1, (2, 3, 4)]
print(a, b, c)
print(*[1, 2], *(3, 4), 5)
print([*range(3), *"ab"])
print((*[1], *[2, 3]))
print({*[1, 2], *[2, 3]} == {1, 2, 3})
d = {**{'a': 1}, 'b': 2, **{'a': 3}}
print(d)
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(), **{'x': 1}, y=2))
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
first, *_ = [9, 8, 7]
print(first, _)
a = b = c = 0
print(a, b, c)
a, b = b, a = 1, 2
print(a, b)
x, y = 1, 2
x, y = y, x
print(x, y)
l = [0, 0, 0]
i = 0
i, l[i] = 1, 5
print(i, l)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError", e)
