# A new function's __module__ is globals["__name__"] when it is made, and its __doc__
# is the code's docstring (one str shared by every function made from that code).
# hotpy reads __name__ through MAKE_FUNCTION's inline cache: these cases change the
# value, delete the key, and run one code object under several globals dicts.


def make():
    def inner():
        "doc of inner"
        return 1

    return inner


a, b = make(), make()
print(a.__module__, a.__doc__, a.__doc__ is b.__doc__)
print(make().__doc__ == "doc of inner", make.__doc__)

# The same code object under different globals: each function gets its own module.
code = compile("def h():\n    'hd'\n    return __name__\nresult = h.__module__\n", "<s>", "exec")
names = []
for i in range(4):
    ns = {"__name__": "mod%d" % (i % 2)}
    exec(code, ns)
    names.append((ns["result"], ns["h"](), ns["h"].__doc__))
print(names)

# Many functions from one code in a loop, with the value changed half-way.
mods = []
for i in range(6):
    if i == 3:
        __name__ = "renamed"
    mods.append(make().__module__)
print(mods)

# A dict whose keys change between two makes (a new key, then __name__ removed).
ns = {"__name__": "first"}
exec(code, ns)
ns["extra"] = 1
exec(code, ns)
print(ns["result"])
del ns["__name__"]
try:
    exec(code, ns)
except NameError as e:
    print("NameError", e)
print(ns["h"].__module__)

del globals()["__name__"]
print(make().__module__)
