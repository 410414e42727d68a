# Deterministic pseudo-random differential test (LCG), compared against CPython's exact output.
seed = 99
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
vals = [None, 0, 1, -1, 2, -2, 3, 5, -7, 10, 100, -100]
for trial in range(400):
    a, b, c = rnd(40) - 20, rnd(40) - 20, rnd(9) - 4
    if c == 0:
        c = 1
    big = rnd(3) == 0
    if big:
        a, b = a * 10**20, b * 10**20
    r = range(a, b, c)
    s = slice(vals[rnd(len(vals))], vals[rnd(len(vals))], vals[rnd(len(vals))] or None)
    if s.step == 0:
        continue
    sub = r[s]
    print(r, s.start, s.stop, s.step, sub, list(sub)[:5] if not big else bool(sub))
    x = rnd(40) - 20
    if big:
        x *= 10**20
    print(x in r, r.count(x), hash(r) == hash(range(a, b, c)), r == sub, list(reversed(r))[:3] if not big and len(r) < 50 else None)
    if x in r:
        print(r.index(x))
    if r:
        print(r[-1], r[0], r[3] if not big and len(r) > 3 else None)
