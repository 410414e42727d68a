# bytes methods
b = b"  The Quick brown fox  "
print(b.strip(), b.lstrip(), b.rstrip(), b.upper(), b.lower(), b.title(), b.swapcase(), b.strip().capitalize())
print(b.split(), b.strip().split(b" "), b"a,b,,c".split(b","), b"a,b,c".rsplit(b",", 1), b"l1\nl2\r\n".splitlines())
print(b.find(b"Quick"), b.find(b"zz"), b.index(b"fox"), b.count(b"o"), b.rfind(b" "), b.find(113))
print(b.replace(b"o", b"0"), b"-".join([b"a", b"b"]), b.startswith(b"  T"), b.endswith((b"x", b"  ")))
print(b.partition(b"Quick"), b"abc".rpartition(b"z"))
print(b"abc".center(9, b"*"), b"abc".ljust(5), b"abc".rjust(5, b"0"), b"42".zfill(5))
print(b"abc1".isalnum(), b"abc".isalpha(), b"123".isdigit(), b"  ".isspace(), b"abc".islower(), b"ABC".isupper(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b"hello".translate(bytes.maketrans(b"el", b"ip")), b"hello".translate(None, b"l"))
print(b"tab\tsep".expandtabs(4), b"x".removeprefix(b"x"), b"abc".removesuffix(b"c"))
print(b"%s=%d" % (b"k", 5), b"\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"))
print(b"AbC".casefold() if hasattr(b"", "casefold") else b"AbC".lower())
