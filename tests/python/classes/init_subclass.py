# __init_subclass__ and __class_getitem__
class Plugin:
    registry = {}
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key or cls.__name__.lower()
        Plugin.registry[cls.key] = cls
class Alpha(Plugin): pass
class Beta(Plugin, key="b"): pass
class Gamma(Beta): pass
print(sorted(Plugin.registry), Gamma.key, Beta.key)
try:
    class Bad(Plugin, unknown=1): pass
except TypeError as e:
    print("TypeError", e)
class Gen:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Gen[int], Gen["x"], Gen[1, 2])
print(list[int], dict[str, int], tuple[int, ...])
class Tracker:
    subs = []
    def __init_subclass__(cls):
        Tracker.subs.append(cls.__name__)
class T1(Tracker): pass
class T2(T1): pass
print(Tracker.subs)
