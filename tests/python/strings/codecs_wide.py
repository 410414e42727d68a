# Built-in codecs: UTF-8, Latin-1, ASCII, UTF-16 and UTF-32 (both orders and with a
# BOM), the error handlers, and UnicodeDecodeError/UnicodeEncodeError attributes.
cases = [
    (b"a", "utf-16-le"), (b"\x00\xd8", "utf-16-le"), (b"\x00\xdca\x00", "utf-16-le"),
    (b"\x00\xd8a\x00", "utf-16-le"), (b"\x00\xd8a", "utf-16-le"), (b"abc", "utf-16"),
    (b"\xff\xfea\x00", "utf-16"), (b"\xfe\xff\x00a", "utf-16"), (b"\x00a", "utf-16-be"),
    (b"a\x00\x00\x00", "utf-32"), (b"\x00\x00\x11\x00", "utf-32-le"),
    (b"\x00\xd8\x00\x00", "utf-32-le"), (b"ab", "utf-32-le"),
    (b"\xff\xfe\x00\x00a\x00\x00\x00", "utf-32"), (b"=\xd8\x00\xde", "utf_16le"),
    (b"a\xffb\xe2\x82", "utf-8"), (b"\xed\xa0\x80", "utf-8"), (b"a\xff", "ascii"),
    (b"\xe9\xff", "latin-1"),
]
for data, enc in cases:
    for errors in ["strict", "replace", "ignore", "backslashreplace"]:
        try:
            print(enc, errors, repr(data.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(enc, errors, "UnicodeDecodeError", e, e.encoding, e.start, e.end, e.reason)
for enc in ["utf-16", "utf-16-le", "utf-16be", "utf-32", "utf_32_le", "UTF-32BE", "u16", "latin1", "ascii"]:
    for errors in ["strict", "replace", "xmlcharrefreplace", "backslashreplace", "ignore"]:
        try:
            print(enc, errors, "a\u00e9\u20ac\U0001f600".encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError", e, e.encoding, e.start, e.end, e.reason)
for enc in ["utf-16", "utf-32", "utf-8"]:
    s = "mixed \u00e9 \U0001f600 text"
    print(enc, s.encode(enc).decode(enc) == s, len(s.encode(enc)))
for bad in ["bogus", "utf-7x"]:
    try:
        "x".encode(bad)
    except LookupError as e:
        print("LookupError", e)
try:
    b"\xff".decode("utf-8", "bogus")
except LookupError as e:
    print("LookupError", e)
print(b"x".decode("utf-8", "bogus"), str(b"\xffA", "ascii", "replace"), str(b"q", errors="strict"))
