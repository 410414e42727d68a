# Import errors
try:
    import nonexistent_module_qwerty
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from mod_basic import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name, str(e).startswith("cannot import name 'no_such_name' from 'mod_basic'"))
try:
    import pkg_shapes.nosuchsub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import mod_broken
except ZeroDivisionError as e:
    print("error while importing:", e)
import sys
print("mod_broken" in sys.modules)
print(issubclass(ModuleNotFoundError, ImportError))
