# str and bytes subclasses and the protocols str formatting calls: __str__, __repr__,
# __format__, __bytes__, __index__, __int__, __float__, __getitem__ (translate and
# format_map), __missing__.
class S(str):
    def extra(self):
        return "extra:" + self
s = S("Hello")
print(type(s).__name__, s, repr(s), s.extra(), s == "Hello", hash(s) == hash("Hello"))
for r in [s.upper(), s.strip(), s[0:5], s + "", s * 1, s.replace("x", "y"), str(s),
          s.center(2), "%s" % s, "{}".format(s), s.zfill(1), s.lower()]:
    print(type(r).__name__, r, end="; ")
print()
class R(str):
    def __str__(self):
        return "R!"
    def __repr__(self):
        return "R()"
print(str(R("x")), repr(R("x")), "%s %r" % (R("x"), R("x")), "{} {!r}".format(R("x"), R("x")))
print(f"{R('x')}", f"{R('x')!s}", f"{R('x'):>3}", "{:>3}".format(R("x")))
class B(bytes):
    pass
b = B(b"abc")
print(type(b).__name__, b, b[0], b[1:], type(b[1:]).__name__, type(b.upper()).__name__, b == b"abc")
class Q:
    def __bytes__(self):
        return b"Q!"
    def __format__(self, spec):
        return "fmt(" + spec + ")"
    def __index__(self):
        return 3
print(bytes(Q()), b"%b" % Q(), b"%s" % Q(), "{:xyz}".format(Q()), f"{Q():abc}", f"{Q()!s:>0}"[:4])
print("abcdef"[Q()], b"abcdef"[Q()], "x" * Q(), b"x" * Q(), bytearray(Q()), "%x %c" % (Q(), Q()))
class Tbl:
    def __getitem__(self, k):
        if k == 97:
            return "A!"
        if k == 110:
            return None
        raise LookupError
print("banana".translate(Tbl()), "abc".translate({97: "xyz", 98: 66}))
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
print("%d %f %s %i" % (Num(), Num(), "x", Num()))
try:
    print("%x" % Num())
except TypeError as e:
    print("TypeError", e)
try:
    print("%c" % Num())
except TypeError as e:
    print("TypeError", e)
d = {"a": 1}
print("{a}".format(**d), "{0[a]}".format(d), "%(a)d" % d, "%(a)s %(a)r" % {"a": "q"})
class M(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{x} {y}".format_map(M(x=1)))
try:
    "{x}".format_map({})
except KeyError as e:
    print("KeyError", e)
class BadStr:
    def __str__(self):
        return 5
try:
    "%s" % BadStr()
except TypeError as e:
    print("TypeError", e)
class BadBytes:
    def __bytes__(self):
        return "no"
try:
    bytes(BadBytes())
except TypeError as e:
    print("TypeError", e)
class Attrs:
    name = "N"
    items = ["i0", "i1"]
print("{0.name} {0.items[1]} {0.name!r:>5}".format(Attrs()))
x = "abc"
print(x is x[:], x is x[0:3], x is x.strip(), x is str(x), x is x + "", x is "".join([x]))
