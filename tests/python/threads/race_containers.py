# Four threads race on one list, dict, set, bytearray and object with no Python-level
# lock. Each single operation must be atomic: no crash, no exception from the VM, no
# corrupted container (only the exceptions CPython itself may raise here are caught).
import _thread
import time

L = list(range(100))
D = {i: i for i in range(100)}
S = set(range(100))
B = bytearray(b"x" * 100)


class O:
    pass


o = O()
state = {"done": 0}
lock = _thread.allocate_lock()
N = 8000


def work(k):
    for i in range(N):
        try:
            op = (i + k) % 24
            if op == 0:
                L.append(i)
            elif op == 1:
                L.extend([i, i])
            elif op == 2:
                L.insert(0, i)
            elif op == 3:
                L.pop()
            elif op == 4:
                L.pop(0)
            elif op == 5:
                L[:3] = [1, 2]
            elif op == 6:
                del L[1:3]
            elif op == 7:
                L.sort()
            elif op == 8:
                L.reverse()
            elif op == 9:
                L.remove(i)
            elif op == 10:
                D[i % 300] = i
            elif op == 11:
                D.pop(i % 300, None)
            elif op == 12:
                D.update({i: 1, i + 1: 2})
            elif op == 13:
                D.setdefault(i % 50, 3)
            elif op == 14:
                list(D.items())
            elif op == 15:
                S.add(i % 300)
            elif op == 16:
                S.discard(i % 300)
            elif op == 17:
                S.update({i, i + 1})
            elif op == 18:
                B.append(i % 256)
            elif op == 19:
                B.extend(b"ab")
            elif op == 20:
                del B[:2]
            elif op == 21:
                setattr(o, "x%d" % (i % 40), i)
            elif op == 22:
                o.__dict__.pop("x%d" % (i % 40), None)
            else:
                sorted(S)
                L[:50]
                [x for x in L[:20]]
                a, b = L[:2]
            if len(L) > 2000:
                del L[1000:]
            if len(B) > 2000:
                del B[1000:]
        except (IndexError, ValueError, KeyError, RuntimeError):
            pass
    with lock:
        state["done"] += 1


for k in range(4):
    _thread.start_new_thread(work, (k,))
while True:
    with lock:
        if state["done"] == 4:
            break
    time.sleep(0.005)

print(all(isinstance(x, int) for x in L), all(isinstance(k, int) for k in D))
print(all(isinstance(x, int) for x in S), all(0 <= x < 256 for x in B))
print(all(isinstance(v, int) for v in vars(o).values()))
print(len(set(L)) <= len(L), sorted(S) == sorted(set(S)))
