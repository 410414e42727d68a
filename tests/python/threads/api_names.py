# Names, reprs and small APIs that programs print or rely on: RLock/Semaphore/Future
# reprs (addresses and idents stripped), _thread's extra functions, weak references to
# locks, ExceptHookArgs, SimpleQueue's module, and a Thread subclass that skips __init__.
import _thread
import concurrent.futures as cf
import gc
import queue
import threading
import weakref


def no_addr(r):
    # "<... at 0x7f...>" / "<Future at 0x7f... state=...>": drop the address.
    words = r.split(" ")
    return " ".join(w if not w.startswith("0x") else "ADDR" for w in words)


def rlock_repr(r):
    words = no_addr(repr(r)).split(" ")
    out = []
    for w in words:
        if w.startswith("owner=") and w != "owner=0":
            w = "owner=ME" if w == "owner=%d" % threading.get_ident() else "owner=OTHER"
        out.append(w)
    return " ".join(out)


r = threading.RLock()
print(rlock_repr(r))
r.acquire()
r.acquire()
print(rlock_repr(r))
seen = []
t = threading.Thread(target=lambda: seen.append(rlock_repr(r)))
t.start()
t.join()
print(seen)
r.release()
r.release()
print(rlock_repr(r), type(r).__module__, type(r).__name__)
print(no_addr(repr(threading.Semaphore(2))), no_addr(repr(threading.Semaphore(1.5))))
b = threading.BoundedSemaphore(3)
b.acquire()
print(no_addr(repr(b)), no_addr(repr(threading.Barrier(2))))

# Future reprs through their states.
f = cf.Future()
print(no_addr(repr(f)))
f.set_running_or_notify_cancel()
print(no_addr(repr(f)))
f.set_result([1, 2])
print(no_addr(repr(f)))
g = cf.Future()
g.set_exception(KeyError("k"))
print(no_addr(repr(g)))
h = cf.Future()
h.cancel()
print(no_addr(repr(h)))
try:
    h.set_result(1)
except cf.InvalidStateError as e:
    print("InvalidStateError:", no_addr(str(e)))

# ExceptHookArgs is _thread._ExceptHookArgs.
a = threading.ExceptHookArgs([ValueError, ValueError("v"), None, None])
print(repr(a))
print(type(a).__module__, type(a).__name__, a.exc_type.__name__, len(a))
for bad in ([1, 2], range(5)):
    try:
        threading.ExceptHookArgs(bad)
    except TypeError as e:
        print("TypeError:", e)

# _thread.exit ends the calling thread quietly; _thread.RLock is the reentrant lock.
after = []
done = threading.Event()


def quitter():
    try:
        after.append("before")
        _thread.exit()
        after.append("not reached")
    finally:
        done.set()


_thread.start_new_thread(quitter, ())
done.wait(5)
print(after)
try:
    _thread.exit_thread()
except SystemExit as e:
    print("SystemExit", e.args)
rl = _thread.RLock()
print(rl.acquire(), rl.acquire(), rl._is_owned())
rl.release()
rl.release()

# Locks take weak references, so per-key locks can live in a WeakValueDictionary.
lk = threading.Lock()
ref = weakref.ref(lk)
print(ref() is lk)
per_key = weakref.WeakValueDictionary()
keep = [threading.Lock() for _ in range(4)]
for i, x in enumerate(keep):
    per_key["k%d" % i] = x
del keep[1:], x
gc.collect()
print(sorted(per_key.keys()))
del lk
gc.collect()
print(ref())
try:
    type("SubLock", (type(threading.Lock()),), {})
except TypeError as e:
    print("TypeError:", e)

print(type(queue.SimpleQueue()).__module__, queue.SimpleQueue[int])

# A Thread subclass whose __init__ does not call Thread.__init__.
class Lazy(threading.Thread):
    def __init__(self):
        pass


lz = Lazy()
for what, act in (("name", lambda: lz.name), ("ident", lambda: lz.ident),
                  ("daemon", lambda: lz.daemon), ("is_alive", lz.is_alive),
                  ("repr", lambda: repr(lz)), ("start", lz.start), ("join", lz.join),
                  ("set daemon", lambda: setattr(lz, "daemon", True))):
    try:
        act()
        print(what, "ok")
    except (AssertionError, RuntimeError) as e:
        print(what, type(e).__name__ + ":", e)

try:
    cf.wait([cf.Future()], return_when="later")
except ValueError as e:
    print("ValueError:", e)
done_f = cf.Future()
done_f.set_result(0)
print([len(s) for s in cf.wait([done_f], return_when="later")])
