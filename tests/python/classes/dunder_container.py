# Container protocol dunders
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * i
s = Seq(5)
print(len(s), s[2], s[-1], s[1:4], list(s), 16 in s, 17 in s)
print(list(reversed(s)), sorted(s, reverse=True))
for x in s:
    print(x, end=" ")
print()
class Box:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): self.d[k] = v
    def __getitem__(self, k): return self.d[k]
    def __delitem__(self, k): del self.d[k]
    def __contains__(self, k): return k in self.d
    def __iter__(self): return iter(sorted(self.d))
    def __bool__(self): return bool(self.d)
    def __missing__(self, k): return "unused"
b = Box()
print(bool(b))
b['x'] = 1
b['a'] = 2
print('x' in b, 'z' in b, list(b), bool(b), b['a'])
del b['x']
print(list(b))
class M(dict):
    def __missing__(self, k):
        return k * 2
m = M(a=1)
print(m['a'], m['zz'], m.get('zz'))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), sum(It()), max(It()))
a, b, c = It()
print(a, b, c)
class Call:
    def __call__(self, *a, **k): return ("called", a, k)
print(Call()(1, x=2))
class R:
    def __repr__(self): return "R-repr"
class S:
    def __str__(self): return "S-str"
    def __repr__(self): return "S-repr"
    def __format__(self, spec): return f"S-format[{spec}]"
print(R(), str(R()), [R()], S(), [S()], f"{S()}", f"{S():>5}", format(S(), "x"), f"{S()!r}", f"{S()!s}")
