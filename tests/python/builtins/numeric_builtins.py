# abs, divmod, pow, round, bin/oct/hex, int/float/complex, bool
print(abs(-3), abs(3.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-2 ** 70))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2 ** 70, 7))
print(pow(2, 8), pow(2, 8, 5), pow(2.0, 3), pow(-1, 0.5), pow(base=3, exp=2), pow(2, -2))
print(round(3.14159, 2), round(2.5), round(3.5), round(-7.5), round(1234, -2), round(0.5 + 1e-9))
print(bin(0), bin(5), bin(-5), oct(0), oct(9), hex(0), hex(-1), hex(3735928559))
print(int(), int("12"), int(" -3 "), int(7.9), int("z", 36), float(), float("1.5"), complex(), complex(2), complex(1, 1))
print(bool(), bool(0), bool(1), bool(""), bool("0"), bool([]), bool(None), bool(0.0), bool(0j))
try:
    abs("x")
except TypeError as e:
    print("TypeError", e)
try:
    bin(1.5)
except TypeError as e:
    print("TypeError", e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1, 0.2]), sum([[1], [2]], []), sum(range(5), start=100), sum([]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
print(max(1, 5, 3), max([4, 9, 2]), max("abc"), max([], default="empty"), max([1, -5], key=abs), max([3, 3.0]), max([3.0, 3]))
print(min(1, 5, 3), min([4, 9, 2]), min((), default=None), min(["bb", "a", "ccc"], key=len), min([[1, 2], [1]]))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
try:
    min()
except TypeError as e:
    print("TypeError", e)
