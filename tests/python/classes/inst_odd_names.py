# setattr/getattr with non-identifier names and non-str keys in __dict__.

class C:
    pass

o = C()
setattr(o, "a b", 1)
setattr(o, "1", 2)
setattr(o, "", 3)
setattr(o, "ñ", 4)
setattr(o, "with.dot", 5)
setattr(o, "__x", 6)
setattr(o, "class", 7)
print(vars(o))
print(getattr(o, "a b"), getattr(o, "1"), getattr(o, ""), getattr(o, "ñ"), getattr(o, "with.dot"))
print(hasattr(o, "a b"), hasattr(o, "a_b"))
delattr(o, "a b")
print(list(vars(o)))
try:
    getattr(o, "a b")
except AttributeError as e:
    print(e)

# non-str keys through __dict__
o.__dict__[1] = 2
o.__dict__[(1, 2)] = "tuple"
o.__dict__[None] = "none"
print(vars(o))
print(o.__dict__[1], o.__dict__[(1, 2)])
o.after = "after"
print(list(vars(o)))

# getattr with non-str name
for bad in (1, None, b"x"):
    try:
        getattr(o, bad)
    except TypeError as e:
        print("TypeError", e)
    try:
        setattr(o, bad, 1)
    except TypeError as e:
        print("TypeError", e)
    try:
        delattr(o, bad)
    except TypeError as e:
        print("TypeError", e)

# str subclass as attribute name
class S(str):
    pass
setattr(o, S("sub"), "via subclass")
print(o.sub, [k for k in vars(o) if k == "sub"])

# names that are dynamically built (not interned literal)
p = C()
name = "".join(["dyn", "amic"])
setattr(p, name, 1)
print(p.dynamic, vars(p))
p.dynamic = 2
print(getattr(p, "dyn" + "amic"))
n2 = "x" * 3
p.__dict__[n2] = "xxx"
print(p.xxx)

# dir lists odd names (non-str keys removed first)
for k in [1, (1, 2), None]:
    del o.__dict__[k]
print(sorted(k for k in dir(o) if not k.startswith("__")))
