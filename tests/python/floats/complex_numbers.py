# complex: constructor and parsing, repr, arithmetic, pow, comparisons, hash, format
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        msg = str(e)
        if isinstance(e, TypeError) and ("argument" in msg or "given" in msg):
            msg = "(arguments)"
        print(type(e).__name__, msg)

nan, inf = float('nan'), float('inf')
show(lambda: complex())
show(lambda: complex(1))
show(lambda: complex(1.5, 2))
show(lambda: complex(real=1, imag=2))
show(lambda: complex(imag=2))
show(lambda: complex(1, real=2))
show(lambda: complex(x=1))
show(lambda: complex(1, 2, 3))
show(lambda: complex('1+2j', 1))
show(lambda: complex(1, '2'))
show(lambda: complex([]))
show(lambda: complex(1, []))
show(lambda: complex(1j, 1j))
show(lambda: complex(1+2j, 3))
show(lambda: complex(2, 1+2j))
show(lambda: complex(10**400))
show(lambda: complex(True, False))
for s in ['1+2j', ' ( 1.5e3-2_0j ) ', 'j', '-j', '+j', '1-j', '1+j', 'infj', '-inf-infj', 'nan+nanj', '1e500j', '3', '-3.5', '.5j', '5.j', '1e5J', 'INFINITYj',
          '1+2', 'x', '1__0j', '_1j', '1_j', '1+2j)', '(1+2j', '', ' ', '1 + 2j', '1e', 'jj', '1+2jj', '(1+2j))', '\u0661+\u0662j', '1\x002j']:
    show(lambda: complex(s))
class A:
    def __complex__(self): return 3j
class B:
    def __complex__(self): return 3
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 4
class C(complex): pass
show(lambda: complex(A()))
show(lambda: complex(B()))
show(lambda: complex(F(), I()))
show(lambda: complex(A(), 1))
show(lambda: C(1, 2))
show(lambda: type(C(1, 2)).__name__)
show(lambda: C(1) + 1)
show(lambda: -C(1))
vals = [0j, 1j, -1j, 1+2j, -1.5-0.5j, complex(0.0, -0.0), complex(-0.0, 0.0), complex(-0.0, -0.0), complex(nan, nan), complex(inf, -inf), complex(1e16, 1e-7), complex(0, 1e100), complex(1, nan), complex(-nan, 1), complex(2**53, 3)]
for v in vals:
    print(repr(v), str(v), v.real, v.imag, v.conjugate(), bool(v))
show(lambda: [(1+2j) + 1, 1 + (1+2j), (1+2j) - 2.5, 2.5 - (1+2j), (1+2j) * 2, 2 * (1+2j), (1+2j) * (3-4j), 1j * 1j, (1+2j) / (3-4j), 1 / (1+1j), (1+1j) / 2, 2.0 / 1j])
show(lambda: [(1+1j) ** 2, (1+1j) ** -2, 1j ** 0.5, 2 ** 1j, (2+0j) ** 0.5, 0j ** 0, 0j ** 2, (1+2j) ** (3+4j), (-8) ** (1/3+0j), 1j ** 100, 1j ** 101, 1j ** 1000])
show(lambda: 0j ** -1)
show(lambda: 0j ** 1j)
show(lambda: 0j ** (-1 + 0j))
show(lambda: (1e200+1e200j) ** 2)
show(lambda: (1e308+1e308j) ** 0.5)
show(lambda: 1j / 0)
show(lambda: 1 / 0j)
show(lambda: (1+1j) / complex(0, 0))
show(lambda: (1+1j) / complex(nan, 0))
show(lambda: pow(1j, 2, 3))
show(lambda: (1j).__pow__(2, 3))
show(lambda: (1j).__rpow__(2))
show(lambda: 1j // 2)
show(lambda: 1j % 2)
show(lambda: divmod(1j, 2))
show(lambda: ~1j)
show(lambda: 1j < 2j)
show(lambda: 1j >= 1)
show(lambda: [1j == 1j, 1j != 1j, 1+0j == 1, 1+0j == 1.0, 1j == 1, 2**53 + 1 == complex(2**53 + 1, 0), 1j == 'a', (1+0j).__eq__(1), (1j).__lt__(2j)])
show(lambda: [abs(3+4j), abs(complex(inf, nan)), abs(complex(nan, 1)), abs(-0j), abs(1e308+1e308j)])
show(lambda: abs(complex(1.7e308, 1.7e308)))
show(lambda: [hash(1+0j), hash(1.5+0j) == hash(1.5), hash(2j), hash(1+2j), hash(-1+0j), hash(complex(-1, 0)), hash(complex(0, -1)), hash(complex(inf, 0))])
show(lambda: 1j + 10**400)
show(lambda: 1j + 'a')
show(lambda: int(1j))
show(lambda: float(1j))
show(lambda: [format(1+2j), format(1+2j, ''), format(1+2j, '.3'), format(1.5+2j, '10'), format(1+2j, 'g'), format(2j, '.2f'), format(-2j, '+.2f'), format(1+2j, '^20'), format(1234.5+2j, ',.2f'), format(1234.5+2j, '#g'), format(complex(nan, inf), ''), format(3j, '>10'), format(-0j, ''), format(1+2j, ' '), format(2j, 'e')])
for s in ['010', '0<10', '=10', '%', 'd', 'x']:
    show(lambda: format(1+2j, s))
show(lambda: (1+2j).__getnewargs__())
show(lambda: (1+2j).__complex__())
show(lambda: [(1+2j).real, (1+2j).imag, True.imag, (1.5).imag])
show(lambda: complex.conjugate(3))
