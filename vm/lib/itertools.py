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
    """groupby(iterable, key=None): (key, group) for runs of equal keys."""

    _marker = object()

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = groupby._marker
        self._id = None

    def __iter__(self):
        return self

    def _key(self, v):
        return v if self._keyfunc is None else self._keyfunc(v)

    def __next__(self):
        self._id = object()
        marker = groupby._marker
        while self._currkey is marker or (
                self._tgtkey is not marker and self._currkey == self._tgtkey):
            self._currvalue = next(self._it)
            self._currkey = self._key(self._currvalue)
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, self._id))

    def _grouper(self, tgtkey, gid):
        while self._id is gid and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._currvalue = next(self._it)
            except StopIteration:
                self._currkey = groupby._marker
                self._tgtkey = groupby._marker
                self._it = iter(())
                return
            self._currkey = self._key(self._currvalue)


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
    it = iter(iterable)
    buffers = [[] for _ in range(n)]

    def gen(buf):
        while True:
            if not buf:
                try:
                    v = next(it)
                except StopIteration:
                    return
                for b in buffers:
                    b.append(v)
            yield buf.pop(0)
    return tuple(gen(b) for b in buffers)


def zip_longest(*iterables, fillvalue=None):
    iters = [iter(it) for it in iterables]
    active = len(iters)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iters):
            try:
                v = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iters[i] = repeat(fillvalue)
                v = fillvalue
            values.append(v)
        yield tuple(values)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(p) for p in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [r + (y,) for r in result for y in pool]
    for prod in result:
        yield prod


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


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
