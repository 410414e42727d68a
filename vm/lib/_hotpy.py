# hotpy's prelude: parts of the built-in types that are simplest to write in Python.
# Run once at start-up as module `_hotpy`; `_install(type, name, value)` adds an attribute
# to a built-in type.


def _leaves(eg):
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            yield from _leaves(e)
        else:
            yield e


def _make_cond(cond):
    if isinstance(cond, type) and issubclass(cond, BaseException):
        return lambda e: isinstance(e, cond)
    if isinstance(cond, tuple) and all(isinstance(c, type) and issubclass(c, BaseException) for c in cond):
        return lambda e: isinstance(e, cond)
    if callable(cond) and not isinstance(cond, type):
        return cond
    raise TypeError("expected a function, exception type or tuple of exception types")


def _copy_meta(src, dst):
    dst.__traceback__ = src.__traceback__
    dst.__cause__ = src.__cause__
    dst.__context__ = src.__context__
    notes = getattr(src, "__notes__", None)
    if notes is not None:
        dst.__notes__ = notes
    return dst


def _split(self, cond):
    cond = _make_cond(cond)
    if cond(self):
        return self, None
    match, rest = [], []
    for e in self.exceptions:
        if isinstance(e, BaseExceptionGroup):
            m, r = _split(e, cond)
            if m is not None:
                match.append(m)
            if r is not None:
                rest.append(r)
        elif cond(e):
            match.append(e)
        else:
            rest.append(e)
    m = _copy_meta(self, self.derive(match)) if match else None
    r = _copy_meta(self, self.derive(rest)) if rest else None
    return m, r


def _subgroup(self, cond):
    return _split(self, cond)[0]


def _derive(self, excs):
    return BaseExceptionGroup(self.message, excs)


def _eg_new(cls, message, exceptions, *rest):
    if rest:
        raise TypeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)" % (2 + len(rest)))
    if not isinstance(message, str):
        raise TypeError("argument 1 must be str, not %s" % type(message).__name__)
    try:
        excs = tuple(exceptions)
    except TypeError:
        raise TypeError("second argument (exceptions) must be a sequence") from None
    if not excs:
        raise ValueError("second argument (exceptions) must be a non-empty sequence")
    i = 0
    for e in excs:
        i += 1
        if not isinstance(e, BaseException):
            raise ValueError("Item %d of second argument (exceptions) is not an exception" % (i - 1))
    all_exc = all(isinstance(e, Exception) for e in excs)
    if cls is BaseExceptionGroup:
        if all_exc:
            cls = ExceptionGroup
    elif issubclass(cls, Exception) and not all_exc:
        if cls is ExceptionGroup:
            raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
        raise TypeError("Cannot nest BaseExceptions in '%s'" % cls.__name__)
    self = BaseException.__new__(cls, message, excs)
    self._message = message
    self._exceptions = excs
    return self


def _eg_init(self, *args):
    pass


def _eg_str(self):
    n = len(self._exceptions)
    return "%s (%d sub-exception%s)" % (self._message, n, "" if n == 1 else "s")


def _eg_repr(self):
    return "%s(%r, %r)" % (type(self).__name__, self._message, list(self._exceptions))


def _check_match(exc, typ):
    """CHECK_EG_MATCH: returns (rest, match)."""
    types = typ if isinstance(typ, tuple) else (typ,)
    for t in types:
        if isinstance(t, type) and issubclass(t, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")
        if not (isinstance(t, type) and issubclass(t, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException is not allowed")
    if exc is None:
        return None, None
    if not isinstance(exc, BaseExceptionGroup):
        if isinstance(exc, typ):
            g = BaseExceptionGroup("", [exc])
            g.__traceback__ = exc.__traceback__
            return None, g
        return exc, None
    m, r = _split(exc, typ)
    if m is None:
        return exc, None
    return r, m


def _prep_reraise(orig, excs):
    """PREP_RERAISE_STAR: what an except* block re-raises."""
    raised = [e for e in excs if e is not None]
    if not raised:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        return raised[0]
    leaf_ids = [id(e) for e in _leaves(orig)]
    reraised, new = [], []
    for e in raised:
        leaves = list(_leaves(e)) if isinstance(e, BaseExceptionGroup) else [e]
        if all(id(x) in leaf_ids for x in leaves):
            reraised.extend(leaves)
        else:
            new.append(e)
    keep = [id(x) for x in reraised]
    kept = _split(orig, lambda e: id(e) in keep)[0] if keep else None
    if not new:
        return kept
    if kept is not None:
        new.append(kept)
    return ExceptionGroup("", new)


class GenericAlias:
    # `list[int]` and friends: a parameterised view of a class (types.GenericAlias).
    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __repr__(self):
        def name(a):
            if isinstance(a, type) and not isinstance(a, GenericAlias):
                if a.__module__ == "builtins":
                    return a.__qualname__
                return a.__module__ + "." + a.__qualname__
            if a is ...:
                return "..."
            return repr(a)
        return name(self.__origin__) + "[" + ", ".join([name(a) for a in self.__args__]) + "]"

    def __mro_entries__(self, bases):
        return (self.__origin__,)


def _class_getitem(cls, item):
    return GenericAlias(cls, item)


for _t in (list, dict, tuple, set, frozenset, type, _deque):
    _install_plain(_t, "__class_getitem__", classmethod(_class_getitem))

_install(BaseExceptionGroup, "__new__", staticmethod(_eg_new))
_install(BaseExceptionGroup, "__init__", _eg_init)
_install(BaseExceptionGroup, "__str__", _eg_str)
_install(BaseExceptionGroup, "__repr__", _eg_repr)
_install(BaseExceptionGroup, "split", _split)
_install(BaseExceptionGroup, "subgroup", _subgroup)
_install(BaseExceptionGroup, "derive", _derive)
_install(BaseExceptionGroup, "message", property(lambda self: self._message))
_install(BaseExceptionGroup, "exceptions", property(lambda self: self._exceptions))
