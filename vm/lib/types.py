"""hotpy's types: names for the interpreter's built-in types, SimpleNamespace,
new_class and friends."""

import sys as _sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = None  # defined below
CellType = type((lambda x: lambda: x)(0).__closure__[0])


def _g():
    yield 1


_gi = _g()
GeneratorType = type(_gi)
_gi.close()


async def _c():
    pass


_ci = _c()
CoroutineType = type(_ci)
_ci.close()


async def _ag():
    yield


_agi = _ag()
AsyncGeneratorType = type(_agi)


class _C:
    def _m(self):
        pass


def _try(f):
    try:
        return f()
    except Exception:
        return None


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = _try(lambda: type(dict.__dict__["fromkeys"]))
ModuleType = type(_sys)

try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    FrameType = type(_sys._getframe())
    del _e

GetSetDescriptorType = type(FunctionType.__code__)
MemberDescriptorType = type(FunctionType.__globals__)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)

del _sys, _f, _g, _gi, _c, _ci, _ag, _agi, _C, _try


class SimpleNamespace:
    """An object whose attributes are given as keyword arguments."""

    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        if mapping_or_iterable:
            self.__dict__.update(dict(mapping_or_iterable))
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ("%s=%r" % (k, v) for k, v in self.__dict__.items())
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return "%s(%s)" % (name, ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


def resolve_bases(bases):
    """Replace non-class bases that define __mro_entries__ by what it returns."""
    out = []
    replaced = False
    for base in bases:
        hook = None if isinstance(base, type) else getattr(base, "__mro_entries__", None)
        if hook is None:
            out.append(base)
            continue
        entries = hook(bases)
        if not isinstance(entries, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        out.extend(entries)
        replaced = True
    return tuple(out) if replaced else bases


def _calculate_meta(meta, bases):
    # Walk the bases' metaclasses, keeping the most derived one seen; each
    # must be comparable with the current pick.
    best = meta
    for m in map(type, bases):
        if not issubclass(best, m):
            if not issubclass(m, best):
                raise TypeError("metaclass conflict: the metaclass of a derived class must be "
                                "a (non-strict) subclass of the metaclasses of all its bases")
            best = m
    return best


def prepare_class(name, bases=(), kwds=None):
    kwds = {} if kwds is None else dict(kwds)
    if "metaclass" in kwds:
        meta = kwds.pop("metaclass")
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, "__prepare__"):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns["__orig_bases__"] = bases
    return meta(name, resolved, ns, **kwds)


class DynamicClassAttribute(property):
    pass


def coroutine(func):
    # Generator functions become awaitable (their code gets CO_ITERABLE_COROUTINE).
    import _hotpy
    if getattr(func, "__code__", None) is not None and func.__code__.co_flags & 0x20:
        return _hotpy._mark_iterable_coroutine(func)
    return func


def _generic_alias():
    try:
        return type(list[int])
    except Exception:
        return None


GenericAlias = _generic_alias()
del _generic_alias
