# Conditional expressions and truthiness
def t(x):
    return "T" if x else "F"
for v in [0, 1, -1, 0.0, 0.5, '', 'a', [], [0], (), (0,), {}, {0: 0}, set(), None, True, False, range(0), range(1), 0j, b'', b'\x00']:
    print(repr(v), t(v))
class Z:
    def __bool__(self): return False
class L:
    def __len__(self): return 0
class N:
    pass
print(t(Z()), t(L()), t(N()))
x = 5
print("big" if x > 3 else "small")
print(("a" if x else "b") + "c")
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
y = None
print(y or "default", 0 or None, "" or [] or 0)
print(1 and 2 and 3, 1 and 0 and 3)
