# Packages with __init__.py and relative imports
import pkg_shapes
print(pkg_shapes.VERSION, pkg_shapes.scale(21), round(pkg_shapes.circle.area(1), 5))
from pkg_shapes import circle
print(circle.whoami(), round(circle.doubled_area(2), 4))
import pkg_shapes.sub
print(pkg_shapes.sub.NAME, round(pkg_shapes.sub.sub_area(1), 4))
from pkg_shapes.sub.deep import info
print(info())
import pkg_shapes.sub.deep as d
print(d.__name__, d.__package__, pkg_shapes.__package__, pkg_shapes.sub.__package__)
import sys
print(sorted(k for k in sys.modules if k.startswith("pkg_shapes")))
from pkg_shapes import *
print(VERSION, scale(1))
print(hasattr(pkg_shapes, "__path__"), hasattr(circle, "__path__"))
