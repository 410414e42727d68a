# Copying a dict, a set or a dict view (list(d), sorted(s), tuple(d.items()), ...) is
# one operation: while other threads add and delete entries, the copy is some state the
# container had, and never raises "changed size during iteration".
import threading

D = {k: k for k in range(50)}
S = set(range(50))
stop = []
errors = []
copies = [0]


def writer(k):
    for i in range(4000):
        x = 100 + (i * 7 + k) % 200
        if i % 2:
            D[x] = x
            S.add(x)
        else:
            D.pop(x - 7, None)
            S.discard(x - 7)


def reader():
    n = 0
    while not stop:
        try:
            a = list(D)
            b = sorted(S)
            c = tuple(D.items())
            d = list(D.values())
            e = [k for k in list(D.keys())]
            f = list(frozenset(S))
            ok = all(type(x) is int for x in a + b + d + e + f)
            ok = ok and all(k == v for k, v in c)
            if not ok:
                errors.append("bad copy")
        except Exception as ex:
            errors.append(repr(ex))
        n += 1
    copies[0] += n


ws = [threading.Thread(target=writer, args=(k,)) for k in range(2)]
rs = [threading.Thread(target=reader) for _ in range(2)]
for t in rs + ws:
    t.start()
for t in ws:
    t.join()
stop.append(1)
for t in rs:
    t.join()
print(errors[:3], len(errors), copies[0] > 0)
print(sorted(D) == sorted(S), all(D[k] == k for k in D))
