"""chaos: a chaos game whose maps follow B-spline curves.

Written for hotpy. Three cubic B-splines (clamped, uniform knots, evaluated
with de Boor's algorithm) define three maps of the unit square: a point (s, t)
goes to the spot on the curve at parameter s, pushed sideways along the
curve's normal by an amount that depends on t. Each step picks one map at
random, weighted by the curve's length, and applies it; the point lands in a
grid of cells. The random numbers come from a small linear congruential
generator with a fixed seed, so every run makes the same picture.

Instead of writing an image it prints how many cells were hit, the most hits
in one cell and a checksum of the whole grid. The dynamics are chaotic, so a
one-bit difference in any float operation changes the result.

Usage: python3 chaos.py [ITERATIONS]
"""

import sys
from math import sqrt

WIDTH = 64
HEIGHT = 48


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def length(self):
        return sqrt(self.x * self.x + self.y * self.y)

    def lerp(self, other, alpha):
        """The point a fraction `alpha` of the way from self to other."""
        return self * (1.0 - alpha) + other * alpha


class BSpline:
    def __init__(self, points, degree=3):
        if len(points) <= degree:
            raise ValueError("a degree %d spline needs more than %d points" % (degree, degree))
        self.points = [Vec(x, y) for x, y in points]
        self.degree = degree
        segments = len(points) - degree
        self.knots = (
            [0.0] * degree
            + [i / segments for i in range(segments)]
            + [1.0] * (degree + 1)
        )

    def span(self, u):
        """Index k with knots[k] <= u < knots[k + 1] (the last span for u = 1)."""
        knots = self.knots
        lo = self.degree
        hi = len(self.points) - 1
        if u >= knots[hi + 1]:
            return hi
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if knots[mid] <= u:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def __call__(self, u):
        p = self.degree
        k = self.span(u)
        knots = self.knots
        d = [self.points[j + k - p] for j in range(p + 1)]
        for r in range(1, p + 1):
            for j in range(p, r - 1, -1):
                left = knots[j + k - p]
                right = knots[j + 1 + k - r]
                alpha = (u - left) / (right - left)
                d[j] = d[j - 1].lerp(d[j], alpha)
        return d[p]

    def length(self, samples=200):
        total = 0.0
        prev = self(0.0)
        for i in range(1, samples + 1):
            cur = self(i / samples)
            total += (cur - prev).length()
            prev = cur
        return total


class Lcg:
    """A 31-bit linear congruential generator (the classic C library constants)."""

    def __init__(self, seed):
        self.state = seed & 0x7FFFFFFF

    def next_float(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 7) / 16777216.0


class ChaosGame:
    def __init__(self, splines, thickness):
        self.splines = splines
        self.thickness = thickness
        lengths = [s.length() for s in splines]
        total = 0.0
        for length in lengths:
            total += length
        self.cumulative = []
        acc = 0.0
        for length in lengths:
            acc += length / total
            self.cumulative.append(acc)
        self.cumulative[-1] = 1.0
        self.bounds = self.find_bounds()

    def find_bounds(self):
        min_x = min_y = 1e300
        max_x = max_y = -1e300
        for spline in self.splines:
            for p in spline.points:
                min_x = min(min_x, p.x)
                max_x = max(max_x, p.x)
                min_y = min(min_y, p.y)
                max_y = max(max_y, p.y)
        pad = self.thickness
        return (min_x - pad, min_y - pad, max_x + pad, max_y + pad)

    def pick(self, r):
        for i, c in enumerate(self.cumulative):
            if r < c:
                return self.splines[i]
        return self.splines[-1]

    def transform(self, spline, s, t):
        eps = 1.0 / 4096
        p = spline(s)
        ahead = spline(min(1.0, s + eps))
        behind = spline(max(0.0, s - eps))
        tangent = ahead - behind
        tlen = tangent.length()
        if tlen == 0.0:
            normal = Vec(0.0, 1.0)
        else:
            normal = Vec(-tangent.y / tlen, tangent.x / tlen)
        return p + normal * ((t - 0.5) * self.thickness)

    def run(self, iterations, rng):
        grid = [[0] * WIDTH for _ in range(HEIGHT)]
        min_x, min_y, max_x, max_y = self.bounds
        span_x = max_x - min_x
        span_y = max_y - min_y
        s, t = 0.5, 0.5
        for _ in range(iterations):
            spline = self.pick(rng.next_float())
            q = self.transform(spline, s, t)
            s = (q.x - min_x) / span_x
            t = (q.y - min_y) / span_y
            s = min(1.0, max(0.0, s))
            t = min(1.0, max(0.0, t))
            col = min(WIDTH - 1, int(s * WIDTH))
            row = min(HEIGHT - 1, int(t * HEIGHT))
            grid[row][col] += 1
            # Stir the parameters a little so the orbit does not settle.
            s = (s + 0.61803398875 * rng.next_float()) % 1.0
        return grid


def summarise(grid):
    hit = 0
    most = 0
    checksum = 0
    for row in range(HEIGHT):
        line = grid[row]
        for col in range(WIDTH):
            n = line[col]
            if n:
                hit += 1
                if n > most:
                    most = n
            checksum = (checksum * 131 + n * (row + 1) + col) % 2147483647
    return hit, most, checksum


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 18000
    splines = [
        BSpline([(0.0, 0.0), (0.3, 0.9), (0.5, 0.2), (0.8, 1.0), (1.0, 0.4), (1.2, 0.8)]),
        BSpline([(0.1, 1.1), (0.4, 0.6), (0.6, 1.3), (0.9, 0.7), (1.1, 1.2)]),
        BSpline([(0.2, -0.1), (0.5, 0.5), (0.3, 0.9), (0.7, 0.4), (1.0, -0.2), (0.9, 0.6), (0.6, 0.1)]),
    ]
    game = ChaosGame(splines, 0.25)
    grid = game.run(iterations, Lcg(1234567))
    hit, most, checksum = summarise(grid)
    print("iterations %d: %d cells hit, busiest cell %d, checksum %d" % (iterations, hit, most, checksum))
    for row in range(0, HEIGHT, 8):
        print("".join(".:-=+*#%@"[min(8, n)] for n in grid[row]))


if __name__ == "__main__":
    main()
