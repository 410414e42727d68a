# dict views
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
d["d"] = 4
print(list(k), list(v), list(i), len(k))
print(k & {"a", "z"} == {"a"}, sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "z"}))
print(("a", 1) in i, ("a", 2) in i, "a" in k, 1 in v)
print(sorted(i & {("a", 1), ("b", 0)}))
print(k == {"a", "b", "c", "d"}, k.isdisjoint({"x"}), {"a": 1}.keys() <= k)
del d["a"]
print(list(k))
try:
    for key in d:
        d["new" + key] = 1
except RuntimeError as e:
    print("RuntimeError", e)
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(list(map(str, reversed(d.values()))))
print(dict(k.mapping) == d, k.mapping["b"])
print(list(d.values()) == list(d.values()), d.values() == d.values())
