# Slicing and slice assignment on lists
l = list(range(10))
print(l[2:5], l[:3], l[7:], l[::3], l[::-1], l[-3:], l[8:2:-2], l[100:], l[-100:2])
l[2:5] = ["a", "b"]
print(l)
l[:0] = [-2, -1]
print(l)
l[len(l):] = [99]
print(l)
l[::2] = "X" * len(l[::2])
print(l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
l[1:3] = range(5)
print(l)
del l[::3]
print(l)
l[:] = []
print(l)
m = [1, 2, 3]
m[5:10] = [4]
print(m)
m[-1:-1] = ["ins"]
print(m)
m[1:2] = m
print(m)
s = slice(1, 8, 2)
print(s.start, s.stop, s.step, s.indices(5), list(range(10))[s], slice(5).indices(10), slice(None, None, -1).indices(4))
a = [1, 2, 3, 4, 5]
a[::-1] = [10, 20, 30, 40, 50]
print(a)
b = a
a[:] = [0]
print(b)
t = (1, 2, 3, 4)
print(t[1:3], t[::-1], type(t[1:]).__name__)
