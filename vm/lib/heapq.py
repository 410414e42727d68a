"""hotpy's heapq: a binary min-heap kept in a list (heap[k] <= heap[2k+1], heap[2k+2]).

Element moves follow the same order as CPython's heapq (a removed top is refilled by
walking the smaller children down to a leaf, then moving the new item back up), so
heaps built here have exactly the layout CPython's have.
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest",
           "nsmallest", "heappushpop"]


def _rise(heap, floor, k):
    """Moves heap[k] towards the root, stopping at index `floor`."""
    item = heap[k]
    while k > floor:
        up = (k - 1) // 2
        if item < heap[up]:
            heap[k] = heap[up]
            k = up
        else:
            break
    heap[k] = item


def _refill(heap, k):
    """heap[k] is out of place below: slide the smaller children up along one path
    to a leaf, put the item there, then let it rise back to its level."""
    size = len(heap)
    top = k
    item = heap[k]
    child = 2 * k + 1
    while child < size:
        other = child + 1
        if other < size and not heap[child] < heap[other]:
            child = other
        heap[k] = heap[child]
        k = child
        child = 2 * k + 1
    heap[k] = item
    _rise(heap, top, k)


def heappush(heap, item):
    heap.append(item)
    _rise(heap, 0, len(heap) - 1)


def heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    smallest = heap[0]
    heap[0] = last
    _refill(heap, 0)
    return smallest


def heapreplace(heap, item):
    smallest = heap[0]
    heap[0] = item
    _refill(heap, 0)
    return smallest


def heappushpop(heap, item):
    if heap and heap[0] < item:
        smallest = heap[0]
        heap[0] = item
        _refill(heap, 0)
        return smallest
    return item


def heapify(x):
    for k in range(len(x) // 2 - 1, -1, -1):
        _refill(x, k)


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs lazily; equal items come out in input order."""
    heads = []   # [sort key, input number, value, iterator], kept in input order
    for number, source in enumerate(iterables):
        it = iter(source)
        for first in it:
            heads.append([first if key is None else key(first), number, first, it])
            break
    while heads:
        pick = 0
        for j in range(1, len(heads)):
            better = heads[pick][0] < heads[j][0] if reverse else heads[j][0] < heads[pick][0]
            if better:
                pick = j
        entry = heads[pick]
        yield entry[2]
        for value in entry[3]:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            break
        else:
            del heads[pick]


def nsmallest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
