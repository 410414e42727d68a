# Decorators: simple, with args, stacking, class decorators
def trace(f):
    def wrapper(*a, **k):
        print("call", f.__name__, a)
        return f(*a, **k)
    wrapper.__name__ = f.__name__
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(1, 2), add.__name__)
def repeat(n):
    def deco(f):
        def w(*a):
            return [f(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(x):
    return "hi " + x
print(hi("bob"))
order = []
def d1(f):
    order.append("d1")
    return lambda: "d1(" + f() + ")"
def d2(f):
    order.append("d2")
    return lambda: "d2(" + f() + ")"
@d1
@d2
def base():
    return "base"
print(base(), order)
def register(cls):
    cls.registered = True
    return cls
@register
class K:
    pass
print(K.registered)
registry = {}
def reg(name):
    def deco(f):
        registry[name] = f
        return f
    return deco
@reg("double")
def dbl(x): return 2 * x
print(registry["double"](21), dbl(1))
import functools
def logged(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w
@logged
def documented():
    "The doc."
    return 1
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.f(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
@(lambda f: (lambda: f() * 2))
def weird():
    return 21
print(weird())
