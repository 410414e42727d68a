# Generator attributes and re-entrancy
def g():
    yield 1
gen = g()
print(gen.__name__, gen.__qualname__, gen.gi_running, gen.gi_frame is not None)
next(gen)
list(gen)
print(gen.gi_frame)
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        elif cmd == "stop":
            return "stopped at %d" % n
        else:
            n += 1
c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))
try:
    c.send("stop")
except StopIteration as e:
    print(e.value)
def genfn_ns():
    x = 1
    yield x
    x += 1
    yield x
a, b = genfn_ns(), genfn_ns()
print(next(a), next(a), next(b))
def deep_gen(n):
    if n:
        yield from deep_gen(n - 1)
    else:
        yield "bottom"
print(list(deep_gen(200)))
