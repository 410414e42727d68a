# queue corners: blocking get/put woken by other threads, join() with workers,
# unbounded and negative maxsize, priority ties, LifoQueue bounds, SimpleQueue arguments.
import queue
import threading

# join() returns once workers have called task_done for every item.
q = queue.Queue()
results = []
rlock = threading.Lock()


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with rlock:
            results.append(item * 2)
        q.task_done()


ws = [threading.Thread(target=worker) for _ in range(3)]
for w in ws:
    w.start()
for i in range(30):
    q.put(i)
q.join()
print("joined:", len(results), sum(results), q.unfinished_tasks)
for _ in ws:
    q.put(None)
q.join()
for w in ws:
    w.join()
print("workers done:", q.empty(), q.qsize(), q.unfinished_tasks)

# join() with nothing put returns at once; task_done without a put raises.
queue.Queue().join()
try:
    queue.Queue().task_done()
except ValueError as e:
    print("ValueError:", e)

# maxsize <= 0 means unbounded: full() is never true.
for size in (0, -3):
    q = queue.Queue(size)
    for i in range(100):
        q.put_nowait(i)
    print(size, q.maxsize, q.full(), q.qsize())

# A get with a timeout is woken by a put from another thread.
q = queue.Queue()
t = threading.Timer(0.01, q.put, args=("late",))
t.start()
print("get woke with", q.get(timeout=5))
t.join()

# A put that times out on a full queue raises Full and leaves the queue unchanged.
q = queue.Queue(1)
q.put("x")
try:
    q.put("y", block=True, timeout=0.01)
except queue.Full:
    print("Full after timeout", q.qsize(), q.full())
# A blocked put is released by a get in another thread.
t = threading.Timer(0.01, q.get)
t.start()
q.put("z", timeout=5)
t.join()
print("put went in:", q.get_nowait(), q.empty())

# PriorityQueue: ties compare the next tuple element; equal tuples need no ordering,
# unequal payloads that cannot be ordered raise TypeError.
pq = queue.PriorityQueue()
for item in [(2, "b"), (1, "z"), (2, "a"), (0, "m"), (1, "a")]:
    pq.put(item)
print([pq.get() for _ in range(pq.qsize())])
pq.put((1, {}))
pq.put((1, {}))
try:
    pq.put((1, {"k": 1}))
except TypeError as e:
    print("TypeError:", e)
print(pq.qsize())

# LifoQueue honours maxsize; items come out newest first.
lq = queue.LifoQueue(maxsize=3)
for i in "abc":
    lq.put(i)
try:
    lq.put_nowait("d")
except queue.Full:
    print("LifoQueue Full", lq.full())
print([lq.get_nowait() for _ in range(3)], lq.empty())
try:
    lq.get_nowait()
except queue.Empty:
    print("LifoQueue Empty")

# SimpleQueue accepts (and ignores) block/timeout on put, carries None, and a blocked
# get is woken by another thread.
sq = queue.SimpleQueue()
sq.put(None)
sq.put(1, block=False)
sq.put(2, timeout=0.01)
sq.put_nowait(3)
print(sq.qsize(), [sq.get(), sq.get(False), sq.get(True, 1), sq.get_nowait()], sq.empty())
t = threading.Timer(0.01, sq.put, args=("woken",))
t.start()
print(sq.get(timeout=5))
t.join()
for bad in (lambda: sq.get(timeout=-1), lambda: queue.Queue().get(True, -0.5)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)

# Many producers and consumers on a small bounded queue: nothing lost or duplicated.
q = queue.Queue(3)
got = []


def produce(k):
    for i in range(200):
        q.put((k, i))


def consume():
    local = []
    while True:
        item = q.get()
        if item is None:
            break
        local.append(item)
    with rlock:
        got.extend(local)


cons = [threading.Thread(target=consume) for _ in range(3)]
prods = [threading.Thread(target=produce, args=(k,)) for k in range(3)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
for _ in cons:
    q.put(None)
for t in cons:
    t.join()
print(len(got), sorted(got) == [(k, i) for k in range(3) for i in range(200)])
print(queue.Queue[int], queue.PriorityQueue[tuple], queue.LifoQueue[str])
print(queue.SimpleQueue[str].__origin__ is queue.SimpleQueue, queue.Queue[int]().maxsize)
