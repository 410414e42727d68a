# copy.copy / copy.deepcopy of instances.
import copy

class C:
    def __init__(self):
        self.a = 1
        self.lst = [1, 2]

o = C()
o.z = "z"
o.b = 2
c1 = copy.copy(o)
c2 = copy.deepcopy(o)
print(vars(c1), vars(c2), list(vars(c1)) == list(vars(o)))
print(c1.lst is o.lst, c2.lst is o.lst, c2.lst == o.lst)
print(type(c1).__name__, c1.__dict__ is o.__dict__)
c1.a = 100
print(o.a, c1.a)
c1.new = 1
print(hasattr(o, "new"))

# copy after deleting attributes
del o.a
c3 = copy.copy(o)
print(vars(c3))

# copy with __dict__ replaced / non-str key
p = C()
p.__dict__[5] = "five"
print(vars(copy.copy(p)), vars(copy.deepcopy(p)))

# deepcopy with self reference
q = C()
q.me = q
dq = copy.deepcopy(q)
print(dq.me is dq, dq is not q, list(vars(dq)))

# __copy__ / __deepcopy__ / __getstate__ / __setstate__
class Custom:
    def __init__(self):
        self.x = 1
        self.y = 2
    def __getstate__(self):
        return {"y": self.y}
    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True
cu = copy.copy(Custom())
print(vars(cu))
cd = copy.deepcopy(Custom())
print(vars(cd))

class WithCopy:
    def __init__(self):
        self.v = 1
    def __copy__(self):
        n = WithCopy.__new__(WithCopy)
        n.v = self.v + 1
        n.copied = True
        return n
print(vars(copy.copy(WithCopy())))

# slots + dict
class SD:
    __slots__ = ("s", "__dict__")
sd = SD()
sd.s = 1
sd.d = 2
csd = copy.copy(sd)
print(csd.s, vars(csd))
dsd = copy.deepcopy(sd)
print(dsd.s, vars(dsd))

# copy of subclass instance
class Sub(C):
    def __init__(self):
        super().__init__()
        self.sub = True
s = Sub()
print(vars(copy.deepcopy(s)), type(copy.copy(s)).__name__)

# list of instances deep copied
items = [C() for _ in range(3)]
for i, it in enumerate(items):
    it.i = i
dc = [copy.deepcopy(x) for x in items]
print([vars(x) for x in dc])
