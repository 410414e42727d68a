# Unicode handling
s = "héllo wörld ✓ 日本語 🐍"
print(s, len(s), s.upper(), s[::-1])
print([ord(c) for c in "aé✓🐍"], chr(233), chr(0x1F40D), chr(0x65E5))
print(s.encode("utf-8"), len(s.encode("utf-8")))
print(s.encode("utf-8").decode("utf-8") == s)
print("é".encode("utf-8"), "é".encode("latin-1"), "é".encode("ascii", "replace"), "é✓".encode("ascii", "ignore"), "é".encode("ascii", "backslashreplace"), "✓".encode("ascii", "xmlcharrefreplace"))
print(b"\xc3\xa9".decode(), b"\xe9".decode("latin-1"), b"\xff\xfeabc".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"))
try:
    "日本".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
try:
    b"\xe6\x97".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print("\u00e9" == "e\u0301", len("e\u0301"), "\N{SNAKE}", "\U0001F600")
print(repr("日本"), ascii("日本"), repr("\x00\x1f\x7f"), repr("\u2028"), ascii("🐍"))
print(sorted(["b", "a", "é", "Z", "z", "日"]))
print("ÀÉÎ".lower(), "straße".casefold() == "STRASSE".casefold(), "ǈ".isupper(), "ǈ".istitle())
print("abc".encode("utf-16-le"), "a".encode("utf-32-be"), "✓".encode("utf-16"))
print(str(b"abc", "ascii"), str(b"\xc3\xa9", encoding="utf-8"), str(b"x"))
print("x".center(5, "·"), "日本".ljust(4, "ー"))
print(max("aé日🐍"), min("aé日🐍"), "🐍" in s, s.find("日"), s.index("🐍"))
