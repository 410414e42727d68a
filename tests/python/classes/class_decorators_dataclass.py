# dataclasses and class decorators
from dataclasses import dataclass, field
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    def norm1(self):
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.norm1(), p == Point(3, -4), p == Point(3, 4))
p.tags.append("t")
print(Point(1), Point(1).tags, p)
@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
vs = sorted([Version(1, 2), Version(0, 9), Version(1, 0)])
print(vs, Version(1, 0) < Version(1, 1), hash(Version(1, 2)) == hash(Version(1, 2)))
try:
    vs[0].major = 5
except Exception as e:
    print(type(e).__name__, e)
