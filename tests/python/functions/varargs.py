# *args and **kwargs
def f(*args):
    return args
print(f(), f(1), f(1, 2, 3), type(f()))
def g(**kw):
    return kw
print(g(), g(a=1, b=2))
def h(a, b, *args, c=0, **kw):
    return a, b, args, c, kw
print(h(1, 2))
print(h(1, 2, 3, 4, c=5, d=6, e=7))
print(h(*range(5), **{'z': 1}))
print(h(b=1, a=2))
def fwd(*a, **k):
    return h(*a, **k)
print(fwd(1, 2, 3, x=1))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
try:
    h(1, 2, a=3)
except TypeError as e:
    print("TypeError", e)
try:
    g(**{'a': 1}, a=2)
except TypeError as e:
    print("TypeError", e)
try:
    g(**{1: 2})
except TypeError as e:
    print("TypeError", e)
print(g(**{'if': 1, 'class': 2}))
