"""A helper package for relative-import tests."""
print("pkg_shapes/__init__ running as", __name__)
from .util import scale
from . import circle
VERSION = "1.0"
__all__ = ["circle", "VERSION", "scale"]
