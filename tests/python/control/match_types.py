# match on builtin types, nested class patterns, guards with side effects
def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i) if i < 0:
            return "negative int"
        case int():
            return "int"
        case float(f) if f != f:
            return "nan"
        case float():
            return "float"
        case str() | bytes():
            return "text-ish"
        case list([]) | tuple(()):
            return "empty seq"
        case list([int(), *_]):
            return "list starting with int"
        case dict({"k": int(k)}):
            return f"dict with int k={k}"
        case set() | frozenset():
            return "set-ish"
        case None:
            return "None"
        case _:
            return type(v).__name__
for v in [True, -3, 3, float("nan"), 1.5, "s", b"b", [], (), [1, "x"], ["x"], {"k": 5}, {"k": "v"}, {1}, frozenset(), None, 1j]:
    print(repr(v), "->", kind(v))
seen = []
def guard(x):
    seen.append(x)
    return x > 1
match [1, 2, 3]:
    case [a, *_] if guard(a):
        print("first")
    case [_, b, *_] if guard(b):
        print("second guard matched", b)
print(seen)
