# bytes searching, splitting, stripping with byte sets
data = b"key1=val1&key2=val2&&key3="
pairs = [p.split(b"=", 1) for p in data.split(b"&") if p]
print(pairs, dict((k, v) for k, v in pairs))
print(b"xxabcxx".strip(b"x"), b"  a  ".strip(), b"\t\nz\r".strip(), b"abc".lstrip(b"ba"), b"cba".rstrip(b"ab"))
print(b"a b\tc\nd".split(), b"a  b".split(b" "), b"1,2,3".split(b",", maxsplit=1), b"".split(), b"".split(b","))
print(b"hello world".count(b"o"), b"aaa".count(b"a", 1), b"abcabc".rfind(b"b"), b"abcabc".rindex(b"c", 0, 4))
print(b"abc".startswith(b"ab"), b"abc".endswith(b"bc", 1), b"abc".startswith((b"x", b"a")))
print(b"one\ntwo\r\nthree".splitlines(keepends=True), b"a\x00b".split(b"\x00"))
print(bytearray(b"a-b-c").split(b"-"), bytearray(b"  x ").strip(), bytearray(b"ab").replace(b"a", b"zz"))
