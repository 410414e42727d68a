"""hotpy's copy: shallow and deep copies.

Objects define `__copy__`/`__deepcopy__` to take over; otherwise containers are copied
item by item and instances are remade with `cls.__new__(cls)` and given a copy of their
state (`__getstate__`/`__setstate__` when defined, else `__dict__` and `__slots__`).
"""

from _collections import deque as _deque

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

# A class's own namespace, read through `type`'s descriptor (works for classes whose
# metaclass is a subclass of `type`).
_own_dict = type.__dict__["__dict__"].__get__

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range,
           type(Ellipsis), type(NotImplemented), type(len), type(lambda: 0),
           property)


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        s = _own_dict(c).get("__slots__", ())
        if isinstance(s, str):
            s = (s,)
        for n in s:
            if n not in ("__dict__", "__weakref__"):
                names.append(n)
    return names


def _get_state(x):
    getstate = getattr(type(x), "__getstate__", None)
    if getstate is not None:
        return getstate(x)
    d = getattr(x, "__dict__", None)
    slots = {}
    for n in _slot_names(type(x)):
        try:
            slots[n] = getattr(x, n)
        except AttributeError:
            pass
    if slots:
        return (d, slots)
    return d


def _set_state(y, state):
    setstate = getattr(y, "__setstate__", None)
    if setstate is not None:
        setstate(state)
        return
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        y.__dict__.update(state)
    if slots:
        for k, v in slots.items():
            setattr(y, k, v)


def _new_like(x):
    cls = type(x)
    if isinstance(x, tuple):
        return None
    return cls.__new__(cls)


def copy(x):
    cls = type(x)
    if cls in _atomic or issubclass(cls, type):
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    if cls is tuple or cls is frozenset:
        return x
    if cls is bytearray:
        return bytearray(x)
    c = getattr(cls, "__copy__", None)
    if c is not None:
        return c(x)
    if isinstance(x, tuple):
        return cls(x) if not hasattr(cls, "_make") else cls._make(x)
    y = _new_like(x)
    if isinstance(x, list):
        y.extend(x)
    elif isinstance(x, dict):
        y.update(x)
    elif isinstance(x, (set, frozenset)):
        y |= x
    state = _get_state(x)
    if state:
        _set_state(y, state)
    return y


def deepcopy(x, memo=None, _nil=[]):
    d = id(x)
    if memo is None:
        memo = {}
    elif d in memo:
        return memo[d]
    cls = type(x)
    if cls in _atomic or issubclass(cls, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        dc = getattr(cls, "__deepcopy__", None)
        if dc is not None:
            y = dc(x, memo)
        elif isinstance(x, _deque):
            # CPython reconstructs from `__reduce__`: (cls, args, state, items).
            rcls, args, state, items = x.__reduce__()
            y = rcls(*deepcopy(args, memo))
            memo[d] = y
            if state:
                _set_state(y, deepcopy(state, memo))
            for a in items:
                y.append(deepcopy(a, memo))
        elif isinstance(x, tuple):
            items = [deepcopy(a, memo) for a in x]
            y = cls._make(items) if hasattr(cls, "_make") else cls(items)
        else:
            y = _new_like(x)
            memo[d] = y
            if isinstance(x, list):
                for a in x:
                    y.append(deepcopy(a, memo))
            elif isinstance(x, dict):
                for k, v in x.items():
                    y[deepcopy(k, memo)] = deepcopy(v, memo)
            state = _get_state(x)
            if state:
                _set_state(y, deepcopy(state, memo))
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
