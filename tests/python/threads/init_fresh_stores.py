# Stores into `self` at the top of __init__ (hotpy's STORE_ATTR_FRESH takes no lock
# when the object cannot have escaped yet): the stores must behave as ordinary ones in
# every case, including setters that let `self` escape, explicit __init__ calls on an
# object that is already shared, and objects handed to other threads right after.
import threading

REGISTRY = []


class WithSetter:
    def __init__(self, a, b):
        self.a = a
        self.b = b
        self.c = a + b

    @property
    def b(self):
        return self._b

    @b.setter
    def b(self, v):
        REGISTRY.append(self)
        self._b = v * 10


class Custom:
    def __init__(self, x):
        self.x = x
        self.y = [x]

    def __setattr__(self, name, value):
        object.__setattr__(self, name, (name, value))


class Slotted:
    __slots__ = ("p", "q")

    def __init__(self, p, q):
        self.p = p
        self.q = q


class Defaults:
    kind = "default"

    def __init__(self, kind):
        self.me = self
        self.kind = kind
        self.pair = (kind, self)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


w = WithSetter(1, 2)
print(w.a, w.b, w.c, REGISTRY[0] is w)
c = Custom(5)
print(c.x, c.y)
s = Slotted(3, 4)
print(s.p, s.q)
d = Defaults("mine")
print(d.kind, d.me is d, d.pair[1] is d, Defaults.kind)

# __init__ called again on an existing object, while other threads store into it.
shared = Point(0, 0)
stop = False


def writer(k):
    n = 0
    while not stop:
        shared.y = k
        n += 1
    return n


threads = [threading.Thread(target=writer, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for i in range(300):
    Point.__init__(shared, i, i)
stop = True
for t in threads:
    t.join()
print(shared.x, shared.y in (0, 1, 299))

# Objects made by one thread and updated by others straight after.
made = []
lock = threading.Lock()


def maker(base):
    for i in range(500):
        p = Point(base + i, 0)
        with lock:
            made.append(p)


def bumper():
    done = 0
    while done < 1000:
        with lock:
            batch = list(made[done:])
        for p in batch:
            p.y += 1
        done += len(batch)


ts = [threading.Thread(target=maker, args=(b,)) for b in (0, 100000)]
tb = threading.Thread(target=bumper)
for t in ts + [tb]:
    t.start()
for t in ts + [tb]:
    t.join()
print(len(made), sum(p.y for p in made), len({p.x for p in made}))
print(sorted(vars(Point(1, 2)).items()))
