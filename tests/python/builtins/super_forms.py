# super(): zero-argument form, explicit forms, classmethods, properties, __new__, metaclasses, errors
class A:
    def __init__(self, x):
        self.x = x
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c " + cls.__name__
    @staticmethod
    def s():
        return "A.s"
    @property
    def p(self):
        return "A.p"
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def c(cls):
        return "B.c>" + super().c()
    @property
    def p(self):
        return "B.p>" + super().p
    def s2(self):
        return super().s()
class C(B):
    def f(self):
        return "C.f>" + super(C, self).f()
b = B(1, 2)
print(b.x, b.y, b.f(), B.c(), b.c(), b.p, b.s2())
c = C(3, 4)
print(c.f(), C.c(), c.p)
print(super(B, b).f(), super(C, c).f())
s = super(B, b)
print(repr(s) == "<super: <class 'B'>, <B object>>", s.__thisclass__ is B, s.__self__ is b, s.__self_class__ is B)
class D:
    def __new__(cls, *a):
        o = super().__new__(cls)
        o.made = True
        return o
print(D().made)
try:
    super(B, 1)
except TypeError as e:
    print("TypeError", e)
try:
    super().f
except RuntimeError as e:
    print("RuntimeError", e)
def closure_user():
    class E(A):
        def f(self):
            g = lambda: super(E, self).f()
            return "E>" + g()
    return E(0).f()
print(closure_user())
class F(A):
    def f(self):
        def inner():
            return 1
        self = self
        return super().f() + str(inner())
print(F(1).f())
try:
    super(B, b).nope
except AttributeError as e:
    print("AttributeError", e)
class M(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = name + "!"
        return cls
class G(metaclass=M):
    pass
print(G.tag)
class H(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
h = H()
h["a"] = 1
print(h)
class I:
    def __repr__(self):
        return "I:" + super().__repr__()[:10]
print(repr(I()))
class J(A):
    def __init__(self):
        super(J, self).__init__(7)
print(J().x)
print(super(B, B).c())
