# collections.abc one-trick ABCs, mixins, registrations; abc caching and tokens
from collections.abc import *
import collections.abc as cabc
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
class NoHash:
    __hash__ = None
class Sub(Iterator):
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterator), isinstance(It(), Iterable), isinstance(NoHash(), Hashable), issubclass(Sub, Iterator), isinstance(Sub(), Iterable))
print(issubclass(list, MutableSequence), issubclass(tuple, MutableSequence), issubclass(dict, Mapping), issubclass(set, Set), issubclass(frozenset, MutableSet))
print(isinstance(iter([]), Iterator), isinstance((x for x in []), Generator), isinstance(len, Callable), isinstance(lambda: 0, Callable), isinstance(3, Callable))
print(isinstance({}.keys(), KeysView), isinstance({}.items(), Set), isinstance("s", Sequence), isinstance(b"", ByteString), isinstance(range(2), Reversible))
class MySet(Set):
    def __init__(self, it=()): self.d = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.d
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
a, b = MySet([1, 2, 3]), MySet([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= MySet([1,2,3,4]), a == MySet([3,2,1]), a.isdisjoint([9]))
class MS(MutableSequence):
    def __init__(self): self.l = []
    def __getitem__(self, i): return self.l[i]
    def __setitem__(self, i, v): self.l[i] = v
    def __delitem__(self, i): del self.l[i]
    def __len__(self): return len(self.l)
    def insert(self, i, v): self.l.insert(i, v)
m = MS(); m.extend([3, 1, 2]); m.append(5); m.reverse(); print(m.l, m.pop(), m.index(1), m.count(3), 2 in m, list(reversed(m)))
m += [7]; m.remove(1); print(m.l); m.clear(); print(m.l)
class MM(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
mm = MM(); mm.update({"a": 1}, b=2); mm.setdefault("c", 3); print(dict(mm), mm.pop("a"), mm.popitem(), mm.get("z", 0), list(mm.items()), list(mm.values()))
try: mm.pop("zz")
except KeyError as e: print("KeyError", e)
print(cabc.Iterable.__module__, Sequence.__name__)
from abc import ABC, abstractmethod, ABCMeta, get_cache_token
class B(ABC):
    @abstractmethod
    def f(self): ...
    @property
    @abstractmethod
    def p(self): ...
class C(B):
    def f(self): return 1
print(sorted(B.__abstractmethods__), sorted(C.__abstractmethods__))
class D(C):
    p = 5
print(D().f(), D.__abstractmethods__ == frozenset())
class R(ABC): pass
t0 = get_cache_token(); R.register(int); print(get_cache_token() > t0, isinstance(1, R), issubclass(bool, R), isinstance("x", R))
