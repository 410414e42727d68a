# math module on floats
import math
print(math.sqrt(2), math.sqrt(16.0), math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 6), math.cos(math.pi), math.atan2(1, 1))
print(math.exp(1), math.exp(0), math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(1e-10))
print(math.pow(2, 10), math.fabs(-3), math.fmod(7, -3), math.fmod(-7, 3), math.copysign(3, -0.0))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.degrees(math.pi), math.radians(180))
print(math.isnan(float("nan")), math.isinf(1e308 * 10), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3))
print(math.factorial(20), math.factorial(0), math.gcd(12, 18), math.gcd(0, 0), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2))
print(math.isqrt(10 ** 20 + 1), math.isqrt(99), math.floor(3.7), math.ceil(3.2))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(3.25), math.modf(-3.25))
print(math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]), math.dist((0, 0), (3, 4)))
print(math.asin(1), math.acos(0), math.atan(1), math.sinh(1), math.cosh(0), math.tanh(1))
print(math.erf(0), math.gamma(5), math.lgamma(1), math.expm1(1e-5))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.remainder(10, 3))
for f, a in [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 2), (math.factorial, -1)]:
    try:
        f(a)
    except ValueError as e:
        print("ValueError", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError", e)
