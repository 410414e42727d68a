# gc.callbacks: called with ("start", info) and ("stop", info) around gc.collect();
# weakref callbacks and __del__ of what the collection frees run in between.
import gc
import weakref

events = []


def cb(phase, info):
    events.append((phase, sorted(info), info["generation"], info["uncollectable"]))


print(type(gc.callbacks).__name__, gc.callbacks)
gc.callbacks.append(cb)
gc.collect()
print(events)
events.clear()

gc.collect(1)
gc.collect(generation=0)
print([(p, g) for p, _, g, _ in events])
events.clear()


class Obj:
    def __del__(self):
        events.append("del")


# Cycles: CPython too frees them only in the collection. (A cycle whose objects have
# both __del__ and weakref callbacks is left out: CPython's order differs for cycles.)
o = Obj()
o.me = o
del o
gc.collect()
print([e if isinstance(e, str) else e[0] for e in events])
events.clear()


class Plain:
    pass


p = Plain()
p.me = p
r = weakref.ref(p, lambda w: events.append("weakref callback"))
del p
gc.collect()
print([e if isinstance(e, str) else e[0] for e in events])
events.clear()


# A callback that raises is reported on stderr; the others still run.
def bad(phase, info):
    raise RuntimeError("bad gc callback")


def second(phase, info):
    events.append("second " + phase)


gc.callbacks.extend([bad, second])
gc.collect()
print([e if isinstance(e, str) else e[0] for e in events])
events.clear()

# Removing callbacks, also from inside a callback.
def once(phase, info):
    events.append("once " + phase)
    gc.callbacks.remove(once)


gc.callbacks.remove(bad)
gc.callbacks.append(once)
gc.collect()
gc.collect()
print([e if isinstance(e, str) else e[0] for e in events])
events.clear()

gc.callbacks.clear()
gc.collect()
print(events, gc.callbacks)

# The info dict is a fresh dict each time.
infos = []
gc.callbacks.append(lambda phase, info: infos.append(info))
gc.collect()
print(len(infos), infos[0] is not infos[1], sorted(infos[0]), infos[0]["generation"])
gc.callbacks.clear()

# gc.collect() argument checking.
for bad_arg in [3, -1]:
    try:
        gc.collect(bad_arg)
    except ValueError as exc:
        print("ValueError:", exc)
print(isinstance(gc.collect(), int), gc.isenabled())
