# str.format and format()
print("{} {} {}".format(1, "two", 3.0), "{0} {1} {0}".format("a", "b"), "{x} {y}".format(x=1, y=2))
print("{0[1]} {0[key]} {1.real}".format({1: "one", "key": "v"}, 3 + 4j), "{a[0][1]}".format(a=[[1, 2]]))
print("{:>10}|{:<10}|{:^10}|{:*^10}|{:=+10}".format("r", "l", "c", "s", 42))
print("{:d} {:5d} {:05d} {:+d} {:,} {:_} {:x} {:#X} {:o} {:#b} {:c}".format(1, 2, 3, 4, 1234567, 1234567, 255, 255, 8, 5, 65))
print("{:.3} {:.3f} {:10.2e} {:%} {:.2%} {:g}".format(3.14159, 3.14159, 31415.9, 0.25, 1 / 3, 1e-7))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>8}".format("x"))
print("{{literal}} {}".format("v"), "{:{w}.{p}f}".format(3.14159, w=10, p=2), "{:{}}".format("x", 4) + "|")
print(format(12345, ","), format(0.5, ".0%"), format("abc", "^7"), format(3, "08b"), format(-7, " d"), format(7, " d"))
print("{:>5}".format(True), "{}".format(True), "{:d}".format(True), "{:s}".format("s"), "{:10}|".format(12), "{:10}|".format("12"))
print("{:n}".format(1234), "{:e}".format(0), "{:.0e}".format(12345), "{:#.0f}".format(3), "{:08.3f}".format(-3.14159))
class P:
    def __init__(self): self.x, self.y = 1, 2
    def __format__(self, spec): return f"P<{spec}>"
print("{0.x},{0.y}".format(P()), "{:hello}".format(P()), format(P(), ""))
for fmt, a in [("{}", ()), ("{0} {}", (1, 2)), ("{:d}", ("s",)), ("{:s}", (1,)), ("{", ()), ("}", ()), ("{:x}", (1.5,)), ("{a}", ())]:
    try:
        print(fmt.format(*a))
    except (IndexError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print("{0:{fill}{align}{width}}".format("z", fill="#", align=">", width=6))
print("{:,.2f}".format(1234567.891), "{:_x}".format(0xFFFFFFFF), "{:+.1e}".format(-0.0))
print("%s|{}|%s".format("mid"))
print(str.format_map("{a}-{b}", {"a": 1, "b": 2}))
