"""hotpy's enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.

`EnumType.__prepare__` hands the class body an `_MemberNamespace` that records member names
in order (and resolves `auto()`); `EnumType.__new__` builds the class without them, then
makes one instance per member. Member names and values live in a side table keyed by
member identity (`_name_`/`_value_` are properties over it), so members of int- and
str-based enums work even though such instances cannot carry attributes in hotpy.
"""

import sys as _sys

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
           "ReprEnum", "auto", "unique", "member", "nonmember", "global_enum",
           "verify", "UNIQUE", "CONTINUOUS", "NAMED_FLAGS", "FlagBoundary", "STRICT",
           "CONFORM", "EJECT", "KEEP", "property"]

_identity_table = {}

# A class's own namespace, read through `type`'s descriptor (works for classes whose
# metaclass is a subclass of `type`).
_own_dict = type.__dict__["__dict__"].__get__


class auto:
    """Use as a member value to get an automatically chosen one."""
    _counter = 0

    def __init__(self, value=None):
        self.value = value if value is not None else _UNSET
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return "auto(%r)" % (self.value,)


_UNSET = object()


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


property = property  # enum.property: a plain property in hotpy


def _looks_like_descriptor(obj):
    t = type(obj)
    return hasattr(t, "__get__") or hasattr(t, "__set__") or hasattr(t, "__delete__")


