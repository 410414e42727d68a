# Threads that spend their time inside sum(), list() and str.join() over generators that
# allocate: each such loop meets collections and other threads' stops between items
# (native safepoints), so the threads stop for each other's collections there and every
# result stays right after objects moved under the loops.
import threading


def cell(i):
    c = [i] * 50
    c.append(c)
    return c


def work(k, out):
    base = k * 100_000
    total = sum(cell(i)[0] for i in range(base, base + 40_000))
    items = list(cell(i)[1] % 7 for i in range(base, base + 40_000))
    text = "".join(str(cell(i)[0] % 10) for i in range(base, base + 40_000))
    out[k] = (total, sum(items), len(text), text[:6])


out = {}
threads = [threading.Thread(target=work, args=(k, out)) for k in range(3)]
for t in threads:
    t.start()
work(3, out)
for t in threads:
    t.join()
for k in sorted(out):
    print(k, out[k])
