# Collector benchmark: a live heap of small objects of a given nominal size, churned.
#
# Usage: live_heap.py LIVE_MB [CHURN]
#
# LIVE_MB is nominal: the program keeps LIVE_MB * 10,000 small objects alive (each a
# two-field `Cell`, about 100 bytes in CPython 3.11), linked in chains of 100 so the
# collector traces a graph, not just a flat list. The real live size in hotpy's heap is
# what `hotpy --stats` reports. Then it allocates CHURN * 1,000,000 short-lived cells
# (default 3), and every 8th one replaces a cell of the live set, so old live objects
# die and the live set is rebuilt as it is collected. The live set's size stays fixed.
# The printed checksum depends only on the arguments, so it is checked against
# expected/live_heap_MB.out (CPython's output).

import sys


class Cell:
    def __init__(self, value, next):
        self.value = value
        self.next = next


CHAIN = 100
PER_MB = 10_000


def build(count):
    heads = []
    for c in range(count // CHAIN):
        node = None
        base = c * CHAIN
        for k in range(CHAIN):
            node = Cell(base + k, node)
        heads.append(node)
    return heads


def churn(heads, rounds):
    nheads = len(heads)
    acc = 0
    for i in range(rounds):
        tmp = Cell(i, None)
        acc += tmp.value & 7
        if i & 7 == 0:
            h = (i >> 3) % nheads
            old = heads[h]
            # The new head takes the old one's place; the old head becomes garbage.
            heads[h] = Cell(old.value + 1, old.next)
    return acc


def checksum(heads):
    total = 0
    for node in heads:
        while node is not None:
            total = (total * 31 + node.value) % 1_000_000_007
            node = node.next
    return total


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: live_heap.py LIVE_MB [CHURN]")
        return 2
    live_mb = int(argv[1])
    rounds = int(float(argv[2]) * 1_000_000) if len(argv) == 3 else 3_000_000
    heads = build(live_mb * PER_MB)
    acc = churn(heads, rounds)
    print("live_mb", live_mb, "cells", len(heads) * CHAIN, "churned", rounds)
    print("churn sum", acc, "checksum", checksum(heads))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
