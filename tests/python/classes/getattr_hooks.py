# __getattr__, __getattribute__, __setattr__, __delattr__
class Fallback:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"no {name}")
f = Fallback()
print(f.real, f.dyn_abc, getattr(f, "dyn_x"), hasattr(f, "other"))
try:
    f.other
except AttributeError as e:
    print("AttributeError", e)
class Logged:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
l = Logged()
l.a = 5
print(l.a, l.secret)
del l.a
print(hasattr(l, "a"))
class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom missing")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
b = Both()
print(b.boom, b.anything)
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, n, v):
        raise AttributeError("frozen")
fr = Frozen(3)
print(fr.v)
try:
    fr.v = 4
except AttributeError as e:
    print("AttributeError", e)
class Proxy:
    def __init__(self, target):
        self._t = target
    def __getattr__(self, n):
        return getattr(self._t, n)
p = Proxy([3, 1, 2])
p.sort()
print(p._t, p.count(1), p.index(3))
