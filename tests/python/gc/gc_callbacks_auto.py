# gc.callbacks are called around automatic collections too (not only gc.collect()),
# in start/stop pairs, with CPython's info keys; a callback that raises is reported
# and dropped; removing the callback stops the calls. (CPython collects after many
# net container allocations, hotpy after many bytes: the loop does both.)
import gc

phases = []


def cb(phase, info):
    phases.append((phase, sorted(info), info["generation"] in (0, 1, 2)))


def bad(phase, info):
    raise ValueError("ignored")


gc.callbacks.append(cb)
gc.callbacks.append(bad)
keep = []
for i in range(3000):
    node = [i, None, {"k": i}]
    keep.append(node)
    if i % 500 == 0:
        big = bytearray(12_000_000)
gc.callbacks.remove(cb)
gc.callbacks.remove(bad)
n = len(phases)
print("called:", n > 0)
print("pairs:", n % 2 == 0 and all(
    phases[k][0] == "start" and phases[k + 1][0] == "stop" for k in range(0, n, 2)))
print("info:", phases[0][1] if phases else None, all(p[2] for p in phases))
for i in range(3000):
    node = [i]
    if i % 500 == 0:
        big = bytearray(12_000_000)
print("after removal:", len(phases) == n, len(keep))
