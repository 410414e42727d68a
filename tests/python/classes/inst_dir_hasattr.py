# hasattr and dir() with instance attributes.

class C:
    cls = 1
    def meth(self):
        pass

o = C()
o.zeta = 1
o.alpha = 2
o.__dict__["mid"] = 3
d = dir(o)
print(d == sorted(d), [n for n in d if not n.startswith("__")])
print("zeta" in d, "cls" in d, "meth" in d, "__class__" in d, "__dict__" in d)
del o.zeta
print([n for n in dir(o) if not n.startswith("__")])
o.cls = "inst"
print([n for n in dir(o) if not n.startswith("__")].count("cls"))

print(hasattr(o, "alpha"), hasattr(o, "zeta"), hasattr(o, "cls"), hasattr(o, "meth"))
print(hasattr(o, "__dict__"), hasattr(o, "__class__"))

# hasattr with a property that raises
class P:
    @property
    def bad(self):
        raise AttributeError("nope")
    @property
    def worse(self):
        raise ValueError("boom")
p = P()
print(hasattr(p, "bad"))
try:
    hasattr(p, "worse")
except ValueError as e:
    print("ValueError", e)
p.__dict__["bad"] = 1
print(hasattr(p, "bad"))

# dir with __dir__ override
class Custom:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(Custom()))

# dir of subclass instance includes base attributes and instance attributes
class Base:
    def base_m(self):
        pass
class Sub(Base):
    def __init__(self):
        self.inst = 1
print([n for n in dir(Sub()) if not n.startswith("__")])


# dir after __dict__ replaced
r = C()
r.__dict__ = {"only": 1}
print([n for n in dir(r) if not n.startswith("__")])

# hasattr in a warm loop with an attribute that comes and goes
class H:
    pass
h = H()
flags = []
for i in range(30):
    if i % 10 == 5:
        h.t = i
    elif i % 10 == 0 and hasattr(h, "t"):
        del h.t
    flags.append(hasattr(h, "t"))
print("".join("1" if f else "0" for f in flags))
