# Generator expressions nested inside comprehensions and vice versa
print([sum(x for x in range(n)) for n in range(6)])
print({k: list(v for v in range(k)) for k in range(4)})
print(list(list(y for y in range(x)) for x in range(4)))
print(sorted({x * y for x in range(4) for y in range(4)}))
print(max((x for x in range(10)), key=lambda v: (v % 4, v)))
rows = [[1, 2, 3], [4, 5, 6]]
print([sum(r) for r in rows], sum(sum(r) for r in rows), [list(c) for c in zip(*rows)])
print([[y for y in x if y % 2] for x in rows])
print({i: [j for j in range(i) if j % 2 == 0] for i in range(6) if i % 2})
g = ((i, j) for i in range(3) for j in range(i) if (i + j) % 2)
print(list(g))
