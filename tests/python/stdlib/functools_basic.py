# Higher-order functions and functional idioms
from functools import reduce, partial
print(reduce(lambda a, b: a * b, range(1, 8)))
print(reduce(lambda a, b: a + b, [], 100))
def power(base, exp):
    return base ** exp
sq = partial(power, exp=2)
cube = partial(power, exp=3)
print(sq(5), cube(2), partial(power, 2)(10))
print(list(map(sq, range(5))))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])))
pipeline = [str.strip, str.lower, lambda s: s.replace(' ', '_')]
v = "  Hello World  "
for fn in pipeline:
    v = fn(v)
print(v)
def curry(f):
    def c(a):
        def d(b):
            return f(a, b)
        return d
    return c
print(curry(lambda a, b: a - b)(10)(3))
print(sorted([(1, 'b'), (2, 'a'), (1, 'a')], key=lambda t: (t[1], -t[0])))
import functools
@functools.total_ordering
class T:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(T(1) <= T(2), T(3) >= T(2), T(1) > T(1))
@functools.lru_cache(maxsize=None)
def fibm(n):
    return n if n < 2 else fibm(n - 1) + fibm(n - 2)
print(fibm(90), fibm.cache_info().hits > 0)
print(functools.cmp_to_key(lambda a, b: b - a)(1) < functools.cmp_to_key(lambda a, b: b - a)(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
