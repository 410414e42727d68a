from .util import PI, scale
from . import util
def area(r):
    return PI * r * r
def doubled_area(r):
    return scale(area(r))
def whoami():
    return __name__, __package__, util.__name__
