def gen(n):
    i = 0
    while i < n:
        got = yield i
        if got:
            i = got
        i += 1
    return "done"

def delegate(it):
    result = yield from it
    yield result

async def coro(x):
    y = await x
    return y

async def agen(xs):
    async for x in xs:
        yield x
    for y in range(3):
        yield y

gen_lambda = lambda: (yield)
