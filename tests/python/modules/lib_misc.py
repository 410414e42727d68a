# operator, string, bisect, heapq, keyword, copy
import operator, string, bisect, heapq
print(operator.add(1, 2), operator.mul(3, 4), operator.neg(5), operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("abc"))
print(operator.methodcaller("upper")("x"), operator.truth(0), operator.contains([1], 1))
print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1)), operator.index(5), operator.concat([1], [2]))
print(string.ascii_lowercase, string.digits, string.punctuation, string.ascii_uppercase[:5], string.hexdigits)
print(string.capwords("hello   big world"), string.Template("$who likes $what").substitute(who="tim", what="pie"))
a = [1, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4))
bisect.insort(a, 4)
print(a)
h = [5, 1, 8, 3, 2]
heapq.heapify(h)
print(h[0], [heapq.heappop(h) for _ in range(3)], h)
heapq.heappush(h, 0)
print(h[0], heapq.nlargest(2, [4, 9, 1, 7]), heapq.nsmallest(2, [4, 9, 1, 7]), list(heapq.merge([1, 4], [2, 3])))
import random
data = [random.random() for _ in range(200)] if hasattr(random, "random") else [(i * 7919) % 1000 for i in range(200)]
h = []
for x in data: heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(len(h))] == sorted(data))
print(operator.attrgetter("a.b")(type("X", (), {"a": type("Y", (), {"b": 5})})))
print(repr(operator.itemgetter(1, 2)), repr(operator.attrgetter("x")), repr(operator.methodcaller("f", 1, k=2)))
t = string.Template("$a and ${b}, $$")
print(t.safe_substitute(a=1), t.substitute({"a": 1, "b": 2}), t.get_identifiers())
try:
    t.substitute(a=1)
except KeyError as e:
    print("KeyError", e)
import keyword
print(keyword.iskeyword("for"), keyword.iskeyword("x"), len(keyword.kwlist), keyword.issoftkeyword("match"))
import copy
class P:
    def __init__(self): self.l = [1, [2]]; self.d = {"k": [3]}
p = P()
q = copy.copy(p); r = copy.deepcopy(p)
print(q.l is p.l, r.l is p.l, r.l[1] is p.l[1], r.d == p.d, r.d["k"] is p.d["k"])
x = [1, [2, 3]]; x.append(x)
y = copy.deepcopy(x)
print(y[2] is y, y[1] is not x[1], copy.copy((1, 2)) == (1, 2), copy.deepcopy({"a": (1, [2])}))
class S:
    __slots__ = ("a", "b")
s = S(); s.a = 1; s.b = [2]
s2 = copy.deepcopy(s)
print(s2.a, s2.b, s2.b is s.b)
class C2:
    def __copy__(self): return "custom"
print(copy.copy(C2()))
