# classmethod and staticmethod
class Pt:
    count = 0
    def __init__(self, x, y):
        self.x, self.y = x, y
        Pt.count += 1
    @classmethod
    def origin(cls):
        return cls(0, 0)
    @classmethod
    def from_tuple(cls, t):
        return cls(*t)
    @staticmethod
    def dist(a, b):
        return ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5
    def __repr__(self):
        return f"{type(self).__name__}({self.x}, {self.y})"
class Pt3(Pt):
    pass
print(Pt.origin(), Pt3.origin(), Pt.from_tuple((3, 4)))
print(Pt.dist(Pt(0, 0), Pt(3, 4)), Pt(1, 1).dist(Pt(1, 1), Pt(4, 5)))
print(Pt.count)
print(type(Pt.__dict__['origin']).__name__, type(Pt.__dict__['dist']).__name__)
print(Pt.origin.__self__ is Pt, Pt3().origin if False else Pt3.origin.__self__.__name__)
sm = staticmethod(len)
print(sm.__func__("abc"))
class Counter:
    instances = []
    def __init__(self):
        type(self).instances.append(self)
    @classmethod
    def n(cls):
        return len(cls.instances)
Counter(); Counter()
print(Counter.n(), Counter().n())
