"""spectral_norm: the spectral norm of an infinite matrix, by power iteration.

Written for hotpy from the Computer Language Benchmarks Game description. The
matrix is A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1). Ten rounds of
u <- At(A(u)) and v <- At(A(u)) approximate the largest eigenvalue of AtA; the
answer is sqrt(u.v / v.v) (1.274219991 for n = 100).

Sums are plain left-to-right loops (not `sum()`), so every implementation adds
the same numbers in the same order.

Usage: python3 spectral_norm.py [N]
"""

import sys
from math import sqrt


def eval_a(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def mul_av(v, out):
    n = len(v)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(i, j) * v[j]
        out[i] = total


def mul_atv(v, out):
    n = len(v)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(j, i) * v[j]
        out[i] = total


def mul_atav(v, out, tmp):
    mul_av(v, tmp)
    mul_atv(tmp, out)


def spectral_norm(n):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(10):
        mul_atav(u, v, tmp)
        mul_atav(v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return sqrt(vbv / vv)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print("%.12f" % spectral_norm(n))


if __name__ == "__main__":
    main()
