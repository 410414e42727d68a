from ..util import scale as _scale
from .. import circle
def sub_area(r):
    return _scale(circle.area(r), 10)
NAME = __name__
