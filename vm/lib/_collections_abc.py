# hotpy's own implementation of `collections.abc`, written for hotpy from the
# documented behaviour of the module (not derived from CPython's source).
"""hotpy's collection ABCs (`collections.abc`).

The "one-trick" ABCs (Iterable, Sized, Hashable, ...) recognise a class by the
special methods it defines; their structural `__subclasshook__`s are installed
from the `_STRUCTURAL` table near the end of this file. The container ABCs add
the mixin methods listed in the collections.abc documentation, and the
built-in types are registered as virtual subclasses at import time.
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator",
           "AsyncGenerator", "Hashable", "Iterable", "Iterator", "Generator",
           "Reversible", "Sized", "Container", "Callable", "Collection", "Set",
           "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView",
           "ItemsView", "ValuesView", "Sequence", "MutableSequence", "ByteString"]

__name__ = "collections.abc"


def _same(a, b):
    # Container membership treats identity as equality (as the built-ins do).
    return a is b or a == b


def _raise_thrown(typ, val, tb):
    # Shared body of the abstract `throw`/`athrow` methods.
    if val is None and tb is None:
        raise typ
    exc = typ() if val is None else val
    if tb is not None:
        exc = exc.with_traceback(tb)
    raise exc


# ---------------------------------------------------------------- one-trick ABCs

class Hashable(metaclass=ABCMeta):
    """Objects usable as dict keys: the class defines a (non-None) `__hash__`."""
    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0


class Awaitable(metaclass=ABCMeta):
    """Objects usable in an `await` expression."""
    __slots__ = ()

    @abstractmethod
    def __await__(self):
        return iter(())


class Coroutine(Awaitable):
    """Awaitables with the coroutine protocol: send, throw and close."""
    __slots__ = ()

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _raise_thrown(typ, val, tb)

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("coroutine ignored GeneratorExit")


class AsyncIterable(metaclass=ABCMeta):
    """Objects usable in `async for`."""
    __slots__ = ()

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()


class AsyncIterator(AsyncIterable):
    """Asynchronous iterators: `__anext__`, and `__aiter__` giving self."""
    __slots__ = ()

    @abstractmethod
    async def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    """Asynchronous iterators with asend, athrow and aclose."""
    __slots__ = ()

    async def __anext__(self):
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        _raise_thrown(typ, val, tb)

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")


class Iterable(metaclass=ABCMeta):
    """Objects with an `__iter__` method."""
    __slots__ = ()

    @abstractmethod
    def __iter__(self):
        return iter(())


class Iterator(Iterable):
    """Iterators: `__next__`, and `__iter__` giving self."""
    __slots__ = ()

    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self


class Reversible(Iterable):
    """Iterables that also support `reversed()` through `__reversed__`."""
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        return iter(())


class Generator(Iterator):
    """Iterators with the generator protocol: send, throw and close."""
    __slots__ = ()

    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _raise_thrown(typ, val, tb)

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("generator ignored GeneratorExit")


class Sized(metaclass=ABCMeta):
    """Objects with a length (`__len__`)."""
    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0


class Container(metaclass=ABCMeta):
    """Objects supporting the `in` operator (`__contains__`)."""
    __slots__ = ()

    @abstractmethod
    def __contains__(self, x):
        return False


class Collection(Sized, Iterable, Container):
    """Sized iterable containers."""
    __slots__ = ()


class Callable(metaclass=ABCMeta):
    """Objects that can be called (`__call__`)."""
    __slots__ = ()

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False


# ---------------------------------------------------------------------- sets

class Set(Collection):
    """Read-only sets. Subclasses supply __contains__, __iter__ and __len__;
    comparisons, the binary operators and isdisjoint come from here. Results of
    the operators are built by the `_from_iterable` class method."""
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def _subset_of(self, other):
        for element in self:
            if element not in other:
                return False
        return True

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) <= len(other) and self._subset_of(other)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self._subset_of(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(other) <= len(self) and Set._subset_of(other, self)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(other) < len(self) and Set._subset_of(other, self)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self._subset_of(other)

    def isdisjoint(self, other):
        """True when the set and `other` have no element in common."""
        for element in other:
            if element in self:
                return False
        return True

    def _coerce(self, other):
        # The other operand as a Set, or None when it is not even iterable.
        if isinstance(other, Set):
            return other
        if isinstance(other, Iterable):
            return self._from_iterable(other)
        return None

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        common = [element for element in other if element in self]
        return self._from_iterable(common)

    __rand__ = __and__

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        union = list(self)
        union.extend(other)
        return self._from_iterable(union)

    __ror__ = __or__

    def __sub__(self, other):
        right = self._coerce(other)
        if right is None:
            return NotImplemented
        return self._from_iterable([e for e in self if e not in right])

    def __rsub__(self, other):
        left = self._coerce(other)
        if left is None:
            return NotImplemented
        return self._from_iterable([e for e in left if e not in self])

    def __xor__(self, other):
        right = self._coerce(other)
        if right is None:
            return NotImplemented
        only_here = [e for e in self if e not in right]
        only_there = [e for e in right if e not in self]
        return self._from_iterable(only_here + only_there)

    __rxor__ = __xor__

    def _hash(self):
        """A hash for the set that does not depend on iteration order, for
        immutable subclasses that want `__hash__ = Set._hash`."""
        mask = (1 << 61) - 1
        acc = 0x2545F491
        for element in self:
            h = hash(element) & mask
            acc ^= ((h * 0x9E3779B1) ^ (h >> 17) ^ 0x5BD1E995) & mask
        acc = (acc + len(self) * 0x27D4EB2F) & mask
        if acc > mask // 2:
            acc -= mask + 1
        if acc == -1:
            acc = -2
        return acc


class MutableSet(Set):
    """Sets that can change: subclasses add `add` and `discard`; clear, pop,
    remove and the in-place operators come from here."""
    __slots__ = ()

    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        """Remove `value`; KeyError if it is absent."""
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        """Remove and return some element; KeyError if the set is empty."""
        for element in self:
            break
        else:
            raise KeyError
        self.discard(element)
        return element

    def clear(self):
        """Remove every element."""
        while True:
            try:
                self.pop()
            except KeyError:
                return

    def __ior__(self, it):
        for element in it:
            self.add(element)
        return self

    def __iand__(self, it):
        unwanted = self - it
        for element in unwanted:
            self.discard(element)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        if not isinstance(it, Set):
            it = self._from_iterable(it)
        for element in it:
            if element in self:
                self.discard(element)
            else:
                self.add(element)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        for element in it:
            self.discard(element)
        return self


# ------------------------------------------------------------------ mappings

class Mapping(Collection):
    """Read-only mappings. Subclasses supply __getitem__, __iter__ and
    __len__; get, `in`, keys/items/values and equality come from here."""
    __slots__ = ()
    _hotpy_mapping = True  # instances match mapping patterns

    # Mappings are not reversible unless a subclass says so.
    __reversed__ = None

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        """self[key] if the key is present, else `default`."""
        try:
            found = self[key]
        except KeyError:
            found = default
        return found

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
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented


class MappingView(Sized):
    """Base of the views returned by Mapping.keys/items/values."""
    __slots__ = ("_mapping",)

    def __init__(self, mapping):
        self._mapping = mapping

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._mapping)

    def __len__(self):
        return len(self._mapping)


class KeysView(MappingView, Set):
    """Set-like view of a mapping's keys."""
    __slots__ = ()

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    @classmethod
    def _from_iterable(cls, it):
        # Operators on key views produce plain sets.
        return set(it)


