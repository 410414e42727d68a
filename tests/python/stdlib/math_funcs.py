# math module: integer functions and constants
import math
print(math.gcd(2 ** 40, 6 ** 30), math.gcd(-12, 18), math.gcd(5), math.gcd(), math.gcd(12, 18, 27))
print(math.lcm(2, 3, 4), math.lcm(0, 5), math.lcm())
print(math.factorial(25), math.comb(52, 5), math.perm(10), math.perm(10, 3), math.comb(5, 7))
print(math.isqrt(2 ** 100), math.isqrt(0), math.isqrt(24), math.isqrt(25))
print(math.floor(-3.5), math.ceil(-3.5), math.trunc(-3.5), type(math.floor(1.5)).__name__, math.floor(10 ** 20), math.ceil(2 ** 70))
print(math.fabs(-2), math.copysign(1, -0.0), math.copysign(5, 1), math.fmod(10, 3), math.fmod(-10, 3))
print(math.inf > 10 ** 300, math.nan != math.nan, math.isnan(math.nan), math.e ** 2 == math.exp(2) or abs(math.e ** 2 - math.exp(2)) < 1e-12)
print(math.prod(range(1, 11)), math.prod([1.5, 2]), math.prod([2, 3], start=10), math.fsum([1e100, 1, -1e100]), math.fsum([0.1] * 3))
print(math.sqrt(2) ** 2, math.pow(2, 0.5), 2 ** 0.5 == math.sqrt(2))
print(math.log(8, 2), math.log(1), math.log2(2 ** 70), math.log10(10 ** 50), math.log(2 ** 1000))
print(math.degrees(1), math.radians(90), math.hypot(5, 12), math.dist([1, 1], [4, 5]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9))
for bad in [lambda: math.comb(-1, 2), lambda: math.isqrt(-1), lambda: math.factorial(1.5), lambda: math.gcd(1.5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
