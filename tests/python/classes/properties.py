# property getters/setters/deleters
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
print(t.celsius)
class Old:
    def _get(self): return "got"
    def _set(self, v): print("set", v)
    x = property(_get, _set, None, "the x doc")
o = Old()
print(o.x)
o.x = 5
print(Old.x.__doc__, type(Old.x).__name__)
print(Temp.celsius.fget.__name__, Temp.fahrenheit.fset)
class Lazy:
    calls = 0
    @property
    def val(self):
        Lazy.calls += 1
        return 42
l = Lazy()
print(l.val, l.val, Lazy.calls)
