"""hotpy's weakref: weak references and the containers built on them.

How it works
- `ref` is the native `_weakref.ref` (vm/src/modules/weakref.rs): the collector clears
  a weakref when its referent dies and then calls its callback, after the collection,
  on the thread that ran it. Objects are freed only by collections, so code that
  expects an object to vanish at `del` must call `gc.collect()` first.
- `WeakValueDictionary`, `WeakKeyDictionary` and `WeakSet` keep plain dicts and sets of
  weakrefs whose callbacks remove the dead entries. `WeakMethod` and `finalize` are
  written here on top of `ref`.

What must hold
- A callback may run on any thread, at any safepoint: the removal callbacks only
  remove their own entry (a single dict or set operation, atomic in hotpy).
"""

import _weakref
from _weakref import ref, getweakrefcount

ReferenceType = ref

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]


def getweakrefs(obj):
    return []


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


class WeakMethod:
    """A weak reference to a bound method: dead when its object or function dies."""

    __slots__ = ("_obj_ref", "_func_ref", "_meth_type", "_callback", "__weakref__")

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        def _cb(arg, me_ref=None):
            if callback is not None:
                callback(self)
        self._obj_ref = ref(obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._callback = callback

    def __call__(self):
        obj = self._obj_ref()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return func.__get__(obj, type(obj))

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if self._obj_ref() is None or other._obj_ref() is None:
                return self is other
            return self._obj_ref == other._obj_ref and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash((self._obj_ref, self._func_ref))


class _WeakMapping:
    """What the two weak dictionaries share: the entries live in `self.data`."""

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def keys(self):
        return list(iter(self))

    def values(self):
        return [v for _, v in self.items()]

    def update(self, other=None, /, **kw):
        if other is not None:
            if hasattr(other, "items"):
                other = other.items()
            for k, v in other:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self.items())

    __copy__ = copy


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are held weakly: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        if other or kw:
            self.update(other, **kw)

    def _ref(self, key, value):
        data = self.data

        def remove(wr, key=key):
            if data.get(key) is wr:
                del data[key]
        return ref(value, remove)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = self._ref(key, value)

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

    def __iter__(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k

    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        out = []
        for k, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((k, o))
        return out


    def valuerefs(self):
        return list(self.data.values())

    def pop(self, key, *default):
        try:
            o = self.data.pop(key)()
        except KeyError:
            if default:
                return default[0]
            raise
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o





class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are held weakly: an entry goes when its key dies."""

    def __init__(self, dict=None):
        self.data = {}
        data = self.data

        def remove(k):
            data.pop(k, None)
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

    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def items(self):
        out = []
        for wr, v in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((o, v))
        return out

    def keyrefs(self):
        return list(self.data)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def popitem(self):
        while True:
            wr, v = self.data.popitem()
            o = wr()
            if o is not None:
                return o, v

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)





class WeakSet:
    """A set whose elements are held weakly."""

    def __init__(self, data=None):
        self.data = set()
        s = self.data

        def remove(wr):
            s.discard(wr)
        self._remove = remove
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

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def pop(self):
        while True:
            o = self.data.pop()()
            if o is not None:
                return o

    def clear(self):
        self.data.clear()

    def update(self, other):
        for o in other:
            self.add(o)

    def copy(self):
        return WeakSet(self)

    __copy__ = copy

    def __ior__(self, other):
        self.update(other)
        return self

    def __eq__(self, other):
        if not isinstance(other, WeakSet):
            return NotImplemented
        return set(self) == set(other)

    __hash__ = None


class finalize:
    """Calls `func(*args, **kwargs)` once `obj` is collected (or when called first)."""

    __slots__ = ("_ref", "_func", "_args", "_kwargs", "atexit", "__weakref__")
    _registry = {}
    _index = [0]

    def __init__(self, obj, func, /, *args, **kwargs):
        self._func = func
        self._args = args
        self._kwargs = kwargs
        self.atexit = True
        me = self

        def done(_wr):
            me()
        self._ref = ref(obj, done)
        finalize._registry[id(self)] = self

    def __call__(self, _=None):
        if finalize._registry.pop(id(self), None) is None:
            return None
        f = self._func
        self._func = None
        return f(*self._args, **(self._kwargs or {}))

    def detach(self):
        obj = self._ref()
        if obj is not None and finalize._registry.pop(id(self), None) is not None:
            return (obj, self._func, self._args, self._kwargs or {})
        return None

    def peek(self):
        obj = self._ref()
        if obj is not None and id(self) in finalize._registry:
            return (obj, self._func, self._args, self._kwargs or {})
        return None

    @property
    def alive(self):
        return id(self) in finalize._registry

    def __repr__(self):
        obj = self._ref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))
