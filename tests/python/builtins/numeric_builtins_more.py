# min/max/sum/divmod/pow/round/bin/oct/hex/chr/ord/format/any/all/iter(callable, sentinel)/sorted edge cases
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
try:
    max(1, 2, default=3)
except TypeError as e:
    print("TypeError", e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1, 0.2]), sum([[1], [2]], []), sum([]), sum([1, 2.5, 3]), sum([2**62, 2**62, 1]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(2 ** 70, 7), divmod(-2**63, -1))
print(pow(2, 8), pow(2, 8, 5), pow(2.0, 3), pow(base=3, exp=2), pow(2, -2))
print(round(3.14159, 2), round(2.5), round(3.5), round(-7.5), round(1234, -2), round(1250, -2), round(1350, -2), round(0.5 + 1e-9), round(7), round(True))
print(bin(0), bin(5), bin(-5), oct(0), oct(9), hex(0), hex(-1), hex(3735928559), hex(2**70))
try:
    bin(1.5)
except TypeError as e:
    print("TypeError", e)
print(chr(65), chr(0x263A), repr(chr(0)), ord("a"), ord("€"), ord("\U0001F600"), ord(b"A"))
try: chr(0x110000)
except ValueError as e: print("ValueError", e)
try: ord("ab")
except TypeError as e: print("TypeError", e)
try: ord(1)
except TypeError as e: print("TypeError", e)
print(format(42), format(42, "x"), format(3.5, ".2f"), format("s", ">4"), format(True), format(None))
try:
    format(object(), "d")
except TypeError as e:
    print("TypeError", e)
print(all([1, 2, 3]), all([1, 0]), all([]), any([0, 0]), any([0, 1]), any([]), all(iter([True])))
vals = iter([1, 2, 3, 0, 4, 5])
print(list(iter(lambda: next(vals), 0)))
print(sorted([3, 1, 2]), sorted("cba", reverse=True), sorted([(1, "b"), (1, "a")]), sorted({"x": 1, "a": 2}))
print(sorted([3,1,2], key=lambda x: -x))

class Counter:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 4)))
it = iter(Counter(), 2)
print(next(it), next(it, "done"), next(it, "still done"))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3), round(2.675, 2), round(-0.5), round(1.5), round(10**20, -19), round(-25, -1), round(35, -1))
try:
    round("x")
except TypeError as e:
    print("TypeError", e)
print(max("apple", "fig", key=len), min([], key=len, default="none"), max((1, "a"), (1, "b")), sum(x * x for x in range(4)))
print(divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2), divmod(True, 2))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    divmod("a", 1)
except TypeError as e:
    print("TypeError", e)
print(pow(3, 4, 5), pow(-2, 3), pow(2, 0.5) == 2 ** 0.5, pow(7, -1, 5))
print(hex(255), oct(-8), bin(2**65), format(255, "#x"), format(1234567, ","), chr(97) + chr(0x1F600))
print(sorted([5, 2, 9], reverse=True), sorted(["b", "A", "c"], key=str.lower), sorted([]), sorted((3, 1, 2)))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, 2, 0]), any([]), all([[]]))
