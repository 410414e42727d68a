# from m import * with and without __all__
from mod_star import *
print(public_a, shared)
try:
    public_b
except NameError as e:
    print("NameError", e)
from mod_star_noall import *
print(x1, x2, fn())
try:
    _hidden
except NameError as e:
    print("NameError", e)
print(sorted(n for n in globals() if not n.startswith("__")))
