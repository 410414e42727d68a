# collections.deque: construction, both ends, maxlen, indexing, methods, operators,
# repr, copying, subclassing and CPython's error messages.
from collections import deque
import copy


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


# construction
print(deque(), deque([]), deque("abc"), deque(range(5)), deque((1, 2), 5))
print(deque(maxlen=3), deque(iterable=[1, 2]), deque([1, 2, 3, 4], maxlen=2))
print(deque(x * x for x in range(4)), deque({1: 2, 3: 4}), deque([], maxlen=0))
print(deque([1], True), deque([1, 2, 3], 0), deque(maxlen=None))
show("bad maxlen", lambda: deque([], -1))
show("str maxlen", lambda: deque([], "3"))
show("float maxlen", lambda: deque([], 2.0))
show("big maxlen", lambda: deque([], 10 ** 30))
show("not iterable", lambda: deque(5))
show("three args", lambda: deque([], 1, 2))
show("bad keyword", lambda: deque(x=1))
show("twice", lambda: deque([1], iterable=[2]))

# re-init clears and sets maxlen
d = deque([1, 2, 3])
d.__init__([7, 8, 9], 2)
print(d, d.maxlen)
d.__init__()
print(d, d.maxlen)

# both ends
d = deque()
for i in range(20):
    if i % 3:
        d.append(i)
    else:
        d.appendleft(i)
print(d, len(d), bool(d), bool(deque()))
print(d.pop(), d.popleft(), d.pop(), d.popleft(), len(d))
show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())

# wrap-around: many pushes and pops at both ends keep the order
d = deque()
ref = []
for i in range(200):
    op = (i * 7) % 5
    if op == 0:
        d.append(i); ref.append(i)
    elif op == 1:
        d.appendleft(i); ref.insert(0, i)
    elif op == 2 and ref:
        assert d.pop() == ref.pop()
    elif op == 3 and ref:
        assert d.popleft() == ref.pop(0)
    else:
        d.rotate(i % 4 - 2)
        k = (i % 4 - 2) % len(ref) if ref else 0
        if ref and k:
            ref[:] = ref[-k:] + ref[:-k]
    assert list(d) == ref, (i, list(d), ref)
print("wrap ok", len(d), list(d) == ref)

# maxlen trims the other end
d = deque(range(5), maxlen=3)
print(d, d.maxlen)
d.append(9); print(d)
d.appendleft(7); print(d)
d.extend([1, 2]); print(d)
d.extendleft([5, 6]); print(d)
d = deque(maxlen=0)
d.append(1); d.appendleft(2); d.extend(range(3)); print(d, len(d))
show("maxlen readonly", lambda: setattr(deque(), "maxlen", 3))

# extend / extendleft
d = deque([1, 2])
d.extend(d); print(d)
d.extendleft(d); print(d)
d.extendleft("xy"); print(d)
show("extend int", lambda: d.extend(5))

# indexing
d = deque(range(10))
print(d[0], d[9], d[-1], d[-10], d[True])
d[3] = "three"; d[-1] = "last"; print(d)
del d[0]; del d[-1]; del d[4]; print(d)
for bad in (10 ** 30, 100, -100, "a", 1.5, slice(1, 2)):
    show("get %r" % (bad,), lambda: d[bad])
show("set out", lambda: d.__setitem__(50, 1))
show("del out", lambda: d.__delitem__(-50))

# in / count / index
d = deque([1, 2, 3, 2, 1, 2])
print(2 in d, 5 in d, d.count(2), d.count(7), d.index(2), d.index(2, 2), d.index(2, -2))
print(d.index(1, 1, 10 ** 30), d.index(3, -10 ** 30))
show("index missing", lambda: d.index(9))
show("index range", lambda: d.index(3, 3))
show("index args", lambda: d.index())
show("index many", lambda: d.index(1, 2, 3, 4))
show("index str start", lambda: d.index(1, "a"))
show("index kw", lambda: d.index(x=1))
nan = float("nan")
print(deque([nan]).count(nan), nan in deque([nan]))

# insert / remove / reverse / rotate
d = deque([1, 2, 3])
for i, x in [(0, "a"), (2, "b"), (-1, "c"), (100, "d"), (-100, "e"), (3, "f")]:
    d.insert(i, x)
    print("insert", i, d)