def _double_underscored(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" \
        and name[-3] != "_"


def _single_underscored(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" \
        and name[-2] != "_"


def _mangled_private(cls_name, name):
    pattern = "_%s__" % cls_name.lstrip("_")
    return name.startswith(pattern) and not name.endswith("__")


class _MemberNamespace(dict):
    def __init__(self):
        super().__init__()
        self._declared = {}
        self._values_so_far = []
        self._class_name = None
        self._next_value_rule = None

    def __setitem__(self, key, value):
        if _mangled_private(self._class_name or "", key):
            pass
        elif _single_underscored(key):
            if key == "_generate_next_value_":
                self._next_value_rule = value
                if isinstance(value, staticmethod):
                    self._next_value_rule = value.__func__
        elif _double_underscored(key):
            if key == "__order__":
                key = "_order_"
        elif key in self._declared:
            raise TypeError("%r already defined as %r" % (key, self[key]))
        elif isinstance(value, nonmember):
            value = value.value
        elif isinstance(value, member) or not _looks_like_descriptor(value):
            if key in self:
                raise TypeError("%r already defined as %r" % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            if isinstance(value, auto):
                if value.value is _UNSET:
                    gen = self._next_value_rule or _count_up
                    value.value = gen(key, 1, len(self._declared), self._values_so_far[:])
                value = value.value
            self._declared[key] = None
            self._values_so_far.append(value)
        super().__setitem__(key, value)


def _count_up(name, start, count, last_values):
    # auto(): one more than the latest value that supports `+ 1`, else `start`.
    i = len(last_values)
    while i > 0:
        i -= 1
        try:
            return last_values[i] + 1
        except TypeError:
            continue
    return start


def _record_member(m, name, value):
    _identity_table[id(m)] = [name, value]


class EnumType(type):
    """Metaclass of Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        d = _MemberNamespace()
        d._class_name = cls
        for base in bases:
            for c in base.__mro__:
                gen = _own_dict(c).get("_generate_next_value_")
                if gen is not None:
                    d._next_value_rule = gen.__func__ if isinstance(gen, staticmethod) else gen
                    break
            if d._next_value_rule is not None:
                break
        return d

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_names = list(getattr(classdict, "_declared", {}))
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        values = {}
        for name in member_names:
            values[name] = classdict[name]
        body = dict(classdict)
        for name in member_names:
            del body[name]
        for name in ignore:
            body.pop(name, None)
            if name in values:
                del values[name]
                member_names.remove(name)
        body.pop("_ignore_", None)
        member_type, first_enum = metacls._mixed_in_type(cls, bases)
        custom_new = body.get("__new__") if Enum is not None else None
        if isinstance(custom_new, staticmethod):
            custom_new = custom_new.__func__
        if custom_new is not None:
            body["__new_member__"] = staticmethod(custom_new)
            del body["__new__"]
        invalid = set(member_names) & {"mro", ""}
        if invalid:
            raise ValueError("invalid enum member name(s) %s" % ", ".join(sorted(invalid)))
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        enum_class._unhashable_values_ = []
        enum_class._member_type_ = member_type
        if boundary is not None:
            enum_class._boundary_ = boundary
        new_member = None
        for c in enum_class.__mro__:
            nm = _own_dict(c).get("__new_member__")
            if nm is not None:
                new_member = nm.__func__ if isinstance(nm, staticmethod) else nm
                break
        user_init = None
        for c in enum_class.__mro__:
            if "__init__" in _own_dict(c):
                if isinstance(c, EnumType) and c is not Enum:
                    user_init = _own_dict(c)["__init__"]
                break
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag:
            enum_class._flag_mask_ = 0
            enum_class._all_bits_ = 0
        for name in member_names:
            value = values[name]
            if isinstance(value, tuple) and member_type is not tuple:
                args = value
            else:
                args = (value,)
            if new_member is not None:
                m = new_member(enum_class, *args)
            elif member_type is object:
                m = object.__new__(enum_class)
            else:
                m = member_type.__new__(enum_class, *args)
            stored = _identity_table.get(id(m))
            if stored is not None and stored[1] is not _UNSET:
                mvalue = stored[1]
            elif member_type is object or new_member is not None:
                mvalue = value
            else:
                mvalue = member_type(*args)
            _record_member(m, name, mvalue)
            if user_init is not None:
                user_init(m, *args)
            existing = None
            for other in enum_class._member_map_.values():
                if other._value_ == mvalue:
                    existing = other
                    break
            if existing is not None:
                m = existing
            else:
                enum_class._member_names_.append(name)
                if is_flag and isinstance(mvalue, int):
                    enum_class._flag_mask_ |= mvalue
            enum_class._member_map_[name] = m
            try:
                if mvalue not in enum_class._value2member_map_:
                    enum_class._value2member_map_[mvalue] = m
            except TypeError:
                enum_class._unhashable_values_.append((mvalue, m))
            type.__setattr__(enum_class, name, m)
        if is_flag:
            mask = enum_class._flag_mask_
            enum_class._all_bits_ = (1 << mask.bit_length()) - 1 if mask else 0
        if Enum is not None:
            type.__setattr__(enum_class, "__new__", _own_dict(Enum)["__new__"])
        if first_enum is not None and member_type is not object:
            # The data type's repr/str/format come first in the MRO: use the enum's.
            for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
                if name in classdict:
                    continue
                found = getattr(enum_class, name)
                if found is getattr(member_type, name) or found is getattr(object, name):
                    type.__setattr__(enum_class, name, getattr(first_enum, name))
        order = classdict.get("_order_")
        if order is not None:
            if isinstance(order, str):
                order = order.replace(",", " ").split()
            if order != enum_class._member_names_:
                raise TypeError("member order does not match _order_:\n  %r\n  %r"
                                % (enum_class._member_names_, order))
        return enum_class

    @classmethod
    def _mixed_in_type(metacls, class_name, bases):
        data_types = []
        first_enum = None
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        data_types.append(base._member_type_)
                        break
                elif "__new__" in _own_dict(base) or "__init__" in _own_dict(base) \
                        or base in (int, str, float, bytes, tuple, complex):
                    data_types.append(candidate or base)
                    break
                else:
                    candidate = candidate or base
            if isinstance(chain, EnumType):
                first_enum = chain
        if len(data_types) > 1:
            uniq = []
            for t in data_types:
                if t not in uniq:
                    uniq.append(t)
            if len(uniq) > 1:
                raise TypeError("too many data types for %r: %r" % (class_name, uniq))
        return (data_types[0] if data_types else object), first_enum

    def __init__(cls, *args, **kwds):
        pass

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._functional_api(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _functional_api(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names = names, []
            last_values = []
            gen = classdict._next_value_rule or (lambda n, s, c, l: (l[-1] + 1) if l else s)
            for count, name in enumerate(original):
                value = gen(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if hasattr(names, "items"):
            names = list(names.items())
        for name, value in names:
            classdict[name] = value
        if module is None:
            try:
                module = _sys._getframe(2).f_globals["__name__"]
            except (AttributeError, ValueError, KeyError):
                pass
        if module is not None:
            classdict["__module__"] = module
        if qualname is not None:
            classdict["__qualname__"] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __contains__(cls, obj):
        if not isinstance(obj, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(obj).__qualname__, type(cls).__qualname__))
        return isinstance(obj, cls) and obj._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in _own_dict(cls).get("_member_map_", {}):
            raise AttributeError("cannot delete member %r" % attr)
        super().__delattr__(attr)

    def __setattr__(cls, name, value):
        member_map = _own_dict(cls).get("_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % name)
        super().__setattr__(name, value)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __dir__(cls):
        names = ["__class__", "__doc__", "__members__", "__module__"]
        names.extend(cls._member_names_)
        return sorted(names)


EnumMeta = EnumType
Enum = None
Flag = None


def _lookup_member(cls, value):
    try:
        hit = cls._value2member_map_.get(value)
    except TypeError:
        hit = None
        for v, m in cls._unhashable_values_:
            if v == value:
                return m
    if hit is not None:
        return hit
    for m in cls._member_map_.values():
        if m._value_ == value:
            return m
    return None



class Enum(metaclass=EnumType):
    """Generic enumeration: subclass it and give members as class attributes."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return _count_up(name, start, count, last_values)

    def __new__(cls, value):
        # Lookup by value: the member itself, then the hash table, then a scan for
        # unhashable or merely-equal values, then the class's _missing_ hook.
        if type(value) is cls:
            return value
        found = _lookup_member(cls, value)
        if found is not None:
            return found
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
            raise exc from e
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                        % (cls.__name__, result))

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def _name_(self):
        return _identity_table[id(self)][0]

    @property
    def _value_(self):
        d = _identity_table.get(id(self))
        if d is None:
            raise AttributeError("_value_")
        return d[1]

    @_value_.setter
    def _value_(self, value):
        d = _identity_table.get(id(self))
        if d is None:
            _identity_table[id(self)] = [None, value]
        else:
            d[1] = value

    @property
    def name(self):
        return _identity_table[id(self)][0]

    @property
    def value(self):
        return _identity_table[id(self)][1]

    def __repr__(self):
        v_repr = getattr(self.__class__, "_value_repr_", None) or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __hash__(self):
        return hash(self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        names = ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]
        for c in type(self).__mro__:
            for k in _own_dict(c):
                if not k.startswith("_") and k not in type(self)._member_map_:
                    names.append(k)
        return sorted(set(names))


class ReprEnum(Enum):
    """An enum whose str() and format() are those of its data type."""

    def __str__(self):
        return self._member_type_.__str__(self._value_) if self._member_type_ is not object \
            else Enum.__str__(self)

    def __format__(self, format_spec):
        if self._member_type_ is object:
            return Enum.__format__(self, format_spec)
        return format(self._value_, format_spec)


class IntEnum(int, ReprEnum):
    """An enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """An enum whose members are also strs."""

    def __new__(cls, *values):
        value = str(*values)
        m = str.__new__(cls, value)
        _identity_table[id(m)] = [None, value]
        return m

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    STRICT = "strict"
    CONFORM = "conform"
    EJECT = "eject"
    KEEP = "keep"


STRICT, CONFORM, EJECT, KEEP = FlagBoundary.STRICT, FlagBoundary.CONFORM, \
    FlagBoundary.EJECT, FlagBoundary.KEEP


def _top_bit(n):
    return n.bit_length() - 1


class Flag(Enum):
    """An enum whose members combine with |, &, ^ and ~."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        try:
            high = _top_bit(last)
        except Exception:
            raise TypeError("invalid flag value %r" % last) from None
        return 2 ** (high + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        neg = value < 0
        if neg:
            value = cls._all_bits_ + 1 + value
            if value < 0:
                raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        unknown = value & ~flag_mask
        if unknown and getattr(cls, "_boundary_", None) is STRICT:
            raise ValueError("%r invalid value %r" % (cls, value))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        names = [m._name_ for m in cls._iter_members(value)]
        name = "|".join(names) if names and not unknown else None
        _identity_table[id(pseudo)] = [name, value]
        cls._value2member_map_[value] = pseudo
        return pseudo

    @classmethod
    def _iter_members(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            v = m._value_
            if v and v & (v - 1) == 0 and value & v == v:
                yield m

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(list(self.__class__._iter_members(self._value_)))

    def __len__(self):
        return bin(self._value_).count("1")

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "%s(%r)" % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        """The int value of a flag operand, or None when the operation is not ours."""
        if isinstance(other, self.__class__):
            return other._value_
        member_type = self._member_type_
        if member_type is not object and isinstance(other, member_type):
            return other
        return None

    def __or__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else self.__class__(self._value_ ^ v)

    def __invert__(self):
        return self.__class__(self.__class__._flag_mask_ & ~self._value_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are also ints."""

    def __str__(self):
        return int.__repr__(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    # int's operators come first in the MRO; the results must stay flags.
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__


def unique(enumeration):
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m._name_:
            duplicates.append((name, m._name_))
    if duplicates:
        alias_details = ", ".join("%s -> %s" % (alias, name) for alias, name in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration


UNIQUE = "unique"
CONTINUOUS = "no skipped integer values"
NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"


class verify:
    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        if UNIQUE in self.checks:
            unique(enumeration)
        return enumeration


def global_enum(cls):
    g = _sys.modules[cls.__module__].__dict__
    g.update(cls.__members__)
    return cls
