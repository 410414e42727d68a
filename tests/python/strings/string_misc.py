# Misc str behaviours: immutability, interning-independent equality, conversions, translate
s = "abc"
t = s
s += "d"
print(s, t)
print(str(123), str(-1.5), str(None), str([1, "a"]), str({"a": 1}), str((1,)), str(b"x"), repr(b"x"))
print("abc".translate({ord("a"): "A", ord("b"): None}), "hello".translate(str.maketrans("el", "ip")), str.maketrans("ab", "xy", "c"))
print("hello world".translate(str.maketrans({"o": "0", "l": "1"})))
print("a%sb" % "X", "ab".__add__("c"), "ab".__mul__(2), "ab".__contains__("a"), "ab".__len__())
print(ord("A"), chr(97), [chr(i) for i in range(65, 70)], "".join(map(chr, range(97, 102))))
print("Hello".encode(), list("Hi".encode()), "x".isidentifier(), "A".__hash__() == hash("A"))
print(sorted(["banana", "Apple", "cherry"]), sorted(["banana", "Apple", "cherry"], key=str.lower))
print("a" < "b", "Z" < "a", "abc".__eq__("abc"), "abc".__lt__(5))
print(str.upper("x"), "x".__class__.__name__, isinstance("x", str), type("x") is str)
s2 = "".join(["ab", "c"])
print(s2 == "abc", s2 is not None)
print(len("\n\t\\"), "tab\there", r"raw\there", "uni\u0041")
print("abc".index("c"), "a-b-c".count("-"), "CamelCaseString".swapcase())
print("%-8s|%8s|" % ("left", "right"), "x".join("123"), "[" + ", ".join(repr(c) for c in "ab") + "]")
