# globals(), __name__, __builtins__, builtins module
import builtins
print(__name__, type(globals()).__name__)
print(sorted(k for k in globals() if not k.startswith("__")))
print("__name__" in globals(), "__builtins__" in globals(), "__doc__" in globals())
G = 5
globals()["H"] = 6
print(H, globals()["G"])
print(builtins.len("ab"), builtins.abs is abs, hasattr(builtins, "print"), hasattr(builtins, "nosuch"))
print(__doc__)
orig_len = builtins.len
builtins.len = lambda x: 42
print(len("a"))
builtins.len = orig_len
print(len("a"))
def f():
    return len
print(f() is orig_len)
len = lambda x: -1
print(len("abc"), builtins.len("abc"))
del len
print(len("abc"))
