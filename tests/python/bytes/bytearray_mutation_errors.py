# bytearray mutation: item/slice assignment and deletion (extended slices too),
# in-place operators, the mutating methods, and their CPython 3.11 errors.
ba = bytearray(b"abcdef")
ba[0] = 65
ba[-1] = 70
print(ba)
ba[1:3] = b"XYZ"
print(ba)
ba[::2] = b"123"[:len(ba[::2])] if len(ba[::2]) == 3 else b"1234"
print(ba)
del ba[1::2]
print(ba)
ba[len(ba):] = [1, 2, 3]
print(ba)
ba[0:0] = bytearray(b"<<")
print(ba)
ba[:] = ba
print(ba)
ba[2:4] = ba
print(ba, len(ba))
del ba[:]
print(ba, len(ba))
ba.extend(b"hello")
ba.extend([32, 33])
ba.extend(bytearray(b"?"))
ba.extend(iter([65, 66]))
print(ba)
ba.insert(0, 95)
ba.insert(-1, 96)
ba.insert(100, 97)
ba.insert(-100, 98)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(95)
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
c.clear()
print(c, ba == c, len(ba))
ba *= 2
print(ba)
ba *= 0
print(ba, len(ba))
ba += b"xy"
ba += bytearray(b"z")
print(ba)
x = ba
x += b"!"
print(ba is x, ba)
for stmt in ['ba[0]="x"', 'ba[0]=1.5', 'ba[0]=256', 'ba[0]=-1', 'ba[50]=1', 'ba["x"]=1',
             'ba[0:1]=1', 'ba[0:1]="x"', 'ba[0:1]=None', 'ba[0:1]=[300]', 'ba[0:1]=["x"]',
             'ba[::2]=b"x"', 'ba.pop(50)', 'bytearray().pop()', 'ba.insert(0, 300)',
             'ba.insert("x", 1)', 'ba.remove(300)', 'ba.remove(b"a")', 'ba.remove(7)',
             'ba.extend(1)', 'ba.extend("x")', 'ba.extend([300])', 'ba.extend([1.5])',
             'ba.append("x")', 'ba.append(256)', 'ba += 1', 'ba += "s"', 'ba *= 1.5',
             'del ba[50]', 'del ba["x"]', 'hash(ba)', 'ba.append()', 'ba.pop(1, 2)',
             'ba.clear(1)', 'ba.insert(1)']:
    try:
        exec(stmt)
        print(stmt, "->", ba)
    except Exception as e:
        print(stmt, "->", type(e).__name__, e)
class BA(bytearray):
    pass
b = BA(b"sub")
b.append(33)
b[0] = 83
print(repr(b), type(b + b"x").__name__, type(b[:1]).__name__, type(b.upper()).__name__)
print(bytearray(3), bytearray(b"x") * 3, 2 * bytearray(b"ab"), bytearray("\u00e9", "utf-8"))
print(bytearray(b"abc") == b"abc", bytearray(b"abc") < b"abd", b"abc" >= bytearray(b"abc"))
print(list(bytearray(b"hi")), 104 in bytearray(b"hi"), b"i" in bytearray(b"hi"))
e = bytearray(b"abcdefgh")
e[::2] = b""
print(e)
e = bytearray(b"abcdefgh")
e[::-3] = []
print(e)
print(repr(bytearray(b"a'b")), repr(bytearray(b"\"'")), repr(bytearray(b"\\")), repr(b"a'b"))
