# collections: namedtuple, deque, OrderedDict, defaultdict, Counter, ChainMap in more depth
from collections import namedtuple, deque, OrderedDict, defaultdict, Counter, ChainMap, UserDict, UserList
import collections.abc
P = namedtuple("P", ["x", "y"], defaults=[0])
p = P(1)
print(p, P._fields, P._field_defaults, p._asdict(), P._make([3, 4]), p._replace(y=7), P.__doc__)
print(p == (1, 0), p[1], len(p), P(x=2, y=3).y, repr(P.x.__doc__))
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError", type(e).__name__)
try:
    namedtuple("Bad", "a a")
except ValueError as e:
    print("ValueError", e)
try:
    namedtuple("Bad", "a def")
except ValueError as e:
    print("ValueError", e)
print(namedtuple("R", "a _b def", rename=True)._fields)
class Sub(namedtuple("Base", "a b")):
    def total(self): return self.a + self.b
print(Sub(1, 2).total(), Sub(1, 2))
match P(5, 6):
    case P(x, y):
        print("matched", x, y)
d = deque([1, 2, 3])
d.appendleft(0); d.append(4); d.rotate(2)
print(d, d.popleft(), d.pop(), len(d), d[1], d[-1], 3 in d, list(reversed(d)))
d.extendleft("ab"); print(d, d.index(1), d.count(3))
d.remove("a"); d.reverse(); print(d)
d.rotate(-1); print(d, d == deque(d), d != deque(), bool(deque()))
dl = deque(range(10), maxlen=4); print(dl, dl.maxlen)
dl.appendleft(-1); print(dl)
e = deque()
for i in range(100):
    e.append(i)
    if i % 3 == 0:
        e.popleft()
for i in range(50):
    e.appendleft(-i)
print(len(e), e[0], e[-1], sum(e))
try:
    deque().pop()
except IndexError as e:
    print("IndexError", e)
od = OrderedDict.fromkeys("abc", 0)
od.move_to_end("a"); od.move_to_end("c", last=False)
print(od, od.popitem(), od.popitem(last=False), list(reversed(OrderedDict(x=1, y=2))))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
dd = defaultdict(lambda: "?")
print(dd["k"], dict(dd), defaultdict(int, {"a": 1})["a"], repr(defaultdict(list)))
try:
    defaultdict(1)
except TypeError as e:
    print("TypeError", e)
nd = defaultdict(None); 
try:
    nd["x"]
except KeyError as e:
    print("KeyError", e)
c = Counter("mississippi")
print(c, c.most_common(2), c.total(), sorted(c.elements()), c["z"])
c.subtract("ssss"); print(c)
print(Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=1) | Counter(a=3, b=1), Counter(a=3, b=1) & Counter(a=1), +Counter(a=-1, b=2), -Counter(a=-1))
c2 = Counter(a=1); c2 += Counter(a=2, b=-1); print(c2)
del c2["zz"]; print(Counter({"x": 2}) == Counter(x=2), Counter() == Counter(a=0))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
cm["c"] = 4
print(cm, cm["a"], cm["b"], len(cm), sorted(cm.items()), cm.new_child({"a": 0})["a"], cm.parents["a"], "b" in cm)
print(isinstance(cm, collections.abc.MutableMapping), isinstance(deque(), collections.abc.Sequence))
class UD(UserDict):
    def __missing__(self, k): return k * 2
u = UD(a=1)
print(u["a"], u["zz"], len(u), u, "a" in u)
ul = UserList([3, 1, 2]); ul.sort(); ul.append(9)
print(ul, ul[1:], len(ul), ul + [0])
