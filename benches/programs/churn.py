# Allocation churn: about 20 GB of short-lived objects while about 50 MB stay live.
# Checks that the collector keeps the resident size bounded (issue 2: peak RSS < 250 MB).
# The optional argument is the number of churn rounds of 1000 objects each (default
# 41000, which is about 20 GB allocated by hotpy according to `hotpy --stats`).
import sys


class Node:
    def __init__(self, value, other):
        self.value = value
        self.other = other


def keep_alive(n):
    # Roughly 50 MB of long-lived data: n small lists of tuples.
    live = []
    i = 0
    while i < n:
        live.append([(i, i + 1.5), (i * 2, "x")])
        i += 1
    return live


def churn(rounds):
    total = 0
    r = 0
    while r < rounds:
        j = 0
        while j < 1000:
            n = Node(j, (j, 2.5, [j]))
            total += n.value
            j += 1
        r += 1
    return total


rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 41000
live = keep_alive(250000)
print(len(live), churn(rounds))
