# json and re basics (pure-stdlib heavy hitters)
import json, re
data = {"name": "ann", "tags": ["a", "b"], "n": 1.5, "ok": True, "none": None}
s = json.dumps(data)
print(s)
print(json.loads(s) == data, json.loads("[1, 2.5, \"x\", null, false]"), json.dumps(data, indent=2, sort_keys=True))
print(json.dumps("é"), json.dumps("é", ensure_ascii=False), json.dumps([1, (2, 3)]))
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"(\w)(\d)", r"\2\1", "a1 b2"), re.split(r"[,;]\s*", "a, b;c"))
m = re.match(r"(?P<key>\w+)=(?P<val>\w*)", "color=red;x")
print(m.group(0), m.group("key"), m["val"], m.span(), m.groupdict())
print(bool(re.search(r"^\s*$", "   ")), re.fullmatch(r"[a-z]+", "abc1"), re.compile(r"o").sub("0", "foo boo", count=2))
