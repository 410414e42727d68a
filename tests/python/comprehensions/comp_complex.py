# More complex comprehension uses
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
text = "the cat and the hat and the bat"
counts = {w: text.split().count(w) for w in text.split()}
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(sum(x * x for x in range(1000)))
flat = [x for sub in [[1, 2], [], [3], [4, 5, 6]] for x in sub]
print(flat)
print([[c for c in w] for w in ["ab", "cd"]])
print({k: sorted(v) for k, v in {"b": {3, 1}, "a": {2}}.items()})
grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid)
print([n for n in range(30) if n == sum(d for d in range(1, n) if n % d == 0)])
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
print(max(((len(w), w) for w in text.split()), key=lambda t: t[0]))
