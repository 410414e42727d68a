# __getattr__ fallback and __setattr__ override on instances.

class G:
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        if name.startswith("no_"):
            raise AttributeError(name)
        return "computed " + name

g = G()
print(g.real, g.anything, g.other)
try:
    g.no_thing
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(g, "no_x"), hasattr(g, "yes"))
g.anything = "set"
print(g.anything, vars(g))
del g.anything
print(g.anything)
print(getattr(g, "no_z", "dflt"))

# __getattr__ is only called when the attribute is missing, including after del
class Counter:
    def __init__(self):
        self.calls = 0
    def __getattr__(self, name):
        self.__dict__["calls"] += 1
        return None
c = Counter()
c.x = 1
for i in range(5):
    c.x
    c.y
print(c.calls)
del c.x
c.x
print(c.calls)

# __setattr__ override calling object.__setattr__
class Logged:
    def __init__(self):
        self.a = 1
        self.b = 2
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name.upper() if name.startswith("u_") else name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)

l = Logged()
l.c = 3
l.u_d = 4
setattr(l, "e", 5)
print(vars(l))
del l.a
print(vars(l))
try:
    del l.missing
except AttributeError as e:
    print("AttributeError", e)
l.__dict__["direct"] = 1
print(l.direct, vars(l))

# __setattr__ that stores in __dict__ directly, in reversed order
class Rev:
    def __setattr__(self, name, value):
        d = self.__dict__
        d[name] = value
r = Rev()
r.p = 1; r.q = 2
print(vars(r))

# __setattr__ refusing some names
class Frozen:
    def __init__(self):
        object.__setattr__(self, "x", 1)
    def __setattr__(self, name, value):
        raise AttributeError("frozen: " + name)
f = Frozen()
try:
    f.x = 2
except AttributeError as e:
    print(e)
print(f.x, vars(f))

# __getattribute__ override
class GA:
    def __init__(self):
        self.v = 1
    def __getattribute__(self, name):
        if name == "v":
            return object.__getattribute__(self, name) * 100
        return object.__getattribute__(self, name)
ga = GA()
print(ga.v, ga.__dict__)
ga.v = 2
print(ga.v)

# super().__setattr__ in a subclass
class Base:
    pass
class Sub(Base):
    def __setattr__(self, name, value):
        super().__setattr__(name, value * 2)
s = Sub()
s.k = 5
print(vars(s))

# __getattr__ used by a loop site with mixed present/missing
class M:
    def __getattr__(self, name):
        return "fallback"
ms = [M() for _ in range(6)]
for i in range(0, 6, 2):
    ms[i].val = i
print([m.val for m in ms])
