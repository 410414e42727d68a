# round() banker's rounding and ndigits, math rounding functions
print([round(x) for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.5000001]])
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(-0.125, 2))
print(round(1234.5678, -2), round(1234.5678, 1), round(5.5, 0), round(-5.5, 0), round(0.0), round(-0.4))
print(type(round(1.5)).__name__, type(round(1.5, 0)).__name__, type(round(7, 2)).__name__)
print(round(1e300, -300), round(123.456, 10), round(float("inf"), 2))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError", e)
import math
for v in [2.5, -2.5, 2.0, -0.0, 1e20, -1.1]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), int(v))
print(math.floor(-0.5), math.ceil(-0.5))
