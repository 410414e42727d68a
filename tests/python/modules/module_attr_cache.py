# Module attributes are cached by the module dict's keys version; every change shows.
import math
import sys
import types

def use(m):
    return m.value

def call_sqrt(x):
    return math.sqrt(x)

print([call_sqrt(x) for x in (4.0, 9.0)])
real = math.sqrt
math.sqrt = lambda x: "patched"
print(call_sqrt(4.0))
math.sqrt = real
print(call_sqrt(16.0))

m = types.ModuleType("m")
m.value = 1
print(use(m), use(m))
m.value = 2
print(use(m))
del m.value
try:
    use(m)
except AttributeError as e:
    print("AttributeError:", e)
m.__getattr__ = lambda name: "from __getattr__ " + name
print(use(m))
m.value = 3
for i in range(50):
    setattr(m, "x%d" % i, i)
print(use(m), m.x49)

class Special(types.ModuleType):
    @property
    def value(self):
        return "property"

m2 = types.ModuleType("m2")
m2.value = "plain"
print(use(m2))
m2.__class__ = Special
print(use(m2))

print(sys.modules[__name__].use is use)
print(math.__name__, math.__dict__ is vars(math), type(math).__name__)
import types
class S(types.ModuleType): pass
m = types.ModuleType("m")
m.__class__ = S
print(type(m).__name__)
try:
    m.__class__ = int
except TypeError as e: print(e)
class A: pass
try:
    A().__class__ = S
except TypeError as e: print(e)
