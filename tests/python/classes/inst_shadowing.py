# Class attribute vs instance attribute, including class changes after instances exist.

class C:
    x = "class x"
    def m(self):
        return "method m"

a = C(); b = C()
a.x = "inst x"
print(a.x, b.x, C.x)
C.x = "new class x"
print(a.x, b.x)
del a.x
print(a.x)
a.x = "again"

# Add a property (data descriptor) after instances have values in their dicts
C.y_store = None
a.y = "inst y"
print(a.y, vars(a))
C.y = property(lambda self: "property y")
print(a.y, vars(a))
try:
    a.y = 1
except AttributeError as e:
    print("AttributeError", e)
print(vars(a)["y"])
del C.y
print(a.y)

# Non-data descriptor (function) added after: instance value still wins
a.z = "inst z"
C.z = lambda self: "method z"
print(a.z, b.z())
del a.z
print(a.z())

# Data descriptor with __set__ added after instances exist
class Desc:
    def __get__(self, obj, cls):
        if obj is None:
            return self
        return "desc get " + obj.__dict__.get("w", "?")
    def __set__(self, obj, value):
        obj.__dict__["w"] = "set:" + str(value)

class D:
    pass
objs = [D() for _ in range(3)]
for i, o in enumerate(objs):
    o.w = str(i)
print([o.w for o in objs])
D.w = Desc()
print([o.w for o in objs])
objs[0].w = 5
print(objs[0].__dict__, objs[0].w)
del D.w
print([o.w for o in objs])

# Descriptor with only __set__ (data descriptor without __get__)
class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__["v"] = value * 2
class E:
    pass
e = E()
e.v = 1
E.v = SetOnly()
print(e.v)
e.v = 10
print(e.v, vars(e))

# Descriptor with only __delete__ is a data descriptor too
class DelOnly:
    def __get__(self, obj, cls):
        return "delonly get"
    def __delete__(self, obj):
        print("delete called")
class F:
    pass
f = F()
f.u = "inst u"
F.u = DelOnly()
print(f.u)
del f.u
print(vars(f))
try:
    f.u = 3
except AttributeError as e:
    print("AttributeError", e)

# Methods shadowed by instance attributes
class G:
    def hello(self):
        return "hello method"
g = G()
print(g.hello())
g.hello = lambda: "hello instance"
print(g.hello(), G.hello(g))
del g.hello
print(g.hello())

# classmethod/staticmethod on the class, shadowed by instance value
class H:
    @classmethod
    def cm(cls):
        return "cm " + cls.__name__
    @staticmethod
    def sm():
        return "sm"
h = H()
h.cm = "inst cm"
h.sm = "inst sm"
print(h.cm, h.sm, H.cm(), H.sm())

# Class attribute added to a base after subclass instances exist
class Base:
    pass
class Sub(Base):
    pass
s = Sub()
s.q = "inst q"
Base.q = property(lambda self: "base property q")
print(s.q)
Sub.q = "sub class q"
print(s.q)
del Sub.q
print(s.q)
del Base.q
print(s.q)
