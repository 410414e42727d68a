"""hotpy's itertools: iterator building blocks, written as generators."""

__all__ = [
    "count", "cycle", "repeat", "accumulate", "chain", "compress", "dropwhile",
    "takewhile", "filterfalse", "groupby", "islice", "starmap", "tee",
    "zip_longest", "product", "permutations", "combinations",
    "combinations_with_replacement", "pairwise", "batched",
]


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)) and not hasattr(v, "__add__"):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and not isinstance(self._step, float):
            return "count(%r)" % (self._n,)
        return "count(%r, %r)" % (self._n, self._step)


def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    if not saved:
        return
    while True:
        for x in saved:
            yield x


class repeat:
    """repeat(object[, times]): object, again and again."""

    def __init__(self, object, times=None):
        self._obj = object
        if times is None:
            self._left = -1
        else:
            self._left = max(times.__index__(), 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._left == 0:
            raise StopIteration
        if self._left > 0:
            self._left -= 1
        return self._obj

    def __length_hint__(self):
        if self._left < 0:
            raise TypeError("len() of unsized object")
        return self._left

    def __repr__(self):
        if self._left < 0:
            return "repeat(%r)" % (self._obj,)
        return "repeat(%r, %d)" % (self._obj, self._left)


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for x in it:
            total = total + x
            yield total
    else:
        for x in it:
            total = func(total, x)
            yield total


def _chain(*iterables):
    for it in iterables:
        yield from it


def _from_iterable(iterables):
    for it in iterables:
        yield from it


class chain:
    """chain(*iterables): the items of each iterable in turn."""

    def __init__(self, *iterables):
        self._gen = _chain(*iterables)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)

    @classmethod
    def from_iterable(cls, iterables):
        self = cls.__new__(cls)
        self._gen = _from_iterable(iterables)
        return self


def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


class groupby:
    """groupby(iterable, key=None): (key, group) for runs of equal keys.

    The groups share the source iterator: one item of look-ahead (`_pending`) is
    kept, and a group stops yielding as soon as the outer iterator moves on
    (each group remembers the run number it belongs to).
    """

    _NOTHING = object()

    def __init__(self, iterable, key=None):
        self._source = iter(iterable)
        self._keyfunc = key
        self._pending = groupby._NOTHING   # next unconsumed item
        self._pending_key = None
        self._run = 0                      # number of the current group
        self._run_key = groupby._NOTHING   # key of the group last handed out

    def __iter__(self):
        return self

    def _pull(self):
        """Loads the next source item into `_pending`; False at the end."""
        try:
            item = next(self._source)
        except StopIteration:
            self._pending = groupby._NOTHING
            return False
        self._pending = item
        self._pending_key = item if self._keyfunc is None else self._keyfunc(item)
        return True

    def __next__(self):
        nothing = groupby._NOTHING
        if self._pending is nothing and not self._pull():
            raise StopIteration
        # Skip what is left of the previous group.
        if self._run_key is not nothing:
            while self._pending_key == self._run_key:
                if not self._pull():
                    raise StopIteration
        self._run += 1
        self._run_key = self._pending_key
        return self._run_key, self._members(self._run, self._run_key)

    def _members(self, run, key):
        nothing = groupby._NOTHING
        while self._run == run and self._pending is not nothing \
                and self._pending_key == key:
            item = self._pending
            self._pull()
            yield item


def _islice_arg(v, what):
    if v is None:
        return None
    try:
        i = v.__index__()
    except AttributeError:
        i = -1
    if i < 0:
        raise ValueError(
            "%s argument for islice() must be None or an integer: 0 <= x <= sys.maxsize." % what)
    return i


def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = 0, _islice_arg(args[0], "Stop"), 1
    elif 2 <= len(args) <= 3:
        start = _islice_arg(args[0], "Indices") or 0
        stop = _islice_arg(args[1], "Stop")
        step = 1
        if len(args) == 3 and args[2] is not None:
            try:
                step = args[2].__index__()
            except AttributeError:
                step = 0
            if step <= 0:
                raise ValueError("Step for islice() must be a positive integer or None.")
    else:
        raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    positions = iter(range(start, stop, step) if stop is not None else count(start, step))
    try:
        want = next(positions)
    except StopIteration:
        # Nothing to yield: still consume the items before `start`, as CPython does.
        for _ in zip(range(start), it):
            pass
        return
    i = 0
    for x in it:
        if i == want:
            yield x
            try:
                want = next(positions)
            except StopIteration:
                for _ in zip(range(i + 1, stop), it):
                    pass
                return
        i += 1


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("integer argument expected, got %s" % type(n).__name__)
    if n < 0:
        raise ValueError("n must be >= 0")
    source = iter(iterable)
    seen = []       # items read from the source so far (a shared log)
    offsets = [0]   # index in `seen` of the first item some copy still needs
    positions = [0] * n

    def copy(me):
        while True:
            at = positions[me]
            if at - offsets[0] >= len(seen):
                try:
                    seen.append(next(source))
                except StopIteration:
                    return
            item = seen[at - offsets[0]]
            positions[me] = at + 1
            # Forget items every copy has passed.
            low = min(positions)
            if low - offsets[0] > 64:
                del seen[:low - offsets[0]]
                offsets[0] = low
            yield item
    return tuple(copy(i) for i in range(n))


def zip_longest(*iterables, fillvalue=None):
    sources = [iter(x) for x in iterables]
    live = len(sources)
    while live:
        row = []
        for idx in range(len(sources)):
            src = sources[idx]
            if src is None:
                row.append(fillvalue)
                continue
            try:
                row.append(next(src))
            except StopIteration:
                sources[idx] = None
                live -= 1
                row.append(fillvalue)
        if live:
            yield tuple(row)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(p) for p in iterables] * repeat
    for p in pools:
        if not p:
            return
    # An odometer over the pools: the last wheel turns fastest.
    wheels = [0] * len(pools)
    while True:
        yield tuple(p[w] for p, w in zip(pools, wheels))
        k = len(wheels) - 1
        while k >= 0:
            wheels[k] += 1
            if wheels[k] < len(pools[k]):
                break
            wheels[k] = 0
            k -= 1
        if k < 0:
            return


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    taken = [False] * n
    picked = []

    def extend():
        if len(picked) == r:
            yield tuple(pool[i] for i in picked)
            return
        for i in range(n):
            if not taken[i]:
                taken[i] = True
                picked.append(i)
                yield from extend()
                picked.pop()
                taken[i] = False
    yield from extend()


def _increasing_choices(n, r, repeat):
    """Index tuples of length r in lexicographic order, strictly increasing
    (or non-decreasing when `repeat`)."""
    picked = []

    def extend(lowest):
        if len(picked) == r:
            yield tuple(picked)
            return
        left = r - len(picked)
        top = n if repeat else n - left + 1
        for i in range(lowest, top):
            picked.append(i)
            yield from extend(i if repeat else i + 1)
            picked.pop()
    return extend(0)


def combinations(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > len(pool):
        return
    for idx in _increasing_choices(len(pool), r, False):
        yield tuple(pool[i] for i in idx)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    if not pool and r:
        return
    for idx in _increasing_choices(len(pool), r, True):
        yield tuple(pool[i] for i in idx)


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def batched(iterable, n):
    if n < 1:
        raise ValueError("n must be at least one")
    it = iter(iterable)
    while True:
        batch = tuple(islice(it, n))
        if not batch:
            return
        yield batch
