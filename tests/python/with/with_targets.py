# with-statement targets: tuples, attributes, subscripts
class Pair:
    def __enter__(self): return (1, 2)
    def __exit__(self, *a): return False
with Pair() as (a, b):
    print(a, b)
class Holder: pass
h = Holder()
with Pair() as h.value:
    pass
print(h.value)
d = {}
with Pair() as d["k"]:
    pass
print(d)
with Pair() as [x, y]:
    print(x + y)
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): pass
    def __repr__(self): return "CM()"
with CM() as c1, CM():
    print(c1)
