"""hotpy's bisect: binary search in sorted lists."""

__all__ = ["bisect", "bisect_left", "bisect_right", "insort", "insort_left",
           "insort_right"]


def _search(a, x, lo, hi, key, strict):
    # Narrow [lo, hi) to the insertion point.  With `strict`, stop at the
    # first element greater than x (right end of equal run); otherwise at
    # the first element not less than x (left end).
    if lo < 0:
        raise ValueError("lo must be non-negative")
    n = len(a) if hi is None else hi
    while n > lo:
        half = lo + ((n - lo) >> 1)
        probe = a[half] if key is None else key(a[half])
        go_right = not (x < probe) if strict else probe < x
        if go_right:
            lo = half + 1
        else:
            n = half
    return lo


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    return _search(a, x, lo, hi, key, True)


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    return _search(a, x, lo, hi, key, False)


def _insort(finder, a, x, lo, hi, key):
    target = x if key is None else key(x)
    a.insert(finder(a, target, lo, hi, key=key), x)


def insort_right(a, x, lo=0, hi=None, *, key=None):
    _insort(bisect_right, a, x, lo, hi, key)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    _insort(bisect_left, a, x, lo, hi, key)


bisect = bisect_right
insort = insort_right
