# Coroutines awaiting generator-based awaitables, and generators driving coroutines
class Future:
    def __init__(self):
        self.result = None
        self.done = False
    def __await__(self):
        while not self.done:
            yield self
        return self.result
async def consumer(fut, name):
    v = await fut
    return f"{name} got {v}"
f = Future()
c1 = consumer(f, "c1")
c2 = consumer(f, "c2")
print(c1.send(None) is f, c2.send(None) is f)
print(c1.send(None) is f)
f.result, f.done = 42, True
for c in (c1, c2):
    try:
        c.send(None)
    except StopIteration as e:
        print(e.value)
async def add(a, b):
    return a + b
async def chain(n):
    total = 0
    for i in range(n):
        total = await add(total, i)
    return total
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(chain(100)))
async def rec(n):
    if n == 0:
        return 0
    return 1 + await rec(n - 1)
print(run(rec(300)))
