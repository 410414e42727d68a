# Builtins that loop over Python code (sum, any, all, str.join, sorted, min and max over
# a generator, with or without keyword arguments; list, tuple, set and dict called on
# one; list.extend) let the heap collect between items: a long sum(genexp) that allocates
# must not hold every object it made until it returns. Each loop below allocates far
# more than a collection's budget (hotpy collects after many bytes, CPython after many
# container allocations not yet freed: the items are big lists in reference cycles, so
# both collect), and a gc callback records collections that happen while it runs. The
# results must be right after objects moved under the loop.
import gc

seen = []


def cb(phase, info):
    if phase == "start":
        seen.append(where)


gc.callbacks.append(cb)


def chunk(i):
    c = [i] * 200
    c.append(c)
    if i % 10_000 == 0:
        # Alone past hotpy's budget: a collection is asked for even when collection
        # stress (one at every safepoint) keeps the budget from filling up otherwise.
        c.append(bytearray(20_000_000))
    return c


where = "sum"
total = sum(len(chunk(i)) + i for i in range(60_000))
where = "sum float"
ftotal = sum(float(len(chunk(i))) * 0.5 for i in range(60_000))
where = "sum objects"
lists = sum(([i] for i in range(2_000) if chunk(i + 1)), [])
where = "any"
found = any(chunk(i)[-2] == 59_999 for i in range(60_000))
where = "all"
small = all(len(chunk(i)) >= 201 for i in range(60_000))
where = "join"
text = "".join(str(chunk(i)[0] % 10) for i in range(60_000))
where = "sorted"
order = sorted(chunk(i)[0] % 1000 for i in range(60_000))
where = "min"
low = min(chunk(i)[0] - 7 for i in range(60_000))
where = "max"
high = max(chunk(i)[0] * 3 for i in range(60_000))
where = "list"
as_list = list(chunk(i)[0] + 1 for i in range(60_000))
where = "tuple"
as_tuple = tuple(chunk(i)[0] * 2 for i in range(60_000))
where = "extend"
extended = [-1]
extended.extend(chunk(i)[0] for i in range(60_000))
where = "set"
as_set = set(chunk(i)[0] % 5000 for i in range(60_000))
where = "set map"
set_map = set(map(lambda i: chunk(i)[0] % 3000, range(60_000)))
where = "dict"
as_dict = dict((i % 4000, chunk(i)[0]) for i in range(60_000))
where = "dict zip"
dict_zip = dict(zip(range(60_000), map(lambda i: chunk(i)[0] * 2, range(60_000))))
where = "sorted key"
by_key = sorted((chunk(i)[0] for i in range(60_000)), key=lambda v: -(v % 1000), reverse=True)
where = "max key"
max_key = max((chunk(i)[0] for i in range(60_000)), key=lambda v: v % 7777, default=None)
where = "min default"
min_default = min((chunk(i)[0] + 5 for i in range(60_000)), default="none")
where = "after"
gc.callbacks.remove(cb)

print(total, ftotal, len(lists), lists[-3:], found, small)
print(len(text), text[:12], text[-5:], order[:3], order[-3:], len(order), low, high)
print(len(as_list), as_list[-2:], len(as_tuple), as_tuple[-2:], len(extended), extended[-2:])
print(len(as_set), min(as_set), max(as_set), len(set_map), max(set_map))
print(by_key[:3], by_key[-3:], max_key, min_default)
print(len(as_dict), as_dict[3999], len(dict_zip), dict_zip[59_999], list(dict_zip.items())[:2])
for name in ("sum", "sum float", "any", "all", "join", "sorted", "min", "max", "list", "tuple",
             "extend", "set", "set map", "dict", "dict zip", "sorted key", "max key",
             "min default"):
    print(name, "collected while running:", name in seen)


# The iterator and the running total survive collections: a generator that keeps state
# in its frame and a start value that is a heap object.
def numbers(n):
    acc = []
    for i in range(n):
        acc = [i] * 50
        yield acc[0]


print(sum(numbers(50_000)), sum((x for x in numbers(50_000)), 10**30))


# sum called from native code (map's next) and from nested Python code (a generator
# that sum runs): there the Rust frames below may hold values, so it must not collect;
# the results stay right either way.
def gens(k):
    return [(chunk(i)[0] for i in range(j * 1000, j * 1000 + 1000)) for j in range(k)]


print(list(map(sum, gens(3))))
print(sum(sum(chunk(j)[0] for j in range(i, i + 300)) for i in range(0, 30_000, 300)))
print(sorted(range(200), key=lambda i: -sum(chunk(i + j)[0] for j in range(50)))[:5])


# Errors while gathering items leave nothing behind; keyword arguments are read after
# the items are gathered.
def failing(n):
    for i in range(n):
        yield chunk(i)[0]
    raise KeyError("stop here")


join = "".join
for f in (sum, any, all, sorted, min, max, join):
    try:
        f(str(x) if f is join else x for x in failing(30_000))
    except KeyError as e:
        print(getattr(f, "__name__", f), "KeyError", e)
for bad in (5, ["a", 1]):
    try:
        "-".join(bad)
    except TypeError as e:
        print("join TypeError:", e)
print(sorted((chunk(i)[0] for i in range(20_000)), key=lambda v: -v)[:3])
print(sorted((chunk(i)[0] for i in range(20_000)), reverse=True)[:3])
print(min((chunk(i)[0] for i in range(0)), default="empty"), max(iter([]), default=None))
print(max((chunk(i)[0] for i in range(20_000)), key=lambda v: v % 777))


# list() and tuple() of exactly those types take the collecting path; the rest does not
# change: a tuple of a tuple is itself, subclasses, keyword arguments and errors.
t = (1, 2)


class L(list):
    pass


print(tuple(t) is t, list(t), tuple([3]), list("ab"), tuple({1: 2}), L(i for i in range(3)))
for call in (lambda: list(5), lambda: tuple(x=1), lambda: list(1, 2), lambda: tuple(failing(10))):
    try:
        call()
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)


# list.extend appends each item as it comes: the generator sees the list grow.
grow = []
grow.extend(len(grow) for _ in range(4))
grow.extend({9: 0})
print(grow)


# set(genexp) hashes each item as it comes, as CPython does.
class Loud:
    def __init__(self, n):
        print("make", n)
        self.n = n

    def __hash__(self):
        print("hash", self.n)
        return self.n

    def __eq__(self, other):
        return self.n == other.n


print(len(set(Loud(i % 2) for i in range(3))))
try:
    set([x] for x in range(3))
except TypeError as e:
    print("TypeError", e)


# dict(x) keeps CPython's choices: a mapping (anything with keys) is copied, anything
# else is read as pairs, and a bad pair is reported with its number.
class Keys:
    def keys(self):
        return ["a", "b"]

    def __getitem__(self, k):
        return k.upper()


print(dict(Keys()), dict({1: 2}), dict([("x", 1)]), dict(iter([(1, 2), [3, 4]])), dict(""))
for bad in (5, ["ab", "c"], [(1, 2), 3], (p for p in [(1, 2, 3)]), failing(10),
            ((k, k) for k in failing(10))):
    try:
        dict(bad)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(set(map(abs, [-1, 1, -2])), set(range(3)), set(iter("aba")) == {"a", "b"})
try:
    set(5)
except TypeError as e:
    print("TypeError", e)
