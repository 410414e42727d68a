# Sets rebuilt by a resize keep every key findable: the rebuilt table must place keys on
# the probe sequence that lookups follow (negative ints, linear probing, many rounds).
expect = set(range(-50, 0))
for k in range(4):
    base = (k + 1) * 100000
    expect |= {base + i for i in range(600) if i % 3}
    expect |= set(range(base + 1050, base + 1100))
    expect |= {base + 2001, base + 3000}
    print(k, len(expect), [x for x in range(-50, 0) if x not in expect])

s = set()
for i in range(-3000, 3000, 7):
    s.add(i * 1000003)
    if i % 5 == 0:
        s.discard(i * 1000003)
missing = [i for i in range(-3000, 3000, 7) if i % 5 and i * 1000003 not in s]
print(len(s), missing[:5])
t = set(range(0, 64 * 1024, 64))
t |= set(range(1, 64 * 1024, 64))
print(len(t), sum(1 for i in range(0, 64 * 1024, 64) if i not in t or i + 1 not in t))
