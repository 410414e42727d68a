# Function objects: attributes, introspection, first-class use
def f(a, b=1, *args, c, d=2, **kw):
    "Doc string."
    x = 1
    return a
print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_posonlyargcount)
print(f.__code__.co_varnames[:6], f.__code__.co_name)
print(f.__defaults__, f.__kwdefaults__)
class A:
    def meth(self):
        def inner():
            pass
        return inner
print(A.meth.__qualname__, A().meth().__qualname__)
f.custom = 123
print(f.custom, f.__dict__)
def ann(x: int, y: "str" = "s") -> list:
    pass
print(ann.__annotations__)
funcs = {'sq': lambda x: x * x, 'neg': lambda x: -x}
print({k: v(3) for k, v in funcs.items()})
def apply(fn, *a):
    return fn(*a)
print(apply(max, 3, 9, 2), apply(str.upper, "x"))
print(callable(f), callable(1), type(f).__name__)
m = A().meth
print(type(m).__name__, m.__self__.__class__.__name__, m.__func__ is A.meth)
