# Four threads sort (with and without a key) and reverse one shared list with no Python
# lock. Each call is one operation: none may raise "list modified during sort" (nothing
# but sorts and reverses touches the list), and the list stays a permutation.
import threading

L = list(range(200))
errors = []


def neg(x):
    return -x


def work(k):
    for i in range(1500):
        try:
            r = (i + k) % 4
            if r == 0:
                L.sort()
            elif r == 1:
                L.sort(key=neg)
            elif r == 2:
                L.reverse()
            else:
                L.sort(reverse=True)
        except Exception as e:
            errors.append(repr(e))


ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(errors[:3], len(errors))
print(sorted(L) == list(range(200)))
L.sort()
print(L[:5], L[-5:])
