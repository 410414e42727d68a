# send(), throw(), close()
def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except GeneratorExit:
        print("GeneratorExit, received", received)
        raise
g = echo()
print(g.send(None))
print(g.send("a"), g.send("b"))
g.close()
g.close()
try:
    g.send(1)
except StopIteration:
    print("send after close -> StopIteration")
g = echo()
try:
    g.send("x")
except TypeError as e:
    print("TypeError", e)
def catcher():
    while True:
        try:
            yield "normal"
        except ValueError as e:
            yield "caught " + str(e)
g = catcher()
print(next(g), g.throw(ValueError("boom")), next(g), next(g))
try:
    g.throw(KeyError("uncaught"))
except KeyError as e:
    print("propagated", e)
print(list(g))
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = bad_close()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
def ret_on_exit():
    try:
        yield 1
    finally:
        print("cleanup")
g = ret_on_exit()
next(g)
g.close()
g = ret_on_exit()
g.close()
print("closing unstarted generator ran no cleanup")
def thrower():
    yield 1
g = thrower()
try:
    g.throw(IndexError("at start"))
except IndexError as e:
    print("throw into unstarted:", e)
def delegating():
    yield from catcher()
d = delegating()
next(d)
print(d.throw(ValueError("via yield from")))
def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as e:
    print("ValueError", e)
