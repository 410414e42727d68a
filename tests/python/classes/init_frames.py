# Class calls run __init__ as a frame of the interpreter loop; every outcome must match
# CPython's: the instance, a TypeError for a non-None return, exceptions, keywords.
class P:
    def __init__(self, x, y=2, *, z=3):
        self.t = (x, y, z)

print(P(1).t, P(1, 5).t, P(1, z=9).t, P(x=4, y=0).t)

class R:
    def __init__(self):
        return 42

try:
    R()
except TypeError as e:
    print("TypeError:", e)

class G:
    def __init__(self):
        yield 1

try:
    G()
except TypeError as e:
    print("TypeError:", e)

class Boom:
    def __init__(self, n):
        if n == 0:
            raise ValueError("boom")
        self.child = Boom(n - 1)

try:
    Boom(3)
except ValueError as e:
    depth, tb = 0, e.__traceback__
    while tb is not None:
        depth, tb = depth + 1, tb.tb_next
    print("ValueError:", e, depth)

class Deep:
    def __init__(self, n):
        self.next = Deep(n + 1)

try:
    Deep(0)
except RecursionError:
    print("RecursionError")

class Abstract:
    pass
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
try:
    A()
except TypeError as e:
    print("TypeError:", e)

class WithNew:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, *a):
        print("init", a)
WithNew(1, 2)

class Sub(P):
    pass
print(Sub(7).t, type(Sub(7)).__name__)

def make(cls, *args, **kw):
    return cls(*args, **kw)
print(make(P, 1, z=0).t)
try:
    P()
except TypeError as e:
    print("TypeError:", e)
