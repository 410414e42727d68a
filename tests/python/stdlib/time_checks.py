# time: values are only checked, never printed
import time
t0 = time.time()
s = 0
for i in range(10000):
    s += i
t1 = time.time()
print(type(t0).__name__, t1 >= t0, t0 > 1.6e9, s)
p0 = time.perf_counter()
p1 = time.perf_counter()
print(p1 >= p0, isinstance(time.monotonic(), float), isinstance(time.time_ns(), int))
time.sleep(0.01)
print(time.time() - t0 >= 0.005)
print(time.gmtime(0).tm_year, time.strftime("%Y-%m-%d", time.gmtime(86400 * 365)))
