# Unlocked races on one collections.deque, as races.py does for the built-in
# containers: THREADS threads append and pop at both ends, rotate, extend, remove and
# read it with no Python lock. CPython makes each of these methods a single operation,
# so the items left plus the items some thread took out are the items ever put in, each
# exactly once, and a reader never sees a torn deque.
# (It found that hotpy's deque, then Python code with no lock, lost and duplicated
# items; the deque is now native, with write locks and snapshot readers.)
from collections import deque

from stresslib import Checks, Rng, parse_args, run_threads

THREADS, ITERS, SEED = parse_args()
checks = Checks("deques")
D = deque((-1, j) for j in range(64))
BOUNDED = deque(maxlen=16)


def is_item(x):
    return type(x) is tuple and len(x) == 2 and type(x[0]) is int and type(x[1]) is int


def body(t):
    rng = Rng(SEED * 6007 + t)
    added = []
    taken = []
    for i in range(ITERS):
        op = rng.below(12)
        x = (t, i)
        if op == 0:
            D.append(x)
            added.append(x)
        elif op == 1:
            D.appendleft(x)
            added.append(x)
        elif op == 2:
            try:
                taken.append(D.pop())
            except IndexError:
                pass
        elif op == 3:
            try:
                taken.append(D.popleft())
            except IndexError:
                pass
        elif op == 4:
            D.rotate(rng.below(7) - 3)
        elif op == 5:
            D.extend([x, (t, -i - 1)])
            added += [x, (t, -i - 1)]
        elif op == 6 and added:
            y = rng.choice(added)
            try:
                D.remove(y)
                taken.append(y)
            except ValueError:
                pass
        elif op == 7:
            n = len(D)
            checks.check(n >= 0, "negative length %d" % n)
            for y in list(D)[:20]:
                checks.check(is_item(y), "deque item %r" % (y,))
        elif op == 8:
            try:
                y = D[rng.below(8)]
                checks.check(is_item(y), "deque item %r" % (y,))
            except IndexError:
                pass
        elif op == 9:
            BOUNDED.append(x)
            checks.check(len(BOUNDED) <= 16, "bounded deque has %d items" % len(BOUNDED))
        elif op == 10:
            x in D
        else:
            try:
                for y in D:
                    checks.check(is_item(y), "deque item %r" % (y,))
            except RuntimeError:
                pass  # mutated during iteration: CPython raises it too
        if len(D) > 300:
            try:
                taken.append(D.popleft())
            except IndexError:
                pass
    return added, taken


results = run_threads(checks, THREADS, body)
if all(r is not None for r in results):
    put = [(-1, j) for j in range(64)]
    out = list(D)
    for added, taken in results:
        put += added
        out += taken
    checks.check(all(is_item(y) for y in out), "foreign items")
    out = [y for y in out if is_item(y)]
    checks.check(sorted(out) == sorted(put), "%d items in and out, %d put in, %d distinct"
                 % (len(out), len(put), len(set(out))))
    checks.check(len(BOUNDED) <= 16 and all(is_item(y) for y in BOUNDED), "bounded deque")
checks.finish("threads=%d iters=%d seed=%d left=%d" % (THREADS, ITERS, SEED, len(D)))
