# Attribute and method caches of running code keep the class attribute they found: a
# collection must keep those alive and point the caches at the moved objects. Each class
# attribute below is made at run time (so it lives in the movable heap); the functions
# read it through a cache again and again across collections, from two threads too.
import gc
import threading


def make_tag(n):
    return "-".join(str(i) for i in range(n))


class Box:
    label = make_tag(5)
    sizes = [make_tag(i) for i in range(4)]

    def weight(self):
        return len(self.label) + len(self.sizes)

    @staticmethod
    def twice(x):
        return [x, x]


def reader(rounds):
    b = Box()
    out = []
    for r in range(rounds):
        junk = [make_tag(r % 7) for _ in range(200)]
        out.append((b.label, b.sizes[3], b.weight(), Box.twice(r)[1], len(junk)))
        if r % 5 == 0:
            gc.collect()
    return out


first = reader(30)
print(first[0], first[-1])
print(all(row[0] == Box.label and row[1] == Box.sizes[3] for row in first))

# A class attribute replaced while the cache holds the old one: the next read sees the new.
Box.label = make_tag(8)
gc.collect()
print(reader(3)[-1])

results = {}


def worker(k):
    results[k] = reader(40)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), results[0] == results[1], results[0][-1])
