# Some instances have attributes that others lack.

class C:
    def __init__(self, n):
        self.n = n
        if n % 2 == 0:
            self.even = True
        if n % 3 == 0:
            self.three = n // 3

def show(o):
    out = []
    for name in ("n", "even", "three"):
        try:
            out.append((name, getattr(o, name)))
        except AttributeError as e:
            out.append((name, "AttributeError: " + str(e)))
    return out

for i in range(7):
    o = C(i)
    print(i, vars(o), show(o))
    print("  hasattr", hasattr(o, "even"), hasattr(o, "three"), hasattr(o, "missing"))

o = C(1)
try:
    o.three
except AttributeError as e:
    print(type(e).__name__, e)
    print(e.name, e.obj is o)

class D(C):
    pass

d = D(5)
try:
    d.even
except AttributeError as e:
    print(type(e).__name__, e)

print(getattr(C(1), "even", "default"), getattr(C(2), "even", "default"))

# site that alternates between present and missing
def read(o):
    try:
        return o.even
    except AttributeError:
        return None

print([read(C(i)) for i in range(20)])

# Instances of a class with no attributes at all
class E:
    pass
try:
    E().x
except AttributeError as e:
    print(e)

# Attribute missing on an instance whose class defines other things
class F:
    y = 1
    def m(self):
        return 2
f = F()
try:
    f.x
except AttributeError as e:
    print(e)
print(f.y, f.m())
