# Weakrefs made, counted and cleared from several threads at once; callbacks may run
# on any thread, so only totals are printed.
import gc
import threading
import weakref


class Obj:
    def __init__(self, n):
        self.n = n


lock = threading.Lock()
called = [0]


def cb(w):
    with lock:
        called[0] += 1


shared = weakref.WeakValueDictionary()
wset = weakref.WeakSet()
errors = []
all_refs = []


def work(t):
    try:
        objs = [Obj(i) for i in range(200)]
        refs = [weakref.ref(o, cb) for o in objs]
        with lock:
            all_refs.append(refs)
        basics = [weakref.ref(o) for o in objs]
        for i, o in enumerate(objs):
            shared[(t, i)] = o
            wset.add(o)
        del o
        ok = all(weakref.ref(o) is b for o, b in zip(objs, basics))
        counts = {weakref.getweakrefcount(o) for o in objs}
        del objs[100:]
        gc.collect()
        alive = sum(1 for r in refs if r() is not None)
        errors.append((ok, sorted(counts), alive))
    except Exception as exc:
        errors.append(repr(exc))


threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
gc.collect()
print(sorted(map(str, errors)))
print(called[0], len(shared), len(wset), sum(r() is None for refs in all_refs for r in refs))
