# __new__ vs __init__, immutable subclasses
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), Pos(-5) + 1, type(Pos(-5) + 1).__name__, isinstance(Pos(3), int))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def shout(self):
        return self + "!"
u = Upper("hey")
print(u, u.shout(), len(u), type(u).__name__)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never printed")
print(NotMine())
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
p = Pair(1, 2)
print(p, p.first, p + (3,), len(p))
class Init:
    def __init__(self):
        return None
print(type(Init()).__name__)
class BadInit:
    def __init__(self):
        return 1
try:
    BadInit()
except TypeError as e:
    print("TypeError", e)
class Cache:
    _c = {}
    def __new__(cls, key):
        if key in cls._c:
            return cls._c[key]
        obj = super().__new__(cls)
        cls._c[key] = obj
        return obj
    def __init__(self, key):
        self.key = key
print(Cache(1) is Cache(1), Cache(1) is Cache(2))
class F(float):
    pass
print(F(1.5) * 2, repr(F(2.5)))
class L(list):
    def total(self): return sum(self)
l = L([1, 2, 3])
l.append(4)
print(l, l.total(), type(l[1:]).__name__, L.__name__)
