# Basic generators
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(5)), sum(count(101)))
g = count(3)
print(next(g), next(g), next(g), next(g, "done"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def lazy():
    print("started")
    yield 1
    print("resumed")
    yield 2
    print("ending")
g = lazy()
print("created")
for v in g:
    print("got", v)
print(type(g).__name__, iter(g) is g)
def empty():
    return
    yield
print(list(empty()))
def with_state():
    total = 0
    for x in [1, 2, 3]:
        total += x
        yield total
print(list(with_state()))
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(4, fib())))
def yield_expr_value():
    x = yield
    print("x is", x)
g = yield_expr_value()
next(g)
try:
    next(g)
except StopIteration:
    print("stopped")
print(list(zip(count(10), "abc")))
