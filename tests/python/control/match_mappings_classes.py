# match: mapping patterns and class patterns
def mp(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} extra={rest}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "mapping without type"
        case _:
            return "not a mapping"
for v in [{"type": "point", "x": 1, "y": 2, "z": 0}, {"type": "circle", "r": 5, "fill": "red"},
          {"type": "sq"}, {}, {"x": 1}, [("type", "point")]]:
    print(mp(v))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    def __init__(self, c, r):
        self.c, self.r = c, r
def cls(o):
    match o:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Circle(c=Point(x=cx), r=r) if r > 10:
            return f"big circle at x={cx}"
        case Circle(r=r):
            return f"circle {r}"
        case int(i) | float(i):
            return f"number {i}"
        case str(s):
            return f"string {s}"
        case [Point(), *_]:
            return "list of points"
        case Point():
            return "some point"
        case _:
            return "?"
for o in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Circle(Point(1, 1), 20),
          Circle(Point(1, 1), 2), 7, 2.5, "s", [Point(1, 1)], object()]:
    print(cls(o))
try:
    match Circle(1, 2):
        case Circle(1, 2):
            pass
except TypeError as e:
    print("TypeError", e)
class P2:
    __match_args__ = ("a",)
    def __init__(self): self.a = 1
try:
    match P2():
        case P2(x, y):
            pass
except TypeError as e:
    print("TypeError", e)
match {"k": 1}:
    case {"k": 1 | 2 as val}:
        print("or-as in mapping", val)
match (1, [2, {"z": 3}]):
    case (a, [b, {"z": c}]):
        print("deep", a, b, c)
