# Threads race the mutating operations of dict, set, list, bytearray, instance and
# class attributes and module globals, with no Python lock. Each single operation must
# be atomic: no item is lost or taken twice, and the checks below do not depend on how
# the threads interleave.
import threading

T = 4


def run(target, n=T):
    ts = [threading.Thread(target=target, args=(k,)) for k in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


# dict.setdefault: every thread gets the value that ends up stored.
d = {}
got = [None] * T


def setdefaults(k):
    got[k] = [d.setdefault(i, (k, i)) for i in range(300)]


run(setdefaults)
print("setdefault agrees:", all(got[k] == [d[i] for i in range(300)] for k in range(T)))

# dict.popitem / set.pop / list.pop / list.pop(0) / deque-free: each item once.
def drain(name, make, take, exc):
    box = make()
    out = [[] for _ in range(T)]

    def worker(k):
        while True:
            try:
                out[k].append(take(box))
            except exc:
                return

    run(worker)
    items = [x for o in out for x in o]
    print(name, len(items), len(set(items)), "left", len(box))


drain("dict.popitem", lambda: {i: -i for i in range(800)}, lambda b: b.popitem(), KeyError)
drain("set.pop", lambda: set(range(800)), lambda b: b.pop(), KeyError)
drain("list.pop", lambda: list(range(800)), lambda b: b.pop(), IndexError)
drain("list.pop(0)", lambda: list(range(800)), lambda b: b.pop(0), IndexError)
drain("bytearray.pop", lambda: bytearray(range(200)) * 2, lambda b: b.pop(), IndexError)

# Appends racing slice assignment, slice deletion, item stores and remove().
L = list(range(10))
N = 600


def list_mix(k):
    if k < 2:
        for i in range(N):
            L.append((k, i))
    elif k == 2:
        for i in range(N):
            L[:2] = L[:2]          # same two items back: a no-op edit of the whole list
            del L[3:3]
            L[5:5] = []
    else:
        for i in range(N):
            L[i % 10] = i % 10     # the first ten items keep their values


run(list_mix)
print("list after appends and edits:", len(L), L[:10] == list(range(10)),
      sorted(L[10:]) == sorted((k, i) for k in range(2) for i in range(N)))

R = list(range(1200))


def list_remove(k):
    if k == 0:
        for i in range(400):
            R.insert(0, -1 - i)    # shifts everything while the others remove
    else:
        for i in range(k, 1200, 3):
            R.remove(i)


run(list_remove)
print("remove under inserts:", sorted(R) == list(range(-400, 1)))

# set: adds and discards of disjoint items racing with resizes and in-place operators.
S = set(range(-50, 0))


def set_mix(k):
    base = (k + 1) * 100000
    for i in range(300):
        S.add(base + i)
        if i % 3 == 0:
            S.discard(base + i)
    S.update(range(base + 1000, base + 1100))
    S.difference_update(range(base + 1000, base + 1050))
    S.__ior__({base + 2000, base + 2001})
    S.__isub__({base + 2000})
    S.__ixor__({base + 3000})


run(set_mix)
expect = set(range(-50, 0))
for k in range(T):
    base = (k + 1) * 100000
    expect |= {base + i for i in range(300) if i % 3}
    expect |= set(range(base + 1050, base + 1100))
    expect |= {base + 2001, base + 3000}
print("set after mixed writers:", S == expect, len(S))

# s &= t racing adds: the intersection is swapped in only if s did not change since it
# was computed, so no add is dropped (t holds everything ever added).
I = set(range(100, 120))
keep = set(range(0, 5000))


finished = []


def and_mix(k):
    global I
    if k == 0:
        while len(finished) < T - 1:
            I &= keep
            I.intersection_update(keep)
    else:
        for i in range(300):
            I.add(k * 1000 + i)
        finished.append(k)


run(and_mix)
print("&= under adds:", I == set(range(100, 120)) | {k * 1000 + i for k in range(1, T) for i in range(300)})

# bytearray: appends racing inserts/removes, slice assignment and reversal.
B = bytearray(b"." * 8)


def bytes_mix(k):
    if k < 2:
        for i in range(300):
            B.append(ord("ab"[k]))
    elif k == 2:
        for i in range(300):
            B.insert(0, 33)
            B.remove(33)
    else:
        for i in range(300):
            B[5:5] = b""           # rewrites the buffer, changes nothing
            B.reverse()
            B.reverse()


run(bytes_mix)
print("bytearray:", B.count(b"a"), B.count(b"b"), B.count(b"!"), B.count(b"."))


# Instance attributes: each thread keeps storing its own attribute while another adds
# attributes out of order (which moves the object to a real __dict__).
class Obj:
    pass


objs = [Obj() for _ in range(20)]


def attrs(k):
    if k == T - 1:
        for j, o in enumerate(objs):
            setattr(o, "late%d" % j, j)
            o.__dict__
        return
    for i in range(150):
        for o in objs:
            setattr(o, "a%d" % k, i)


run(attrs)
print("attributes:", all(getattr(o, "a%d" % k) == 149 for o in objs for k in range(T - 1)),
      all(getattr(o, "late%d" % j) == j for j, o in enumerate(objs)))


# Class attributes and module globals: stores racing new names (which resize the dicts).
class C:
    pass


def cls_and_globals(k):
    g = globals()
    for i in range(250):
        setattr(C, "c%d" % k, i)
        g["glob%d" % k] = i
        if k == 0:
            setattr(C, "new%d" % i, i)
            g["newglob%d" % i] = i


counter0 = counter1 = counter2 = counter3 = 0


def bump(k):
    global counter0, counter1, counter2, counter3
    for i in range(250):
        if k == 0:
            counter0 = i
        elif k == 1:
            counter1 = i
        elif k == 2:
            counter2 = i
        else:
            counter3 = i
            globals()["more%d" % i] = i


run(cls_and_globals)
run(bump)
print("class:", [getattr(C, "c%d" % k) for k in range(T)], C.new249, C().c1)
print("globals:", [globals()["glob%d" % k] for k in range(T)], newglob249,
      counter0, counter1, counter2, counter3, more249)
