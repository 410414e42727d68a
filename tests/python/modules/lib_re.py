# re: the regex engine against CPython's results (search/match/fullmatch/findall/finditer/split/sub/subn, errors)
import re as cre
cases = [
 (r"\d+", "a1b22c333"), (r"(\w)(\d)", "a1 b2"), (r"[,;]\s*", "a, b;c"), (r"(?P<key>\w+)=(?P<val>\w*)", "color=red;x"),
 (r"^\s*$", "   "), (r"[a-z]+", "abc1"), (r"o", "foo boo"), (r"a|b|c", "xcba"), (r"(a|ab)(c|bcd)(d*)", "abcd"),
 (r"x*", "abxd"), (r"\bfoo\b", "foo foobar afoo foo."), (r"(?i)HeLLo", "say hello"), (r"colou?r", "color colour"),
 (r"a{2,3}", "aaaa a aa"), (r"a{2,}?", "aaaa"), (r"<.*?>", "<a><b></b>"), (r"<.*>", "<a><b></b>"), (r"(\d)\1", "1122 3344 56"),
 (r"(?<=\$)\d+", "cost $40 and $5"), (r"(?<!\$)\b\d+", "cost $40 and 5"), (r"\w+(?=!)", "hi! yo? hey!"), (r"\w+(?!\w|!)", "hi! yo? hey!"),
 (r"^(\w+)\s(\w+)$", "hello world"), (r"(?m)^\w+", "a b\nc d\ne"), (r"(?s)a.b", "a\nb"), (r"a.b", "a\nb axb"),
 (r"[^aeiou\s]+", "hello world"), (r"[\w.-]+@[\w-]+\.\w+", "mail: a.b-c@ex-ample.com, x@y.z"), (r"(\d{3})-(\d{4})", "555-1234 and 555-9876"),
 (r"(?:ab)+", "ababab abx"), (r"(a)|(b)", "b"), (r"(a)?b", "b ab"), (r"\$\d+\.\d{2}", "$12.50 and $3.1"), (r"[\]\-]", "a]b-c"),
 (r"(?x) \d+ # digits\n [a-z]", "12a 3 45b"), (r"\Aab|cd\Z", "ab cd"), (r"é+", "caféé"), (r"[à-ÿ]+", "naïve café"), (r"\s+", "a \t\n b"),
 (r"(?P<a>x)(?P=a)", "xx xy"), (r"(a)(?(1)b|c)", "ab c"), (r"\W+", "a, b!c"), (r"(?i)[a-c]+", "ABCabcD"), (r"\\", "a\\b"),
 (r"a++", "aaa"), (r"(?>a+)b", "aaab"), (r"(\w+)@(\w+)\.com", "a@b.com c@d.com"), (r"", "abc"), (r"\b", "ab cd"),
 (r"(a*)*b", "aaab"), (r"(a|b)*c", "ababc"), (r"[0-9a-fA-F]+", "zz3Fa9q"), (r"\x41\u0042", "AB"), (r"a\nb", "a\nb"),
]
def summarize(mod, pat, s):
    out = []
    try:
        p = mod.compile(pat)
        m = p.search(s)
        out.append(None if m is None else (m.group(0), m.span(), m.groups(), m.groupdict()))
        m = p.match(s)
        out.append(None if m is None else (m.group(0), m.span()))
        m = p.fullmatch(s)
        out.append(None if m is None else m.span())
        out.append(p.findall(s))
        out.append([m.span() for m in p.finditer(s)])
        out.append(p.split(s))
        out.append(p.sub("<\\g<0>>", s))
        out.append(p.subn(lambda m: m.group(0).upper(), s, count=2))
        out.append((p.groups, sorted(p.groupindex.items())))
    except Exception as e:
        out.append(("EXC", type(e).__name__))
    return out
for pat, s in cases:
    print(repr(pat), repr(s), summarize(cre, pat, s))
for pat in ["(", "a)", "[a", "*a", "a**", "(?P<1>a)", r"\q", "a{3,1}", "(?<=a+)b", r"(a)\2", "(?z)"]:
    try:
        cre.compile(pat); a = "ok"
    except cre.error as e:
        a = str(e)
    print(repr(pat), a)
print(cre.escape("a.b*c"), cre.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), cre.sub("a", r"\n", "bab"))
print(repr(cre.match("a", "a")), repr(cre.compile("a", cre.I)), cre.compile("a", cre.I).flags)
