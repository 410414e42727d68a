words = ["", "a", "b", "ab", "é", "z", "\ud800", "\U0001f600", "\uffff", "A", "aé", "a\x00"]
for x in words:
    print("".join("1" if c else "0" for y in words for c in (x < y, x <= y, x == y, x != y, x > y, x >= y)))
class S(str):
    def __eq__(self, o): return "custom"
print(S("a") == "a", "a" == S("a"))
