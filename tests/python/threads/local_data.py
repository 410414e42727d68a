# threading.local: per-thread attributes, subclasses with __init__ run per thread.
import threading

data = threading.local()
data.name = "main"
seen = []
lock = threading.Lock()


def worker(i):
    has = hasattr(data, "name")
    data.name = "w%d" % i
    data.items = [i] * i
    with lock:
        seen.append((data.name, data.items, has, sorted(data.__dict__)))


ts = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for row in sorted(seen):
    print(row)
print("main still", data.name, hasattr(data, "items"))
try:
    data.missing
except AttributeError:
    print("AttributeError")
del data.name
print(hasattr(data, "name"))

calls = []


class Counter(threading.local):
    greeting = "hi"

    def __init__(self, start, step=1):
        calls.append((start, step))
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value

    @property
    def doubled(self):
        return self.value * 2


c = Counter(10, step=5)
c.bump()
out = []


def use(n):
    for _ in range(n):
        c.bump()
    with lock:
        out.append((n, c.value, c.doubled, c.greeting))


ts = [threading.Thread(target=use, args=(n,)) for n in (1, 2, 3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out))
print("main", c.value, c.doubled, len(calls), calls[0])

try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)

# A value set in a thread that ended does not leak into a later thread.
flag = threading.local()


def setter():
    flag.v = 1


def getter(out):
    out.append(getattr(flag, "v", None))


t = threading.Thread(target=setter)
t.start()
t.join()
res = []
t = threading.Thread(target=getter, args=(res,))
t.start()
t.join()
print(res)
