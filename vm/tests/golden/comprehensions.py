squares = [x * x for x in range(10)]
evens = {x for x in data if x % 2 == 0}
index = {k: v for k, v in pairs if v}
lazy = (y for x in rows for y in x if y)
nested = [[j for j in range(i)] for i in range(3)]
single = [f(y) for x in xs for y in [x]]

def uses_closure(n):
    return [i + n for i in range(n)]

class Scoped:
    base = 10
    values = [v for v in range(base)]

async def async_comp(source):
    return [x async for x in source if await x], {await y for y in source}
