# Calling with ** from various mappings, keyword argument ordering, default interplay
def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
print(f(**{"a": 1}))
print(f(1, **{"c": 30, "z": 26}))
print(f(*(1, 2, 3), **dict(c=4, y=5)))
class M:
    def keys(self): return ["a", "c"]
    def __getitem__(self, k): return k.upper()
print(f(**M()))
def g(**kw):
    return list(kw.items())
print(g(b=1, a=2, **{"c": 3}, d=4))
def h(x, /, **kw):
    return x, kw
print(h(1, x=2))
try:
    f(1, **{"a": 2})
except TypeError as e:
    print("TypeError", e)
# CPython's messages for these include a module-qualified name; only the type is checked.
for call in [lambda: f(**M(), **{"a": 1}), lambda: f(*5), lambda: f(**5)]:
    try:
        call()
    except TypeError:
        print("TypeError")
