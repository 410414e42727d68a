# String equality, ordering, hashing stability within a run, membership in sets/dicts
a = "hello"
b = "".join(["hel", "lo"])
print(a == b, hash(a) == hash(b), {a: 1}[b], b in {a}, len({a, b}))
print(sorted(["b", "B", "a", "A", "_", "1", " "]), "a" < "B", "Z" < "a")
print(["abc" < "abd", "ab" < "abc", "" < "a", "a" > ""], max(["apple", "pear", "fig"]), min(["apple", "pear", "fig"], key=len))
words = "one two three two one four".split()
uniq = []
seen = set()
for w in words:
    if w not in seen:
        seen.add(w)
        uniq.append(w)
print(uniq, sorted(seen), len(seen))
print("é" == "\u00e9", "e\u0301" == "é", "ß".upper() == "SS", "ǆ".upper())
print(str.__eq__("a", "a"), "a".__ne__("b"), "a".__lt__("b"), "b".__ge__("a"))
