# Generators capturing variables, generators as methods, infinite generators with islice-like logic
def make_gens():
    gens = []
    for i in range(3):
        def g(i=i):
            for j in range(i):
                yield (i, j)
        gens.append(g())
    return gens
print([list(g) for g in make_gens()])
class Tree:
    def __init__(self, v, children=()):
        self.v = v
        self.children = list(children)
    def __iter__(self):
        yield self.v
        for c in self.children:
            yield from c
    def depth_first(self, depth=0):
        yield depth, self.v
        for c in self.children:
            yield from c.depth_first(depth + 1)
t = Tree(1, [Tree(2, [Tree(4)]), Tree(3, [Tree(5), Tree(6)])])
print(list(t), list(t.depth_first()), sum(t), max(t))
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, g):
    return [next(g) for _ in range(n)]
def evens(g):
    for x in g:
        if x % 2 == 0:
            yield x
print(take(5, evens(naturals())))
def running_avg():
    total, count, avg = 0, 0, None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
ra = running_avg()
next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])
