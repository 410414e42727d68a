# Arithmetic dunders, reflected and in-place
class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self): return Vec(-self.x, -self.y)
    def __pos__(self): return self
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self): return Vec(self.y, self.x)
    def __truediv__(self, k): return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k): return Vec(self.x // k, self.y // k)
    def __mod__(self, k): return Vec(self.x % k, self.y % k)
    def __pow__(self, k, mod=None): return Vec(pow(self.x, k, mod), pow(self.y, k, mod))
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, o): return "lshift"
    def __rshift__(self, o): return "rshift"
    def __rsub__(self, o): return "rsub"
    def __repr__(self): return f"Vec({self.x}, {self.y})"
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, +a, abs(b), ~a)
print(b / 2, b // 2, b % 2, b ** 2, pow(b, 2, 5), a @ b)
print(a & b, a | b, a ^ b, a << 1, a >> 1, 5 - a)
print(sum([a, b, Vec(10, 10)]))
try:
    a + 1
except TypeError as e:
    print("TypeError", e)
try:
    "s" @ a
except TypeError as e:
    print("TypeError", e)
class Num:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __int__(self): return self.v + 1000
    def __float__(self): return 0.5
    def __complex__(self): return 1j
    def __round__(self, n=None): return "rounded"
    def __trunc__(self): return 7
    def __floor__(self): return 8
    def __ceil__(self): return 9
n = Num(3)
import math
print([10, 20, 30, 40][n], bin(n), hex(n), int(n), float(n), complex(n), round(n), math.trunc(n), math.floor(n), math.ceil(n))
print("ab" * Num(2), range(Num(4)))
