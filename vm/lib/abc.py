"""hotpy's abc: abstract base classes.

`ABCMeta` computes `__abstractmethods__` when a class is made (the VM refuses to
instantiate a class whose set is non-empty) and answers isinstance/issubclass from, in
order: the class's `__subclasshook__`, the real MRO, classes registered as virtual
subclasses, and its subclasses' answers. Each ABC keeps its bookkeeping in one dict,
`_abc_state`: the registry, the answers known to be yes, the answers known to be no,
and the registration epoch those were computed in. Any `register()` starts a new
epoch, which invalidates every ABC's "no" answers.
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod",
           "abstractstaticmethod", "abstractproperty", "get_cache_token",
           "update_abstractmethods"]

# A class's own namespace, read through `type`'s descriptor (works for classes whose
# metaclass is a subclass of `type`).
_own_dict = type.__dict__["__dict__"].__get__

_epoch = [0]


def get_cache_token():
    return _epoch[0]


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _marked_abstract(obj):
    return getattr(obj, "__isabstractmethod__", False) is True


def _abstract_names(cls, own_items):
    """Names still abstract in `cls`: its own abstract members, plus inherited
    abstract names it has not overridden with something concrete."""
    names = {name: None for name, value in own_items if _marked_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if name not in names and _marked_abstract(getattr(cls, name, None)):
                names[name] = None
    return frozenset(names)


def _fresh_state():
    return {"registry": {}, "yes": {}, "no": {}, "epoch": _epoch[0]}


def _state(cls):
    st = _own_dict(cls).get("_abc_state")
    if st is None:
        st = _fresh_state()
        type.__setattr__(cls, "_abc_state", st)
    return st


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstract_names(cls, namespace.items())
        type.__setattr__(cls, "_abc_state", _fresh_state())
        return cls

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        _state(cls)["registry"][subclass] = None
        _epoch[0] += 1
        # Registering with Sequence or Mapping makes instances match those patterns.
        for flag in ("_hotpy_sequence", "_hotpy_mapping"):
            if _own_dict(cls).get(flag):
                try:
                    setattr(subclass, flag, True)
                except (TypeError, AttributeError):
                    pass
        return subclass

    def __instancecheck__(cls, instance):
        claimed = instance.__class__
        if claimed in _state(cls)["yes"]:
            return True
        actual = type(instance)
        if actual is claimed:
            return cls.__subclasscheck__(claimed)
        return cls.__subclasscheck__(claimed) or cls.__subclasscheck__(actual)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        st = _state(cls)
        if subclass in st["yes"]:
            return True
        if st["epoch"] != _epoch[0]:
            st["no"] = {}
            st["epoch"] = _epoch[0]
        elif subclass in st["no"]:
            return False
        answer = cls._abc_decide(subclass, st)
        st["yes" if answer else "no"][subclass] = None
        return answer

    def _abc_decide(cls, subclass, st):
        hook = cls.__subclasshook__(subclass)
        if hook is not NotImplemented:
            return bool(hook)
        if cls in subclass.__mro__:
            return True
        for virtual in st["registry"]:
            if issubclass(subclass, virtual):
                return True
        for child in type.__subclasses__(cls):
            if issubclass(subclass, child):
                return True
        return False

    def __subclasshook__(cls, subclass):
        # Used when `object` itself provides no `__subclasshook__`.
        return NotImplemented

    def _abc_registry_clear(cls):
        _state(cls)["registry"] = {}

    def _abc_caches_clear(cls):
        st = _state(cls)
        st["yes"] = {}
        st["no"] = {}

    def _dump_registry(cls, file=None):
        print("Class: %s.%s" % (cls.__module__, cls.__qualname__), file=file)
        print("Inv. counter: %s" % get_cache_token(), file=file)
        for k, v in sorted(_state(cls).items()):
            print("%s: %r" % (k, v), file=file)


def update_abstractmethods(cls):
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _abstract_names(cls, _own_dict(cls).items())
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class: subclass it to get ABCMeta as the metaclass."""
    __slots__ = ()
