# A full numeric class: fractions with operator overloading, hashing, ordering, conversions
from math import gcd
class Frac:
    __slots__ = ("n", "d")
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac with zero denominator")
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    @staticmethod
    def of(x):
        return x if isinstance(x, Frac) else Frac(x)
    def __add__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o):
        return Frac.of(o) - self
    def __mul__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, o):
        return Frac.of(o) / self
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __eq__(self, o):
        o = Frac.of(o)
        return self.n == o.n and self.d == o.d
    def __hash__(self):
        return hash((self.n, self.d)) if self.d != 1 else hash(self.n)
    def __lt__(self, o):
        o = Frac.of(o)
        return self.n * o.d < o.n * self.d
    def __float__(self):
        return self.n / self.d
    def __repr__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else f"{self.n}"
h = Frac(0)
for k in range(1, 11):
    h = h + Frac(1, k)
print(h, float(h))
print(Frac(1, 2) + 1, 1 + Frac(1, 2), 1 - Frac(1, 3), 2 / Frac(3, 4), -Frac(2, 4), Frac(6, -8))
print(Frac(2, 4) == Frac(1, 2), Frac(2, 1) == 2, len({Frac(1, 2), Frac(2, 4), Frac(3, 6)}), {Frac(4, 2): "two"}[2] if hash(Frac(4, 2)) == hash(2) else "nohash")
print(sorted([Frac(1, 3), Frac(1, 4), Frac(1, 2), Frac(-1, 2)]), min(Frac(5, 3), Frac(3, 2)))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    Frac(1).x = 2
except AttributeError as e:
    print("AttributeError", e)
