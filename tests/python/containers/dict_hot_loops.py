# Dict and list heavy loops (growth, deletion, reinsertion ordering)
d = {}
for i in range(5000):
    d[i] = i * i
for i in range(0, 5000, 2):
    del d[i]
print(len(d), list(d)[:5], list(d)[-3:], sum(d.values()) % 1000003)
for i in range(0, 20, 2):
    d[i] = -i
print(list(d)[-10:])
words = ("alpha beta gamma delta " * 200).split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq)
l = []
for i in range(10000):
    l.append(i)
while len(l) > 5:
    l.pop()
print(l)
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
nested = {}
for i in range(20):
    nested.setdefault(i % 3, []).append(i)
print(nested)
keys = [(i, str(i)) for i in range(100)]
td = {k: i for i, k in enumerate(keys)}
print(td[(50, "50")], (99, "99") in td, (100, "100") in td)
s = set()
for i in range(1000):
    s.add(i % 37)
print(len(s), sorted(s)[:5])
