# with inside generators and resource-tracking patterns
class Resource:
    open_count = 0
    def __init__(self, name): self.name = name
    def __enter__(self):
        Resource.open_count += 1
        print("open", self.name)
        return self
    def __exit__(self, *exc):
        Resource.open_count -= 1
        print("close", self.name)
def lines():
    with Resource("gen-file"):
        yield 1
        yield 2
g = lines()
print(next(g))
print("open count", Resource.open_count)
print(next(g))
try:
    next(g)
except StopIteration:
    pass
print("open count", Resource.open_count)
g = lines()
next(g)
g.close()
print("after close", Resource.open_count)
def lock_like():
    log = []
    class L:
        def __enter__(self):
            log.append("acquire")
        def __exit__(self, *a):
            log.append("release")
    lk = L()
    for i in range(3):
        with lk:
            log.append(i)
            if i == 1:
                try:
                    with lk:
                        raise ValueError
                except ValueError:
                    log.append("err")
    return log
print(lock_like())
