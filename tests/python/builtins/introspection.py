# type, isinstance, issubclass, callable, getattr/setattr/hasattr/delattr, vars, dir, id-free checks
class Base:
    cls_attr = 1
    def method(self): pass
class Child(Base):
    def __init__(self):
        self.inst = 2
c = Child()
print(type(c).__name__, type(c) is Child, type(Child).__name__, type(None).__name__, type(type).__name__)
print(isinstance(c, Base), isinstance(c, (int, Base)), isinstance(1, (str, (float, int))), isinstance(True, int))
print(issubclass(Child, Base), issubclass(bool, int), issubclass(int, object), issubclass(Base, (str, Child)))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError", e)
print(callable(len), callable(c.method), callable(Child), callable(c), callable(None), callable(lambda: 0))
print(getattr(c, "inst"), getattr(c, "cls_attr"), getattr(c, "nope", None), hasattr(c, "inst"), hasattr(c, "zzz"))
setattr(c, "dyn", 42)
print(c.dyn, vars(c))
delattr(c, "dyn")
print(hasattr(c, "dyn"), vars(c))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError", e)
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print("__init__" in dir(Child), "__class__" in dir(c), "method" in dir(Base))
print(sorted(k for k in vars(Base) if not k.startswith("__")))
try:
    vars(1)
except TypeError as e:
    print("TypeError", e)
print(type(1) == int, type(1.0) in (int, float), type("") is str)
import math
print([n for n in dir(math) if n.startswith("is")])