class ItemsView(MappingView, Set):
    """Set-like view of a mapping's (key, value) pairs."""
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        # Operators on item views produce plain sets of pairs.
        return set(it)

    def __contains__(self, item):
        key, value = item
        mapping = self._mapping
        try:
            present = mapping[key]
        except KeyError:
            return False
        return _same(present, value)

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield (key, mapping[key])


class ValuesView(MappingView, Collection):
    """View of a mapping's values."""
    __slots__ = ()

    def __contains__(self, value):
        for present in self:
            if _same(present, value):
                return True
        return False

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield mapping[key]


_NO_DEFAULT = object()


class MutableMapping(Mapping):
    """Mappings that can change: subclasses add __setitem__ and __delitem__;
    pop, popitem, clear, update and setdefault come from here."""
    __slots__ = ()

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    def pop(self, key, default=_NO_DEFAULT):
        """Remove `key` and return its value; without it, return `default`
        if one was given, else raise KeyError."""
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default is _NO_DEFAULT:
            raise KeyError(key)
        return default

    def popitem(self):
        """Remove and return some (key, value) pair; KeyError when empty."""
        for key in self:
            break
        else:
            raise KeyError
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        """Remove every item."""
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def update(self, other=(), /, **kwds):
        """Copy items from a mapping, an object with keys(), or an iterable
        of pairs, then from the keyword arguments."""
        if isinstance(other, Mapping) or hasattr(other, "keys"):
            pairs = [(key, other[key]) for key in other.keys()]
        else:
            pairs = other
        for key, value in pairs:
            self[key] = value
        for key in kwds:
            self[key] = kwds[key]

    def setdefault(self, key, default=None):
        """self[key], storing `default` there first if the key is absent."""
        if key not in self:
            self[key] = default
            return default
        return self[key]


# ----------------------------------------------------------------- sequences

class Sequence(Reversible, Collection):
    """Read-only sequences. Subclasses supply __getitem__ and __len__;
    iteration, `in`, reversed, index and count come from here."""
    __slots__ = ()
    _hotpy_sequence = True  # instances match sequence patterns

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        position = 0
        while True:
            try:
                item = self[position]
            except IndexError:
                return
            yield item
            position += 1

    def __contains__(self, value):
        for item in self:
            if _same(item, value):
                return True
        return False

    def __reversed__(self):
        position = len(self)
        while position > 0:
            position -= 1
            yield self[position]

    def index(self, value, start=0, stop=None):
        """Position of the first occurrence of `value` in self[start:stop];
        ValueError when there is none."""
        if start is not None and start < 0:
            start = len(self) + start
            if start < 0:
                start = 0
        if stop is not None and stop < 0:
            stop = len(self) + stop
        position = start
        while stop is None or position < stop:
            try:
                item = self[position]
            except IndexError:
                break
            if _same(item, value):
                return position
            position += 1
        raise ValueError

    def count(self, value):
        """Number of items equal to `value`."""
        total = 0
        for item in self:
            if _same(item, value):
                total += 1
        return total


