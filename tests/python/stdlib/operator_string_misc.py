# operator, string, textwrap-free helpers, bisect, heapq
import operator, string, bisect, heapq
print(operator.add(1, 2), operator.mul(3, 4), operator.neg(5), operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("abc"))
print(operator.attrgetter("real")(3 + 4j), operator.methodcaller("upper")("x"), operator.truth(0), operator.contains([1], 1))
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
