# Hot integer loops that cross the small-int / big-int boundary (exercise overflow paths)
x = 1
for i in range(100):
    x = x * 3 + 1
print(x)
y = 2 ** 62
vals = []
for i in range(5):
    y += 2 ** 61
    vals.append(y)
print(vals)
z = -(2 ** 62)
for i in range(4):
    z -= 2 ** 62
print(z)
acc = 0
for i in range(20000):
    acc += i * i
print(acc)
m = 1
for i in range(1, 80):
    m = (m * i) % (2 ** 64 + 13)
print(m)
h = 0
for c in range(3000):
    h = (h * 31 + c) & 0xFFFFFFFFFFFFFFFF
print(h)
s = 0
n = 2 ** 63 - 10
for i in range(20):
    s += n + i
print(s)
q = 10 ** 30
cnt = 0
while q > 1:
    q //= 7
    cnt += 1
print(cnt)
neg = -1
for i in range(70):
    neg *= 2
print(neg, neg >> 65, neg // 3, neg % 1000)
