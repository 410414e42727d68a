# collections.deque: mutation while iterating or comparing raises CPython's errors;
# item assignment and reverse() do not count as mutations.
from collections import deque


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


def iterate_and(mutate, rev=False):
    d = deque(range(6))
    out = []
    it = reversed(d) if rev else iter(d)
    try:
        for x in it:
            out.append(x)
            if x == (3 if rev else 2):
                mutate(d)
    except RuntimeError as e:
        out.append("RuntimeError: %s" % e)
    try:
        out.append(next(it))
    except StopIteration:
        out.append("stop")
    except RuntimeError as e:
        out.append("again: %s" % e)
    return out


for name, m in [
    ("append", lambda d: d.append(9)),
    ("appendleft", lambda d: d.appendleft(9)),
    ("pop", lambda d: d.pop()),
    ("popleft", lambda d: d.popleft()),
    ("clear", lambda d: d.clear()),
    ("rotate", lambda d: d.rotate(1)),
    ("rotate0", lambda d: d.rotate(0)),
    ("insert", lambda d: d.insert(1, 9)),
    ("remove", lambda d: d.remove(5)),
    ("del", lambda d: d.__delitem__(0)),
    ("extend", lambda d: d.extend([7])),
    ("extend empty", lambda d: d.extend([])),
    ("setitem", lambda d: d.__setitem__(4, "four")),
    ("reverse", lambda d: d.reverse()),
    ("iadd", lambda d: d.__iadd__([1])),
    ("imul1", lambda d: d.__imul__(1)),
]:
    print(name, iterate_and(m), iterate_and(m, rev=True))


class Mutator:
    def __init__(self, d, action):
        self.d = d
        self.action = action

    def __eq__(self, other):
        self.action(self.d)
        return False

    __hash__ = None


for meth in ("count", "index", "remove", "__contains__"):
    for name, action in [("append", lambda d: d.append(0)),
                         ("setitem", lambda d: d.__setitem__(0, 0)),
                         ("nothing", lambda d: None)]:
        d = deque([1, 2, 3])
        m = Mutator(d, action)
        d.appendleft(m)
        show("%s/%s" % (meth, name), lambda: getattr(d, meth)(99))
        print("  now", len(d))


# __eq__ raising propagates, the deque stays intact
class Boom:
    def __eq__(self, other):
        raise ValueError("boom")


d = deque([1, Boom(), 3])
show("count boom", lambda: d.count(3))
show("index boom", lambda: d.index(3))
show("remove boom", lambda: d.remove(3))
show("in boom", lambda: 3 in d)
print(len(d), d[0], d[2])

# identity short-cut: an object unequal to itself is still found by identity
class Never:
    def __eq__(self, other):
        return False


n = Never()
d = deque([1, n, 2])
print(d.count(n), d.index(n), n in d)
d.remove(n)
print(len(d))

# mutation during comparison of two deques
class Growing:
    def __init__(self, d):
        self.d = d

    def __eq__(self, other):
        self.d.append(1)
        return True


a = deque()
a.append(Growing(a))
b = deque([5])
show("cmp mutating", lambda: a == b)
print(len(a))

# a long run of mixed operations keeps the ring consistent (exercises growth and wrap)
d = deque()
ref = []
seed = 12345
for step in range(3000):
    seed = (seed * 1103515245 + 12345) % (1 << 31)
    op = seed % 9
    if op <= 1:
        d.append(step); ref.append(step)
    elif op == 2:
        d.appendleft(step); ref.insert(0, step)
    elif op == 3 and ref:
        assert d.pop() == ref.pop()
    elif op == 4 and ref:
        assert d.popleft() == ref.pop(0)
    elif op == 5 and ref:
        i = seed % len(ref)
        del d[i]; del ref[i]
    elif op == 6:
        i = (seed >> 3) % (len(ref) + 1)
        d.insert(i, -step); ref.insert(i, -step)
    elif op == 7 and ref:
        k = (seed >> 5) % 11 - 5
        d.rotate(k)
        k %= len(ref)
        if k:
            ref[:] = ref[-k:] + ref[:-k]
    elif op == 8 and ref:
        i = (seed >> 4) % len(ref)
        assert d[i] == ref[i] and d[i - len(ref)] == ref[i]
    if step % 250 == 0:
        assert list(d) == ref and list(reversed(d)) == ref[::-1], step
print("fuzz", len(d), list(d) == ref, sum(d) == sum(ref))
