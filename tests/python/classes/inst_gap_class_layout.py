# __class__ assignment between a dict-based class and a __slots__ class is rejected.
class A:
    pass
class WithSlots:
    __slots__ = ("q",)
class OtherSlots:
    __slots__ = ("q",)
try:
    A().__class__ = WithSlots
except TypeError as e:
    print("TypeError", e)
w = WithSlots()
try:
    w.__class__ = A
except TypeError as e:
    print("TypeError", e)
w.__class__ = OtherSlots
print(type(w).__name__)
