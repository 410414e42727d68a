"""hotpy's abc: abstract base classes.

`ABCMeta` computes `__abstractmethods__` when a class is made (the VM refuses to
instantiate a class whose set is non-empty), and answers isinstance/issubclass through
`__subclasshook__`, registered virtual subclasses and real subclasses. Results are
cached per class; registering anything bumps a global token that clears the negative
caches.
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod",
           "abstractstaticmethod", "abstractproperty", "get_cache_token",
           "update_abstractmethods"]


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


_token = [0]

# A class's own namespace, read through `type`'s descriptor (works for classes whose
# metaclass is a subclass of `type`).
_own_dict = type.__dict__["__dict__"].__get__


def get_cache_token():
    return _token[0]


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False) is True


def _compute_abstracts(cls, namespace_items):
    abstracts = {}
    for name, value in namespace_items:
        if _is_abstract(value):
            abstracts[name] = None
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts[name] = None
    return frozenset(abstracts)


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace.items())
        cls._abc_registry = {}
        cls._abc_cache = {}
        cls._abc_negative_cache = {}
        cls._abc_negative_cache_version = _token[0]
        return cls

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry[subclass] = None
        _token[0] += 1
        # Registering with Sequence or Mapping makes instances match those patterns.
        for flag in ("_hotpy_sequence", "_hotpy_mapping"):
            if _own_dict(cls).get(flag):
                try:
                    setattr(subclass, flag, True)
                except (TypeError, AttributeError):
                    pass
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        if subclass in cls._abc_cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (cls._abc_negative_cache_version == _token[0]
                    and subclass in cls._abc_negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if subclass in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version < _token[0]:
            cls._abc_negative_cache = {}
            cls._abc_negative_cache_version = _token[0]
        elif subclass in cls._abc_negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if ok:
                cls._abc_cache[subclass] = None
            else:
                cls._abc_negative_cache[subclass] = None
            return ok
        if cls in subclass.__mro__:
            cls._abc_cache[subclass] = None
            return True
        for rcls in cls._abc_registry:
            if issubclass(subclass, rcls):
                cls._abc_cache[subclass] = None
                return True
        for scls in type.__subclasses__(cls):
            if issubclass(subclass, scls):
                cls._abc_cache[subclass] = None
                return True
        cls._abc_negative_cache[subclass] = None
        return False

    def __subclasshook__(cls, subclass):
        # Used when `object` itself provides no `__subclasshook__`.
        return NotImplemented

    def _abc_registry_clear(cls):
        cls._abc_registry = {}

    def _abc_caches_clear(cls):
        cls._abc_cache = {}
        cls._abc_negative_cache = {}


def update_abstractmethods(cls):
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _compute_abstracts(cls, _own_dict(cls).items())
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class: subclass it to get ABCMeta as the metaclass."""
    __slots__ = ()
