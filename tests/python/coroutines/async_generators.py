# Async generators driven manually
class Pause:
    def __await__(self):
        yield "tick"
async def agen(n):
    for i in range(n):
        await Pause()
        yield i * 10
def drive(aw):
    while True:
        try:
            aw.send(None)
        except StopIteration as e:
            return e.value
async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    out2 = [v async for v in agen(2)]
    return out, out2
print(drive(consume()))
ag = agen(2)
print(type(ag).__name__)
print(drive(ag.__anext__()), drive(ag.__anext__()))
try:
    drive(ag.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")
async def echo():
    v = yield "first"
    yield f"got {v}"
e = echo()
print(drive(e.asend(None)), drive(e.asend("hello")))
drive(e.aclose())
print("closed")
