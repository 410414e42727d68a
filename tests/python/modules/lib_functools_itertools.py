# functools and itertools beyond the basics
import functools, itertools as it
from functools import partial, reduce, wraps, lru_cache, cache, cached_property, singledispatch, total_ordering, cmp_to_key
def add(a, b, c=0): return a + b + c
p = partial(add, 1, c=10)
print(p(2), p.func is add, p.args, p.keywords, partial(p, 5)(), repr(partial(add, 1))[:24])
print(reduce(lambda a, b: a + b, [1, 2, 3], 10), reduce(max, [3, 9, 2]))
try:
    reduce(add, [])
except TypeError as e:
    print("TypeError", e)
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@deco
def documented(x):
    "doc here"
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(3))
calls = []
@lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n
print([sq(i) for i in [1, 2, 1, 3, 1, 2]], calls, sq.cache_info())
sq.cache_clear()
print(sq.cache_info())
@cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info().hits)
@lru_cache
def ident(x, y=1): return (x, y)
print(ident(1), ident(1, y=2), ident.cache_info().misses)
class C:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        self.n += 1
        return self.n * 10
c = C()
print(c.val, c.val, c.n, "val" in c.__dict__)
@singledispatch
def kind(x): return "object"
@kind.register(int)
def _(x): return "int"
@kind.register(list)
def _(x): return "list"
print(kind(1), kind([]), kind("s"), kind(True))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __gt__(self, o): return self.v > o.v
print(V(1) < V(2), V(2) <= V(2), V(3) >= V(4), sorted([V(3), V(1)], key=lambda x: x)[0].v)
print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(a) - len(b))))
print(list(it.islice(it.count(), 5)), list(it.islice(it.count(2.5, 0.5), 3)), repr(it.count(3)), repr(it.repeat("x", 2)))
print(list(it.islice(range(10), 2, None)), list(it.islice(range(10), None, 3)), list(it.islice(range(10), 1, 8, 3)))
src = iter(range(10))
print(list(it.islice(src, 3)), next(src))
try:
    it.islice([], -1)
except ValueError as e:
    print("ValueError", e)
print(list(it.accumulate([3, 1, 4], max)), list(it.accumulate([])), list(it.chain()), list(it.chain("ab", [], "c")))
print(list(it.product()), list(it.product("ab", repeat=0)), list(it.product([1, 2], [3], [4, 5])))
print(len(list(it.permutations(range(4)))), list(it.permutations("ab", 3)), list(it.combinations(range(4), 0)))
print(list(it.combinations_with_replacement("abc", 2)))
g = it.groupby([1, 1, 2, 3, 3, 3], key=lambda x: x % 2)
print([(k, list(v)) for k, v in g])
g = it.groupby("aabbc")
k1, g1 = next(g); k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
print(list(it.zip_longest([1, 2, 3], "ab")), list(it.zip_longest()), list(it.starmap(max, [(1, 5), (7, 2)])))
a, b, c = it.tee(iter([1, 2]), 3)
print(list(a), next(b), list(c), list(b))
print(list(it.pairwise([1])), list(it.compress(range(5), [0, 1, 1])), list(it.filterfalse(None, [0, 1, "", "x"])))
print(list(it.takewhile(bool, [1, 2, 0, 3])), list(it.dropwhile(bool, [1, 0, 2])), list(it.repeat(1, 0)), list(zip(range(3), it.repeat("r"))))
print(list(it.islice(it.cycle([1, 2]), 5)), list(it.cycle([])))
