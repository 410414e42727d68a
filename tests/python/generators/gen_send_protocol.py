# Coroutine-style generators: send pipelines
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)
def filt(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)
def mapper(fn, target):
    while True:
        item = yield
        target.send(fn(item))
def prime(g):
    next(g)
    return g
p = prime(printer("out:"))
m = prime(mapper(lambda x: x * x, p))
f = prime(filt(lambda x: x % 2, m))
for i in range(8):
    f.send(i)
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        term = yield average
        if term is None:
            break
        total += term
        count += 1
        average = total / count
    return (count, average)
def grouper(results, key):
    while True:
        results[key] = yield from averager()
results = {}
for key, values in [("a", [1, 2, 3]), ("b", [10, 20])]:
    group = grouper(results, key)
    next(group)
    for v in values:
        group.send(v)
    group.send(None)
print(results)
