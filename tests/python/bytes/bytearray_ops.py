# bytearray: mutation
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" world")
print(ba, len(ba))
ba[1:5] = b"EY"
print(ba)
del ba[0]
print(ba)
ba.insert(0, 74)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("o"))
print(ba)
ba.reverse()
print(ba)
ba += b"!!"
print(ba, ba * 2)
print(bytearray(3), bytearray([1, 2, 3]), bytearray("é", "utf-8"), bytearray(b"x") == b"x")
ba2 = bytearray(b"abcdef")
ba2[::2] = b"XYZ"
print(ba2)
del ba2[::2]
print(ba2)
ba2.clear()
print(ba2, bytearray(b"abc").copy(), bytearray(b"Abc").upper(), bytearray(b"a,b").split(b","))
try:
    ba[0] = 300
except ValueError as e:
    print("ValueError", e)
try:
    bytearray(b"x").remove(120 + 1)
except ValueError as e:
    print("ValueError", e)
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print("TypeError", e)
m = bytearray(b"xyz")
print(bytes(m), m.decode(), m.hex(), list(m), m[1], m[-2:], type(m[1:]).__name__)
ba3 = bytearray(b"aaa")
ba3[1:2] = b""
print(ba3)
ba3[0:0] = b"123"
print(ba3, ba3.find(b"a"), ba3.count(b"a"))
