# del obj.attr then re-adding; deleting missing attributes; delattr.

class C:
    pass

o = C()
o.a = 1; o.b = 2; o.c = 3
del o.a
print(vars(o))
o.a = 10
print(vars(o), list(o.__dict__))
del o.b
o.b = 20
print(list(o.__dict__.items()))

try:
    del o.zzz
except AttributeError as e:
    print(type(e).__name__, e)

try:
    delattr(o, "yyy")
except AttributeError as e:
    print(type(e).__name__, e)

del o.c
try:
    del o.c
except AttributeError as e:
    print("second del:", e)
try:
    o.c
except AttributeError as e:
    print("read after del:", e)
print(hasattr(o, "c"), vars(o))

delattr(o, "a")
print(vars(o))
setattr(o, "a", 5)
print(vars(o))

# delete all and re-add in reverse order
p = C()
for n in "abcdef":
    setattr(p, n, ord(n))
for n in "abcdef":
    delattr(p, n)
print(vars(p), len(p.__dict__))
for n in "fedcba":
    setattr(p, n, ord(n))
print(list(p.__dict__))

# delete through __dict__
q = C()
q.x = 1; q.y = 2
del q.__dict__["x"]
print(vars(q), hasattr(q, "x"))
try:
    q.x
except AttributeError as e:
    print(e)
q.x = 3
print(list(q.__dict__.items()))

# del of a class attribute through an instance fails
class K:
    k = 1
kk = K()
try:
    del kk.k
except AttributeError as e:
    print("del class attr via instance:", e)
print(K.k)
kk.k = 2
del kk.k
print(kk.k)

# deleting a method name
class M:
    def meth(self):
        return "method"
m = M()
try:
    del m.meth
except AttributeError as e:
    print("del method:", e)
m.meth = lambda: "inst"
print(m.meth())
del m.meth
print(m.meth())

# pop/popitem on __dict__
r = C()
r.a = 1; r.b = 2; r.c = 3
print(r.__dict__.pop("b"), vars(r))
print(r.__dict__.popitem(), vars(r))
print(r.__dict__.setdefault("z", 26), r.z, vars(r))
print(r.__dict__.setdefault("a", 99), r.a)
