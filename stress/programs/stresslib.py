# Helpers shared by the stress workloads (not a workload itself).
#
# A workload is run as `PROGRAM THREADS ITERATIONS SEED`. It starts THREADS threads
# behind a barrier, checks its invariants and prints one verdict line last: `OK ...`
# when every check held, else `FAIL ...` lines (one per broken check, at most a few
# dozen) and exit status 1. An exception escaping a worker thread is a failure too.
import sys
import threading


def parse_args(default_threads=4, default_iters=1000, default_seed=1):
    a = sys.argv[1:]
    threads = int(a[0]) if len(a) > 0 else default_threads
    iters = int(a[1]) if len(a) > 1 else default_iters
    seed = int(a[2]) if len(a) > 2 else default_seed
    return threads, iters, seed


class Rng:
    """xorshift32: the same stream on every interpreter for a given seed."""

    def __init__(self, seed):
        s = (seed * 2654435761 + 0x9E3779B9) & 0xFFFFFFFF
        self.s = s or 1

    def next(self):
        s = self.s
        s ^= (s << 13) & 0xFFFFFFFF
        s ^= s >> 17
        s ^= (s << 5) & 0xFFFFFFFF
        self.s = s
        return s

    def below(self, n):
        return self.next() % n

    def choice(self, seq):
        return seq[self.next() % len(seq)]


class Checks:
    """Collects broken invariants; `finish` prints the verdict and exits."""

    def __init__(self, name):
        self.name = name
        self.failures = []

    def check(self, cond, what):
        # list.append is atomic: worker threads may report here directly.
        if not cond:
            self.failures.append(what)
        return cond

    def finish(self, details):
        if self.failures:
            for f in self.failures[:40]:
                print("FAIL", self.name, f)
            print("FAIL", self.name, "%d broken checks" % len(self.failures), details)
            sys.stdout.flush()
            sys.exit(1)
        print("OK", self.name, details)


def run_threads(checks, n, body):
    """Runs `body(t)` for t in range(n) on n threads that start together; returns the
    list of the bodies' results (in thread order). An exception in a body is a failure."""
    results = [None] * n
    barrier = threading.Barrier(n)

    def wrap(t):
        try:
            barrier.wait()
            results[t] = body(t)
        except BaseException as e:  # noqa: BLE001 - any escape is a finding
            checks.check(False, "thread %d raised %s: %r" % (t, type(e).__name__, e))

    ts = [threading.Thread(target=wrap, args=(t,)) for t in range(n)]
    for th in ts:
        th.start()
    for th in ts:
        th.join()
    return results
