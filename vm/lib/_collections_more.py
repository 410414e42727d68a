"""The rest of hotpy's collections: ChainMap, UserDict, UserList, UserString.

Split from `collections` to keep files small; `collections` re-exports them.
"""

import _collections_abc

__name__ = "collections"


# ------------------------------------------------------------------ ChainMap

_NOT_IN_FIRST = "Key not found in the first mapping: %r"
_ABSENT = object()


def _lookup(mapping, key):
    try:
        return mapping[key]
    except KeyError:
        return _ABSENT


class ChainMap(_collections_abc.MutableMapping):
    """Several mappings viewed as one; writes go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        # Ask each map in turn (so a defaultdict or Counter may answer for
        # an absent key); a KeyError moves on to the next one.
        for mapping in self.maps:
            value = _lookup(mapping, key)
            if value is not _ABSENT:
                return value
        return self.__missing__(key)

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def _merged(self):
        # Every key once, ordered as if the maps were applied last to first.
        merged = {}
        for mapping in self.maps[::-1]:
            merged.update(dict.fromkeys(mapping))
        return merged

    def __len__(self):
        return len(self._merged())

    def __iter__(self):
        return iter(self._merged())

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        inner = ", ".join([repr(m) for m in self.maps])
        return "%s(%s)" % (type(self).__name__, inner)

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        first, *rest = self.maps
        return type(self)(first.copy(), *rest)

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        child = kwargs if m is None else m
        if m is not None and kwargs:
            child.update(kwargs)
        return type(self)(child, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def _first_only(self, action, *args):
        try:
            return action(*args)
        except KeyError:
            if not args:
                raise KeyError("No keys found in the first mapping.") from None
            raise KeyError(_NOT_IN_FIRST % (args[0],)) from None

    def __delitem__(self, key):
        self._first_only(self.maps[0].__delitem__, key)

    def popitem(self):
        return self._first_only(self.maps[0].popitem)

    def pop(self, key, *args):
        return self._first_only(self.maps[0].pop, key, *args)

    def clear(self):
        self.maps[0].clear()

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        combined = self.copy()
        combined.maps[0].update(other)
        return combined

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        flat = dict(other)
        for mapping in self.maps[::-1]:
            flat.update(mapping)
        return type(self)(flat)

    def __ior__(self, other):
        self.maps[0].update(other)
        return self


# ------------------------------------------------------- UserDict, UserList

def _forward_to_data(name):
    def method(self, *args, **kwds):
        return getattr(self.data, name)(*args, **kwds)
    method.__name__ = name
    return method


def _shallow_clone(obj):
    # A new instance of obj's class sharing nothing mutable at the top level:
    # instance attributes are copied and the wrapped `data` is copied too.
    clone = type(obj).__new__(type(obj))
    clone.__dict__.update(obj.__dict__)
    clone.data = obj.data.copy()
    return clone


class UserDict(_collections_abc.MutableMapping):
    """A dict-like class wrapping a real dict kept in `self.data`."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        self.update(kwargs)

    def __getitem__(self, key):
        data = self.data
        if key not in data:
            missing = getattr(type(self), "__missing__", None)
            if missing is None:
                raise KeyError(key)
            return missing(self, key)
        return data[key]

    __setitem__ = _forward_to_data("__setitem__")
    __delitem__ = _forward_to_data("__delitem__")
    __len__ = _forward_to_data("__len__")
    __iter__ = _forward_to_data("__iter__")
    __contains__ = _forward_to_data("__contains__")
    __repr__ = _forward_to_data("__repr__")

    @staticmethod
    def _plain(other):
        if isinstance(other, UserDict):
            return other.data
        if isinstance(other, dict):
            return other
        return None

    def __or__(self, other):
        right = self._plain(other)
        if right is None:
            return NotImplemented
        return type(self)({**self.data, **right})

    def __ror__(self, other):
        left = self._plain(other)
        if left is None:
            return NotImplemented
        return type(self)({**left, **self.data})

    def __ior__(self, other):
        plain = self._plain(other)
        self.data.update(other if plain is None else plain)
        return self

    def __copy__(self):
        return _shallow_clone(self)

    def copy(self):
        if type(self) is UserDict:
            return UserDict(self.data.copy())
        return self.__copy__()

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        made.data.update(dict.fromkeys(iterable, value))
        return made


