# __class__ assignment between compatible classes with different attribute sets.

class A:
    def __init__(self):
        self.a1 = 1
        self.a2 = 2
    def who(self):
        return "A"

class B:
    def __init__(self):
        self.b1 = 10
        self.b2 = 20
        self.b3 = 30
    def who(self):
        return "B"

x = A()
print(type(x).__name__, vars(x), x.who())
x.__class__ = B
print(type(x).__name__, vars(x), x.who())
x.b1 = 100
print(vars(x), list(vars(x)))
print(x.a1, x.b1)
try:
    x.b2
except AttributeError as e:
    print(e)
x.__class__ = A
print(type(x).__name__, vars(x), x.who())
del x.a1
x.a1 = 5
print(list(vars(x).items()))

# a B instance becomes an A
y = B()
y.__class__ = A
print(vars(y), y.who())
y.a1 = 0
print(list(vars(y)))
z = A()
print(list(vars(z)))

# reading the same attributes through one site before and after the class change
def get_a1(o):
    return getattr(o, "a1", "missing")
objs = [A() for _ in range(5)]
res = []
for i in range(5):
    if i == 2:
        objs[3].__class__ = B
    res.append([get_a1(o) for o in objs])
print(res)

# class attribute / descriptor differences after __class__ change
class P:
    @property
    def v(self):
        return "property v"

class Q:
    v = "class v"

p = P()
p.__dict__["v"] = "instance v"
print(p.v)
p.__class__ = Q
print(p.v)
p.__class__ = P
print(p.v)

# __class__ assignment with subclasses
class Base:
    def __init__(self):
        self.base = "b"
class Sub(Base):
    def __init__(self):
        super().__init__()
        self.sub = "s"
s = Sub()
s.__class__ = Base
print(type(s).__name__, vars(s))
b = Base()
b.__class__ = Sub
print(type(b).__name__, vars(b), isinstance(b, Sub))
b.sub = 1
print(vars(b))

# incompatible
class WithSlots:
    __slots__ = ("q",)
try:
    A().__class__ = int
except TypeError as e:
    print("TypeError", e)
try:
    (1).__class__ = A
except TypeError as e:
    print("TypeError", e)

# the __dict__ object survives the class change
w = A()
dct = w.__dict__
w.__class__ = B
print(w.__dict__ is dct)
w.new = 1
print(dct)

# many class swaps in a loop with attribute writes
obj = A()
for i in range(50):
    obj.__class__ = B if i % 2 else A
    setattr(obj, "k%d" % (i % 7), i)
print(type(obj).__name__, vars(obj))
