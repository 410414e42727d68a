"""hotpy's weakref: weak references and the containers built on them.

How it works
- `ref` is the native `_weakref.ref` (vm/src/modules/weakref.rs): the collector clears
  a weakref when its referent dies and then calls its callback, after the collection,
  on the thread that ran it. Objects are freed only by collections, so code that
  expects an object to vanish at `del` must call `gc.collect()` first. `ref` keeps
  CPython's per-object list of weakrefs (`getweakrefcount`, `getweakrefs`, the reuse
  of a callback-less ref) and may be subclassed (`KeyedRef`, `WeakMethod`).
- `WeakValueDictionary` keeps `KeyedRef`s, `WeakKeyDictionary` and `WeakSet` keep
  weakrefs, each with a callback that removes its dead entry, as CPython's do.
  `finalize` keeps a registry of live finalizers; those marked `atexit` run at
  interpreter exit, newest first (through `atexit`).

What must hold
- A callback may run at any safepoint, so also in the middle of an iteration over a
  container: the containers iterate over snapshots, and the removal callbacks only
  remove their own entry.
"""

import sys
import _collections_abc
from _weakref import ref, getweakrefcount, getweakrefs

ReferenceType = ref

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]


class ProxyType:
    """A proxy to a weakly referenced object: attribute access and calls go to it."""

    __slots__ = ("_proxy__ref",)

    def __init__(self, obj, callback=None):
        if callback is None:
            r = ref(obj)
        else:
            r = ref(obj, lambda _r, cb=callback, me=self: cb(me))
        object.__setattr__(self, "_proxy__ref", r)

    def _proxy__get(self):
        o = object.__getattribute__(self, "_proxy__ref")()
        if o is None:
            raise ReferenceError("weakly-referenced object no longer exists")
        return o

    def __getattribute__(self, name):
        return getattr(ProxyType._proxy__get(self), name)

    def __setattr__(self, name, value):
        setattr(ProxyType._proxy__get(self), name, value)

    def __delattr__(self, name):
        delattr(ProxyType._proxy__get(self), name)

    def __repr__(self):
        o = ProxyType._proxy__get(self)
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(ProxyType._proxy__get(self))

    def __bool__(self):
        return bool(ProxyType._proxy__get(self))

    def __len__(self):
        return len(ProxyType._proxy__get(self))

    def __iter__(self):
        return iter(ProxyType._proxy__get(self))

    def __getitem__(self, key):
        return ProxyType._proxy__get(self)[key]

    def __setitem__(self, key, value):
        ProxyType._proxy__get(self)[key] = value

    def __eq__(self, other):
        return ProxyType._proxy__get(self) == other

    def __call__(self, *args, **kwargs):
        return ProxyType._proxy__get(self)(*args, **kwargs)

    __hash__ = None


CallableProxyType = ProxyType
ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    return ProxyType(obj, callback)


class WeakMethod(ref):
    """A weak reference to a bound method: dead when its object or function dies."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def _cb(_wr):
            me = me_ref()
            if me is not None and me._alive:
                me._alive = False
                if callback is not None:
                    callback(me)
        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        me_ref = ref(self)
        return self

    def __init__(self, meth, callback=None):
        pass

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return func.__get__(obj, type(obj))

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weakref that carries a key: what `WeakValueDictionary` stores."""

    __slots__ = ("key",)

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class _WeakMapping(_collections_abc.MutableMapping):
    """What the two weak dictionaries share: the repr and the `|` operators (each
    defines `data`, `copy` and `update`)."""

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        c = self.copy()
        c.update(other)
        return c

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        c = type(self)()
        c.update(other)
        c.update(self)
        return c


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are held weakly: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self)):
            me = selfref()
            if me is not None:
                d = me.data
                if d.get(wr.key) is wr:
                    d.pop(wr.key, None)
        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                yield k, v

    def keys(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k

    __iter__ = keys

    def values(self):
        for wr in list(self.data.values()):
            o = wr()
            if o is not None:
                yield o

    def itervaluerefs(self):
        yield from list(self.data.values())

    def valuerefs(self):
        return list(self.data.values())

    def copy(self):
        new = WeakValueDictionary()
        for k, v in self.items():
            new[k] = v
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = type(self)()
        for k, v in self.items():
            new[deepcopy(k, memo)] = v
        return new

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        d = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                d[key] = KeyedRef(o, self._remove, key)
        for key, o in kwargs.items():
            d[key] = KeyedRef(o, self._remove, key)


class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are held weakly: an entry goes when its key dies."""

    def __init__(self, dict=None):
        self.data = {}

        def remove(k, selfref=ref(self)):
            me = selfref()
            if me is not None:
                me.data.pop(k, None)
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def items(self):
        for wr, value in list(self.data.items()):
            key = wr()
            if key is not None:
                yield key, value

    def keys(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o

    __iter__ = keys

    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self.data)

    def copy(self):
        new = WeakKeyDictionary()
        for k, v in self.items():
            new[k] = v
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = type(self)()
        for k, v in self.items():
            new[k] = deepcopy(v, memo)
        return new

    def popitem(self):
        while True:
            wr, value = self.data.popitem()
            o = wr()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if kwargs:
            self.update(kwargs)


class WeakSet:
    """A set whose elements are held weakly."""

    def __init__(self, data=None):
        self.data = set()

        def _remove(item, selfref=ref(self)):
            me = selfref()
            if me is not None:
                me.data.discard(item)
        self._remove = _remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __reduce__(self):
        return type(self), (list(self),), getattr(self, "__dict__", None)

    def __repr__(self):
        return repr(self.data)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def pop(self):
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            o = wr()
            if o is not None:
                return o

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for o in other:
            self.add(o)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(o) for o in other)
        return self

    def intersection(self, other):
        return type(self)(o for o in other if o in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        self.data.intersection_update(ref(o) for o in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(o) for o in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(o) for o in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.data == set(map(ref, other))

    __hash__ = None

    def symmetric_difference(self, other):
        new = self.copy()
        new.symmetric_difference_update(other)
        return new

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(o, self._remove) for o in other)
        return self

    def union(self, other):
        return type(self)(e for s in (self, other) for e in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0


_collections_abc.MutableSet.register(WeakSet)


class _FinalizeInfo:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """Calls `func(*args, **kwargs)` once `obj` is collected, when called, or at
    interpreter exit (if `atexit` is true), whichever comes first."""

    __slots__ = ()
    _registry = {}
    _shutdown = False
    _counter = [0]
    _dirty = False
    _registered_with_atexit = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = _FinalizeInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._counter[0]
        finalize._counter[0] += 1
        finalize._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @staticmethod
    def _select_for_exit():
        # The live finalizers marked for exit, oldest first.
        live = [(f, i) for f, i in list(finalize._registry.items()) if i.atexit]
        live.sort(key=lambda fi: fi[1].index)
        return [f for f, _ in live]

    @staticmethod
    def _exitfunc():
        # At exit (after the other threads were joined), newest first; a finalizer
        # made meanwhile is picked up too.
        try:
            pending = None
            while finalize._registry:
                if pending is None or finalize._dirty:
                    pending = finalize._select_for_exit()
                    finalize._dirty = False
                if not pending:
                    break
                f = pending.pop()
                try:
                    f()
                except Exception:
                    sys.excepthook(*sys.exc_info())
        finally:
            finalize._shutdown = True