def _unwrap_list(other):
    return other.data if isinstance(other, UserList) else other


def _list_comparison(name, test):
    def compare(self, other):
        return test(self.data, _unwrap_list(other))
    compare.__name__ = name
    return compare


class UserList(_collections_abc.MutableSequence):
    """A list-like class wrapping a real list kept in `self.data`."""

    def __init__(self, initlist=None):
        if initlist is None:
            self.data = []
        elif isinstance(initlist, UserList):
            self.data = list(initlist.data)
        else:
            self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    __lt__ = _list_comparison("__lt__", lambda a, b: a < b)
    __le__ = _list_comparison("__le__", lambda a, b: a <= b)
    __eq__ = _list_comparison("__eq__", lambda a, b: a == b)
    __gt__ = _list_comparison("__gt__", lambda a, b: a > b)
    __ge__ = _list_comparison("__ge__", lambda a, b: a >= b)
    __hash__ = None

    def __getitem__(self, i):
        found = self.data[i]
        return type(self)(found) if isinstance(i, slice) else found

    @staticmethod
    def _as_list(other):
        if isinstance(other, UserList):
            return other.data
        return other if isinstance(other, list) else list(other)

    def __add__(self, other):
        return type(self)(self.data + self._as_list(other))

    def __radd__(self, other):
        return type(self)(self._as_list(other) + self.data)

    def __iadd__(self, other):
        self.data.extend(self._as_list(other))
        return self

    def __imul__(self, n):
        self.data *= n
        return self

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def copy(self):
        return type(self)(self)

    def __copy__(self):
        return _shallow_clone(self)

    def extend(self, other):
        self.data.extend(_unwrap_list(other))

    # the rest go straight to the wrapped list
    __len__ = _forward_to_data("__len__")
    __contains__ = _forward_to_data("__contains__")
    __setitem__ = _forward_to_data("__setitem__")
    __delitem__ = _forward_to_data("__delitem__")
    append = _forward_to_data("append")
    insert = _forward_to_data("insert")
    pop = _forward_to_data("pop")
    remove = _forward_to_data("remove")
    clear = _forward_to_data("clear")
    count = _forward_to_data("count")
    index = _forward_to_data("index")
    reverse = _forward_to_data("reverse")
    sort = _forward_to_data("sort")


def _text_of(obj):
    return obj.data if isinstance(obj, UserString) else obj


class UserString:
    """A str-like class wrapping a real string kept in `self.data`."""

    def __init__(self, seq):
        text = _text_of(seq)
        self.data = text if isinstance(text, str) else str(text)

    def __str__(self):
        return str(self.data)

    __repr__ = _forward_to_data("__repr__")
    __len__ = _forward_to_data("__len__")
    __hash__ = _forward_to_data("__hash__")

    def __getitem__(self, index):
        return type(self)(self.data[index])

    def __eq__(self, other):
        return self.data == _text_of(other)

    def __lt__(self, other):
        return self.data < _text_of(other)

    def __contains__(self, char):
        return _text_of(char) in self.data

    def __add__(self, other):
        tail = other.data if isinstance(other, UserString) else str(other)
        return type(self)(self.data + tail)

    def __getattr__(self, name):
        # Other str methods: call the wrapped string's, re-wrapping str results.
        found = getattr(self.data, name)
        if not callable(found):
            return found
        wrap = type(self)

        def method(*args, **kwargs):
            out = found(*args, **kwargs)
            return wrap(out) if isinstance(out, str) else out
        return method
