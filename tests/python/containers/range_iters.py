# range and the builtin iterators.
r = range(3, 20, 4)
print(r, r.start, r.stop, r.step, len(r), list(r), r[0], r[-1], r[1:3], r[::-1], r[::2], r[10:])
print(range(5), range(0), range(5, 0), range(0, 10, 1), range(-5, 5, 3)[::-2])
print(range(10**20), len(range(10**18)), range(10**20)[5], range(10**20)[-1], range(10**20)[::10**19])
try:
    len(range(10**20))
except OverflowError as e:
    print(e)
print(10**19 in range(10**20), -1 in range(10**20), 7 in range(0, 10, 2), 8 in range(0, 10, 2), 3.0 in range(5), 'a' in range(5))
print(range(0, 10, 3).index(9), range(5).count(2), range(5).count(2.0), range(10, 0, -2).index(4))
for bad in (20, 'x'):
    try:
        range(10).index(bad)
    except ValueError as e:
        print(e)
print(range(0) == range(5, 5), range(0, 5, 2) == range(0, 6, 2), range(1) == range(1, 2, 7), range(3) != range(4), range(3) == [0, 1, 2])
print(hash(range(0)) == hash(range(3, 3)), hash(range(1, 2, 5)) == hash(range(1, 2)), hash(range(5)) == hash(range(0, 5, 1)))
print(list(reversed(range(1, 10, 3))), list(reversed(range(0))), list(reversed(range(10**20, 10**20 + 3))))
print(bool(range(0)), bool(range(1)), range(True), range(5)[True])
for bad in [(), (1, 2, 3, 4), (1.5,), (1, 2, 0)]:
    try:
        range(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    range(5)[10]
except IndexError as e:
    print(e)
try:
    range(5)['a']
except TypeError as e:
    print(e)
it = iter(range(4))
print(type(it).__name__, it.__length_hint__(), next(it), list(it), list(it))
print(list(enumerate('ab')), list(enumerate('ab', 10)), list(enumerate(iterable='xy', start=-1)), list(enumerate([], 2**70)))
print(list(enumerate('a', 2**62 - 1)), list(enumerate('abc', 2**63 - 2)))
print(list(zip()), list(zip('abc', range(10))), list(zip([1], [2], [3])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [3, 4], [5, 6], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as e:
    print(e)
print(list(zip([1], [2], strict=True)))
try:
    zip(1)
except TypeError as e:
    print(e)
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2, 1])), list(map(lambda *a: a, 'ab', 'cd')))
try:
    map(abs)
except TypeError as e:
    print(e)
print(list(filter(None, [0, 1, '', 'a', [], [0]])), list(filter(lambda x: x % 2, range(7))), list(filter(bool, [0, 3])))
try:
    filter(None)
except TypeError as e:
    print(e)
print(list(reversed('abc')), list(reversed((1, 2))), list(reversed([])))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
class Rev:
    def __reversed__(self): return iter('zyx')
print(list(reversed(Seq())), list(reversed(Rev())))
for bad in (1, {1}, {1: 2}.keys() if False else 2.5):
    try:
        reversed(bad)
    except TypeError as e:
        print(e)
class NoRev(list):
    __reversed__ = None
try:
    reversed(NoRev())
except TypeError as e:
    print(e)
data = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(data), 0)), list(data))
count = [0]
def tick():
    count[0] += 1
    if count[0] > 5:
        raise StopIteration
    return count[0]
print(list(iter(tick, 99)))
print(type(iter(tick, 1)).__name__)
e = enumerate('xyz')
print(next(e), next(e), list(e))
z = zip('ab', 'cd')
print(iter(z) is z, next(z), list(z), list(z))
print(hash((1, 2, 3)), hash(()), hash((1,)), hash(('a', 1)) == hash(('a', 1)), hash((1, (2, 3))))
print((1, 2) + (3,), (1,) * 3, 2 * (), (1, 2, 3)[::-1], (1, 2, 3)[1:], (1, 2, 3, 2).index(2, 2), (1, 2, 2).count(2))
try:
    (1,) + [2]
except TypeError as e:
    print(e)
try:
    (1, 2).index(5)
except ValueError as e:
    print(e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), () == (), (1, [2]) == (1, [2]))
