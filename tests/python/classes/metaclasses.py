# Metaclasses: subclasses of type, __new__/__init__/__call__, __prepare__
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kw)
        ns['added'] = 'by meta'
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
class Base(metaclass=Meta):
    def m(self): pass
class Child(Base, flag=True):
    x = 1
    def __init__(self, v):
        self.v = v
c = Child(5)
print(c.v, c.added, type(Child).__name__, type(Base) is Meta, isinstance(Child, type))
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class One(metaclass=Singleton):
    def __init__(self):
        print("One init")
print(One() is One())
class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        print("prepare", name)
        return {'injected': 99}
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls.order = [k for k in ns if not k.startswith('__')]
        return cls
class O(metaclass=Ordered):
    b = 1
    a = 2
    def c(self): pass
print(O.order, O.injected)
class RegMeta(type):
    registry = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        RegMeta.registry.append(name)
class R1(metaclass=RegMeta): pass
class R2(R1): pass
print(RegMeta.registry)
class AttrMeta(type):
    def __getattr__(cls, name):
        return "meta attr " + name
    @property
    def meta_prop(cls):
        return "prop of " + cls.__name__
class AM(metaclass=AttrMeta):
    pass
print(AM.whatever, AM.meta_prop, hasattr(AM(), 'meta_prop'))
print(type(type), type(int), type(Meta))
class MetaRepr(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via MetaRepr>"
class MR(metaclass=MetaRepr): pass
print(MR, [MR])
try:
    class M1(type): pass
    class M2(type): pass
    class A1(metaclass=M1): pass
    class A2(metaclass=M2): pass
    class A3(A1, A2): pass
except TypeError as e:
    print("TypeError", e)
