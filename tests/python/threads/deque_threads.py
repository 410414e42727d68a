# Producer and consumer threads share collections.deque objects with no Python lock:
# append/appendleft/pop/popleft are atomic, so every item arrives exactly once. The
# output does not depend on timing: only totals and invariants are printed.
import threading
from collections import deque

N = 400           # items per producer
PRODUCERS = 3
CONSUMERS = 3
STOP = object()


def run_pipeline(put_left):
    q = deque()
    got = [[] for _ in range(CONSUMERS)]

    def producer(k):
        put = q.appendleft if put_left else q.append
        for i in range(N):
            put((k, i))

    def consumer(k):
        take = q.pop if put_left else q.popleft
        mine = got[k]
        while True:
            try:
                x = take()
            except IndexError:
                continue
            if x is STOP:
                return
            mine.append(x)

    cs = [threading.Thread(target=consumer, args=(k,)) for k in range(CONSUMERS)]
    ps = [threading.Thread(target=producer, args=(k,)) for k in range(PRODUCERS)]
    for t in cs + ps:
        t.start()
    for t in ps:
        t.join()
    # Every item is queued before the stop markers, and each consumer takes one marker.
    for _ in range(CONSUMERS):
        (q.appendleft if put_left else q.append)(STOP)
    for t in cs:
        t.join()
    allgot = [x for g in got for x in g]
    print("left" if put_left else "right",
          "received", len(allgot),
          "distinct", len(set(allgot)),
          "expected", PRODUCERS * N,
          "left over", len(q))
    # Each consumer sees each producer's items in the order they were produced.
    ordered = all(
        [i for (p, i) in g if p == k] == sorted(i for (p, i) in g if p == k)
        for g in got for k in range(PRODUCERS)
    )
    print("per-producer order kept:", ordered)


run_pipeline(False)
run_pipeline(True)


# A bounded deque: many threads append; the length never passes maxlen and ends at it.
bounded = deque(maxlen=50)
over = []


def fill(k):
    for i in range(800):
        bounded.append((k, i))
        if len(bounded) > 50:
            over.append(len(bounded))


ts = [threading.Thread(target=fill, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("bounded", len(bounded), bounded.maxlen, "overflows", len(over),
      "distinct", len(set(bounded)))


# Rotations, reversals and item reads race; the multiset of items never changes and
# every read returns one of the items.
ring = deque(range(64))
bad = []


def spin(k):
    for i in range(1200):
        op = (i + k) % 4
        if op == 0:
            ring.rotate(k + 1)
        elif op == 1:
            ring.rotate(-(k + 2))
        elif op == 2:
            ring.reverse()
        else:
            x = ring[i % 64]
            if not (0 <= x < 64):
                bad.append(x)
            if len(ring) != 64:
                bad.append("len")


ts = [threading.Thread(target=spin, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("ring", sorted(ring) == list(range(64)), "bad reads", bad)


# Iterating while another thread mutates either completes or raises CPython's
# RuntimeError; nothing else.
shared = deque(range(100))
errors = set()
stop = [False]


def churn():
    i = 0
    while not stop[0]:
        shared.append(i)
        shared.popleft()
        i += 1


def walk():
    for _ in range(60):
        try:
            n = 0
            for x in shared:
                n += 1
            if n not in (100, 101):  # churn may be between its append and popleft
                errors.add("count %d" % n)
        except RuntimeError as e:
            if str(e) != "deque mutated during iteration":
                errors.add(str(e))


c = threading.Thread(target=churn)
w = threading.Thread(target=walk)
c.start()
w.start()
w.join()
stop[0] = True
c.join()
print("iteration errors", sorted(errors), "final length", len(shared))
