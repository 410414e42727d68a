"""fannkuch: fannkuch-redux, pancake flips over all permutations.

Written for hotpy from the Computer Language Benchmarks Game description. For
every permutation of 0..n-1 it repeatedly reverses the first k+1 elements,
where k is the first element, until 0 comes first, and counts the flips.
Permutations are generated in the order the benchmark defines (rotating
prefixes driven by a counter array), so the checksum, which adds the flip
counts of even-numbered permutations and subtracts those of odd-numbered
ones, is comparable across implementations.

It prints the checksum and the maximum flip count for each size.

Usage: python3 fannkuch.py [N]
"""

import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    r = n
    perm_index = 0
    checksum = 0
    max_flips = 0
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1

        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[: k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += -flips if perm_index & 1 else flips

        # Advance to the next permutation by rotating the prefix of length r + 1.
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_index += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    for size in range(max(1, n - 2), n + 1):
        checksum, max_flips = fannkuch(size)
        print("%d\nPfannkuchen(%d) = %d" % (checksum, size, max_flips))


if __name__ == "__main__":
    main()
