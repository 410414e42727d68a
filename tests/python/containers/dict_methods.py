# dict methods and semantics
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 1 in d)
print(d.keys(), d.values(), d.items())
print(list(d), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
print(d.setdefault("b", 99), d.setdefault("n", []), d)
d["n"].append(1)
d.update({"b": 20}, x=5)
d.update([("y", 6)])
print(d)
print(d.popitem(), d)
d2 = d.copy()
d2["new"] = 1
print(len(d), len(d2))
print(dict.fromkeys("abc", 0), dict.fromkeys([1, 2]), dict(a=1, b=2), dict([(1, 2)]), dict({1: 2}, z=3), dict(zip("xy", [1, 2])))
d.clear()
print(d, {} == dict(), {1: 2} == {1: 2}, {1: 2, 3: 4} == {3: 4, 1: 2})
o = {"z": 1, "a": 2, "m": 3}
del o["a"]
o["a"] = 4
print(list(o))
o["z"] = 100
print(o)
print({**o, "b": 0}, o | {"q": 1}, {1: 1} | {1: 2})
o |= {"w": 9}
print(o)
print({1: "int", 1.0: "float", True: "bool"})
print({(1, 2): "t", frozenset([1]): "fs", None: "n", "": "empty"})
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print(reversed({1: 2, 3: 4}) is not None, list(reversed({1: 2, 3: 4})), list(reversed({1: 2}.items())))
