# Thread-scaling patterns: a fixed total amount of CPU-bound work split over N threads.
#
# Usage: patterns.py PATTERN NTHREADS [SCALE] [--part K]
#        (patterns.py --list names the patterns)
#
# Each pattern is one kind of operation in a loop over a range of item numbers. The items
# 0..TOTAL are split into NTHREADS contiguous slices, one per threading.Thread worker.
# Every item adds a small whole number that depends only on the item itself to its
# worker's sum, so the printed total is the same for any NTHREADS: that is what the
# runner checks against expected/PATTERN.out (CPython's output with one thread). Each
# worker touches only its own objects, except where the pattern is about sharing (the
# module attribute, the shared constants, the threading.local object). SCALE multiplies
# the default amount of work (1.0 takes roughly 1 to 2.5 s on CPython 3.11, long
# enough that thread start-up and scheduling noise do not decide the speed-up).
#
# With --part K (0 <= K < NTHREADS) only slice K is done, by one worker thread, and the
# line printed has that slice's item count and sum: the benchmark runner starts
# NTHREADS such processes at once as the control of the scaling suite (work split
# over processes that share nothing), and adds up their numbers, which must give the
# expected output.

import sys
import threading

import shared_mod

# Shared constants, compared against by every thread in the `constants` pattern.
NAME = "gamma"
PAIR = (1, 2)

# One threading.local shared by all threads; each thread sees its own `value`.
LOCAL = threading.local()


def add_low_bits(x):
    return x & 3


def work_calls(start, stop):
    acc = 0
    f = add_low_bits
    for i in range(start, stop):
        acc += f(i)
    return acc


class Counter:
    def __init__(self):
        self.total = 0

    def add(self, x):
        self.total += x & 3


def work_methods(start, stop):
    counter = Counter()
    for i in range(start, stop):
        counter.add(i)
    return counter.total


def work_floats(start, stop):
    hits = 0
    for i in range(start, stop):
        x = (i % 1000) * 0.001
        y = x * x * 0.5 + x * 1.5 - 0.25
        z = y * 0.75 - x / 3.0
        if z > 0.25:
            hits += 1
    return hits


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def work_objects(start, stop):
    acc = 0
    for i in range(start, stop):
        p = Point(i, i + 1)
        acc += (p.x ^ p.y) & 3
    return acc


def work_dicts(start, stop):
    acc = 0
    for i in range(start, stop):
        d = {"a": i, "b": i & 3, "c": None}
        acc += d["b"]
    return acc


def work_closures(start, stop):
    acc = 0
    for i in range(start, stop):

        def low():
            return i & 3

        acc += low()
    return acc


def numbers(start, stop):
    for i in range(start, stop):
        yield i & 3


def work_generators(start, stop):
    acc = 0
    for v in numbers(start, stop):
        acc += v
    return acc


def work_lists(start, stop):
    acc = 0
    own = []
    for i in range(start, stop):
        own.append(i)
        own.append(i + 1)
        acc += own.pop() & 1
        acc += own.pop() & 3
    return acc


def work_local(start, stop):
    LOCAL.value = 3
    acc = 0
    for i in range(start, stop):
        acc += LOCAL.value & i
    return acc


def work_module_attr(start, stop):
    acc = 0
    for i in range(start, stop):
        acc += shared_mod.low_bits(i)
    return acc


def work_constants(start, stop):
    names = ("alpha", "beta", "gamma", "delta")
    pairs = ((0, 2), (1, 2), (1, 3))
    acc = 0
    for i in range(start, stop):
        if names[i & 3] == NAME:
            acc += 1
        if pairs[i % 3] == PAIR:
            acc += 2
    return acc


# name: (worker, items at SCALE 1.0)
PATTERNS = {
    "calls": (work_calls, 15_000_000),
    "methods": (work_methods, 12_000_000),
    "floats": (work_floats, 7_000_000),
    "objects": (work_objects, 4_500_000),
    "dicts": (work_dicts, 7_000_000),
    "closures": (work_closures, 7_000_000),
    "generators": (work_generators, 22_000_000),
    "lists": (work_lists, 8_000_000),
    "local": (work_local, 16_000_000),
    "module_attr": (work_module_attr, 15_000_000),
    "constants": (work_constants, 12_000_000),
}


def run(pattern, nthreads, scale, part=None):
    worker, items = PATTERNS[pattern]
    total_items = int(items * scale)
    sums = [0] * nthreads
    bounds = [total_items * k // nthreads for k in range(nthreads + 1)]

    def body(k):
        sums[k] = worker(bounds[k], bounds[k + 1])

    slices = range(nthreads) if part is None else [part]
    threads = [threading.Thread(target=body, args=(k,)) for k in slices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = 0
    for s in sums:
        total += s
    done = sum(bounds[k + 1] - bounds[k] for k in slices)
    return done, total


def main(argv):
    if len(argv) >= 2 and argv[1] == "--list":
        for name in PATTERNS:
            print(name)
        return 0
    part = None
    if len(argv) >= 2 and argv[-2] == "--part":
        part = int(argv[-1])
        argv = argv[:-2]
    if len(argv) not in (3, 4) or argv[1] not in PATTERNS:
        print(
            "usage: patterns.py PATTERN NTHREADS [SCALE] [--part K]; patterns:",
            " ".join(PATTERNS),
        )
        return 2
    nthreads = int(argv[2])
    if nthreads < 1:
        print("NTHREADS must be at least 1")
        return 2
    if part is not None and not 0 <= part < nthreads:
        print("--part K needs 0 <= K < NTHREADS")
        return 2
    scale = float(argv[3]) if len(argv) == 4 else 1.0
    items, total = run(argv[1], nthreads, scale, part)
    print(argv[1], "items", items, "result", total)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
