# match: literal, capture, wildcard, value, OR patterns, guards
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case b"raw":
            return "bytes"
        case int(n) if n > 100:
            return f"big {n}"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case _:
            return f"other {x!r}"
for v in [0, 2, "hello", True, None, -1, 1.5, b"raw", 500, "lengthy", 50, "hi", 1.0, False]:
    print(repr(v), "->", describe(v))
class Color:
    RED = "red"
    GREEN = "green"
def color(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case other:
            return "unknown " + other
print(color("red"), color("green"), color("blue"))
def complex_lit(z):
    match z:
        case 1 + 2j:
            return "complex"
        case -3 - 1j:
            return "neg complex"
    return "no"
print(complex_lit(1 + 2j), complex_lit(-3 - 1j), complex_lit(0))
