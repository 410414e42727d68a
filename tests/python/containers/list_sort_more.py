# list.sort: stability, key, reverse, errors, mutation during sort.
recs = [('b', 2), ('a', 2), ('c', 1), ('a', 1), ('b', 1)]
r = recs[:]; r.sort(key=lambda t: t[1]); print(r)
r = recs[:]; r.sort(key=lambda t: t[1], reverse=True); print(r)
r = recs[:]; r.sort(); print(r)
r = recs[:]; r.sort(reverse=True); print(r)
nums = [(i * 7919) % 1009 for i in range(300)]
n = nums[:]; n.sort(); print(n[:10], n[-5:], n == sorted(nums) if False else '')
n = nums[:]; n.sort(key=lambda x: x % 10); print(n[:12])
w = ['pear', 'Apple', 'fig', 'banana', 'apple', 'Fig']
w.sort(); print(w)
w.sort(key=str.lower); print(w)
w.sort(key=len, reverse=True); print(w)
f = [3.5, -1.0, 2.25, 0.0, -0.0, 10.0]
f.sort(); print(f)
mixed = [3, 1.5, 2, True, -4]
mixed.sort(); print(mixed)
class K:
    def __init__(self, v, tag): self.v, self.tag = v, tag
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return self.tag + str(self.v)
ks = [K(i % 3, chr(97 + i)) for i in range(10)]
ks.sort(); print(ks)
ks.sort(reverse=True); print(ks)
try:
    [3, 'a', 1].sort()
except TypeError as e:
    print(e)
try:
    [1, 2].sort(1)
except TypeError as e:
    print(e)
try:
    [1, 2].sort(cmp=None)
except TypeError as e:
    print(e)
lst = [3, 2, 1]
def bad_key(x):
    if x == 1:
        raise ValueError('boom')
    return x
try:
    lst.sort(key=bad_key)
except ValueError as e:
    print(e, lst)
lst = [5, 4, 3, 2, 1]
def mutating(x):
    lst.append(x)
    return x
try:
    lst.sort(key=mutating)
except ValueError as e:
    print(e)
print(lst)
seen = []
lst = [2, 1]
def peek(x):
    seen.append(list(lst))
    return x
lst.sort(key=peek)
print(seen, lst)
e = []; e.sort(); print(e)
one = [1]; one.sort(key=lambda x: 1 / 0 if False else x); print(one)
print([1, 2, 3].index(3), [1, 2, 3, 2].index(2, 2), [1, 2, 3].index(1, -3, 1))
try:
    [1, 2, 3].index(1, 1)
except ValueError as e:
    print(e)
a = list(range(10))
print(a[::3], a[7:2:-2], a[-3:], a[:100], a[100:], a[::-1][:3])
a[2:5] = 'xy'; print(a)
a[::4] = [0, 0, 0]; print(a)
del a[::2]; print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print(e)
try:
    a[1:2] = 5
except TypeError as e:
    print(e)
try:
    a[::2] = 5
except TypeError as e:
    print(e)
try:
    [0] * (10 ** 12)
except MemoryError:
    print('MemoryError')
try:
    [0] * (10 ** 20)
except OverflowError as e:
    print('OverflowError', e)
try:
    [1] * 2.0
except TypeError as e:
    print(e)
print([1, 2] * -1, 2 * [7], [1] * True)
b = [1, 2]; b *= 3; print(b)
b += range(2); print(b)
b += 'ab'; print(b)
try:
    b += 5
except TypeError as e:
    print(e)
print(list(reversed(b)), type(reversed(b)).__name__, reversed(b).__length_hint__())
x = [1, 2, 3]
x.__init__('ab'); print(x)
x.extend(x); print(x)
x.extend(i for i in range(2)); print(x)
print([1, [2]] == [1, [2]], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [[]])
class L(list):
    pass
l2 = L([3, 1, 2])
l2.sort()
l2.name = 'n'
print(l2, l2.name, type(l2 + [1]).__name__, type(l2[:]).__name__)
