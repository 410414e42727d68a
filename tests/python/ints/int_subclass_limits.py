# int: str-digit limits, subclasses, bool, mixed-type keys
import sys
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        msg = str(e)
        if isinstance(e, TypeError) and ("argument" in msg or "given" in msg):
            msg = "(arguments)"
        print(type(e).__name__, msg)
show(lambda: str(10**4300))
show(lambda: f"{10**4300}")
show(lambda: format(10**4300, ','))
show(lambda: format(10**4300, 'x')[:4])
show(lambda: int('1' * 4301))
show(lambda: int(b'1' * 4301))
show(lambda: int('1' * 4301, 16) > 0)
sys.set_int_max_str_digits(0)
show(lambda: len(str(10**5000)))
show(lambda: int('1' * 5000) % 97)
sys.set_int_max_str_digits(1000)
show(lambda: str(10**1000))
show(lambda: int('2' * 1001))
sys.set_int_max_str_digits(4300)
class MyInt(int):
    def __repr__(self): return 'MyInt(%d)' % int(self)
m = MyInt(5)
show(lambda: [repr(m), str(m), m + 1, type(m + 1).__name__, int(m), type(int(m)).__name__, hash(m), m == 5, abs(MyInt(-3)), type(abs(MyInt(-3))).__name__])
show(lambda: [MyInt('ff', 16), MyInt(base=2, x='11') if False else 0])
show(lambda: type('B', (bool,), {}))
show(lambda: [True.__class__.__name__, bool.__mro__, isinstance(True, int), True is bool(1), bool(MyInt(0))])
show(lambda: [str(True), '%d' % True, '%s' % False, f'{True!r}', True.__repr__(), int.__repr__(True), True.__str__()])
show(lambda: [1 if True else 0, True == 1.0, True + 0.5, True * 1j, hash(True) == hash(1.0)])
class Idx:
    def __index__(self): return 5
show(lambda: [bin(Idx()), hex(Idx()), [0, 1, 2, 3, 4, 5, 6][Idx()], range(10)[Idx()], (5).__add__(Idx())])
show(lambda: 3 + Idx())
show(lambda: sorted([3, 1.5, True, 2**70, -1e300, 0]))
show(lambda: [x for x in (1, 2.0, 3+0j) if x == 2])
show(lambda: {1: 'a', 1.0: 'b', 1+0j: 'c', True: 'd'})
show(lambda: {2**64: 1, float(2**64): 2})
show(lambda: {0.5, 1/2, 2**-1})
show(lambda: divmod(10**30, 7) == (10**30 // 7, 10**30 % 7))
show(lambda: [i * i for i in range(2**62 - 2, 2**62 + 2)])
show(lambda: sum(range(1, 10**5)))
show(lambda: [(-5) // 2, (-5) % 2, 5 // -2, 5 % -2, (-5) // -2, (-5) % -2, 0 // -3, -0 % 5])
