"""Helper without __all__."""
import math as _m
x1 = 1
x2 = 2
_hidden = 3
def fn():
    return "fn"
