# slice objects used directly
s = slice(1, 10, 3)
l = list(range(20))
print(l[s], "abcdefghijkl"[s], tuple(range(12))[s])
print(s, repr(slice(None)), s.indices(5), s == slice(1, 10, 3), hash(s) if False else "slices unhashable in 3.11")
try:
    hash(slice(1))
except TypeError as e:
    print("TypeError", e)
l[slice(0, 3)] = ["a"]
print(l[:5])
del l[slice(None, None, 2)]
print(l)
class Getter:
    def __getitem__(self, k):
        return (type(k).__name__, k.start, k.stop, k.step) if isinstance(k, slice) else k
g = Getter()
print(g[1:2], g[::], g[:5:-1], g["a":"b"], g[1:2:3])
try:
    [1, 2, 3][::0]
except ValueError as e:
    print("ValueError", e)
print([1, 2, 3][None:None], [1, 2, 3][-2:None])
