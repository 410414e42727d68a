# match: sequence patterns with star, nesting
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a},{b}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long {first}..{last} middle={middle}"
        case [0, *rest]:
            return f"starts with zero, rest={rest}"
        case [a, b, *_]:
            return f"many starting {a},{b}"
for v in [[], [1], (1, 2), [0, 1, 2], [1, 2, 3], list(range(6)), "ab", range(2), (0,)]:
    print(repr(v), "->", seq(v))
def nested(x):
    match x:
        case [[a, b], [c, d]]:
            return a + b + c + d
        case [(1 | 2) as k, *_]:
            return f"starts with {k}"
        case [[*inner]]:
            return f"single inner {inner}"
        case _:
            return None
print(nested([[1, 2], [3, 4]]), nested([2, 9]), nested([[7, 8, 9]]), nested([5]))
def strs(x):
    match x:
        case [str(a), str(b)]:
            return a + b
        case "xy":
            return "literal string, not a sequence"
    return "nomatch"
print(strs(["x", "y"]), strs("xy"), strs(["x", 1]))
from collections import deque
match deque([1, 2, 3]):
    case [1, *r]:
        print("deque matched", r)
