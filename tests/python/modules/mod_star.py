"""Helper with __all__."""
__all__ = ["public_a", "shared"]
public_a = "A"
public_b = "B (not in __all__)"
shared = "S"
_under = "U"
