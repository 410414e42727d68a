# Bound/unbound methods and method calls
class C:
    def __init__(self, n):
        self.n = n
    def get(self):
        return self.n
    def add(self, k):
        return self.n + k
c = C(5)
m = c.get
print(m(), C.get(c), C.add(c, 2))
meths = [C(i).get for i in range(3)]
print([mm() for mm in meths])
print(c.get == c.get, c.get is c.get)
def external(self):
    return self.n * 10
C.ext = external
print(c.ext())
c.inst = lambda: "instance attr, not bound"
print(c.inst())
print(list(map(C.get, [C(7), C(8)])))
print(str.join(",", ["a", "b"]), "-".join.__self__)
