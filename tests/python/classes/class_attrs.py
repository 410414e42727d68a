# Class vs instance attributes, __dict__, vars, class body execution
class C:
    shared = []
    n = 0
    print("class body executing")
    def __init__(self):
        self.own = []
a, b = C(), C()
a.shared.append(1)
a.own.append(2)
print(b.shared, b.own)
a.n = 5
print(a.n, b.n, C.n)
print(sorted(vars(a)), 'n' in C.__dict__, 'own' in C.__dict__)
C.newattr = "added"
print(b.newattr)
class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
        self.id = Counter.total
cs = [Counter() for _ in range(3)]
print([c.id for c in cs], Counter.total)
class Nest:
    class Inner:
        val = 10
    ref = Inner.val * 2
print(Nest.Inner.val, Nest.ref, Nest.Inner.__qualname__)
print(C.__name__, type(C.__dict__).__name__)
class E: pass
e = E()
e.__dict__['x'] = 1
print(e.x)
e.__class__ = C
print(type(e).__name__, e.n)
class Priv:
    def __init__(self):
        self.__hidden = 1
        self._prot = 2
    def get(self):
        return self.__hidden
p = Priv()
print(p.get(), p._prot, p._Priv__hidden, hasattr(p, '__hidden'))
