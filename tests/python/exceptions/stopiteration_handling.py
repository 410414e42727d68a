# StopIteration semantics and PEP 479
def gen():
    yield 1
    raise StopIteration("inside generator")
try:
    list(gen())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
it = iter([1])
print(next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
def g2():
    return "retval"
    yield
try:
    next(g2())
except StopIteration as e:
    print("value", e.value)
class Stop:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(list(Stop()), [x for x in Stop()])
