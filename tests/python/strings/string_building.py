# Building strings in loops (hot concatenation), join vs +=, str multiplication
s = ""
for i in range(1000):
    s += str(i % 10)
print(len(s), s[:25], s[-10:])
parts = []
for i in range(50):
    parts.append(chr(ord("a") + i % 26))
print("".join(parts))
line = "-" * 40
print(line, len(line))
table = "\n".join(f"{i:>3} {i * i:>5} {i ** 3:>7}" for i in range(1, 8))
print(table)
words = "the quick brown fox".split()
acronym = ""
for w in words:
    acronym += w[0].upper()
print(acronym)
rev = ""
for ch in "stressed":
    rev = ch + rev
print(rev)
pal = [w for w in ["level", "hello", "racecar", "abba", "ab"] if w == w[::-1]]
print(pal)
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "hello, world")
print(caesar)
count = {}
for ch in "mississippi":
    count[ch] = count.get(ch, 0) + 1
print(sorted(count.items()))
