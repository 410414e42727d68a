# Conway's game of life on a torus
W, H = 20, 12
def step(cells):
    new = set()
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    for k, n in counts.items():
        if n == 3 or (n == 2 and k in cells):
            new.add(k)
    return new
def show(cells):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(W)) for y in range(H))
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
blinker = {(10, 5), (11, 5), (12, 5)}
rpent = {(15, 6), (16, 6), (14, 7), (15, 7), (15, 8)}
cells = glider | blinker | rpent
for gen in range(60):
    if gen % 20 == 0:
        print("generation", gen, "population", len(cells))
        print(show(cells))
    cells = step(cells)
print("final population", len(cells), "checksum", sum(x * 31 + y for x, y in cells))
