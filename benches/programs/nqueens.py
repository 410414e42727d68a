"""nqueens: count the ways to place n non-attacking queens on an n x n board.

Written for hotpy. A recursive generator places one queen per row, keeping the
attacked columns and diagonals in sets, and yields each full placement as a
tuple of column numbers; `yield from` passes solutions up the recursion. The
driver counts them and takes a checksum over all solutions; a second solver
with integer bit masks and a counting closure must agree, and both must match
the known counts.

Usage: python3 nqueens.py [MAX_N]
"""

import sys

KNOWN = {1: 1, 2: 0, 3: 0, 4: 2, 5: 10, 6: 4, 7: 40, 8: 92, 9: 352, 10: 724, 11: 2680, 12: 14200}


def solutions(n):
    cols = set()
    up = set()
    down = set()
    placed = []

    def place(row):
        if row == n:
            yield tuple(placed)
            return
        for col in range(n):
            if col in cols or (row + col) in up or (row - col) in down:
                continue
            cols.add(col)
            up.add(row + col)
            down.add(row - col)
            placed.append(col)
            yield from place(row + 1)
            placed.pop()
            cols.remove(col)
            up.remove(row + col)
            down.remove(row - col)

    return place(0)


def solve(n):
    count = 0
    checksum = 0
    first = None
    for sol in solutions(n):
        if first is None:
            first = sol
        count += 1
        weight = 1
        for col in sol:
            weight = (weight * (n + 1) + col) % 1000003
        checksum = (checksum + weight) % 1000003
    return count, checksum, first


def count_bitmask(n):
    """Count solutions again with integer bit masks and a counting closure."""
    full = (1 << n) - 1
    count = 0

    def step(cols, left, right):
        nonlocal count
        if cols == full:
            count += 1
            return
        free = full & ~(cols | left | right)
        while free:
            bit = free & -free
            free ^= bit
            step(cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)

    step(0, 0, 0)
    return count


def main():
    max_n = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    for n in range(4, max_n + 1):
        count, checksum, first = solve(n)
        again = count_bitmask(n)
        status = "ok" if KNOWN.get(n, count) == count == again else "WRONG"
        print("n=%d solutions=%d checksum=%d first=%s %s" % (n, count, checksum, list(first), status))
    big = max_n + 1
    count = count_bitmask(big)
    status = "ok" if KNOWN.get(big, count) == count else "WRONG"
    print("n=%d solutions=%d (bit masks only) %s" % (big, count, status))


if __name__ == "__main__":
    main()
