# Keyword-only and positional-only parameters
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=0, b=5))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    f(1)
except TypeError as e:
    print("TypeError", e)
def p(a, b, /, c, *, d):
    return a, b, c, d
print(p(1, 2, 3, d=4), p(1, 2, c=3, d=4))
try:
    p(1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError", e)
def q(a, /, **kw):
    return a, kw
print(q(1, a=2))
def r(x, /, y=5, *args, z, **kw):
    return x, y, args, z, kw
print(r(1, z=0), r(1, 2, 3, 4, z=5, w=6))
try:
    r(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
def s(*, only):
    return only
try:
    s()
except TypeError as e:
    print("TypeError", e)
try:
    s(onl=1)
except TypeError as e:
    print("TypeError", e)
