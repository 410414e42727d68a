# chr, ord, ascii, repr, str, format, hash
print(chr(65), chr(0x263A), repr(chr(0)), ord("a"), ord("€"), ord("\U0001F600"), ord(b"A"))
print(ascii("plain"), ascii("naïve ☃"), ascii([1, "é"]), ascii(b"\xff"), repr("naïve ☃"))
print(repr(1), repr("s"), repr([1, "s"]), repr(None), repr(3.0), repr(int), repr(len), repr(Ellipsis), repr(NotImplemented))
print(str(), str(1), str("x"), str(b"b"), str([1]), str(object)[:14])
print(format(42), format(42, "x"), format(3.5, ".2f"), format("s", ">4"), format(True), format(None), format([1]))
try:
    format(object(), "d")
except TypeError as e:
    print("TypeError", e)
print(hash(1), hash(0), hash(-1), hash(2 ** 64), hash((1, 2)), hash(1.0) == hash(1), hash(True), hash(()))
try:
    hash({})
except TypeError as e:
    print("TypeError", e)
print(len("abc"), len([1, 2]), len({1: 2}), len(range(5)), len(b"xy"), len(frozenset([1])))
