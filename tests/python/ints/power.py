# ** and pow() with negatives and mod
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 4)
print(2 ** -1, 2 ** -2, (-2) ** -1, 10 ** -3)
print(pow(2, 10), pow(2, -3), pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(2, 100, 10 ** 9 + 7))
print(pow(38, -1, 97) * 38 % 97)
print(pow(10, 50, 3 ** 40))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print((-8) ** (1 / 3))
print(4 ** 0.5, 2 ** 0.5, (-1) ** 0.5)
print(1 ** 10 ** 100 if False else pow(1, 10 ** 20), (-1) ** (10 ** 20 + 1))
print(pow(-2, 3, -5), pow(5, 2, -3), pow(0, 0, 1))
print(type(2 ** 2).__name__, type(2 ** -2).__name__)
