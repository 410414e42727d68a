"""hotpy's importlib: import_module, reload, invalidate_caches."""

import sys as _sys

__all__ = ["import_module", "reload", "invalidate_caches"]


def _absolute(name, package, dots):
    """`name` relative to `package`, going up `dots - 1` package levels."""
    parts = package.split(".")
    if dots - 1 >= len(parts):
        raise ImportError("attempted relative import beyond top-level package")
    base = ".".join(parts[:len(parts) - (dots - 1)])
    return base + "." + name if name else base


def import_module(name, package=None):
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for %r" % name)
        dots = len(name) - len(name.lstrip("."))
        name = _absolute(name[dots:], package, dots)
    __import__(name)
    return _sys.modules[name]


def reload(module):
    name = getattr(module, "__name__", None)
    if name is None or _sys.modules.get(name) is not module:
        raise ImportError("module %s not in sys.modules" % name, name=name)
    del _sys.modules[name]
    try:
        new = import_module(name)
    except BaseException:
        _sys.modules[name] = module
        raise
    module.__dict__.update(new.__dict__)
    _sys.modules[name] = module
    return module


def invalidate_caches():
    pass
