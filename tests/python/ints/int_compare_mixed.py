# Mixed int/float/complex arithmetic and comparisons
print(1 + 2.0, 3 * 1.5, 7 / 2, 8 / 2, type(8 / 2).__name__, 7 // 2.0, 2 ** 0.5 * 2 ** 0.5)
print(1 + 2j, (1 + 2j) * 2, 3 - 1j + 1, abs(3 + 4j), (1 + 1j) ** 2)
print(1 < 1.5 < 2, 1 == 1.0 == 1 + 0j, 0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
print(10 ** 16 + 1.0, float(10 ** 16 + 1), 2 ** 63 * 1.0)
print(int(2.5) + 0.5, round(2.5) + 0.0)
print(sorted([3, 1.5, True, -2, 0.0, 2 ** 65]))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0))
print(5 / 3, -5 / 3, 10 ** 20 / 10 ** 10, 1 / 3 * 3)
print(2 ** 200 / 2 ** 100, (2 ** 1024 - 1) // 2 ** 1000)
try:
    2 ** 1024 / 1
except OverflowError as e:
    print("OverflowError", e)
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError", e)
print(10 ** 400 / 10 ** 398, 1 / 10 ** 400)
print(3 + True, 3.0 * False, True / True)
