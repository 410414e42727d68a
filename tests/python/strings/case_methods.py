# Case conversion and classification
s = "Hello World, hello PYTHON 3.11"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), s.casefold())
print("ßtraße".upper(), "ß".casefold(), "İ".lower().encode("utf-8"), "ǅ".title(), "ﬁ".upper())
print("they're bill's".title(), "hELLO wORLD".capitalize(), "123abc".title())
tests = ["abc", "ABC", "Abc", "abc123", "123", "", " ", "\t\n", "a b", "½", "²", "Ⅷ", "٣", "é", "Hello World", "_x1", "1x", "class"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(), t.isspace(),
          t.islower(), t.isupper(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii())
print("\x00".isprintable(), "\u200b".isprintable(), "€".isprintable())
