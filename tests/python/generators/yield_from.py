# yield from delegation and return values
def inner():
    yield 1
    yield 2
    return "inner-result"
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield 3
    return "outer-result"
print(list(outer()))
g = outer()
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("final", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))
def tree(n):
    if n == 0:
        yield "leaf"
        return
    yield f"node{n}"
    yield from tree(n - 1)
    yield from tree(n - 1)
print(list(tree(2)))
def acc():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v
def driver():
    t = yield from acc()
    yield "total=%d" % t
d = driver()
next(d)
for v in [1, 2, 3]:
    d.send(v)
print(d.send(None))
def flatten(x):
    for e in x:
        if isinstance(e, list):
            yield from flatten(e)
        else:
            yield e
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def yf_iter():
    r = yield from [10, 20]
    yield r
print(list(yf_iter()))
