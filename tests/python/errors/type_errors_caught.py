# TypeErrors for wrong argument counts/types, printed with messages
def two(a, b):
    return a + b
class C:
    def m(self):
        return 1
ONE = 1
checks = [
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(1, c=3),
    lambda: C().m(1),
    lambda: C.m(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: abs(),
    lambda: [].append(),
    lambda: sorted(1),
    lambda: "a".join([1]),
    lambda: 1 + None,
    lambda: None + 1,
    lambda: [1] * 1.5,
    lambda: "a" < 1,
    lambda: {1, 2} + {3},
    lambda: object()(),
    lambda: ONE(),
    lambda: chr("a"),
    lambda: ord(1),
    lambda: range("a"),
    lambda: iter(1),
    lambda: next(5),
    lambda: C()[0],
    lambda: C() + 1,
]
# Messages of argument-clinic builtins are quirky; for those only the type is printed.
type_only = [
    lambda: int("1", "2"),
    lambda: "abc".split(1),
    lambda: {}.get(),
    lambda: isinstance(1),
    lambda: str.upper(5),
]
for c in checks:
    try:
        c()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
for c in type_only:
    try:
        c()
        print("no error")
    except TypeError:
        print("TypeError")
