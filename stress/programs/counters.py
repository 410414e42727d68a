# Lock-protected counters: THREADS threads increment shared counters of every kind (ints
# in a list, dict values, instance attributes, a class attribute, module globals, a
# closure cell, a nested dict) under Python locks of several kinds (one Lock, striped
# Locks, an RLock taken twice, a Semaphore, a non-blocking acquire loop). Each thread
# tallies what it added; at the end every shared counter must equal the sum of the
# tallies exactly: a lost or doubled update under a lock is a VM bug.
import threading
import time

from stresslib import Checks, Rng, parse_args, run_threads

THREADS, ITERS, SEED = parse_args()
checks = Checks("counters")

NL = 8
LIST = [0] * NL
DICT = {"k%d" % i: 0 for i in range(NL)}
STRIPED = [0] * NL
STRIPE_LOCKS = [threading.Lock() for _ in range(NL)]
NESTED = {"a": {"b": [0, 0]}}
G0 = 0
G1 = 0


class Tally:
    cls_count = 0

    def __init__(self):
        self.x = 0
        self.y = 0


OBJ = Tally()
LOCK = threading.Lock()
RLOCK = threading.RLock()
SEM = threading.Semaphore(1)
KINDS = 9


def make_cell_counter():
    n = 0

    def bump(k):
        nonlocal n
        n += k
        return n

    def get():
        return n

    return bump, get


cell_bump, cell_get = make_cell_counter()


def body(t):
    global G0, G1
    rng = Rng(SEED * 1000 + t)
    mine = [0] * KINDS
    mine_list = [0] * NL
    mine_striped = [0] * NL
    for i in range(ITERS):
        kind = rng.below(KINDS)
        k = rng.below(NL)
        step = 1 + rng.below(3)
        if kind == 0:
            with LOCK:
                LIST[k] += step
            mine_list[k] += step
        elif kind == 1:
            with LOCK:
                DICT["k%d" % k] += step
            mine[1] += step
        elif kind == 2:
            with STRIPE_LOCKS[k]:
                STRIPED[k] += step
            mine_striped[k] += step
        elif kind == 3:
            with RLOCK:
                with RLOCK:
                    OBJ.x += step
                OBJ.y += 1
            mine[3] += step
        elif kind == 4:
            with SEM:
                Tally.cls_count += step
            mine[4] += step
        elif kind == 5:
            LOCK.acquire()
            try:
                G0 += step
                G1 = G1 + 1
            finally:
                LOCK.release()
            mine[5] += step
        elif kind == 6:
            while not LOCK.acquire(False):
                time.sleep(0)
            try:
                cell_bump(step)
            finally:
                LOCK.release()
            mine[6] += step
        elif kind == 7:
            with LOCK:
                inner = NESTED["a"]["b"]
                inner[0] += step
                inner[1] -= step
            mine[7] += step
        else:
            # Read under the lock: the list's sum can only grow.
            with LOCK:
                s = sum(LIST)
            checks.check(s >= 0, "negative sum %d" % s)
            mine[8] += 1
    return mine, mine_list, mine_striped


results = run_threads(checks, THREADS, body)
tot = [0] * KINDS
tot_list = [0] * NL
tot_striped = [0] * NL
for r in results:
    if r is None:
        continue
    mine, ml, ms = r
    for i in range(KINDS):
        tot[i] += mine[i]
    for i in range(NL):
        tot_list[i] += ml[i]
        tot_striped[i] += ms[i]

checks.check(LIST == tot_list, "list counters %r != %r" % (LIST, tot_list))
checks.check(STRIPED == tot_striped, "striped counters %r != %r" % (STRIPED, tot_striped))
checks.check(sum(DICT.values()) == tot[1], "dict sum %d != %d" % (sum(DICT.values()), tot[1]))
checks.check(OBJ.x == tot[3], "instance attribute %d != %d" % (OBJ.x, tot[3]))
checks.check(Tally.cls_count == tot[4], "class attribute %d != %d" % (Tally.cls_count, tot[4]))
checks.check(G0 == tot[5], "global %d != %d" % (G0, tot[5]))
checks.check(cell_get() == tot[6], "cell %d != %d" % (cell_get(), tot[6]))
nested = NESTED["a"]["b"]
checks.check(nested == [tot[7], -tot[7]], "nested %r != %r" % (nested, tot[7]))
checks.check(G1 + OBJ.y >= 0, "unreachable")
total = sum(tot) + sum(tot_list) + sum(tot_striped)
checks.finish("threads=%d iters=%d seed=%d total=%d" % (THREADS, ITERS, SEED, total))
