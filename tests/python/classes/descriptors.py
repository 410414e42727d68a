# Data and non-data descriptors, __set_name__
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
class Point:
    x = Typed()
    y = Typed()
p = Point()
p.x = 3
print(p.x, p.y, type(Point.x).__name__)
try:
    p.y = "no"
except TypeError as e:
    print("TypeError", e)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class C:
    attr = NonData()
c = C()
print(c.attr)
c.__dict__['attr'] = "from instance"
print(c.attr)
class Data:
    def __get__(self, obj, objtype=None):
        return "data descriptor wins"
    def __set__(self, obj, v):
        pass
class D:
    attr = Data()
d = D()
d.__dict__['attr'] = "instance"
print(d.attr)
class Counted:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, t):
        self.reads += 1
        return self.reads
class E:
    n = Counted()
e = E()
print(e.n, e.n, E.n)
class Method:
    def __init__(self, f): self.f = f
    def __get__(self, obj, t=None):
        if obj is None:
            return self
        return lambda *a: self.f(obj, *a)
class F:
    @Method
    def hello(self, x):
        return f"hello {x} from {type(self).__name__}"
print(F().hello("w"))
def plain(self): return "plain"
bound = plain.__get__(F(), F)
print(bound(), type(bound).__name__)
class WithDelete:
    def __get__(self, o, t): return "g"
    def __delete__(self, o): print("__delete__ called")
class G:
    a = WithDelete()
del G().a
