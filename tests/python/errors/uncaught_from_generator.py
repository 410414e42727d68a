# Uncaught exception raised inside a generator being consumed
def gen():
    yield 1
    yield 2
    raise IndexError("generator ran out of items")
for v in gen():
    print("got", v)
