def simple(a, b):
    return a + b

def defaults(a, b=1, *args, c, d=2, **kwargs):
    "Docstring."
    return a, b, args, c, d, kwargs

def posonly(a, /, b, *, c=3):
    return a * b * c

def annotated(x: int, *ys: str, z: "float" = 1.0) -> bool:
    return x

@decorator
@other(1, k=2)
def decorated():
    pass

square = lambda x, y=2: x ** y
call = simple(1, b=2)
star = defaults(*items, c=1, **extra)
method = obj.meth(1, 2, key=3)
