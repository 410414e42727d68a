"""hotpy's collection ABCs (`collections.abc`).

"One-trick" ABCs (Iterable, Sized, Callable...) accept any class that defines the
right methods: `_ducktype(...)` builds their `__subclasshook__` from a list of method
names (a name set to None in the class blocks it). The container ABCs (Sequence,
Mapping, Set and their mutable forms) add mixin methods written in terms of the
abstract ones, and the built-in types are registered as their virtual subclasses.
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator",
           "AsyncGenerator", "Hashable", "Iterable", "Iterator", "Generator",
           "Reversible", "Sized", "Container", "Callable", "Collection", "Set",
           "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView",
           "ItemsView", "ValuesView", "Sequence", "MutableSequence", "ByteString"]

__name__ = "collections.abc"

# A class's own namespace, read through `type`'s descriptor (works for classes whose
# metaclass is a subclass of `type`).
_own_dict = type.__dict__["__dict__"].__get__


def _provides(cls, name):
    """True if the first class along cls's MRO that mentions `name` gives it a value
    other than None."""
    for klass in cls.__mro__:
        ns = _own_dict(klass)
        if name in ns:
            return ns[name] is not None
    return False


def _ducktype(*names):
    """A `__subclasshook__` for the ABC it is defined on: yes when a class provides
    all `names`, no opinion otherwise (and no opinion for the ABC's subclasses)."""
    def hook(cls, candidate):
        if cls is not _abc_owner(hook):
            return NotImplemented
        for name in names:
            if not _provides(candidate, name):
                return NotImplemented
        return True
    return classmethod(hook)


_hook_owner = {}


def _abc_owner(hook):
    return _hook_owner.get(id(hook))


def _own_hook(cls):
    """Records which ABC a `_ducktype` hook belongs to."""
    hook = _own_dict(cls).get("__subclasshook__")
    if isinstance(hook, classmethod):
        _hook_owner[id(hook.__func__)] = cls
    return cls


def _raise_given(kind, value, traceback):
    """`throw(kind[, value[, traceback]])`: build and raise the exception."""
    if value is None:
        value = kind if traceback is None and isinstance(kind, BaseException) else kind()
    if traceback is not None:
        value = value.with_traceback(traceback)
    raise value


# ------------------------------------------------------------ one-trick ABCs

@_own_hook
class Hashable(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _ducktype("__hash__")

    @abstractmethod
    def __hash__(self):
        return 0


@_own_hook
class Awaitable(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _ducktype("__await__")

    @abstractmethod
    def __await__(self):
        yield


@_own_hook
class Coroutine(Awaitable):
    __slots__ = ()
    __subclasshook__ = _ducktype("__await__", "send", "throw", "close")

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _raise_given(typ, val, tb)

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("coroutine ignored GeneratorExit")


@_own_hook
class AsyncIterable(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _ducktype("__aiter__")

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()


@_own_hook
class AsyncIterator(AsyncIterable):
    __slots__ = ()
    __subclasshook__ = _ducktype("__anext__", "__aiter__")

    @abstractmethod
    async def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self


@_own_hook
class AsyncGenerator(AsyncIterator):
    __slots__ = ()
    __subclasshook__ = _ducktype("__aiter__", "__anext__", "asend", "athrow", "aclose")

    async def __anext__(self):
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        _raise_given(typ, val, tb)

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")


@_own_hook
class Iterable(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _ducktype("__iter__")

    @abstractmethod
    def __iter__(self):
        return iter(())


@_own_hook
class Iterator(Iterable):
    __slots__ = ()
    __subclasshook__ = _ducktype("__iter__", "__next__")

    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self


@_own_hook
class Reversible(Iterable):
    __slots__ = ()
    __subclasshook__ = _ducktype("__reversed__", "__iter__")

    @abstractmethod
    def __reversed__(self):
        return iter(())


@_own_hook
class Generator(Iterator):
    __slots__ = ()
    __subclasshook__ = _ducktype("__iter__", "__next__", "send", "throw", "close")

    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _raise_given(typ, val, tb)

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("generator ignored GeneratorExit")


@_own_hook
class Sized(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _ducktype("__len__")

    @abstractmethod
    def __len__(self):
        return 0


@_own_hook
class Container(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _ducktype("__contains__")

    @abstractmethod
    def __contains__(self, x):
        return False


@_own_hook
class Collection(Sized, Iterable, Container):
    __slots__ = ()
    __subclasshook__ = _ducktype("__len__", "__iter__", "__contains__")


@_own_hook
class Callable(metaclass=ABCMeta):
    __slots__ = ()
    __subclasshook__ = _ducktype("__call__")

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False


# ----------------------------------------------------------------------- Set

def _all_in(items, container):
    for x in items:
        if x not in container:
            return False
    return True


class Set(Collection):
    """A finite iterable container; mixins give comparisons and set algebra.
    Results are built with `_from_iterable` (the class itself by default)."""
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def _peer(self, other):
        """`other` as a Set, or None if it cannot take part."""
        if isinstance(other, Set):
            return other
        if isinstance(other, Iterable):
            return self._from_iterable(other)
        return None

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) <= len(other) and _all_in(self, other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) >= len(other) and _all_in(other, self)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and _all_in(self, other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and _all_in(other, self)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and _all_in(self, other)

    def isdisjoint(self, other):
        return not any(x in self for x in other)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable([x for x in other if x in self])

    __rand__ = __and__

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        merged = list(self)
        merged.extend(other)
        return self._from_iterable(merged)

    __ror__ = __or__

    def __sub__(self, other):
        other = self._peer(other)
        if other is None:
            return NotImplemented
        return self._from_iterable([x for x in self if x not in other])

    def __rsub__(self, other):
        other = self._peer(other)
        if other is None:
            return NotImplemented
        return self._from_iterable([x for x in other if x not in self])

    def __xor__(self, other):
        other = self._peer(other)
        if other is None:
            return NotImplemented
        only_mine = [x for x in self if x not in other]
        only_theirs = [x for x in other if x not in self]
        return self._from_iterable(only_mine + only_theirs)

    __rxor__ = __xor__

    def _hash(self):
        h = 0
        for x in self:
            h ^= hash(x)
        return h


class MutableSet(Set):
    __slots__ = ()

    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        for value in self:
            self.discard(value)
            return value
        raise KeyError

    def clear(self):
        for value in list(self):
            self.discard(value)

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in list(self):
            if value not in it:
                self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        for value in (it if isinstance(it, Set) else self._from_iterable(it)):
            if value in self:
                self.discard(value)
            else:
                self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        for value in it:
            self.discard(value)
        return self


# ------------------------------------------------------------------- Mapping

class Mapping(Collection):
    """A read-only mapping; mixins give get, keys, items, values, ==, in."""
    __slots__ = ()
    _hotpy_mapping = True  # instances match mapping patterns

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


class MappingView(Sized):
    __slots__ = ("_mapping",)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._mapping)


class KeysView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)


class ItemsView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            present = self._mapping[key]
        except KeyError:
            return False
        return present is value or present == value

    def __iter__(self):
        m = self._mapping
        return ((k, m[k]) for k in m)


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        return any(v is value or v == value for v in self)

    def __iter__(self):
        m = self._mapping
        return (m[k] for k in m)


_NO_DEFAULT = object()


class MutableMapping(Mapping):
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_NO_DEFAULT):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default is _NO_DEFAULT:
            raise KeyError(key)
        return default

    def popitem(self):
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError

    def clear(self):
        for key in list(self):
            del self[key]

    def update(self, other=(), /, **kwds):
        if isinstance(other, Mapping) or hasattr(other, "keys"):
            pairs = [(k, other[k]) for k in other.keys()]
        else:
            pairs = other
        for key, value in pairs:
            self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]


# ------------------------------------------------------------------ Sequence

class Sequence(Reversible, Collection):
    """A read-only sequence; mixins give iteration, in, reversed, index, count."""
    __slots__ = ()
    _hotpy_sequence = True  # instances match sequence patterns

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        while True:
            try:
                item = self[i]
            except IndexError:
                return
            yield item
            i += 1

    def __contains__(self, value):
        return any(v is value or v == value for v in self)

    def __reversed__(self):
        i = len(self) - 1
        while i >= 0:
            yield self[i]
            i -= 1

    def index(self, value, start=0, stop=None):
        n = len(self)
        if start is not None and start < 0:
            start = max(n + start, 0)
        if stop is not None and stop < 0:
            stop += n
        i = start
        while stop is None or i < stop:
            try:
                item = self[i]
            except IndexError:
                break
            if item is value or item == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        n = 0
        for v in self:
            if v is value or v == value:
                n += 1
        return n


class ByteString(Sequence):
    __slots__ = ()


class MutableSequence(Sequence):
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        while len(self):
            del self[-1]

    def reverse(self):
        lo, hi = 0, len(self) - 1
        while lo < hi:
            self[lo], self[hi] = self[hi], self[lo]
            lo += 1
            hi -= 1

    def extend(self, values):
        for v in (list(values) if values is self else values):
            self.append(v)

    def pop(self, index=-1):
        item = self[index]
        del self[index]
        return item

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


# ---------------------------------------------------- built-in registrations

def _register_builtins():
    def add(abc, *kinds):
        for kind in kinds:
            if kind is not None:
                abc.register(kind)

    def sample_gen():
        yield

    class Probe:
        def method(self):
            pass

    gen = sample_gen()
    add(Generator, type(gen))
    gen.close()
    add(Iterator, type(iter([])), type(iter(())), type(iter("")), type(iter(range(0))),
        type(iter({})), type(iter({}.values())), type(iter({}.items())), type(zip()),
        type(map(len, [])), type(filter(None, [])), type(enumerate([])),
        type(reversed([])))
    # Built-in callables may be called by the VM directly, without a `__call__`.
    add(Callable, type(len), type(Probe().method), type(sample_gen), type([].append),
        type(str.join), type(object.__init__))
    add(Sequence, tuple, str, range)
    add(ByteString, bytes, bytearray)
    add(MutableSequence, list, bytearray)
    add(Mapping, type(type.__dict__))
    add(MutableMapping, dict)
    add(KeysView, type({}.keys()))
    add(ItemsView, type({}.items()))
    add(ValuesView, type({}.values()))
    add(Set, frozenset)
    add(MutableSet, set)


_register_builtins()
del _register_builtins
