# Attribute caches guess where an instance attribute lives; every guess must be checked.
class P:
    pass

def get_x(o):
    return o.x

def set_x(o, v):
    o.x = v

a = P(); a.x = 1; a.y = 2
b = P(); b.y = 3; b.x = 4          # same attributes in another order
c = P(); c.z = 0; c.y = 1; c.x = 5
for o in (a, b, c, a, b, c):
    print(get_x(o), end=" ")
print()
for i, o in enumerate((a, b, c, a)):
    set_x(o, i * 100)
print(a.x, b.x, c.x, a.__dict__, b.__dict__, c.__dict__)

del a.x                            # the hinted entry becomes a hole
try:
    get_x(a)
except AttributeError as e:
    print("AttributeError:", e)
set_x(a, "again")                  # re-added at a new entry
print(get_x(a), list(a.__dict__))

a.__dict__ = {"x": "new dict"}     # a whole new dict
print(get_x(a))
set_x(a, "stored in new dict")
print(a.__dict__)

# Growing an instance dict moves its entries to a new table.
d = P()
d.x = 0
for i in range(50):
    setattr(d, "f%d" % i, i)
    set_x(d, i)
print(get_x(d), len(d.__dict__))

# A class attribute added later: a data descriptor wins over the instance dict.
class Q:
    pass
q = Q(); q.x = "instance"
print(get_x(q))
Q.x = property(lambda self: "property")
print(get_x(q))
try:
    set_x(q, 1)
except AttributeError as e:
    print("AttributeError:", e)
del Q.x
print(get_x(q))
set_x(q, "instance again")
print(get_x(q))

# A non-data class attribute is shadowed by the instance's own value.
class R:
    x = "class"
r = R()
print(get_x(r))
set_x(r, "own")
print(get_x(r), R.x)
del r.x
print(get_x(r))

# Keys that are equal strings but not the same object.
s = P()
key = "".join(["x"])
setattr(s, key, "equal key")
print(get_x(s))
set_x(s, "overwritten")
print(s.__dict__)

# __setattr__ and __getattr__ hooks bypass the cache.
class Hooked:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, ("hooked", v))
    def __getattr__(self, k):
        return "missing " + k
h = Hooked()
set_x(h, 1)
print(get_x(h), h.other)

# Properties without a setter: named by __set_name__ or not; struct sequences.
class Named:
    @property
    def p(self):
        return 1
n = Named()
for attempt in (lambda: setattr(n, "p", 2), lambda: delattr(n, "p")):
    try:
        attempt()
    except AttributeError as e:
        print("AttributeError:", e)
import sys
try:
    sys.version_info.major = 4
except AttributeError as e:
    print("AttributeError:", e)
