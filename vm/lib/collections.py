"""hotpy's collections: namedtuple, deque, OrderedDict, defaultdict, Counter, ChainMap,
UserDict, UserList, UserString; `collections.abc` is `_collections_abc`."""

import sys as _sys
import _collections_abc
from keyword import iskeyword as _iskeyword

abc = _collections_abc
_sys.modules["collections.abc"] = _collections_abc

__all__ = ["ChainMap", "Counter", "OrderedDict", "UserDict", "UserList",
           "UserString", "defaultdict", "deque", "namedtuple"]


# ---------------------------------------------------------------- namedtuple

def _field_getter(index):
    return lambda self: self[index]


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = _sys.intern(str(typename))
    if rename:
        seen = {}
        for i, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name)
                    or name.startswith("_") or name in seen):
                field_names[i] = "_%d" % i
            seen[field_names[i]] = None
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid "
                             "identifiers: %r" % name)
        if _iskeyword(name):
            raise ValueError("Type names and field names cannot be a "
                             "keyword: %r" % name)
    seen = {}
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % name)
        if name in seen:
            raise ValueError("Encountered duplicate field name: %r" % name)
        seen[name] = None
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))
    fields = tuple(field_names)
    num_fields = len(fields)
    arg_list = ", ".join(fields)
    if num_fields == 1:
        arg_list += ","
    ns = {"_tuple_new": tuple.__new__, "__builtins__": {}, "__name__": "namedtuple_%s" % typename}
    src = "def __new__(_cls, %s):\n    return _tuple_new(_cls, (%s))\n" % (
        ", ".join(fields), arg_list)
    exec(src, ns)
    __new__ = ns["__new__"]
    __new__.__doc__ = "Create new instance of %s(%s)" % (typename, ", ".join(fields))
    if defaults is not None:
        __new__.__defaults__ = defaults

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != num_fields:
            raise TypeError("Expected %d arguments, got %d" % (num_fields, len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name) if name in kwds else value
                             for name, value in zip(fields, self)])
        if kwds:
            raise ValueError("Got unexpected field names: %r" % list(kwds))
        return result

    def __repr__(self):
        return self.__class__.__name__ + "(" + ", ".join(
            "%s=%r" % (name, value) for name, value in zip(fields, self)) + ")"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    for method in (__new__, _make.__func__, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = typename + "." + method.__name__

    class_namespace = {
        "__doc__": "%s(%s)" % (typename, ", ".join(fields)),
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for index, name in enumerate(fields):
        class_namespace[name] = property(_field_getter(index),
                                         doc="Alias for field number %d" % index)
    result = type(typename, (tuple,), class_namespace)
    where = _calling_module() if module is None else module
    if where is not None:
        result.__module__ = where
    return result


def _calling_module():
    # The __name__ of the module that called namedtuple(), if it can be seen.
    getframe = getattr(_sys, "_getframe", None)
    if getframe is None:
        return None
    try:
        caller = getframe(2)
    except ValueError:
        return None
    return caller.f_globals.get("__name__", "__main__")


# --------------------------------------------------------------------- deque

# The native ring buffer (vm/src/types/deque.rs): every mutation takes the deque's object
# lock, so single operations (append, popleft, ...) are atomic across threads.
from _collections import deque

_collections_abc.MutableSequence.register(deque)


# --------------------------------------------------------------- OrderedDict

class OrderedDict(dict):
    """A dict that remembers insertion order (as dict does) and can reorder."""

    def __init__(self, other=(), /, **kwds):
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        if hasattr(other, "keys"):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwds.items():
            self[k] = v

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return key, dict.pop(self, key)

    def __reversed__(self):
        return reversed(list(dict.keys(self)))

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for k in iterable:
            d[k] = value
        return d

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __repr__(self):
        if not self:
            return "%s()" % (self.__class__.__name__,)
        return "%s(%r)" % (self.__class__.__name__, list(self.items()))

    def __or__(self, other):
        return _merged(self, other, self.__class__, False)

    def __ror__(self, other):
        return _merged(self, other, self.__class__, True)

    def __ior__(self, other):
        self.update(other)
        return self


def _merged(mine, other, make, reflected):
    # `mine | other` (or `other | mine` when reflected) for dict subclasses:
    # a new `make(...)` holding the left operand updated by the right.
    if not isinstance(other, dict):
        return NotImplemented
    left, right = (other, mine) if reflected else (mine, other)
    result = make(left)
    result.update(right)
    return result


# --------------------------------------------------------------- defaultdict

class defaultdict(dict):
    """A dict that calls `default_factory` to supply missing values."""

    def __init__(self, default_factory=None, /, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwds)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        f = self.default_factory
        if f is None:
            fr = "None"
        elif isinstance(f, type):
            fr = repr(f)
        else:
            fr = repr(f)
        return "%s(%s, %s)" % (type(self).__name__, fr, dict.__repr__(self))

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return (type(self), (self.default_factory,), None, None, iter(self.items()))

    def _like(self, contents):
        return type(self)(self.default_factory, contents)

    def __or__(self, other):
        return _merged(self, other, self._like, False)

    def __ror__(self, other):
        return _merged(self, other, self._like, True)


# ------------------------------------------------------------------- Counter

def _count_of(item):
    return item[1]


class Counter(dict):
    """A dict counting hashable items; missing items count 0."""

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=_count_of, reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, _collections_abc.Mapping) or isinstance(iterable, dict):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                get = self.get
                for elem in iterable:
                    self[elem] = get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            get = self.get
            if isinstance(iterable, _collections_abc.Mapping) or isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return "%s()" % self.__class__.__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return "%s(%r)" % (self.__class__.__name__, d)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    __hash__ = None

    # Binary operators build a new Counter over the union of keys (this
    # counter's order first), dropping results that are not positive.
    def _combined(self, other, pick):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self)
        keys.extend(k for k in other if k not in self)
        out = Counter()
        for k in keys:
            n = pick(self[k], other[k])
            if n > 0:
                out[k] = n
        return out

    def __add__(self, other):
        return self._combined(other, _plus)

    def __sub__(self, other):
        return self._combined(other, _minus)

    def __or__(self, other):
        return self._combined(other, _larger)

    def __and__(self, other):
        return self._combined(other, _smaller)

    def __pos__(self):
        return self._combined(Counter(), _plus)

    def __neg__(self):
        return Counter()._combined(self, _minus)

    # In-place operators update this counter's values, then discard every
    # entry that is zero or negative.
    def _adjust(self, keys, other, pick):
        for k in list(keys):
            self[k] = pick(self[k], other[k])
        for k in [k for k, n in self.items() if not n > 0]:
            del self[k]
        return self

    def __iadd__(self, other):
        return self._adjust(other, other, _plus)

    def __isub__(self, other):
        return self._adjust(other, other, _minus)

    def __ior__(self, other):
        return self._adjust(other, other, _larger)

    def __iand__(self, other):
        return self._adjust(self, other, _smaller)


def _plus(a, b):
    return a + b


def _minus(a, b):
    return a - b


def _larger(a, b):
    return b if b > a else a


def _smaller(a, b):
    return b if b < a else a


from _collections_more import ChainMap, UserDict, UserList, UserString  # noqa: E402
