# Files that become garbage are closed by the collector: what was written is in the
# file and the OS descriptor is released. CPython closes them at `del` (reference
# counting); gc.collect() makes hotpy do it at the same point.
import gc
import os

base = "/tmp/hotpy_gc_files_%d" % os.getpid()


def open_fds():
    return len(os.listdir("/proc/self/fd"))


gc.collect()
before = open_fds()

f = open(base + "_a", "w")
f.write("x")
f.write("yz\n")
del f
gc.collect()
with open(base + "_a") as g:
    print(repr(g.read()))
print(open_fds() == before)

# Many files dropped without closing: every descriptor comes back.
for i in range(50):
    h = open(base + "_b", "a")
    h.write("%d," % i)
del h
gc.collect()
print(open_fds() == before)
with open(base + "_b") as g:
    data = g.read()
print(len(data.split(",")) - 1, data[:10])

# Binary files too.
fb = open(base + "_c", "wb")
fb.write(b"\x00\x01\x02")
del fb
gc.collect()
with open(base + "_c", "rb") as g:
    print(g.read())
print(open_fds() == before)

# A file kept in a container that dies, and a file in a cycle.
class Holder:
    pass


hold = Holder()
hold.f = open(base + "_d", "w")
hold.f.write("held")
# (Flushed: CPython may finalize the layers of a file in a collected cycle in either
# order and lose unflushed text.)
hold.f.flush()
hold.me = hold
del hold
gc.collect()
with open(base + "_d") as g:
    print(g.read())
print(open_fds() == before)

# A file still referenced stays open; one closed explicitly stays closed.
kept = open(base + "_e", "w")
kept.write("kept")
gc.collect()
print(kept.closed, open_fds() == before + 1)
kept.close()
gc.collect()
print(kept.closed, open_fds() == before)

# Reading files dropped mid-way.
for i in range(20):
    r = open(base + "_a")
    r.readline()
del r
gc.collect()
print(open_fds() == before)

for suffix in "abcde":
    os.remove(base + "_" + suffix)
print("done")
