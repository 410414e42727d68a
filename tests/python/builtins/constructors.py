# Built-in type constructors: list, tuple, dict, set, frozenset, str, bytes, bytearray, range, slice, object, complex
print(list(), list("ab"), tuple(), tuple([1]), dict(), dict(a=1), set(), set("aa"), frozenset("b"))
print(str(), str(5), bytes(2), bytearray(b"x"), range(3), slice(1, 2), slice(3), slice(1, 10, 2))
o = object()
print(type(o).__name__, isinstance(o, object))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError", e)
print(complex("1+2j"), complex(real=3), float("nan") != float("nan"), int("0b11", 0))
print(type(NotImplemented).__name__, type(...).__name__, bool(NotImplemented) if False else "skip")
print(slice(1, 5, 2).indices(3), slice(-1, None).indices(10), slice(None, None, None))
try:
    list(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    dict(1)
except TypeError as e:
    print("TypeError", e)
print(memoryview(b"ab")[0], property.__name__, staticmethod.__name__, classmethod.__name__, super.__name__)
