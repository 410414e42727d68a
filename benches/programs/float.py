"""float: create many small float-holding objects, normalise them, take the maximum.

Written for hotpy. Point i starts at (sin i, 3 cos i, sin(i)^2 / 2). Every
point is scaled to unit length, then the points are folded into one by taking
the component-wise maximum. The work is attribute access, float arithmetic,
object allocation and `math` calls.

It prints the maximum point of each round to twelve decimals and a running
sum of all normalised x coordinates.

Usage: python3 float.py [POINTS]
"""

import sys
from math import cos, sin, sqrt


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%.12f, y=%.12f, z=%.12f>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


def run(n, offset):
    points = [Point(i + offset) for i in range(n)]
    total = 0.0
    for p in points:
        p.normalize()
        total += p.x
    return maximize(points), total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150000
    for round_no in range(3):
        best, total = run(n, round_no * 7)
        print(best, "sum_x=%.9f" % total)


if __name__ == "__main__":
    main()
