# Thread lifecycle: start/join, names, repr, daemon flags, current/main thread, misuse.
import threading


def strip_ident(r):
    # "<Thread(name, stopped 1234)>" -> "<Thread(name, stopped)>": idents vary.
    head, _, tail = r.rpartition(" ")
    return head + ")>" if tail[:-2].isdigit() else r


results = {}
lock = threading.Lock()


def work(k, scale=1):
    with lock:
        results[k] = (k * k * scale, threading.current_thread().name)


t1 = threading.Thread(target=work, args=(3,))
t2 = threading.Thread(target=work, args=(4,), kwargs={"scale": 10}, name="worker-b")
print(repr(t1))
print(t1.name, t2.name, t1.ident, t1.is_alive())
print(t1.daemon, t1.isDaemon())
t1.start()
t2.start()
t1.join()
t2.join()
print(sorted(results.items()))
print(strip_ident(repr(t1)), t1.is_alive(), type(t1.ident).__name__)
print(t1.ident != threading.get_ident(), t1.native_id is not None)


class Sub(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.out = None

    def run(self):
        self.out = sum(range(self.n))


subs = [Sub(n) for n in (10, 100, 1000)]
for s in subs:
    s.start()
for s in subs:
    s.join()
print([s.out for s in subs], [s.name for s in subs])


def noop():
    pass


t = threading.Thread(target=noop, daemon=True)
print(t.daemon, strip_ident(repr(t)))
t.setDaemon(False)
t.setName("renamed")
print(t.getName(), t.daemon)
t.start()
t.join()
t.join()
t.join(0.01)
for action in ("start", "daemon"):
    try:
        if action == "start":
            t.start()
        else:
            t.daemon = True
    except RuntimeError as e:
        print(action, "RuntimeError:", e)

try:
    threading.Thread(target=noop).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

print(threading.current_thread() is threading.main_thread())
print(threading.main_thread().name, threading.current_thread().name)
print(threading.active_count(), len(threading.enumerate()))
print(threading.enumerate()[0] is threading.main_thread())

# A thread that starts threads and sees itself as current.
seen = []


def outer():
    me = threading.current_thread()
    inner = threading.Thread(target=lambda: seen.append(threading.current_thread() is me))
    inner.start()
    inner.join()
    seen.append(threading.current_thread() is me)
    seen.append(me.is_alive())


o = threading.Thread(target=outer, name="outer")
o.start()
o.join()
print(seen)

# Join with a timeout on a thread that waits for an event.
ev = threading.Event()
w = threading.Thread(target=ev.wait)
w.start()
w.join(0.01)
print("alive while blocked:", w.is_alive())
ev.set()
w.join()
print("alive after set:", w.is_alive())
