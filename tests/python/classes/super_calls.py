# super() in various forms
class A:
    def __init__(self):
        self.log = ["A"]
    def m(self):
        return "A.m"
    @classmethod
    def cm(cls):
        return "A.cm(" + cls.__name__ + ")"
class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")
    def m(self):
        return "B.m>" + super().m()
    @classmethod
    def cm(cls):
        return "B.cm>" + super().cm()
class C(B):
    def __init__(self):
        super(C, self).__init__()
        self.log.append("C")
    def m(self):
        return "C.m>" + super(B, self).m()
c = C()
print(c.log, c.m(), C.cm(), B().m())
print(super(C, c).m())
class Cooperative:
    def __init__(self, **kw):
        print("Cooperative leftover", sorted(kw))
class Named(Cooperative):
    def __init__(self, name, **kw):
        self.name = name
        super().__init__(**kw)
class Aged(Cooperative):
    def __init__(self, age, **kw):
        self.age = age
        super().__init__(**kw)
class Person(Named, Aged):
    pass
p = Person(name="ann", age=3, extra=1)
print(p.name, p.age)
class S(str):
    def upper(self):
        return "<" + super().upper() + ">"
print(S("abc").upper())
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
d = D()
d['x'] = 5
print(d)
class P:
    @property
    def v(self): return 1
class Q(P):
    @property
    def v(self): return super().v + 10
print(Q().v)
