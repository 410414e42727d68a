# Argument count/name errors with CPython 3.11 messages
def f(a, b):
    return a + b
def g():
    pass
class C:
    def m(self, x):
        return x
tests = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, b=3),
    lambda: f(1, c=2),
    lambda: g(1),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: f(1, 2, 3, 4),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
def h(a, b, c, d=1):
    pass
try:
    h(1)
except TypeError as e:
    print(e)
def kw(*, x, y):
    pass
try:
    kw()
except TypeError as e:
    print(e)
