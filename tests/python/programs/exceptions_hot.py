# Exceptions raised and caught inside hot loops, and generators inside hot loops
def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1
data = [str(i) if i % 7 else "x" for i in range(5000)]
print(sum(parse(s) for s in data))
count = 0
for i in range(5000):
    try:
        if i % 100 == 0:
            raise KeyError(i)
        count += 1
    except KeyError as e:
        count -= e.args[0] // 100
    finally:
        count += 0
print(count)
d = {}
misses = 0
for i in range(3000):
    try:
        d[i % 50] += 1
    except KeyError:
        d[i % 50] = 1
        misses += 1
print(misses, d[0], d[49])
def gen(n):
    for i in range(n):
        yield i * 2
t = 0
for i in range(300):
    for v in gen(10):
        t += v
print(t)
def early_exit():
    r = 0
    for i in range(1000):
        for j in range(1000):
            if j > i:
                break
            r += 1
        if i == 100:
            return r
print(early_exit())
class Ctx:
    entered = 0
    def __enter__(self):
        Ctx.entered += 1
    def __exit__(self, *a):
        return a[0] is StopIteration
n = 0
for i in range(2000):
    with Ctx():
        n += 1
        if i % 500 == 0:
            raise StopIteration
print(n, Ctx.entered)
