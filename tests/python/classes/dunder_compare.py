# Rich comparison and hashing dunders
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        return isinstance(o, V) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self): return f"V({self.v})"
a, b, c = V(1), V(1), V(2)
print(a == b, a != b, a == c, a is b, a == 1)
print(a < c, c > a, a <= b if hasattr(V, '__le__') and V.__le__ is not object.__le__ else 'no le')
print(len({a, b, c}))
print(sorted([V(3), V(1), V(2)]))
print(max([V(3), V(9), V(2)]), min(V(3), V(1)))
try:
    a <= c
except TypeError as e:
    print("TypeError", e)
class NoHash:
    def __eq__(self, o): return True
print(NoHash.__hash__)
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError", e)
class Rev:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        print("Rev.__gt__ called")
        return self.v > o
print(5 < Rev(10))
class NI:
    def __eq__(self, o):
        return NotImplemented
print(NI() == NI(), NI() != 3)
x = NI()
print(x == x)
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError", e)
class Eq1:
    def __eq__(self, o):
        print("Eq1.__eq__")
        return NotImplemented
class Eq2:
    def __eq__(self, o):
        print("Eq2.__eq__")
        return True
print(Eq1() == Eq2())
class Sub(V):
    def __eq__(self, o):
        print("Sub.__eq__ first")
        return True
    __hash__ = V.__hash__
print(V(1) == Sub(2))
