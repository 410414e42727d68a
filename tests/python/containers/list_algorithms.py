# Using lists as stacks/queues, copying, identity, nested structures
stack = []
for i in range(5):
    stack.append(i)
print([stack.pop() for _ in range(3)], stack)
from collections import deque
q = deque([1, 2])
q.append(3); q.appendleft(0)
print(q, q.popleft(), q.pop(), q, len(q), list(q))
q.rotate(1)
print(q, deque(range(10), maxlen=3))
import copy
orig = [[1, 2], {"k": [3]}]
sh = copy.copy(orig)
dp = copy.deepcopy(orig)
orig[0].append(99)
orig[1]["k"].append(98)
print(sh, dp)
a = [1, 2]
b = a
c = a[:]
a.append(3)
print(a is b, a is c, b, c)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
l = [1, 2, 3, 4, 5, 6]
print(l[::2], l[1::2], list(zip(l[::2], l[1::2])))
print([x for x in l if x % 2] + [x for x in l if not x % 2])
rec = [1]
rec.append(rec)
print(rec)
d = {}
d["self"] = d
print(d)
