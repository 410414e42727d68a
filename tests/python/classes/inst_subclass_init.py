# Attributes set by base __init__ and subclass __init__.

class Base:
    def __init__(self, x):
        self.x = x
        self.kind = "base"

class Sub(Base):
    def __init__(self, x, y):
        self.y = y
        super().__init__(x)
        self.z = x + y

class Sub2(Base):
    def __init__(self, x):
        super().__init__(x)
        self.kind = "sub2"
        self.w = -x

class SubSub(Sub):
    def __init__(self):
        self.first = 0
        super().__init__(1, 2)
        self.last = 9

for o in [Base(1), Sub(1, 2), Sub2(3), SubSub()]:
    print(type(o).__name__, vars(o), o.x, o.kind)

# No __init__ in subclass
class Plain(Base):
    pass
pl = Plain(5)
pl.extra = 1
print(vars(pl))

# Subclass instance attributes shadow base class attributes/methods
class A:
    val = "A.val"
    def m(self):
        return "A.m"
class B(A):
    def __init__(self):
        self.val = "inst val"
b = B()
print(b.val, A.val, B.val, b.m())
del b.val
print(b.val)

# One reading function over a hierarchy
def describe(o):
    return (o.x, o.kind, getattr(o, "y", None), getattr(o, "w", None))
print([describe(o) for o in [Base(1), Sub(2, 3), Sub2(4), SubSub(), Base(5), Sub2(6)]])

# Multiple inheritance with both bases setting attributes
class L:
    def __init__(self):
        self.left = 1
        super().__init__()
class R:
    def __init__(self):
        self.right = 2
        super().__init__()
class LR(L, R):
    def __init__(self):
        self.mid = 0
        super().__init__()
class RL(R, L):
    pass
print(vars(LR()), vars(RL()))

# Subclasses of builtins have an instance dict too
class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = "t"
ml = MyList([1, 2])
ml.more = 3
print(ml, vars(ml), ml.tag)
class MyExc(Exception):
    def __init__(self, msg):
        super().__init__(msg)
        self.code = 42
try:
    raise MyExc("boom")
except MyExc as e:
    print(e, e.code, vars(e))
class MyDict(dict):
    pass
md = MyDict(k=1)
md.attr = 2
print(md, vars(md), md.attr)
