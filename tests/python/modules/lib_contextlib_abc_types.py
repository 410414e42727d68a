# contextlib, io.StringIO, abc, collections.abc, types
from contextlib import contextmanager, suppress, nullcontext, ExitStack, redirect_stdout, closing
import io, sys
@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)
with tag("a") as t:
    print("inside", t)
try:
    with tag("b"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print("swallowed")
with swallow():
    raise KeyError("k")
with suppress(ZeroDivisionError):
    1 / 0
print("after suppress")
with nullcontext(5) as v:
    print(v)
with ExitStack() as stack:
    for n in "xyz":
        stack.enter_context(tag(n))
    stack.callback(print, "callback")
buf = io.StringIO()
with redirect_stdout(buf):
    print("hidden", 1)
print(repr(buf.getvalue()))
@tag("deco")
def f():
    print("in f")
f()
class R:
    def close(self): print("closed")
with closing(R()):
    pass
s = io.StringIO("line1\nline2\nline3")
print(s.readline(), s.read(3), s.readlines(), s.tell())
s.seek(0); print(list(s))
s = io.StringIO()
s.write("abc"); s.write("def"); s.seek(1); s.write("X"); print(s.getvalue(), s.tell())
print(isinstance(sys.stdout, io.TextIOWrapper), issubclass(io.UnsupportedOperation, OSError))
from abc import ABC, abstractmethod, ABCMeta
class Base(ABC):
    @abstractmethod
    def area(self): ...
    def describe(self): return "shape %s" % self.area()
class Sq(Base):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
try:
    Base()
except TypeError as e:
    print("TypeError", str(e).startswith("Can't instantiate abstract class Base"), "area" in str(e))
print(Sq(3).describe(), isinstance(Sq(2), Base), sorted(Base.__abstractmethods__))
class Half(Base):
    pass
try:
    Half()
except TypeError as e:
    print("TypeError", "Half" in str(e))
class Reg(metaclass=ABCMeta):
    pass
Reg.register(int)
print(isinstance(3, Reg), issubclass(int, Reg), isinstance("s", Reg))
from collections.abc import Iterable, Mapping, Sequence, Callable, Hashable, Sized, MutableMapping
print(isinstance([], Iterable), isinstance(3, Iterable), isinstance({}, Mapping), isinstance([], Sequence), isinstance((), Sequence))
print(isinstance(len, Callable), isinstance([], Hashable), isinstance("x", Sized), issubclass(dict, MutableMapping))
class MyMap(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
m = MyMap({"a": 1, "b": 2})
print(m.get("a"), m.get("z", 0), "a" in m, list(m.keys()), list(m.items()), list(m.values()), m == {"a": 1, "b": 2})
import types
ns = types.SimpleNamespace(a=1, b="x")
ns.c = 3
print(ns, ns.a, types.SimpleNamespace(a=1, b="x", c=3) == ns)
def gen(): yield 1
print(type(gen()) is types.GeneratorType, isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.FunctionType), types.ModuleType("m").__name__)
class K:
    def m(self): pass
print(isinstance(K().m, types.MethodType))
