# Functions, bound methods and callables stored as instance attributes.

class C:
    def __init__(self, n):
        self.n = n
    def get(self):
        return self.n

def free(*args):
    return ("free", len(args))

a = C(1); b = C(2)
a.f = free
print(a.f(), a.f(1, 2))
a.bound = b.get
print(a.bound())
a.cls_func = C.get
print(a.cls_func(b))
a.lam = lambda x: x * 10
print(a.lam(4))
a.builtin = len
print(a.builtin("abc"))
a.typ = list
print(a.typ("ab"))

class Callable:
    def __call__(self, *args):
        return ("called", args)
a.c = Callable()
print(a.c(1))

# Instance attribute named like a method, called through one site over many objects
class D:
    def act(self):
        return "D.act"
objs = [D() for _ in range(6)]
objs[1].act = lambda: "inst act 1"
objs[4].act = free
print([o.act() for o in objs])
del objs[1].act
print([o.act() if i != 4 else o.act() for i, o in enumerate(objs)])

# Replace method on class after instances exist, through same call site
def call_all(items):
    return [o.act() for o in items]
for i in range(3):
    if i == 1:
        D.act = lambda self: "new D.act"
    print(call_all(objs))

# Methods are not stored in instance dict
print(vars(D()), "act" in vars(objs[4]))

# A function attribute does not bind self
def needs_self(self):
    return "bound?"
e = D()
e.f = needs_self
try:
    e.f()
except TypeError as ex:
    print("TypeError")
print(e.f(1))
