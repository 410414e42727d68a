# PEP 562 module __getattr__/__dir__, module objects as namespaces
import mod_lazyattr
print(mod_lazyattr.REAL, mod_lazyattr.lazy_ab, getattr(mod_lazyattr, "lazy_x"))
try:
    mod_lazyattr.other
except AttributeError as e:
    print("AttributeError", e)
from mod_lazyattr import lazy_qq
print(lazy_qq, dir(mod_lazyattr))
mod_lazyattr.added = 5
print(mod_lazyattr.added, "added" in vars(mod_lazyattr))
import types
m = types.ModuleType("synthetic", "a doc")
m.x = 1
print(m.__name__, m.__doc__, m.x, type(m).__name__)
