# Barrier: cycles, the action, indices, abort/reset/timeout and BrokenBarrierError.
import threading

actions = []
b = threading.Barrier(4, action=lambda: actions.append("trip"))
print(b.parties, b.n_waiting, b.broken)
indices = []
guard = threading.Lock()
phase_log = []


def party(i):
    for phase in range(3):
        idx = b.wait()
        with guard:
            indices.append((phase, idx))
            phase_log.append(phase)


ts = [threading.Thread(target=party, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(actions)
print(sorted(indices))
print("phases never overlap:", sorted(phase_log) == [0] * 4 + [1] * 4 + [2] * 4)
print(b.n_waiting, b.broken)

# abort() breaks the waiters and the barrier.
b = threading.Barrier(3)
errors = []


def breaker_victim():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        errors.append("broken")


ts = [threading.Thread(target=breaker_victim) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    threading.Event().wait(0.001)
b.abort()
for t in ts:
    t.join()
print(errors, b.broken)
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", isinstance(e, RuntimeError))
b.reset()
print("after reset:", b.broken, b.n_waiting)
# Which party gets which index depends on arrival order: check the set of them.
indices = []
ilock = threading.Lock()


def wait_and_record():
    i = b.wait()
    with ilock:
        indices.append(i)


ts = [threading.Thread(target=wait_and_record) for _ in range(2)]
for t in ts:
    t.start()
wait_and_record()
for t in ts:
    t.join()
print("indices:", sorted(indices))

# A timeout breaks the barrier.
b = threading.Barrier(2, timeout=0.01)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("timed out, broken:", b.broken)

# An action that raises breaks the barrier for everyone.
def bad_action():
    raise ValueError("action failed")


b = threading.Barrier(2, action=bad_action)
out = []


def other():
    try:
        b.wait()
        out.append("ok")
    except threading.BrokenBarrierError:
        out.append("broken")
    except ValueError as e:
        out.append("ValueError: %s" % e)


t = threading.Thread(target=other)
t.start()
try:
    b.wait()
    out.append("ok")
except threading.BrokenBarrierError:
    out.append("broken")
except ValueError as e:
    out.append("ValueError: %s" % e)
t.join()
print(sorted(out), b.broken)
