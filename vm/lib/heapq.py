"""hotpy's heapq: a binary min-heap on a list (heap[k] <= heap[2k+1], heap[2k+2])."""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest",
           "nsmallest", "heappushpop"]


def _sift_down(heap, startpos, pos):
    # Move heap[pos] up towards the root until its parent is not larger.
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if item < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = item


def _sift_up(heap, pos):
    # Move the smaller child up until reaching a leaf, then place the item.
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = item
    _sift_down(heap, startpos, pos)


def heappush(heap, item):
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def heappop(heap):
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _sift_up(heap, 0)
        return top
    return last


def heapreplace(heap, item):
    top = heap[0]
    heap[0] = item
    _sift_up(heap, 0)
    return top


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_up(heap, 0)
    return item


def heapify(x):
    for i in reversed(range(len(x) // 2)):
        _sift_up(x, i)


def merge(*iterables, key=None, reverse=False):
    entries = []
    for i, it in enumerate(map(iter, iterables)):
        for v in it:
            entries.append(((key(v) if key else v), i, v, it))
            break
    # A simple k-way merge: pick the best head each time (k is small in practice).
    while entries:
        best = 0
        for j in range(1, len(entries)):
            a, b = entries[j], entries[best]
            if (a[0] > b[0]) if reverse else (a[0] < b[0]):
                best = j
        k, i, v, it = entries[best]
        yield v
        for nv in it:
            entries[best] = ((key(nv) if key else nv), i, nv, it)
            break
        else:
            del entries[best]


def nsmallest(n, iterable, key=None):
    if n <= 0:
        return []
    if key is None:
        return sorted(iterable)[:n]
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    if n <= 0:
        return []
    if key is None:
        return sorted(iterable, reverse=True)[:n]
    return sorted(iterable, key=key, reverse=True)[:n]
