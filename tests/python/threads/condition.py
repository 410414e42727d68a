# Condition (over Lock and RLock) and Event: handshakes with deterministic output.
import threading

for label, make in (("Lock", threading.Lock), ("RLock", threading.RLock), ("default", None)):
    cond = threading.Condition(make() if make else None)
    items = []
    done = []

    def consumer():
        got = []
        while len(got) < 20:
            with cond:
                cond.wait_for(lambda: items)
                got.append(items.pop(0))
        done.append(sum(got))

    c = threading.Thread(target=consumer)
    c.start()
    for i in range(20):
        with cond:
            items.append(i)
            cond.notify()
    c.join()
    print(label, done)

cond = threading.Condition()
with cond:
    print("wait timed out ->", cond.wait(0.01))
    print("wait_for timed out ->", cond.wait_for(lambda: False, 0.01))
    print("wait_for true ->", cond.wait_for(lambda: 42))
for name in ("wait", "notify", "notify_all"):
    try:
        getattr(cond, name)()
    except RuntimeError as e:
        print(name, "RuntimeError:", e)

# notify(n) wakes exactly n waiters; notify_all the rest.
cond = threading.Condition(threading.Lock())
ready = [0]
woken = []


def waiter(i):
    with cond:
        ready[0] += 1
        cond.wait()
        woken.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for w in ws:
    w.start()
# Waiters do not notify each other: the main thread polls until all five wait.
while True:
    with cond:
        if ready[0] == 5:
            break
    threading.Event().wait(0.001)
with cond:
    cond.notify(2)
while True:
    with cond:
        if len(woken) == 2:
            break
    threading.Event().wait(0.001)
with cond:
    print("after notify(2):", len(woken))
    cond.notify_all()
for w in ws:
    w.join()
print("after notify_all:", sorted(woken))

# Event ping-pong: the main thread prints, the other thread answers.
ping, pong = threading.Event(), threading.Event()
log = []


def responder():
    for i in range(3):
        ping.wait()
        ping.clear()
        log.append("pong %d" % i)
        pong.set()


r = threading.Thread(target=responder)
r.start()
for i in range(3):
    log.append("ping %d" % i)
    ping.set()
    pong.wait()
    pong.clear()
r.join()
print(log)
e = threading.Event()
print(e.is_set(), e.wait(0.01), e.isSet())
e.set()
print(e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set())
