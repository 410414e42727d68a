# async def / await driven manually with send(None)
class Suspend:
    """Awaitable that suspends once, yielding a value to the driver."""
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return f"resumed({self.tag}, {got})"
async def leaf(x):
    return x * 2
async def middle():
    a = await leaf(5)
    r = await Suspend("first")
    b = await leaf(a)
    return a, b, r
def run(coro):
    steps = []
    value = None
    while True:
        try:
            yielded = coro.send(value)
        except StopIteration as e:
            return steps, e.value
        steps.append(yielded)
        value = "v%d" % len(steps)
print(run(middle()))
c = leaf(1)
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
async def nothing():
    pass
try:
    nothing().send(None)
except StopIteration as e:
    print("value", e.value)
async def many():
    out = []
    for i in range(3):
        out.append(await Suspend(i))
    return out
print(run(many()))
