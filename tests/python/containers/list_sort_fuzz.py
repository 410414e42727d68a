# Deterministic pseudo-random differential test (LCG), compared against CPython's exact output.
seed = 777
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
for trial in range(30):
    n = rnd(120)
    l = [(rnd(10), rnd(5), i) for i in range(n)]
    a = l[:]; a.sort(key=lambda t: t[0]); print(a[:8], a[-3:])
    b = l[:]; b.sort(key=lambda t: t[1], reverse=True); print(b[:8])
    c = [x[0] * 1.5 for x in l]; c.sort(reverse=True); print(c[:5])
    d = [str(x[0]) * x[1] for x in l]; d.sort(); print(d[:6])
    e = [x[0] if x[1] else float(x[0]) for x in l]; e.sort(); print(e[:10])
    f = [(x[0], str(x[1])) for x in l]; f.sort(reverse=bool(rnd(2))); print(f[:6])
