# Exceptions inside generators, try/finally across yields, exception propagation to consumer
def risky():
    try:
        yield 1
        yield 2 // 0
        yield 3
    except ZeroDivisionError:
        yield "handled inside"
    finally:
        print("risky finally")
print(list(risky()))
def bad():
    yield 1
    raise ValueError("bad gen")
g = bad()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("consumer got", e)
print(next(g, "exhausted"))
def reraise():
    try:
        yield
    except KeyError:
        raise IndexError("converted")
g = reraise()
next(g)
try:
    g.throw(KeyError("k"))
except IndexError as e:
    print("IndexError", e, "context:", repr(e.__context__))
def yield_in_except():
    try:
        raise RuntimeError("x")
    except RuntimeError as e:
        yield "in except: " + str(e)
        yield "still in except"
    yield "after"
print(list(yield_in_except()))
def gen_with_return_value():
    yield 1
    return {"done": True}
def wrapper():
    result = yield from gen_with_return_value()
    yield result
print(list(wrapper()))
