# Producers and consumers: items go through queue.Queue (bounded, FIFO), LifoQueue,
# PriorityQueue and SimpleQueue between THREADS producers and THREADS consumers, and
# tasks go through a concurrent.futures.ThreadPoolExecutor. Every item must arrive
# exactly once; through a FIFO queue each consumer must see each producer's items in the
# order they were put; every task's result must be the value computed without threads;
# Queue.join must return only after every task_done.
import queue
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, wait

from stresslib import Checks, Rng, parse_args

THREADS, ITERS, SEED = parse_args()
checks = Checks("pipeline")
STOP = None


def run_queue(q, per_producer):
    received = [None] * THREADS
    errors = []

    def produce(p):
        try:
            rng = Rng(SEED * 31 + p)
            for i in range(per_producer):
                # Each item carries a little structure, so allocation goes on.
                q.put((rng.below(1000), p, i, [p, i, {"p": p}]))
        except BaseException as e:
            errors.append("producer %d: %r" % (p, e))

    def consume(c):
        got = []
        try:
            while True:
                item = q.get()
                if hasattr(q, "task_done"):
                    q.task_done()
                if item is STOP:
                    break
                _, p, i, payload = item
                checks.check(payload[0] == p and payload[1] == i and payload[2]["p"] == p,
                             "item payload %r" % (item,))
                got.append((p, i))
        except BaseException as e:
            errors.append("consumer %d: %r" % (c, e))
        received[c] = got

    producers = [threading.Thread(target=produce, args=(p,)) for p in range(THREADS)]
    consumers = [threading.Thread(target=consume, args=(c,)) for c in range(THREADS)]
    for th in consumers + producers:
        th.start()
    for th in producers:
        th.join()
    if hasattr(q, "join"):
        # Every item taken before the stops go in (a LIFO queue would hand them out
        # first); SimpleQueue is FIFO, so its stops come after every item anyway.
        q.join()
    for _ in range(THREADS):
        q.put(STOP)
    for th in consumers:
        th.join()
    for e in errors:
        checks.check(False, e)
    return received


def check_received(name, received, per_producer, fifo):
    allitems = []
    for c, got in enumerate(received):
        if got is None:
            checks.check(False, "%s consumer %d has no result" % (name, c))
            continue
        allitems += got
        if fifo:
            for p in range(THREADS):
                mine = [i for (pp, i) in got if pp == p]
                checks.check(mine == sorted(mine), "%s: consumer %d saw producer %d out of order" % (name, c, p))
    want = [(p, i) for p in range(THREADS) for i in range(per_producer)]
    checks.check(sorted(allitems) == want,
                 "%s: %d items received, %d sent, %d distinct" % (name, len(allitems), len(want), len(set(allitems))))


def queues():
    per = max(1, ITERS // 4)
    q = queue.Queue(maxsize=8)
    check_received("Queue", run_queue(q, per), per, True)
    q.join()  # every stop was task_done too
    check_received("LifoQueue", run_queue(queue.LifoQueue(maxsize=4), per), per, False)
    check_received("SimpleQueue", run_queue(queue.SimpleQueue(), per), per, True)

    # PriorityQueue: consumers stop at the sentinel priority, which sorts last.
    pq = queue.PriorityQueue()
    received = [None] * THREADS

    def pconsume(c):
        got = []
        while True:
            prio, p, i, payload = pq.get()
            if payload is None:
                break
            got.append((p, i))
        received[c] = got

    def pproduce(p):
        rng = Rng(SEED * 17 + p)
        for i in range(per):
            pq.put((rng.below(1000), p, i, [p, i]))

    cs = [threading.Thread(target=pconsume, args=(c,)) for c in range(THREADS)]
    ps = [threading.Thread(target=pproduce, args=(p,)) for p in range(THREADS)]
    for th in cs + ps:
        th.start()
    for th in ps:
        th.join()
    for _ in range(THREADS):
        pq.put((1 << 30, 0, 0, None))
    for th in cs:
        th.join()
    check_received("PriorityQueue", received, per, False)


def task(n):
    # A little allocation-heavy work whose result is known.
    d = {}
    for j in range(n % 50 + 10):
        d[j] = [j] * (j % 5)
    return n * 7 + sum(len(v) for v in d.values())


def expected(n):
    return n * 7 + sum(j % 5 for j in range(n % 50 + 10))


def executor():
    n = max(8, ITERS // 2)
    shared = {"sum": 0}
    lock = threading.Lock()

    def add(x):
        with lock:
            shared["sum"] += x
        return x

    with ThreadPoolExecutor(max_workers=THREADS) as ex:
        futs = {ex.submit(task, k): k for k in range(n)}
        seen = set()
        for f in as_completed(futs):
            k = futs[f]
            checks.check(k not in seen, "as_completed gave task %d twice" % k)
            seen.add(k)
            checks.check(f.result() == expected(k), "task %d gave %r" % (k, f.result()))
        checks.check(len(seen) == n, "as_completed gave %d of %d" % (len(seen), n))
        got = list(ex.map(task, range(n)))
        checks.check(got == [expected(k) for k in range(n)], "map results")
        fs = [ex.submit(add, k) for k in range(n)]
        done, not_done = wait(fs)
        checks.check(len(done) == n and not not_done, "wait: %d done" % len(done))
    checks.check(shared["sum"] == n * (n - 1) // 2, "locked sum %d" % shared["sum"])
    return n


queues()
n = executor()
checks.finish("threads=%d iters=%d seed=%d tasks=%d" % (THREADS, ITERS, SEED, n))
