"""hotpy's dataclasses: generate __init__, __repr__, __eq__, ordering and hashing from
class annotations.

Generated methods are compiled from source text (so signatures, defaults and error
messages are those of ordinary Python functions); each one's globals is a small dict
holding the defaults and helpers it needs.
"""

import copy as _copy
import keyword as _keyword

# A class's own namespace, read through `type`'s descriptor (works for classes whose
# metaclass is a subclass of `type`).
_own_dict = type.__dict__["__dict__"].__get__

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar",
           "KW_ONLY", "MISSING", "fields", "asdict", "astuple", "make_dataclass",
           "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _KW_ONLY_TYPE:
    def __repr__(self):
        return "KW_ONLY"


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        t = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return "dataclasses.InitVar[%s]" % t

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = "_FIELD"
_FIELD_CLASSVAR = "_FIELD_CLASSVAR"
_FIELD_INITVAR = "_FIELD_INITVAR"


class Field:
    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init",
                 "compare", "metadata", "kw_only", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        # name, type and _field_type are filled in when the class is processed
        self.name = self.type = self._field_type = None
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.hash, self.compare = init, repr, hash, compare
        self.kw_only = kw_only
        self.metadata = metadata if metadata is not None else {}

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,"
                "hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)" % (
                    self.name, self.type, self.default, self.default_factory,
                    self.init, self.repr, self.hash, self.compare, self.metadata,
                    self.kw_only, self._field_type))

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), "__set_name__", None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")

    def __init__(self, *values):
        for slot, value in zip(self.__slots__, values):
            setattr(self, slot, value)

    def __repr__(self):
        inner = ",".join("%s=%r" % (slot, getattr(self, slot)) for slot in self.__slots__)
        return "_DataclassParams(" + inner + ")"


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a_type):
    if isinstance(a_type, str):
        return a_type.startswith("ClassVar") or a_type.startswith("typing.ClassVar")
    name = getattr(a_type, "_name", None) or getattr(a_type, "__name__", None)
    origin = getattr(a_type, "__origin__", None)
    return name == "ClassVar" or getattr(origin, "_name", None) == "ClassVar"


def _is_initvar(a_type):
    if isinstance(a_type, str):
        return a_type.startswith("InitVar") or a_type.startswith("dataclasses.InitVar")
    return a_type is InitVar or isinstance(a_type, InitVar)


def _is_kw_only(a_type):
    if isinstance(a_type, str):
        return a_type in ("KW_ONLY", "dataclasses.KW_ONLY")
    return a_type is KW_ONLY


def _make_fn(name, args, body, ns, qualname):
    src = "def %s(%s):\n%s" % (name, ", ".join(args),
                                "\n".join("    " + b for b in (body or ["pass"])))
    exec(src, ns)
    fn = ns[name]
    fn.__qualname__ = qualname + "." + name
    return fn


def _set_new_attribute(cls, name, value):
    # Add `name` unless the class body defined it; report whether it existed.
    exists = name in _own_dict(cls)
    if not exists:
        setattr(cls, name, value)
    return exists


def _tuple_src(fields, obj):
    if not fields:
        return "()"
    return "(" + ",".join("%s.%s" % (obj, f.name) for f in fields) + ",)"


