# Float arithmetic, special values, division by zero
inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, inf / inf, nan + 1)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, -inf < -1e308)
print(0.0 == -0.0, str(-0.0), 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, abs(-0.0))
print(1e308 * 10, -1e308 * 10, 1e-323 / 10, 5e-324 / 2)
for e in [lambda: 1.0 / 0, lambda: 1 / 0.0, lambda: 0.0 / 0.0, lambda: 1.0 // 0.0, lambda: 1.0 % 0, lambda: divmod(1.0, 0)]:
    try:
        e()
    except ZeroDivisionError as ex:
        print("ZeroDivisionError", ex)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError")
print(2.0 ** -1074, 2.0 ** 1023, (-8.0) ** 2, 0.0 ** 0)
print(0.1 * 3, 0.1 + 0.1 + 0.1, 1 - 0.9, 1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0)
print(7.0 // 2, -7.0 // 2, 7.0 % -2, -7.0 % 2, divmod(7.5, 2), divmod(-7.5, 2))
print(float.__mul__(2.0, 3.0), (2.5).is_integer(), (2.0).is_integer(), (0.5).as_integer_ratio(), (0.1).as_integer_ratio())
print((3.75).hex(), (0.1).hex(), (-0.0).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), (1e300).hex())
print(hash(1.0) == hash(1), hash(0.5), hash(-0.0), hash(1.5), hash(1e100) == hash(int(1e100)))
print(max(nan, 1), max(1, nan), min(0.0, -0.0), sorted([3.5, -1.0, 2.25]))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]))
print(1.0.real, 1.5.imag, (2.5).conjugate(), float.__name__)
print(abs(-2.5), -(2.5), +(-0.0))