class ByteString(Sequence):
    """Common base of bytes and bytearray."""
    __slots__ = ()


class MutableSequence(Sequence):
    """Sequences that can change: subclasses add __setitem__, __delitem__ and
    insert; append, extend, pop, remove, reverse, clear and += come from here."""
    __slots__ = ()

    @abstractmethod
    def insert(self, index, value):
        """Put `value` before position `index`."""
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        """Remove the item(s) at `index`."""
        raise IndexError

    @abstractmethod
    def __setitem__(self, index, value):
        """Replace the item(s) at `index`."""
        raise IndexError

    def append(self, value):
        """Add `value` at the end."""
        self.insert(len(self), value)

    def extend(self, values):
        """Append every item of `values` (which may be self)."""
        if values is self:
            values = list(self)
        for value in values:
            self.append(value)

    def pop(self, index=-1):
        """Remove and return the item at `index` (the last by default)."""
        item = self[index]
        del self[index]
        return item

    def remove(self, value):
        """Remove the first item equal to `value`; ValueError if none."""
        position = self.index(value)
        del self[position]

    def reverse(self):
        """Reverse the items in place."""
        low = 0
        high = len(self) - 1
        while low < high:
            self[low], self[high] = self[high], self[low]
            low += 1
            high -= 1

    def clear(self):
        """Remove every item."""
        while len(self):
            self.pop()

    def __iadd__(self, values):
        self.extend(values)
        return self


# ----------------------------------------------- structural subclass checks

def _first_definition(C, name):
    # The value `name` has in the first class along C's MRO that defines it,
    # or None when no class does.
    for klass in C.__mro__:
        namespace = klass.__dict__
        if name in namespace:
            return namespace[name]
    return None


def _defines_all(C, names):
    # True when every name is defined along C's MRO with a value other than
    # None (None marks a method as deliberately switched off); otherwise
    # NotImplemented, so the normal ABC rules decide.
    missing = [name for name in names if _first_definition(C, name) is None]
    return NotImplemented if missing else True


def _install_hook(abc, names):
    def __subclasshook__(cls, C):
        # Only the ABC itself checks structurally; its subclasses do not
        # inherit the check.
        if cls is not abc:
            return NotImplemented
        return _defines_all(C, names)
    abc.__subclasshook__ = classmethod(__subclasshook__)


_STRUCTURAL = (
    (Hashable, ("__hash__",)),
    (Awaitable, ("__await__",)),
    (Coroutine, ("__await__", "send", "throw", "close")),
    (AsyncIterable, ("__aiter__",)),
    (AsyncIterator, ("__anext__", "__aiter__")),
    (AsyncGenerator, ("__aiter__", "__anext__", "asend", "athrow", "aclose")),
    (Iterable, ("__iter__",)),
    (Iterator, ("__iter__", "__next__")),
    (Reversible, ("__reversed__", "__iter__")),
    (Generator, ("__iter__", "__next__", "send", "throw", "close")),
    (Sized, ("__len__",)),
    (Container, ("__contains__",)),
    (Collection, ("__len__", "__iter__", "__contains__")),
    (Callable, ("__call__",)),
)

for _abc, _names in _STRUCTURAL:
    _install_hook(_abc, _names)
del _abc, _names


# ------------------------------------------------ built-in virtual subclasses

def _builtin_registrations():
    def sample_generator():
        yield

    class Probe:
        def probe(self):
            pass

    gen = sample_generator()
    gen_type = type(gen)
    gen.close()
    try:
        views = [memoryview]
    except NameError:
        views = []
    empty = {}
    table = [
        (Generator, [gen_type]),
        (Iterator, [
            type(iter(b"")), type(iter(bytearray())), type(iter("")),
            type(iter([])), type(iter(())), type(iter(range(0))),
            type(iter(set())), type(iter(empty)), type(iter(empty.values())),
            type(iter(empty.items())), type(reversed([])),
            type(zip()), type(map(len, ())), type(filter(None, ())),
            type(enumerate(())),
        ]),
        # Built-in callables whose types may not expose `__call__` here.
        (Callable, [type(len), type(sample_generator), type(str.join),
                    type(Probe().probe)]),
        (Sequence, [tuple, str, range] + views),
        (ByteString, [bytes, bytearray]),
        (MutableSequence, [list, bytearray]),
        (Set, [frozenset]),
        (MutableSet, [set]),
        (Mapping, [type(type.__dict__)]),
        (MutableMapping, [dict]),
        (KeysView, [type(empty.keys())]),
        (ItemsView, [type(empty.items())]),
        (ValuesView, [type(empty.values())]),
    ]
    for abc, classes in table:
        for klass in classes:
            try:
                abc.register(klass)
            except Exception:
                # A type this VM lacks or shapes differently is skipped.
                pass


_builtin_registrations()
del _builtin_registrations