def _init_fn(cls, fields, std_fields, kw_only_fields, frozen, has_post_init):
    # Positional __init__ parameters: once one has a default, all later
    # ones need one too.
    defaulted = [f.default is not MISSING or f.default_factory is not MISSING
                 for f in std_fields if f.init]
    if True in defaulted:
        first = defaulted.index(True)
        names = [f.name for f in std_fields if f.init]
        for name, has in zip(names[first:], defaulted[first:]):
            if not has:
                raise TypeError("non-default argument %r follows default argument" % name)
    ns = {"__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY,
          "__dataclass_builtins_object__": object, "MISSING": MISSING,
          "__dataclass_FrozenInstanceError__": FrozenInstanceError}
    args = ["self"]

    def arg(f):
        if f.default_factory is not MISSING:
            ns["__dataclass_dflt_%s__" % f.name] = _HAS_DEFAULT_FACTORY
            return "%s=__dataclass_dflt_%s__" % (f.name, f.name)
        if f.default is not MISSING:
            ns["__dataclass_dflt_%s__" % f.name] = f.default
            return "%s=__dataclass_dflt_%s__" % (f.name, f.name)
        return f.name

    for f in std_fields:
        if f.init:
            args.append(arg(f))
    if kw_only_fields:
        args.append("*")
        for f in kw_only_fields:
            if f.init:
                args.append(arg(f))
    body = []
    for f in fields:
        if f._field_type is _FIELD_INITVAR:
            continue
        if f.default_factory is not MISSING:
            ns["__dataclass_factory_%s__" % f.name] = f.default_factory
            if f.init:
                value = ("__dataclass_factory_%s__() if %s is __dataclass_HAS_DEFAULT_FACTORY__ "
                         "else %s" % (f.name, f.name, f.name))
            else:
                value = "__dataclass_factory_%s__()" % f.name
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            ns["__dataclass_dflt_%s__" % f.name] = f.default
            value = "__dataclass_dflt_%s__" % f.name
        else:
            continue
        if frozen:
            body.append("__dataclass_builtins_object__.__setattr__(self, %r, %s)"
                        % (f.name, value))
        else:
            body.append("self.%s = %s" % (f.name, value))
    if has_post_init:
        initvars = [f.name for f in fields if f._field_type is _FIELD_INITVAR]
        body.append("self.__post_init__(%s)" % ", ".join(initvars))
    return _make_fn("__init__", args, body, ns, cls.__qualname__)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                   kw_only, slots):
    fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, "__dataclass_fields__", None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, "__dataclass_params__").frozen:
                any_frozen_base = True
    cls_annotations = _own_dict(cls).get("__annotations__", {})
    cls_fields = []
    kw_only_now = kw_only
    for name, a_type in cls_annotations.items():
        if _is_kw_only(a_type):
            kw_only_now = True
            continue
        default = _own_dict(cls).get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = a_type
        f._field_type = _FIELD
        if _is_classvar(a_type):
            f._field_type = _FIELD_CLASSVAR
        elif _is_initvar(a_type):
            f._field_type = _FIELD_INITVAR
        if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
            if f.default_factory is not MISSING:
                raise TypeError("field %s cannot have a default factory" % name)
        if f._field_type in (_FIELD, _FIELD_INITVAR):
            if f.kw_only is MISSING:
                f.kw_only = kw_only_now
        elif f.kw_only is not MISSING:
            raise TypeError("field %s is a ClassVar but specifies kw_only" % name)
        if (f._field_type is _FIELD and f.default is not MISSING
                and type(f.default).__hash__ is None):
            raise ValueError("mutable default %r for field %s is not allowed: use "
                             "default_factory" % (type(f.default), name))
        cls_fields.append(f)
    for f in cls_fields:
        fields[f.name] = f
        # a `x: int = field(...)` class attribute becomes the plain default
        # (or disappears when there is none)
        if not isinstance(_own_dict(cls).get(f.name), Field):
            continue
        if f.default is not MISSING:
            setattr(cls, f.name, f.default)
        else:
            delattr(cls, f.name)
    for name, value in _own_dict(cls).items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError("%r is a field but has no type annotation" % name)
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)

    all_fields = list(fields.values())
    field_list = [f for f in all_fields if f._field_type is _FIELD]
    init_fields = [f for f in all_fields if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init = [f for f in init_fields if not f.kw_only]
    kw_init = [f for f in init_fields if f.kw_only]
    qual = cls.__qualname__

    if init:
        has_post_init = hasattr(cls, "__post_init__")
        _set_new_attribute(cls, "__init__",
                           _init_fn(cls, init_fields, std_init, kw_init, frozen,
                                    has_post_init))
    if repr:
        flds = [f for f in field_list if f.repr]
        body = ["return self.__class__.__qualname__ + f\"(" +
                ", ".join("%s={self.%s!r}" % (f.name, f.name) for f in flds) + ")\""]
        _set_new_attribute(cls, "__repr__", _make_fn("__repr__", ["self"], body, {}, qual))
    cmp_fields = [f for f in field_list if f.compare]
    if eq:
        body = ["if other.__class__ is self.__class__:",
                "    return %s == %s" % (_tuple_src(cmp_fields, "self"),
                                         _tuple_src(cmp_fields, "other")),
                "return NotImplemented"]
        _set_new_attribute(cls, "__eq__",
                           _make_fn("__eq__", ["self", "other"], body, {}, qual))
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            body = ["if other.__class__ is self.__class__:",
                    "    return %s %s %s" % (_tuple_src(cmp_fields, "self"), op,
                                             _tuple_src(cmp_fields, "other")),
                    "return NotImplemented"]
            if _set_new_attribute(cls, name, _make_fn(name, ["self", "other"], body, {}, qual)):
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using "
                                "functools.total_ordering" % (name, cls.__name__))
    if frozen:
        ns = {"FrozenInstanceError": FrozenInstanceError, "cls": cls,
              "fields": tuple(f.name for f in field_list)}
        for name, args in (("__setattr__", ["self", "name", "value"]),
                           ("__delattr__", ["self", "name"])):
            call = "super(cls, self).%s(%s)" % (name, ", ".join(args[1:]))
            body = ["if type(self) is cls or name in fields:",
                    "    raise FrozenInstanceError(f\"cannot assign to field {name!r}\")"
                    if name == "__setattr__" else
                    "    raise FrozenInstanceError(f\"cannot delete field {name!r}\")",
                    call]
            if _set_new_attribute(cls, name, _make_fn(name, args, body, ns, qual)):
                raise TypeError("Cannot overwrite attribute %s in class %s"
                                % (name, cls.__name__))
    class_hash = _own_dict(cls).get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and "__eq__" in _own_dict(cls)))
    hash_fields = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    hash_fn = None
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
        hash_fn = "make"
    elif eq and frozen:
        if not has_explicit_hash:
            hash_fn = "make"
    elif eq and not frozen:
        if not has_explicit_hash:
            hash_fn = "none"
    if hash_fn == "make":
        body = ["return hash(%s)" % _tuple_src(hash_fields, "self")]
        cls.__hash__ = _make_fn("__hash__", ["self"], body, {}, qual)
    elif hash_fn == "none":
        cls.__hash__ = None
    if not getattr(cls, "__doc__", None):
        try:
            cls.__doc__ = cls.__name__ + "(" + ", ".join(
                "%s" % f.name for f in init_fields) + ")"
        except (TypeError, AttributeError):
            pass
    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in std_init))
    if slots:
        cls = _add_slots(cls, frozen)
    return cls


