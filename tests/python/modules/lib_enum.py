# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, functional API
from enum import Enum, IntEnum, Flag, IntFlag, auto, StrEnum, unique
class P(Flag):
    R = 4; W = 2; X = 1
print(repr(P.R|P.W), str(P.R|P.W), repr(P(0)), str(P(0)), list(P.R|P.X), len(P.R|P.W), P.R in (P.R|P.W), ~P.R, repr(P(7)), bool(P(0)))
class I(IntFlag):
    A = 1; B = 2
print(repr(I.A|I.B), str(I.A|I.B), I.A|4, repr(I(8)), format(I.A), I.A + 1)
class C(Enum):
    RED = 1; GREEN = 2; ALIAS = 1
print(repr(C.RED), str(C.RED), format(C.RED), f"{C.GREEN}", C(1), C["GREEN"], list(C), len(C), C.ALIAS is C.RED, list(C.__members__))
class N(IntEnum):
    A = 1; B = auto()
print(repr(N.B), str(N.B), format(N.B), N.B + 1, N.A == 1, f"{N.A}", hash(N.A) == hash(1))
class S(StrEnum):
    X = auto(); Y = "yy"
print(repr(S.X), str(S.X), S.X == "x", S("yy"))
try: C(5)
except ValueError as e: print(e)
print(C.RED in C, C.RED.name, C.RED.value, repr(C))
A = Enum("A", "X Y")
print(list(A), A.X.value, A.__module__)
try:
    @unique
    class U(Enum):
        A = 1; B = 1
except ValueError as e: print(e)
class T(Enum):
    a = 1
    def describe(self): return self.name.upper()
    @classmethod
    def first(cls): return list(cls)[0]
print(T.a.describe(), T.first())
try: C.RED = 3
except AttributeError as e: print(e)
print(P.R.name, (P.R|P.W).name, P(0).name, P(0).value)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.MARS.value, Planet((6.42e23, 3.39e6)))
class Color(Enum):
    R = auto(); G = auto(); B = auto()
print([c.value for c in Color], Color.G, sorted(Color, key=lambda c: -c.value)[0])
d = {Color.R: "red"}
print(d[Color.R], Color.R == Color.R, Color.R != Color.G, isinstance(Color.R, Color), type(Color.R).__name__)
class Shape(Enum):
    SQ = 1
    @property
    def sides(self): return 4
print(Shape.SQ.sides, Shape(1) is Shape.SQ)
match Color.G:
    case Color.R: print("red")
    case Color.G: print("green")
class Miss(Enum):
    A = 1
    @classmethod
    def _missing_(cls, v): return cls.A
print(Miss(99))
print(IntEnum("Z", "a b").b.value, [m.name for m in reversed(Color)])
