a = b and c or not d
e = 1 < x <= 10 != y
f = x if cond else y
g = f"{name!r:>{width}} and {value=} {{literal}}"
h = (n := compute()) + n
i = seq[1:2], seq[::2], seq[a:b:c], seq[1, 2:3]
first, *middle, last = items
[p, q] = r, s = t
u, v = v, u
u, v, w = w, v, u
x = [*a, *b, 1]
y = {**m, 'k': 1, **n}
z = {1, 2, 3}
counts[key] += 1
obj.attr -= 2
total //= 3
del a, b.c, d[e]
del (f, [g, h])
big = 123456789012345678901234567890
neg = -5
inv = ~5
neg_tuple = (-1, -2.5, +3)
chain = a + b - c * d / e // f % g ** h @ i << j >> k & l | m ^ n
ellipsis = ...
bytes_ = b"\x00\xff'"
strings = "tab\t" 'quote\'' """triple"""
