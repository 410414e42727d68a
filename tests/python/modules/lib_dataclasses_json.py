# dataclasses and json
from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, is_dataclass, make_dataclass, InitVar, KW_ONLY
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1)
print(p, p == Point(1, 0), p != Point(2), [f.name for f in fields(p)], asdict(p), astuple(Point(1, 2, ["t"])))
p.tags.append("a")
print(replace(p, y=5), Point(1).tags, is_dataclass(p), is_dataclass(Point), is_dataclass(1))
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = "z"
print(sorted([V(2), V(1, "b"), V(1, "a")]), V(1) < V(2), hash(V(1)) == hash(V(1)))
try:
    V(1).a = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("ValueError", e)
@dataclass
class Inh(Point):
    z: int = 9
print(Inh(1, 2, [], 3), Inh.__match_args__)
@dataclass
class Post:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.b = self.a * scale
print(Post(3), Post(3, 10).b)
@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 1
print(KW(1, b=2))
try:
    KW(1, 2)
except TypeError as e:
    print("TypeError", type(e).__name__)
M = make_dataclass("M", [("x", int), ("y", int, field(default=3))])
print(M(1), M(1) == M(1, 3))
@dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), hash(NE(1)) is not None)
print(Point.__init__.__qualname__)
@dataclass
class Nested:
    p: Point
    ps: list
print(asdict(Nested(Point(1), [Point(2)])))
import json
data = {"name": "ann", "tags": ["a", "b"], "n": 1.5, "ok": True, "none": None}
s = json.dumps(data)
print(s)
print(json.loads(s) == data, json.loads("[1, 2.5, \"x\", null, false]"), json.dumps(data, indent=2, sort_keys=True))
print(json.dumps("é"), json.dumps("é", ensure_ascii=False), json.dumps([1, (2, 3)]))
print(json.dumps({"a": [1, {"b": None}], "c": "q\"\\\n\t"}), json.dumps({1: 2, True: 3, None: 4}))
print(json.loads('{"a": {"b": [1, -2.5e3, 1E2, 0]}, "u": "\\u00e9\\ud83d\\ude00\\n"}'))
for bad in ['[1,]', '{"a" 1}', '', '[1 2]', '{"a": 1,}', 'nul', '"abc', '[1] x']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e)
print(json.dumps([1.0, 1e300, -0.0, float("inf")]), json.dumps({}), json.dumps([]), json.dumps([[]], indent=1))
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError", e)
print(json.dumps({"b": 1, "a": 2}, separators=(",", ":"), sort_keys=True), json.dumps(3), json.loads("  7 "))
class E(json.JSONEncoder):
    def default(self, o):
        return sorted(o)
print(json.dumps({1, 2}, cls=E), json.dumps({3}, default=list))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
