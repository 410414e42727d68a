# find/index/count/startswith/endswith/replace/partition
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.find(""), s.rfind(""), s.find("o", 10, 20))
print(s.index("fox"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""), "aaaa".count("aa"), s.count("o", 0, 15))
print(s.startswith("the"), s.startswith(("a", "t")), s.startswith("quick", 4), s.endswith("dog"), s.endswith(("cat", "og")), s.endswith("lazy", 0, -4))
print(s.replace("the", "a"), s.replace("o", "0", 2), "aaa".replace("a", "bb"), "abc".replace("", "-"), "abc".replace("", "-", 2))
print(s.partition(" "), s.rpartition(" "), s.partition("xyz"), s.rpartition("xyz"))
print("a,b,,c".split(","), "a b  c ".split(), "  lead".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("1\n2\r\n3\r4\n".splitlines(), "x\ny\n".splitlines(True), "".split(), "".split(","), "abc".split("abc"))
print("line1\nline2".split("\n"), "  a  b  ".split(None, 1), "a\tb\x0bc\x0cd\x1ce".split())
try:
    s.index("cat")
except ValueError as e:
    print("ValueError", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
print("hello".removeprefix("he"), "hello".removesuffix("lo"), "hello".removeprefix("x"))
print("abc" in "xabcx", "" in "abc", "abd" not in "abc")
