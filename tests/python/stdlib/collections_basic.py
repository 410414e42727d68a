# collections: Counter, defaultdict, OrderedDict, namedtuple, deque, ChainMap
from collections import Counter, defaultdict, OrderedDict, namedtuple, deque, ChainMap
c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:6], sum(c.values()))
c.update("aaz")
print(c.most_common(2), (c - Counter("a" * 10)).most_common(1), (Counter(a=1) + Counter(a=2, b=1)))
dd = defaultdict(list)
for k, v in [("x", 1), ("y", 2), ("x", 3)]:
    dd[k].append(v)
print(dict(dd), dd["new"], len(dd))
di = defaultdict(int)
for ch in "hello":
    di[ch] += 1
print(sorted(di.items()))
od = OrderedDict([("b", 1), ("a", 2)])
od.move_to_end("b")
print(list(od), od.popitem(last=False), od)
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x + p.y, p[0], p._replace(x=10), p._asdict(), P._fields, tuple(p))
x, y = p
print(x, y, isinstance(p, tuple), P(*range(2)))
d = deque(maxlen=3)
for i in range(5):
    d.append(i)
print(d, d[0], d[-1])
d.extendleft([10, 11])
print(d)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], sorted(cm), len(cm))
