# Single operations that take something out of a shared container hand it to exactly
# one thread: tokens moved by dict.pop, dict.popitem and dict.setdefault, by set.pop,
# set.remove and set.add, and bytes moved by bytearray.pop, bytearray.insert and
# bytearray.remove, with no Python lock, are neither lost nor duplicated.
import threading

NTOK = 64
D = {k: 1000 + k for k in range(NTOK)}
S = set(range(5000, 5000 + NTOK))
B = bytearray()
held = [[] for _ in range(4)]
sheld = [[] for _ in range(4)]
put = [[0] * 256 for _ in range(4)]
popped = [[0] * 256 for _ in range(4)]


def work(t):
    mine = held[t]
    smine = sheld[t]
    x = t * 7919 + 1
    for i in range(6000):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        r = x % 11
        if r == 0:
            tok = D.pop(x % (2 * NTOK), None)
            if tok is not None:
                mine.append(tok)
        elif r == 1:
            try:
                mine.append(D.popitem()[1])
            except KeyError:
                pass
        elif r == 2 and mine:
            tok = mine.pop()
            if D.setdefault(x % (2 * NTOK), tok) != tok:
                mine.append(tok)
        elif r == 3:
            B.append(t)
            put[t][t] += 1
        elif r == 4:
            B.insert(x % 5, t)
            put[t][t] += 1
        elif r == 5:
            try:
                popped[t][B.pop(0 if x & 64 else -1)] += 1
            except IndexError:
                pass
        elif r == 6:
            try:
                B.remove(t)
                popped[t][t] += 1
            except ValueError:
                pass
        elif r == 7:
            B[0:0] = bytes([t])
            put[t][t] += 1
        elif r == 8:
            try:
                smine.append(S.pop())
            except KeyError:
                pass
        elif r == 9:
            try:
                S.remove(5000 + x % NTOK)
                smine.append(5000 + x % NTOK)
            except KeyError:
                pass
        elif smine:
            S.add(smine.pop())


ts = [threading.Thread(target=work, args=(t,)) for t in range(4)]
for th in ts:
    th.start()
for th in ts:
    th.join()
toks = sorted(list(D.values()) + [x for h in held for x in h])
print(toks == list(range(1000, 1000 + NTOK)), len(toks))
toks = sorted(list(S) + [x for h in sheld for x in h])
print(toks == list(range(5000, 5000 + NTOK)), len(toks))
for v in range(4):
    p = sum(c[v] for c in put)
    q = sum(c[v] for c in popped)
    print(v, B.count(v) + q == p)
