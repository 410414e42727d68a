# memoryview basics
b = bytearray(b"abcdef")
m = memoryview(b)
print(len(m), m[0], bytes(m[1:3]), m.tobytes(), m.tolist()[:3], m.readonly)
m[0] = ord("Z")
print(b)
m2 = m[2:4]
m2[:] = b"XY"
print(b)
print(memoryview(b"ro").readonly, bytes(memoryview(b"abc")[::-1]))
try:
    memoryview(b"ro")[0] = 1
except TypeError as e:
    print("TypeError", e)
print(m.nbytes, m.format, m.itemsize, m.ndim, m.shape)
m.release()
try:
    m[0]
except ValueError as e:
    print("ValueError", e)
