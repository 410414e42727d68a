# String indexing and slicing
s = "Hello, World!"
print(s[0], s[-1], s[7:12], s[:5], s[7:], s[-6:-1], s[::2], s[::-1], s[1::3], s[-1:-5:-1])
print(s[100:], s[-100:3], s[5:2], s[::-100], s[3:3], len(s[:]))
print(s[slice(2, None)], s[slice(None, None, -3)])
for i in range(-3, 3):
    print(i, s[i], end=" | ")
print()
try:
    s[13]
except IndexError as e:
    print("IndexError", e)
try:
    s[1] = "x"
except TypeError as e:
    print("TypeError", e)
try:
    s[1.0]
except TypeError as e:
    print("TypeError", e)
print(s[True], s[False])
print([s[i:i + 3] for i in range(0, len(s), 3)])
print("abc" * 3, 3 * "ab", "x" * 0, "x" * -1, "ab" + "cd")
print(min("hello"), max("hello"), sorted("hello"), list(reversed("abc")), list(enumerate("ab")))
print("abc" < "abd", "abc" < "ab", "B" < "a", "é" > "z", "a" * 3 == "aaa")
