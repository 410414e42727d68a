# Importing built-in/stdlib modules in different forms
import math, sys
from math import sqrt as root, pi
import os.path
print(root(16), round(pi, 3), math.__name__, sys.__name__, os.path.basename("/a/b/c.txt"), os.path.join("a", "b"))
from sys import maxsize
print(maxsize == sys.maxsize)
import importlib
m = importlib.import_module("mod_basic")
print(m.VALUE)
