# __exit__ argument details, exceptions inside __exit__ and __enter__
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.got = (et, ev)
        return True
i = Inspect()
with i:
    raise TypeError("t")
print(i.got[0].__name__, repr(i.got[1]))
with i:
    pass
print(i.got)
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with BadEnter():
        print("body should not run")
except RuntimeError as e:
    print("RuntimeError", e)
class BadExit:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise KeyError("from exit")
try:
    with BadExit():
        raise ValueError("original")
except KeyError as e:
    print("KeyError", e, "context:", repr(e.__context__))
class Order:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *a):
        print("exit", self.n)
with Order(1) as a, Order(2) as b, Order(3) as c:
    print("body", a + b + c)
class ReEnter:
    depth = 0
    def __enter__(self):
        ReEnter.depth += 1
        return ReEnter.depth
    def __exit__(self, *a):
        ReEnter.depth -= 1
r = ReEnter()
with r as d1:
    with r as d2:
        print("depths", d1, d2)
print("final depth", ReEnter.depth)
