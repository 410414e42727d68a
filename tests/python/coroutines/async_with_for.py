# async with / async for with hand-written async protocols
class Pause:
    def __await__(self):
        yield "tick"
class AsyncCM:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("enter", self.name)
        await Pause()
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return et is KeyError
class ARange:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Pause()
        self.i += 1
        return self.i
async def main():
    async with AsyncCM("one") as v:
        print("body", v)
    async with AsyncCM("two"):
        raise KeyError("suppressed")
    total = 0
    async for x in ARange(4):
        total += x
    else:
        print("async for else")
    return total
def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks
print(run(main()))
