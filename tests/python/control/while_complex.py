# while loops with complex conditions, nested break/continue, loop variables after loops
def digits(n):
    out = []
    while n:
        n, d = divmod(n, 10)
        out.append(d)
    return out[::-1] or [0]
print(digits(9075), digits(0), digits(10 ** 12))
a, b = 0, 1
fibs = []
while len(fibs) < 15 and b < 300:
    fibs.append(b)
    a, b = b, a + b
print(fibs)
i = j = 0
found = None
while i < 10:
    j = 0
    while j < 10:
        if i * j == 42:
            found = (i, j)
            break
        j += 1
    if found:
        break
    i += 1
print(found, i, j)
n = 0
while True:
    n += 1
    if n < 5:
        continue
    if n % 7 == 0:
        break
print(n)
stack = [(0, [1, [2, [3, [4]]]])]
maxd = 0
while stack:
    d, node = stack.pop()
    maxd = max(maxd, d)
    for ch in node:
        if isinstance(ch, list):
            stack.append((d + 1, ch))
print(maxd)
count = 0
x = 27
while x != 1 and count < 1000:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    count += 1
print(count)
