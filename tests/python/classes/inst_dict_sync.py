# obj.__dict__ modification is reflected in attribute access and vice versa.

class C:
    pass

o = C()
o.__dict__["x"] = 1
print(o.x, vars(o))
o.x = 2
print(o.__dict__, o.__dict__["x"])
d = o.__dict__
o.y = 3
print(d, d is o.__dict__, d is vars(o))
d["z"] = 4
print(o.z)
o.__dict__.update(a=5, b=6)
print(o.a, o.b, list(vars(o)))
o.__dict__.update({"x": 100, "new": 7})
print(o.x, o.new, list(vars(o)))

o.__dict__.clear()
print(vars(o), hasattr(o, "x"))
try:
    o.x
except AttributeError as e:
    print(e)
o.x = 9
print(vars(o), d)

# clear then add in new order
p = C()
p.a = 1; p.b = 2
p.__dict__.clear()
p.b = 3; p.a = 4
print(list(p.__dict__.items()))

# dict methods on __dict__
q = C()
q.m = 1; q.n = 2
print(sorted(q.__dict__.keys()), "m" in q.__dict__, "zz" in q.__dict__)
print(q.__dict__.get("m"), q.__dict__.get("zz", "none"))
print(type(q.__dict__).__name__, isinstance(q.__dict__, dict))
print(q.__dict__ == {"m": 1, "n": 2}, q.__dict__ == {"n": 2, "m": 1})
print(dict(q.__dict__), q.__dict__.copy())
cp = q.__dict__.copy()
cp["m"] = 99
print(q.m, cp)
print(len(q.__dict__), list(reversed(q.__dict__)))
print(q.__dict__ | {"o": 3})
q.__dict__ |= {"o": 3}
print(q.o, vars(q))

# iterating __dict__ while not mutating
r = C()
for i in range(5):
    setattr(r, "k%d" % i, i)
print([(k, v) for k, v in r.__dict__.items()])

# mutating __dict__ during iteration raises
try:
    for k in r.__dict__:
        r.extra = 1
except RuntimeError as e:
    print("RuntimeError", e)
print("extra" in vars(r))

# dict views
s = C(); s.a = 1; s.b = 2
t = C(); t.b = 2; t.a = 1
print(s.__dict__ == t.__dict__, s.__dict__.keys() == t.__dict__.keys())
print(s.__dict__.items() == t.__dict__.items())
print(list(s.__dict__.values()), list(t.__dict__.values()))
ks = s.__dict__.keys()
s.c = 3
print(list(ks), len(ks))
try:
    hash(s.__dict__)
except TypeError as e:
    print("TypeError", e)
print(s.__dict__.keys() & {"a", "c"} == {"a", "c"})
print(repr(s.__dict__), str(t.__dict__))
