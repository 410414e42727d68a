# Keys in long runs of consecutive slots: after a resize, a key whose clean insertion
# went past the linear probe must still be found, and iteration order is CPython's.
for base in (0, 64, 1000, 4096):
    lost = 0
    for n in range(1, 300):
        s = set(range(base, base + n))
        s.add(base + 8 * 1024 + 3)
        lost += sum(1 for x in range(base, base + n) if x not in s)
    print(base, lost)

s = set(range(64, 140))
s.add(8 * 1024 + 67)
print(len(s), all(x in s for x in range(64, 140)), list(s)[:12])

# Adds and discards of clustered ints, checked against a dict.
s = set()
ref = {}
x = 7
for i in range(20000):
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    v = 4000 + x % 400
    if x % 3:
        s.add(v)
        ref[v] = True
    else:
        s.discard(v)
        ref.pop(v, None)
print(len(s), len(ref), all(k in s for k in ref), sorted(s) == sorted(ref))
