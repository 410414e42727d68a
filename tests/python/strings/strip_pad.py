# strip/just/center/zfill/expandtabs
s = "  \t hello \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "www.example.com".lstrip("w."), "mississippi".rstrip("ips"))
print(repr("hi".ljust(6)), repr("hi".rjust(6, "*")), repr("hi".center(7, "-")), repr("hi".center(6)), repr("odd".center(8, ".")))
print("42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("12345\t6".expandtabs(4)))
print(repr("long string".ljust(3)), repr("x".center(4, "ab"[0])))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError", e)
