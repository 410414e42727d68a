# Dict displays with constant keys and d[str] lookups: hotpy has fast paths for exact str
# keys (BUILD_CONST_KEY_MAP, BINARY_SUBSCR); these are the cases they must leave to the
# general path or get right themselves.


def const_keys(i):
    return {"a": i, "b": i + 1, "c": None}


print(const_keys(1), list(const_keys(2)))

# Duplicate constant keys: the last value wins, the first position stays.
dup = {"x": 1, "y": 2, "x": 3}
print(dup, len(dup))

# Mixed constant keys: ints, floats, tuples, None, bytes beside strs.
mixed = {1: "one", "1": "str one", 1.5: "float", (1, 2): "tuple", None: "none", b"1": "bytes"}
print(mixed[1], mixed["1"], mixed[1.5], mixed[(1, 2)], mixed[None], mixed[b"1"])
print(len({1: 0, 1.0: 1, True: 2, "a": 3, "a": 4}))

# Many constant keys (the table grows while it is filled).
big = {"k0": 0, "k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7, "k8": 8, "k9": 9}
print(sum(big.values()), list(big)[-1], big["k9"])


class Weird:
    """Equal to every str, with the hash of "b": a lookup of "b" must ask it."""

    def __hash__(self):
        return hash("b")

    def __eq__(self, other):
        print("Weird.__eq__ called with", repr(other))
        return True


w = Weird()
d = {w: "weird", "a": 1}
print(d["b"])
d2 = {"b": 2, w: "weird"}
print(len(d2), d2["b"])


class S(str):
    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        print("S.__eq__", repr(other))
        return str.__eq__(self, other)


d3 = {S("k"): 1}
print(d3["k"])
try:
    print({"a": 1}["missing"])
except KeyError as e:
    print("KeyError", e)


class D(dict):
    def __missing__(self, key):
        return "missing " + key


print(D(a=1)["a"], D()["zz"])

# A str key equal but not identical to the stored one.
k = "".join(["lo", "ng key"])
print({"long key": 5}[k])
