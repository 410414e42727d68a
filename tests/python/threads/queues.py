# queue: producers/consumers with exact totals, blocking, timeouts, task tracking.
import queue
import threading

q = queue.Queue(maxsize=5)
N_PROD, PER = 4, 250
sums = []
lock = threading.Lock()


def producer(base):
    for i in range(PER):
        q.put(base + i)


def consumer():
    s = 0
    n = 0
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        s += item
        n += 1
        q.task_done()
    with lock:
        sums.append((s, n))


cons = [threading.Thread(target=consumer) for _ in range(3)]
prods = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(N_PROD)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
q.join()
print("joined, unfinished:", q.unfinished_tasks, q.qsize(), q.empty())
for _ in cons:
    q.put(None)
for t in cons:
    t.join()
expected = sum(k * 1000 + i for k in range(N_PROD) for i in range(PER))
print(sum(s for s, _ in sums) == expected, sum(n for _, n in sums))

q = queue.Queue(2)
q.put_nowait(1)
q.put(2, timeout=0.5)
print(q.full(), q.qsize())
for f in (lambda: q.put_nowait(3), lambda: q.put(3, timeout=0.01), lambda: q.put(3, False)):
    try:
        f()
    except queue.Full:
        print("Full")
print(q.get(), q.get_nowait())
for f in (q.get_nowait, lambda: q.get(timeout=0.01), lambda: q.get(False)):
    try:
        f()
    except queue.Empty:
        print("Empty")
for f in (lambda: q.get(timeout=-1), lambda: q.put(1, timeout=-1)):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
q.task_done()
q.task_done()
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

# A blocked put resumes when a consumer takes an item.
q = queue.Queue(1)
q.put("a")
t = threading.Thread(target=q.put, args=("b",))
t.start()
first = q.get()
t.join()
print([first, q.get()], q.empty())

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in (5, 1, 4, 2, 3):
    lq.put(x)
    pq.put((x, "p%d" % x))
print([lq.get() for _ in range(5)])
print([pq.get() for _ in range(5)])

sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())


def feed():
    for i in range(100):
        sq.put(i)


t = threading.Thread(target=feed)
t.start()
got = [sq.get() for _ in range(100)]
t.join()
print(got == list(range(100)), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")
try:
    sq.get_nowait()
except queue.Empty:
    print("SimpleQueue Empty nowait")
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
