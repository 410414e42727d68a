# Generator pipelines and iterator protocol details
def read_lines():
    for line in ["a 1", "b 2", "", "c 3", "# comment", "d 4"]:
        yield line
def non_empty(lines):
    return (l for l in lines if l and not l.startswith("#"))
def parse(lines):
    for l in lines:
        k, v = l.split()
        yield k, int(v)
print(dict(parse(non_empty(read_lines()))))
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)
            buf.pop(0)
print(list(window(range(6), 3)))
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave("abc", [1, 2], range(10, 14))))
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
c = Countdown(4)
print(list(c), list(c))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
pg = primes()
print([next(pg) for _ in range(20)])
g = (i for i in range(3))
print(g.__next__(), next(g), list(g))
def gen_with_return_in_try():
    try:
        yield 1
        return 5
    finally:
        print("finally of generator")
print(list(gen_with_return_in_try()))
