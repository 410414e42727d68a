# setattr with a str-subclass name keeps that object as the __dict__ key (not interned).
class S(str):
    pass
class C:
    pass
o = C()
setattr(o, S("sub"), 1)
print([type(k).__name__ for k in vars(o)], o.sub)
