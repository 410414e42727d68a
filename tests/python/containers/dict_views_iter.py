# dict views, dict iterators, fromkeys, popitem, |, reversed.
d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
d['d'] = 4
print(k, list(v), 'd' in k, ('d', 4) in i, ('d', 5) in i, 4 in v, 'z' in k, [1] in i)
print(list(reversed(d)), list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(type(k).__name__, type(iter(k)).__name__, type(iter(v)).__name__, type(iter(i)).__name__)
print(type(reversed(d)).__name__, type(reversed(v)).__name__, type(reversed(i)).__name__)
print(k == {'a', 'b', 'c', 'd'}, k == {'a'}, k < {'a', 'b', 'c', 'd', 'e'}, i == {('a', 1), ('b', 2), ('c', 3), ('d', 4)})
print(sorted(k & {'a', 'x'}), sorted(k | {'x'}), sorted(k - {'a'}), sorted(k ^ {'a', 'y'}))
print(sorted({'a', 'x'} & k), sorted({'x'} | k), sorted({'a', 'q'} - k), sorted(['a', 'y'] ^ k if False else {'a', 'y'} ^ k))
print(sorted(i & {('a', 1), ('a', 2)}), sorted(i - {('a', 1)}), sorted(d.items() ^ {'a': 1, 'z': 0}.items()))
print(k.isdisjoint(['x', 'y']), k.isdisjoint('a'), i.isdisjoint([('a', 1)]))
print(k.mapping, k.mapping['a'])
try:
    hash(k)
except TypeError as e:
    print(e)
print(v == v, v == d.values())
n = {1: 'x', 2: 'y'}
try:
    for key in n:
        n[key + 10] = 'z'
except RuntimeError as e:
    print(e)
n = {1: 'x', 2: 'y'}
try:
    for key in n.values():
        del n[1]
except RuntimeError as e:
    print(e)
n = {1: 'x', 2: 'y'}
for key in n:
    n[key] = 'w'
print(n)
it = iter({1: 2, 3: 4})
print(it.__length_hint__(), next(it), it.__length_hint__())
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], []), dict.fromkeys(range(3), 0))
class D(dict):
    pass
print(type(D.fromkeys([1])).__name__, D.fromkeys([1, 2], 5))
p = {1: 'a', 2: 'b', 3: 'c'}
print(p.popitem(), p.popitem(), p)
p[9] = 'z'
print(p.popitem(), p)
try:
    {}.popitem()
except KeyError as e:
    print('KeyError', e)
x = {1: 1, 2: 2}
y = {2: 'two', 3: 'three'}
print(x | y, y | x)
x |= y
print(x)
x |= [(7, 7)]
print(x)
try:
    x | [(1, 2)]
except TypeError as e:
    print(e)
class M(dict):
    def __missing__(self, key):
        return key * 2
m = M(a=1)
m.attr = 5
print(m['a'], m['zz'], m.get('zz'), 'zz' in m, m.attr, m)
print(dict(a=1, b=2), dict([(1, 2), [3, 4]]), dict({1: 2}, x=3), dict(zip('ab', range(2))))
for bad in ([1], [[1]], [(1, 2, 3)]):
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    dict({}, {})
except TypeError as e:
    print(e)
r = {}
r[1] = r
print(r, {1: [r]})
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {} == {})
e = {}
print(list(e.keys()), list(reversed(e)), e.items())
g = {i: i * i for i in range(6)}
del g[0]; del g[3]
print(list(g), list(reversed(g)), list(reversed(g.items())))
g.setdefault(3, 'back')
print(g, g.pop(3), g.pop(42, 'dflt'))
try:
    g.pop(42)
except KeyError as e:
    print('KeyError', e)
