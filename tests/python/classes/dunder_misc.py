# __bool__/__len__ truth, __hash__ inheritance, __eq__ default, __repr__ default-ish, __contains__ fallback
class A:
    pass
a = A()
print(a == a, a != a, a == A(), bool(a))
print(hash(a) == hash(a))
class WithLen:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(WithLen(0)), bool(WithLen(3)), len(WithLen(7)))
try:
    len(WithLen(-1))
except ValueError as e:
    print("ValueError", e)
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)
class GI:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(20 in GI(), 25 in GI(), list(GI()))
class Ctx:
    def __enter__(self): return "entered"
    def __exit__(self, *a): return False
with Ctx() as v:
    print(v)
class Idx:
    def __index__(self): return 2
print("abcd"[Idx()], [0, 1, 2][Idx():], bin(Idx()))
class Hashable:
    def __init__(self, k): self.k = k
    def __hash__(self): return self.k % 3
    def __eq__(self, o): return self.k == o.k
d = {Hashable(1): 'a', Hashable(4): 'b', Hashable(1): 'c'}
print(len(d), [v for v in d.values()])
print(repr(A)[:16])
