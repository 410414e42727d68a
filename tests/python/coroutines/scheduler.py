# A tiny round-robin scheduler over coroutines
class Yield:
    def __await__(self):
        yield "yield"
class Sleep:
    def __init__(self, ticks): self.ticks = ticks
    def __await__(self):
        yield ("sleep", self.ticks)
log = []
async def worker(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        await Yield()
    return name.upper()
async def sleeper():
    log.append("s-start")
    await Sleep(3)
    log.append("s-end")
    return "slept"
def run_all(coros):
    tick = 0
    ready = [(c, 0) for c in coros]
    results = {}
    names = {id(c): i for i, c in enumerate(coros)}
    while ready:
        tick += 1
        nxt = []
        for c, wake in ready:
            if wake > tick:
                nxt.append((c, wake))
                continue
            try:
                req = c.send(None)
            except StopIteration as e:
                results[names[id(c)]] = e.value
                continue
            if isinstance(req, tuple) and req[0] == "sleep":
                nxt.append((c, tick + req[1]))
            else:
                nxt.append((c, 0))
        ready = nxt
    return tick, [results[i] for i in range(len(coros))]
print(run_all([worker("a", 3), worker("b", 1), sleeper(), worker("c", 2)]))
print(log)
