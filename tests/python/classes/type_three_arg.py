# type(name, bases, dict) and class objects as values
def init(self, v):
    self.v = v
Dyn = type("Dyn", (), {"__init__": init, "double": lambda self: self.v * 2, "k": 7})
d = Dyn(21)
print(d.double(), Dyn.k, Dyn.__name__, type(d).__name__, Dyn.__bases__)
Sub = type("Sub", (Dyn,), {"triple": lambda self: self.v * 3})
s = Sub(2)
print(s.double(), s.triple(), isinstance(s, Dyn), [c.__name__ for c in Sub.__mro__])
print(type(1), type("a"), type([]), type(None), type(type))
print(type(d) is Dyn, type(Dyn) is type)
classes = [int, str, list]
print([c("1") if c is not list else c("1") for c in classes])
def factory(base):
    class Made(base):
        def who(self):
            return "made from " + base.__name__
    return Made
print(factory(object)().who(), factory(dict)().who())
print(factory(int).__qualname__)
try:
    type("X", (1,), {})
except TypeError as e:
    print("TypeError", e)
try:
    type("a", "b")
except TypeError as e:
    print("TypeError", e)
