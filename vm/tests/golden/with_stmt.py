def read(path):
    with open(path) as f:
        return f.read()

def multiple(a, b):
    with a as x, b:
        x.go()
    with lock:
        pass

def in_loop(items):
    for i in items:
        with ctx(i) as c:
            if c:
                break
            continue

async def async_with(m):
    async with m as conn:
        await conn.send()
