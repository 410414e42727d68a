# Slice assignments that keep the list's length store in place; the results match CPython.
a = list(range(10))
a[2:5] = ["x", "y", "z"]; print(a)
a[::2] = list("abcde"); print(a)
a[::-3] = [1, 2, 3, 4]; print(a)
a[8:2] = []; print(a)
a[5:5] = []; print(a)
a[-3:] = [7, 8, 9]; print(a)
a[:0] = []; print(a)
a[100:200] = []; print(a)
a[1:3] = a[1:3]; print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print(e)
b = [1, 2, 3]
b[:] = b; print(b)
b[0:2] = (i * 10 for i in range(2)); print(b)
