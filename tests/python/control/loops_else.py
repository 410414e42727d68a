# for/while with else, break, continue
for i in range(3):
    pass
else:
    print("for completed, i =", i)
for i in range(10):
    if i == 4:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while completed", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
def find(seq, target):
    for idx, v in enumerate(seq):
        if v == target:
            return idx
    else:
        return -1
print(find("hello", "l"), find("hello", "z"))
out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
print(out)
for outer in range(3):
    for inner in range(3):
        if inner == outer:
            break
    else:
        print("inner never broke for", outer)
    print("outer", outer, "inner", inner)
for x in []:
    print("empty")
else:
    print("empty for else")
i = 0
while i < 10:
    i += 1
    if i % 3:
        continue
    print("multiple of 3:", i)
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        print(i, j, end="; ")
print()
