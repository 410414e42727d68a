# Generator expressions
g = (x * x for x in range(6))
print(type(g).__name__, list(g), list(g))
print(sum(x for x in range(101) if x % 2 == 0))
print(max(len(w) for w in ["a", "bbb", "cc"]))
print(list((x, y) for x in range(3) for y in range(x)))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in []), all(x for x in [1, 0]))
print(sorted((c for c in "hello"), reverse=True))
print("".join(str(i) for i in range(5)))
it = iter([1, 2, 3, 4])
g = (x for x in it)
print(next(g), list(it), list(g))
try:
    (1 / x for x in [0])
    print("lazy: no error yet")
    list(1 / x for x in [0])
except ZeroDivisionError:
    print("error at iteration")
try:
    (x for x in 5)
except TypeError as e:
    print("outer iterable evaluated eagerly:", e)
n = 10
g = (x + n for x in range(3))
n = 100
print(list(g))
print(dict((k, len(k)) for k in ["ab", "c"]))
def first(it):
    return next(iter(it), None)
print(first(x for x in range(10) if x > 6), first(x for x in []))
