# repr/str of floats (shortest round-trip)
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -1.0, 0.0, -0.0, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 0.0001234,
        1e22, 1e23, 1.5e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 3.141592653589793,
        2.718281828459045, 1 / 3, 2 / 3, 100.0, 1234.5678, 9007199254740993.0, 0.5, 0.25, 1e100, 1.1e-10,
        float("inf"), float("-inf"), float("nan"), 123.0e-2, 1e17, 12345678901234567.0, 0.30000000000000004,
        4.35, 2.675, 1e-7, 999999999999999.9, 9999999999999998.0]
for v in vals:
    print(repr(v), str(v))
print([0.1, -0.0, 1e16], (1e-5,), {1.5: 2.5})
print(float("1e500"), float("-1e500"), float("1e-500"), float("  3.25  "), float("-.5"), float("+1E3"), float("1_0.5"))
print(float("infinity"), float("-Infinity"), float("NaN"), float("nan") == float("nan"), float("inf") == float("inf"))
print(float(10), float(-0), float(True), float(2 ** 60), float("0x1p3") if False else float.fromhex("0x1p3"))
for s in ["", "abc", "1e", "1.2.3", "- 1", "1__0"]:
    try:
        float(s)
    except ValueError as e:
        print("ValueError", e)
