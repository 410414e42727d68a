# LOAD_METHOD may skip the instance dict only while no instance value shadows a method.
class A:
    def m(self):
        return "method"

def call_m(o):
    return o.m()

a = A()
print(call_m(a))
a.m = lambda: "instance attribute"      # shadows through setattr
print(call_m(a), call_m(A()))

class B:
    def m(self):
        return "B.m"
b = B()
print(call_m(b))
b.__dict__["m"] = lambda: "via __dict__"
print(call_m(b))

class C:
    def m(self):
        return "C.m"
c = C()
print(call_m(c))
vars(c)["m"] = lambda: "via vars"
print(call_m(c))

class D:
    def m(self):
        return "D.m"
d = D()
d.__dict__ = {"m": lambda: "new __dict__"}
print(call_m(d))

# A value stored before the class had the method, then the method is added.
class E:
    pass
e = E()
e.m = lambda: "stored first"
E.m = lambda self: "added later"
print(call_m(e), call_m(E()))

# Methods added to a base class after instances exist.
class Base:
    pass
class Sub(Base):
    pass
s = Sub()
s.m = lambda: "instance of Sub"
Base.m = lambda self: "Base.m"
print(call_m(s), call_m(Sub()))

# __class__ assignment to a class whose method the instance dict shadows.
class F:
    pass
class G:
    def m(self):
        return "G.m"
f = F()
f.m = lambda: "f's own"
f.__class__ = G
print(call_m(f), call_m(G()))

# object.__setattr__ and setattr() go through the same checks.
class H:
    def m(self):
        return "H.m"
h = H()
print(call_m(h))
object.__setattr__(h, "m", lambda: "object.__setattr__")
print(call_m(h))
h2 = H()
setattr(h2, "m", lambda: "setattr")
print(call_m(h2))

# Decorated classes (attributes set after creation) still find their methods.
def add_method(cls):
    cls.extra = lambda self: "extra"
    return cls
@add_method
class K:
    def m(self):
        return "K.m"
k = K()
print(call_m(k), k.extra())
k.extra = lambda: "shadowed extra"
print(k.extra())
