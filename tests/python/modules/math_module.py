# math: every function over special values, argument conversion and errors
import math
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        msg = str(e)
        if isinstance(e, TypeError) and ("argument" in msg or "given" in msg):
            msg = "(arguments)"
        print(type(e).__name__, msg)

nan, inf = math.nan, math.inf
print(math.pi, math.e, math.tau, math.inf, math.nan)
for name in ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'gamma', 'lgamma', 'log', 'log10', 'log1p', 'log2', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'degrees', 'radians', 'ulp', 'isfinite', 'isinf', 'isnan', 'floor', 'ceil', 'trunc', 'frexp', 'modf']:
    f = getattr(math, name)
    for x in [0.0, -0.0, 0.5, 1, -1, 2, -2.5, 10, 700, 1000, 1e-300, 1e300, inf, -inf, nan, 2**1000, True]:
        show(lambda: f(x))
for name in ['atan2', 'copysign', 'fmod', 'pow', 'remainder', 'nextafter', 'hypot', 'dist', 'log', 'isclose']:
    f = getattr(math, name)
    for x, y in [(1, 2), (0.0, -0.0), (-1, 0.5), (inf, 2), (2, inf), (nan, 1), (1, nan), (0, 0), (-2, -3), (1e308, 10), (3, 0), (10, 1)]:
        if name == 'dist':
            show(lambda: f((x, y), (y, x)))
        else:
            show(lambda: f(x, y))
show(lambda: math.sqrt())
show(lambda: math.sqrt(1, 2))
show(lambda: math.sqrt(x=1))
show(lambda: math.sqrt('x'))
show(lambda: math.atan2(1))
show(lambda: math.log())
show(lambda: math.log(1, 2, 3))
show(lambda: math.log(0))
show(lambda: math.log(-2**2000))
show(lambda: math.log(2**2000, 2))
show(lambda: math.log2(2**3000))
show(lambda: math.log10(10**500))
show(lambda: math.log(10, 1))
show(lambda: math.perm())
show(lambda: math.perm(1, 2, 3))
show(lambda: [math.perm(5), math.perm(5, 2), math.perm(5, 6), math.comb(5, 2), math.comb(50, 25), math.comb(5, 6), math.perm(5, None)])
show(lambda: math.comb(1))
show(lambda: math.comb(-1, 2))
show(lambda: math.comb(5, -2))
show(lambda: math.comb(5.0, 2))
show(lambda: [math.factorial(0), math.factorial(20), math.factorial(21), math.factorial(30), math.factorial(True)])
show(lambda: math.factorial(-1))
show(lambda: math.factorial(2.0))
show(lambda: math.factorial(2**70))
show(lambda: [math.gcd(), math.gcd(0), math.gcd(-12, 18), math.gcd(12, 18, 8), math.gcd(2**100, 2**60 * 3), math.lcm(), math.lcm(4, 6), math.lcm(-4, 6, 10), math.lcm(0, 5)])
show(lambda: math.gcd(1.5))
show(lambda: math.gcd(a=1))
show(lambda: [math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40), math.isqrt(True)])
show(lambda: math.isqrt(-1))
show(lambda: math.isqrt(2.0))
show(lambda: [math.ldexp(1.0, 1024 - 1), math.ldexp(1, -1075), math.ldexp(1.5, 2), math.ldexp(inf, -10), math.ldexp(1.0, -2**70), math.ldexp(0.0, 2**70)])
show(lambda: math.ldexp(1.0, 1024))
show(lambda: math.ldexp(1.0, 2**70))
show(lambda: math.ldexp(1.0, 2.0))
show(lambda: [math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf), math.isclose(nan, nan)])
show(lambda: math.isclose(1))
show(lambda: math.isclose(1, 2, 3))
show(lambda: math.isclose(1, 2, rel_tol=-1))
show(lambda: math.isclose(1, 2, foo=1))
show(lambda: [math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum(range(10)), math.fsum(x / 10 for x in range(10)), math.fsum([inf, 1]), math.fsum([1e308, 1e308, -1e308])])
show(lambda: math.fsum([inf, -inf]))
show(lambda: math.fsum([1e308, 1e308]))
show(lambda: math.fsum(1))
show(lambda: math.fsum(['a']))
show(lambda: [math.prod([]), math.prod([1, 2, 3]), math.prod(range(1, 30)), math.prod([1.5, 2]), math.prod([2, 3], start=2.0), math.prod(['a', 3], start=1), math.prod([[1], 2])])
show(lambda: math.prod([1, 2], 3))
show(lambda: math.prod())
show(lambda: math.prod([1], begin=1))
show(lambda: [math.hypot(), math.hypot(3), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(inf, nan), math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324)])
show(lambda: math.hypot(x=1))
show(lambda: [math.dist([0, 0], [3, 4]), math.dist((1,), (5,)), math.dist([], [])])
show(lambda: math.dist([1], [1, 2]))
show(lambda: math.dist(1, 2))
class Fl:
    def __floor__(self): return 'floor!'
    def __ceil__(self): return 'ceil!'
    def __trunc__(self): return 'trunc!'
    def __float__(self): return 2.5
class G:
    def __float__(self): return -2.5
show(lambda: [math.floor(Fl()), math.ceil(Fl()), math.trunc(Fl()), math.floor(G()), math.ceil(G()), math.sqrt(Fl())])
show(lambda: math.trunc(G()))
show(lambda: math.floor('x'))
show(lambda: math.trunc('x'))
show(lambda: [math.floor(2**100), math.ceil(-2**100), math.trunc(2**100), math.floor(1e300) == 10**300, math.floor(-1e20)])
show(lambda: math.floor(inf))
show(lambda: math.ceil(nan))
show(lambda: math.frexp(2**2000))
show(lambda: [math.nextafter(1, 2), math.nextafter(0.0, -1), math.nextafter(inf, 0), math.ulp(1e308), math.ulp(0.0), math.ulp(-inf)])
show(lambda: [math.remainder(5, 3), math.remainder(-5, 3), math.remainder(4.5, 1), math.remainder(5.5, 1)])
show(lambda: math.remainder(1, 0))
show(lambda: math.remainder(inf, 1))
show(lambda: math.fmod(1, 0))
show(lambda: math.fmod(inf, 1))
show(lambda: math.pow(0.0, -1))
show(lambda: math.pow(-2, 0.5))
show(lambda: math.pow(10, 400))
show(lambda: [math.gamma(0.5), math.gamma(5), math.gamma(-1.5), math.lgamma(-0.5), math.gamma(171.5)])
show(lambda: math.gamma(0))
show(lambda: math.gamma(-2))
show(lambda: math.gamma(172))
show(lambda: math.lgamma(-2))
show(lambda: sorted(n for n in dir(math) if not n.startswith('_')))
