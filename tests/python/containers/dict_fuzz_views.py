# Deterministic pseudo-random differential test (LCG), compared against CPython's exact output.
seed = 4242
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
for trial in range(30):
    d = {}
    for step in range(rnd(150)):
        op = rnd(8)
        k = rnd(60)
        if op < 4:
            d[k] = step
        elif op < 6:
            d.pop(k, None)
        elif op == 6 and d:
            print('pop', d.popitem())
        else:
            d.setdefault(k * 2, -1)
    print(list(d.items())[:10], len(d))
    print(list(reversed(d))[:5], list(reversed(d.values()))[:5])
    e = {rnd(60): 1 for _ in range(10)}
    print(list(d.keys() & e.keys()), list(d.keys() | e.keys())[:10], list(d.keys() - e.keys())[:10], list(d.keys() ^ e.keys())[:10])
    print(list(d.items() ^ e.items())[:8])
    print(d | e == {**d, **e}, list((d | e).items())[:5])
    f = dict.fromkeys(d, 0); f.update(e); print(list(f)[:8])
