# Instances of subclasses of int, float, str, bytes, tuple, complex, bytearray have a __dict__.
for base in (int, float, str, bytes, tuple, complex, bytearray):
    C = type("C_" + base.__name__, (base,), {})
    o = C()
    o.x = 1
    o.y = 2
    print(base.__name__, vars(o), o.x + o.y)
class MyInt(int):
    def __init__(self, v):
        self.label = "n%d" % v
m = MyInt(5)
print(m + 1, m.label, vars(m))
