# Dicts whose index arrays use 1-byte and 4-byte words, under insertion and deletion churn.
import random
random.seed(5)
d = {}
for step in range(20000):
    k = random.randrange(3000)
    if random.random() < 0.3 and k in d:
        del d[k]
    else:
        d[k] = step
print(len(d), sum(d.values()) % 1000003, list(d)[:5], list(d)[-5:])
big = {i: i for i in range(30000)}
for i in range(0, 30000, 3):
    del big[i]
print(len(big), big[29999], list(big)[:3])
s = {("k%d" % i): i for i in range(200)}
print(s["k150"], len(s))
