# Conversions between bytes, str, ints and lists
s = "Grüße, 世界"
b = s.encode()
print(b, len(s), len(b), b.decode() == s, list(b[:4]))
print(bytes(s, "utf-8") == b, str(b, "utf-8") == s, b.decode("utf-8", "strict")[:3])
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "little"), bytes([1, 2]) + bytearray([3]))
print(bytearray(b"ab") + b"cd", type(bytearray(b"ab") + b"cd").__name__, type(b"cd" + bytearray(b"ab")).__name__)
print(b"abc" == bytearray(b"abc"), b"abc" < bytearray(b"abd"), bytearray(b"a") in [b"a"])
print(b"x".join([b"a", bytearray(b"b")]), bytearray(b",").join([b"1", b"2"]))
print([bytes([i]) for i in range(3)], bytes(map(ord, "hey")), "".join(map(chr, b"hey")))
print(b"\x00\x01".hex(), bytes.fromhex("00ff"), bytearray.fromhex("41 42"))
print(repr(bytes(range(0x7e, 0x82))), repr(b"\x00" * 3))
print(str(b"abc"), f"{b'xy'}", "%s" % b"q", "%r" % b"q")
