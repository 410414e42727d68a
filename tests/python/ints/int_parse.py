# int() parsing with bases and underscores; str of ints in other bases
cases = [("42", 10), ("-42", 10), ("  17  ", 10), ("+8", 10), ("ff", 16), ("FF", 16), ("0xff", 16),
         ("0xff", 0), ("0o17", 0), ("0b101", 0), ("17", 8), ("z", 36), ("Zz", 36), ("1_000", 10),
         ("0_0", 10), ("101", 2), ("-0b11", 0), ("0", 0), ("00", 0), ("1" * 50, 10), ("7fffffffffffffffffff", 16)]
for s, b in cases:
    print(repr(s), b, int(s, b))
bad = [("", 10), ("1.5", 10), ("0x", 16), ("12", 2), ("_1", 10), ("1__0", 10), ("1_", 10), ("08", 0), ("abc", 10), (" ", 10), ("0b2", 0), ("١٢", 10)]
for s, b in bad:
    try:
        print(repr(s), "->", int(s, b))
    except ValueError as e:
        print("ValueError", e)
print(int(3.99), int(-3.99), int(True), int(1e20), int("  -0  "))
print(int(b"123"), int(bytearray(b"77"), 8))
print(bin(10), oct(64), hex(255), bin(-10), hex(-255), oct(-8), hex(2 ** 80))
print(format(255, "b"), format(255, "o"), format(255, "x"), format(255, "X"), format(255, "#x"), format(-255, "#b"))
try:
    int(1e400)
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    int("9" * 5000)
except ValueError as e:
    print("ValueError", str(e)[:45])
