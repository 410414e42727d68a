# ValueErrors and friends from conversions
for s in ["x", "", "1.5", "0x10", " 12 ", "١"]:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError:", e)
for s in ["1e5", "abc", "nan", "--1"]:
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError:", e)
for f in [lambda: [1, 2].index(5), lambda: "abc".index("d"), lambda: (1,).index(2), lambda: [].remove(1),
          lambda: int("12", 40), lambda: chr(2 ** 21), lambda: range(0, 5, 0), lambda: "a".center(3, "xy"),
          lambda: bytes([300]), lambda: "%d" % "x", lambda: dict([(1, 2, 3)]), lambda: [1, 2][::0]]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
a, b = 1, 2
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
