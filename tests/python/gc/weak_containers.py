# WeakValueDictionary, WeakKeyDictionary and WeakSet after their objects die
# (gc.collect() where CPython frees by reference counting).
import collections.abc
import gc
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Obj(%d)" % self.n

    def __eq__(self, other):
        return isinstance(other, Obj) and self.n == other.n

    def __hash__(self):
        return hash(self.n)


objs = [Obj(i) for i in range(6)]

# WeakValueDictionary
wvd = weakref.WeakValueDictionary()
for i, o in enumerate(objs):
    wvd["k%d" % i] = o
print(len(wvd), sorted(wvd), wvd["k2"], "k2" in wvd, wvd.get("k9", "missing"))
print(isinstance(wvd, collections.abc.MutableMapping), repr(wvd).startswith("<WeakValueDictionary at 0x"))
del o
del objs[1]
del objs[2]
gc.collect()
print(len(wvd), sorted(wvd.keys()), sorted(v.n for v in wvd.values()))
print(sorted((k, v.n) for k, v in wvd.items()))
print("k1" in wvd, wvd.get("k1"), len(wvd.data))
try:
    wvd["k1"]
except KeyError as exc:
    print("KeyError:", exc)
print(wvd.pop("k0").n, wvd.pop("k1", "gone"), wvd.setdefault("k5", objs[0]).n)
c = wvd.copy()
print(type(c).__name__, sorted(c), len(wvd.valuerefs()), sorted(r.key for r in wvd.itervaluerefs()))
k, v = wvd.popitem()
print(k in wvd, k not in c)
wvd.update({"n1": objs[0]}, n2=objs[1])
print(sorted(wvd))
u = wvd | {"n3": objs[2]}
print(type(u).__name__, sorted(u))
wvd.clear()
print(len(wvd), list(wvd))
# Replacing a value: the old value's death does not remove the new entry.
tmp = Obj(100)
wvd["same"] = tmp
wvd["same"] = objs[0]
del tmp
gc.collect()
print(sorted(wvd), wvd["same"].n)

# WeakKeyDictionary
keys = [Obj(i) for i in range(5)]
wkd = weakref.WeakKeyDictionary()
for k in keys:
    wkd[k] = k.n * 10
print(len(wkd), wkd[keys[3]], keys[0] in wkd, Obj(99) in wkd, 5 in wkd)
print(wkd.get(keys[4]), wkd.get(Obj(42), "none"))
# Equal keys find the entry (the ref's hash and equality are its referent's).
print(wkd[Obj(2)])
del k
del keys[0]
del keys[0]
gc.collect()
print(len(wkd), sorted(o.n for o in wkd), sorted(wkd.values()), sorted((o.n, v) for o, v in wkd.items()))
print(len(wkd.keyrefs()), sorted(r().n for r in wkd.keyrefs()))
wkd[keys[0]] = "changed"
print(wkd[keys[0]], wkd.pop(keys[1]), wkd.setdefault(keys[2], 7), len(wkd))
del wkd[keys[0]]
print(len(wkd), isinstance(wkd, collections.abc.Mapping))
extra = Obj(50)
wkd.update({extra: "x"})
c = wkd.copy()
print(type(c).__name__, len(c))
del extra
gc.collect()
print(len(wkd), len(c))

# WeakSet
items = [Obj(i) for i in range(5)]
ws = weakref.WeakSet(items)
print(len(ws), items[2] in ws, Obj(7) in ws, 3 in ws)
ws2 = weakref.WeakSet(items[:2])
print(ws2 <= ws, ws2 < ws, ws >= ws2, ws == weakref.WeakSet(items), ws != ws2)
print(sorted(o.n for o in ws - ws2), sorted(o.n for o in ws & ws2), sorted(o.n for o in ws2 | ws))
del items[0]
gc.collect()
print(len(ws), len(ws2), sorted(o.n for o in ws), sorted(o.n for o in ws2))
ws.discard(items[0])
ws.remove(items[1])
try:
    ws.remove(Obj(77))
except KeyError:
    print("KeyError")
print(len(ws), sorted(o.n for o in ws))
popped = ws.pop()
print(popped in items, len(ws))
ws.add(items[0])
ws.update(items)
print(len(ws), ws.isdisjoint(weakref.WeakSet()), isinstance(ws, collections.abc.MutableSet))
items.clear()
gc.collect()
print(len(ws), list(ws), len(ws2))
try:
    ws.pop()
except KeyError as exc:
    print("KeyError:", exc)

# Iterating while entries die.
many = [Obj(i) for i in range(20)]
wv = weakref.WeakValueDictionary((i, o) for i, o in enumerate(many))
count = 0
for key in wv:
    if count == 0:
        del many[10:]
        gc.collect()
    count += 1
print(count >= 10, len(wv))
