# Functions returning functions, functions stored in data structures, recursion through dicts
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a // b,
}
def rpn(expr):
    st = []
    for tok in expr.split():
        if tok in ops:
            b, a = st.pop(), st.pop()
            st.append(ops[tok](a, b))
        else:
            st.append(int(tok))
    return st.pop()
print(rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"), rpn("100 7 /"))
def memoize(f):
    cache = {}
    def w(*a):
        if a not in cache:
            cache[a] = f(*a)
        return cache[a]
    w.cache = cache
    return w
@memoize
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), len(paths.cache))
def pipeline(*fs):
    def run(x):
        for f in fs:
            x = f(x)
        return x
    return run
print(pipeline(str, len, lambda n: n * 2)(123456))
def counter_factory():
    counts = {}
    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    return count, counts
count, counts = counter_factory()
for w in "a b a c a b".split():
    count(w)
print(counts)
