# bytes construction, indexing, slicing, repr
b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], list(b[:3]), type(b[0]).__name__)
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"), bytes(b"copy"), bytes())
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\x7f\x80"), b"\\")
print(b"abc" + b"def", b"ab" * 3, b"a" in b"cat", 97 in b"cat", b"" in b"x")
print(b"abc" == b"abc", b"abc" < b"abd", b"abc" != "abc", b"a" < b"aa")
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
try:
    b"x"[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    bytes("str")
except TypeError as e:
    print("TypeError", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError", e)
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2))
print(hash(b"abc") == hash(b"abc"), b"abc".decode(), str(b"abc"), b"A"[0] == 65)
for x in b"hi":
    print(x, end=" ")
print()
print(sorted(b"dcba"), max(b"az"), sum(b"\x01\x02"), list(reversed(b"ab")))
