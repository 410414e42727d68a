# Context manager protocol
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM("a") as c:
    print("body", c.name)
with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("kept")
except KeyError as e:
    print("propagated", e)
with CM("x") as x, CM("y") as y:
    print("both", x.name, y.name)
with (CM("p1"), CM("p2") as p2):
    print("parenthesised", p2.name)
def ret():
    with CM("r"):
        return "returned"
print(ret())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done", i)
class NoExit:
    def __enter__(self): return 1
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return "yes"
with Truthy():
    1 / 0
print("truthy return value suppresses")
