# id-free identity, object protocol builtins, len/iter edge cases
a = [1]
b = a
print(a is b, id(a) == id(b), id(a) != id([1]))
class Size:
    def __len__(self): return 3
    def __iter__(self): return iter([7, 8, 9])
    def __reversed__(self): return iter([0])
s = Size()
print(len(s), list(s), list(reversed(s)), sorted(s), sum(s), max(s), min(s), 8 in s, tuple(s), set(s) == {7, 8, 9})
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError", e)
try:
    len(NotIter())
except TypeError as e:
    print("TypeError", e)
class HugeLen:
    def __len__(self): return 2 ** 100
try:
    len(HugeLen())
except OverflowError as e:
    print("OverflowError", e)
class StrLen:
    def __len__(self): return "3"
try:
    len(StrLen())
except TypeError as e:
    print("TypeError", e)
print(isinstance(s, object), issubclass(Size, object), Size.__name__)
print(getattr(str, "upper")("x"), getattr([], "append").__name__)
print(next(iter(range(1, 2))), next(reversed(range(3))))
print(dir() == sorted(dir()))
