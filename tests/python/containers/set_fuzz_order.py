# Deterministic pseudo-random differential test (LCG), compared against CPython's exact output.
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
out = []
for trial in range(20):
    s = set()
    other = set()
    for step in range(rnd(200) + 1):
        op = rnd(10)
        v = rnd(300) - 50
        if op < 4:
            s.add(v)
        elif op < 6:
            s.discard(v)
        elif op == 6 and s:
            out.append(s.pop())
        elif op == 7:
            other.add(v * 3)
            s |= other
        elif op == 8:
            s -= {v, v + 1, v + 2}
        else:
            s ^= {v, -v}
    out.append(list(s))
    out.append(list(s | other))
    out.append(list(s & other))
    out.append(list(other - s))
    out.append(list(s ^ other))
    out.append(list(frozenset(s)))
    out.append(list(set(list(s))))
    out.append(hash(frozenset(s)))
    out.append(list(s.union(range(rnd(40)))))
    out.append(list(s.intersection(range(rnd(100)))))
    out.append(list(s.symmetric_difference(range(rnd(30)))))
    out.append(list({(x, x % 3) for x in s}) [:5])
    out.append(list({str(x) for x in range(rnd(10))}).__len__())
for o in out:
    print(o)