d.remove("b"); d.remove(3); print(d)
show("remove missing", lambda: d.remove("zz"))
show("insert full", lambda: deque([1, 2], 2).insert(0, 3))
show("insert args", lambda: d.insert(1))
show("insert big", lambda: d.insert(10 ** 30, 1))
d.reverse(); print(d)
for n in (1, -1, 3, -7, 0, 100, -100):
    d.rotate(n)
    print("rotate", n, d)
d.rotate(); print(d)
show("rotate args", lambda: d.rotate(1, 2))
show("rotate str", lambda: d.rotate("a"))
show("rotate kw", lambda: d.rotate(n=1))
show("rotate big", lambda: d.rotate(10 ** 30))
deque().rotate(5); deque([1]).rotate(5)

# clear / copy
d = deque([1, [2], 3], maxlen=5)
c = d.copy()
print(c, c is d, c[1] is d[1], copy.copy(d), d.__copy__())
dc = copy.deepcopy(d)
print(dc, dc[1] is d[1], dc.maxlen)
d.clear(); print(d, c)

# comparisons
a, b = deque([1, 2, 3]), deque([1, 2, 4])
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(deque([1]) < deque([1, 2]), deque([1, 2]) > deque([1]), deque() == deque())
print(a == [1, 2, 3], a != (1, 2, 3), deque([1], 3) == deque([1]))
show("lt list", lambda: a < [1])

# + * += *=
print(deque([1, 2]) + deque([3]), deque([1], 2) + deque([2, 3]))
print(deque([1, 2]) * 3, 2 * deque([1, 2], 3), deque([1]) * 0, deque([1, 2]) * -1)
show("add list", lambda: deque() + [1])
show("radd list", lambda: [1] + deque())
show("mul str", lambda: deque() * "a")
x = deque([1])
y = x
x += [2, 3]
x += "ab"
print(x, x is y)
x *= 2
print(x, x is y)
x = deque([1, 2, 3], maxlen=7)
x *= 4
print(x)
x *= 0
print(x)

# repr, recursion, hashing
d = deque()
d.append(d)
d.append([d])
print(d)
show("hash", lambda: hash(deque()))
print(deque.__hash__)

# misc protocol
print(list(reversed(deque("abc"))), list(iter(deque("abc"))), sorted(deque([3, 1, 2])))
it = iter(deque([1, 2, 3]))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
print(type(iter(deque())).__name__, type(reversed(deque())).__name__)
print(deque[int], deque[int] == deque[int])
r = deque([1, 2], 4).__reduce__()
print(r[0], r[1], r[2], list(r[3]))
print(deque.__name__, deque.__module__, repr(deque))
show("append none", lambda: deque().append())
show("append kw", lambda: deque().append(x=1))
show("pop arg", lambda: deque().pop(1))
show("descriptor", lambda: deque.append([], 1))

import collections.abc as cabc
print(isinstance(deque(), cabc.MutableSequence), issubclass(deque, cabc.Sequence))

match deque([1, 2, 3]):
    case [first, *rest]:
        print("match", first, rest)


# subclassing
class Stack(deque):
    def __init__(self, items=(), maxlen=None):
        super().__init__(items, maxlen)
        self.pushes = 0

    def push(self, x):
        self.pushes += 1
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([1, 2], 5)
s.push(3)
s.push(4)
print(s, s.pushes, s.peek(), len(s), s.maxlen, isinstance(s, deque))
c = s.copy()
print(type(c).__name__, c, c.pushes)
print(s + deque([9]), type(s + deque([9])).__name__)
print(copy.copy(s), copy.deepcopy(s), s == deque([1, 2, 3, 4]))
s.extra = "attr"
print(sorted(vars(s).items()))
print(s.__reduce__()[2])


class Named(deque):
    def __repr__(self):
        return "Named" + repr(list(self))


print(Named([1]), [Named([2])])


class Bad(deque):
    def __init__(self, *a):
        pass

    def __new__(cls, *a):
        return 5


show("bad copy", lambda: deque.copy(Bad.__mro__[1].__new__(Bad)))
