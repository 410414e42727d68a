# import of a sibling helper module, aliasing, from-import, caching
import sys
import mod_basic
import mod_basic as mb
from mod_basic import greet, VALUE as V, Thing
print(mod_basic.VALUE, mb is mod_basic, greet("x"), V, Thing(3))
print(mod_basic.__name__, type(mod_basic).__name__, mod_basic.__doc__)
print("mod_basic" in sys.modules, sys.modules["mod_basic"] is mod_basic)
mod_basic.bump()
mb.bump()
import mod_basic
print("counter shared:", mod_basic.counter)
mod_basic.VALUE = 7
from mod_basic import VALUE
print("rebound attribute seen by later from-import:", VALUE, "earlier binding unchanged:", V)
print(sorted(n for n in dir(mod_basic) if not n.startswith("__")))
print(hasattr(mod_basic, "_private"), mod_basic.__file__.endswith("mod_basic.py"))
def lazy():
    import mod_basic as inner
    return inner.greet("lazy")
print(lazy())
print(Thing.__module__, greet.__module__)
