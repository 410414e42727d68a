# Coroutine objects: names, awaitable helpers, await on coroutines from classes
async def f():
    return 3
c = f()
print(c.__name__, c.__qualname__, type(c).__name__, c.cr_running)
c.close()
class Deferred:
    def __init__(self, v): self.v = v
    def __await__(self):
        if False:
            yield
        return self.v
async def uses():
    a = await Deferred(1)
    b = await Deferred(2)
    class Inner:
        async def m(self):
            return await Deferred(a + b)
    return await Inner().m()
co = uses()
try:
    co.send(None)
except StopIteration as e:
    print("result", e.value)
async def lam():
    fs = [f() for _ in range(3)]
    return [await x for x in fs]
try:
    lam().send(None)
except StopIteration as e:
    print(e.value)
import types
@types.coroutine
def legacy():
    v = yield "legacy-yield"
    return v
async def use_legacy():
    return await legacy()
co = use_legacy()
print(co.send(None))
try:
    co.send("sent-back")
except StopIteration as e:
    print(e.value)
