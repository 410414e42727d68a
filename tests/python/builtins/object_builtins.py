# object(), __class__, __dict__, __doc__, __module__ of built-ins and user objects
class P:
    "A doc"
    def __init__(self): self.a = 1
p = P()
print(p.__class__.__name__, p.__dict__, P.__doc__, P.__module__, P.__name__)
print(int.__name__, int.__module__ if hasattr(int, "__module__") else "", str.__doc__ is not None, len.__name__, len.__module__ if hasattr(len, "__module__") else "")
print(object.__name__, object.__bases__, int.__bases__, bool.__bases__, type.__bases__)
print(list.__name__, dict.__mro__ == (dict, object), type([].append).__name__, type(len).__name__)
print([].__class__ is list, ().__class__.__name__, type(p.__init__).__name__)
print(P.__init__.__name__, p.__init__.__name__, p.__init__.__func__ is P.__init__)