def _add_slots(cls, is_frozen):
    cls_dict = dict(_own_dict(cls))
    field_names = tuple(f.name for f in fields(cls))
    cls_dict["__slots__"] = field_names
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop("__dict__", None)
    qualname = getattr(cls, "__qualname__", None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                              match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fs = getattr(class_or_instance, "__dataclass_fields__")
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in fs.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _convert(obj, make, as_dict):
    # Recursive conversion shared by asdict() and astuple().
    if _is_dataclass_instance(obj):
        parts = []
        for f in fields(obj):
            value = _convert(getattr(obj, f.name), make, as_dict)
            parts.append((f.name, value) if as_dict else value)
        return make(parts)
    kind = type(obj)
    if isinstance(obj, dict):
        return kind((_convert(k, make, as_dict), _convert(v, make, as_dict))
                    for k, v in obj.items())
    if isinstance(obj, (list, tuple)):
        items = [_convert(v, make, as_dict) for v in obj]
        if isinstance(obj, tuple) and hasattr(obj, "_fields"):
            return kind(*items)   # named tuples take positional fields
        return kind(items)
    return _copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _convert(obj, dict_factory, True)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _convert(obj, tuple_factory, False)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, "__dataclass_fields__").values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be "
                                 "specified with replace()" % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False,
                   match_args=True, kw_only=False, slots=False):
    ns = dict(namespace or {})
    annotations = {}
    seen = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            ns[name] = spec
        else:
            raise TypeError("Invalid field: %r" % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError("Field names must be valid identifiers: %r" % (name,))
        if _keyword.iskeyword(name):
            raise TypeError("Field names must not be keywords: %r" % (name,))
        if name in seen:
            raise TypeError("Field name duplicated: %r" % (name,))
        seen[name] = None
        annotations[name] = tp
    ns["__annotations__"] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen, match_args=match_args,
                     kw_only=kw_only, slots=slots)
