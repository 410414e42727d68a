# set/frozenset semantics: hashing, comparisons, errors, subclasses.
print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})), hash(frozenset(range(50))))
print(hash(frozenset({frozenset({1}), frozenset({2})})))
print(hash(frozenset({1, 2})) == hash(frozenset([2, 1])))
print({1, 2} == frozenset({1, 2}), frozenset({1}) != {1}, {1} == [1], {1} != (1,))
print({1} < {1, 2}, {1, 2} < {1, 2}, {1, 2} <= {1, 2}, {1, 2, 3} > {1}, {1} >= {2})
print({1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset(range(2)), {1}.isdisjoint([2, 3]), {1}.isdisjoint({1}))
for bad in ([1], {}, {1: 2}):
    try:
        {1}.add(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
try:
    {1}.remove(2)
except KeyError as e:
    print('KeyError', e)
try:
    {1}.remove((2, 3))
except KeyError as e:
    print('KeyError', e.args)
try:
    set(1, 2)
except TypeError as e:
    print(e)
try:
    set(a=1)
except TypeError as e:
    print(e)
try:
    frozenset([1], [2])
except TypeError as e:
    print(e)
try:
    {1} < [1]
except TypeError as e:
    print(e)
try:
    {1} | [2]
except TypeError as e:
    print(e)
try:
    s = {1}
    s |= [2]
except TypeError as e:
    print(e)
try:
    hash({1})
except TypeError as e:
    print(e)
# sets inside sets: a set key is looked up as a frozenset
fs = {frozenset({1, 2}), frozenset()}
print({1, 2} in fs, set() in fs, {3} in fs)
fs2 = set(fs)
fs2.discard({1, 2})
fs2.remove(set())
print(fs2)
s = {1, 2, 3}
s.__init__([7, 8])
print(s)
s.__init__()
print(s)
class S(set):
    pass
class F(frozenset):
    pass
x = S([3, 1])
x.tag = 'hi'
print(x, x.tag, type(x).__name__, S(), F([2]), F())
print(type(x | {5}).__name__, type(x.copy()).__name__, type(F([1]) & {1}).__name__, type(F([1]).copy()).__name__)
f = frozenset([1, 2])
print(f.copy() is f, frozenset(f) is f, F(f) is f)
r = set()
r.add(r.__class__)
print(len(r))
class H:
    def __init__(self, v): self.v = v
    def __hash__(self): return 7
    def __eq__(self, o): return isinstance(o, H) and o.v == self.v
    def __repr__(self): return 'H(' + str(self.v) + ')'
hs = {H(1), H(2), H(1)}
print(len(hs), H(2) in hs, H(3) in hs)
try:
    for v in s:
        s.add(99)
except RuntimeError as e:
    print(e)
s2 = {1, 2, 3}
for v in s2:
    s2.discard(v)
    s2.add(v)
print(s2)
it = iter({1, 2, 3})
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
print(type(iter(set())).__name__)
