# dataclasses and classes built by type(name, bases, ns).
from dataclasses import dataclass, field, fields, asdict, replace

@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)

p = Point(1)
q = Point(y=5, x=2)
print(p, q, vars(p), vars(q), list(vars(q)))
p.z = 9
print(vars(p), p == Point(1))
print(asdict(q), replace(q, y=7))
del p.y
print(p.y, vars(p))
print([f.name for f in fields(Point)])

@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = "b"
fr = Frozen(1)
print(fr, vars(fr), hash(fr) == hash(Frozen(1)))
try:
    fr.a = 2
except Exception as e:
    print(type(e).__name__, e)
try:
    del fr.a
except Exception as e:
    print(type(e).__name__, e)

@dataclass
class Child(Point):
    w: int = 3
print(vars(Child(1, 2)))

@dataclass(order=True)
class Ord:
    k: int
    v: str
print(sorted([Ord(2, "b"), Ord(1, "z"), Ord(2, "a")]))

# type() three-arg form
def init(self, a, b):
    self.a = a
    self.b = b
T = type("T", (), {"__init__": init, "cls_attr": "c", "m": lambda self: self.a + self.b})
t = T(1, 2)
print(type(t).__name__, vars(t), t.m(), t.cls_attr)
t.cls_attr = "shadow"
print(t.cls_attr, T.cls_attr)
U = type("U", (T,), {})
u = U(3, 4)
u.extra = 5
print(vars(u), u.m(), isinstance(u, T))
V = type("V", (), {})
vs = [V() for _ in range(3)]
vs[0].a = 1
vs[1].b = 2
vs[2].a = 3; vs[2].b = 4
print([vars(v) for v in vs])
try:
    vs[1].a
except AttributeError as e:
    print(e)
W = type("W", (object,), {"__slots__": ("s",)})
w = W()
w.s = 1
print(w.s, hasattr(w, "__dict__"))
X = type("X", (), {"p": property(lambda self: "xp")})
xo = X()
xo.__dict__["p"] = "inst"
print(xo.p)
