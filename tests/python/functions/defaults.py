# Default arguments: evaluated once, mutable default sharing
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c=9), f(a=0, c=1, b=2))
def app(x, acc=[]):
    acc.append(x)
    return acc
print(app(1), app(2))
print(app(3, []))
print(app(4))
counter = 0
def nxt():
    global counter
    counter += 1
    return counter
def g(v=nxt()):
    return v
print(g(), g(), counter)
print(f.__defaults__)
f.__defaults__ = (20, 30)
print(f(1))
def none_default(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(none_default(), none_default())
def kwd(*, a=1, b):
    return a, b
print(kwd(b=2), kwd.__kwdefaults__)
