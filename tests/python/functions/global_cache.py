# LOAD_GLOBAL caching must notice every change to globals and builtins.
import builtins

def use_len(x):
    return len(x)

print(use_len("abc"))
len = lambda x: "shadowed"          # a new global shadows the builtin
print(use_len("abc"))
del len                             # deleting it uncovers the builtin again
print(use_len("abc"))

real_len = builtins.len
builtins.len = lambda x: "patched builtin"
print(use_len("abc"))
builtins.len = real_len
print(use_len("abcd"))

counter = 0
def bump():
    global counter
    counter += 1
    return counter

for _ in range(5):
    bump()
print(counter)

def read_g():
    return g

for i in range(3):
    g = i * 10                      # value changes keep the cached entry valid
    print(read_g())
del g
try:
    read_g()
except NameError as e:
    print("NameError:", e)

# Many new globals force the globals dict to grow while a cache is warm.
for i in range(200):
    globals()["v%d" % i] = i
g = "back"
print(read_g(), v199)

# One code object run against different globals dicts.
code = compile("def f():\n    return x\n", "<gen>", "exec")
ns1 = {"x": 1}
ns2 = {"x": 2}
exec(code, ns1)
exec(code, ns2)
for _ in range(3):
    print(ns1["f"](), ns2["f"]())
ns2["x"] = "two"
del ns1["x"]
try:
    ns1["f"]()
except NameError as e:
    print("NameError:", e)
print(ns2["f"]())

# A custom __builtins__ mapping in exec'd globals.
ns3 = {"__builtins__": {"len": lambda s: 99}}
exec("def h():\n    return len('ab')\n", ns3)
print(ns3["h"](), ns3["h"]())
ns3["__builtins__"]["len"] = lambda s: 100
print(ns3["h"]())

# STORE_GLOBAL caches the entry too: deleting and re-creating the global, and growing
# the globals dict between stores, must still land in the right place.
def set_s(v):
    global s_val
    s_val = v

for v in range(3):
    set_s(v)
print(s_val)
del s_val
set_s("after del")
print(s_val)
for i in range(100):
    globals()["w%d" % i] = i
set_s("after growth")
print(s_val, w99, globals()["s_val"])

# A list stored into at positive, negative and out-of-range indices.
xs = [0, 1, 2]
for i in (0, -1, 2, -3):
    xs[i] = i * 10
print(xs)
for bad in (3, -4, 2**70):
    try:
        xs[bad] = 1
    except IndexError as e:
        print("IndexError:", e)
