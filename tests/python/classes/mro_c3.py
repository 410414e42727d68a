# C3 linearisation
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
def names(c):
    return [k.__name__ for k in c.__mro__]
print(names(Z))
print(names(K1), names(K2), names(K3))
class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
try:
    class Bad(XY, YX): pass
except TypeError as e:
    print("TypeError", e)
try:
    class Bad2(X, X): pass
except TypeError as e:
    print("TypeError", e)
class Base:
    def who(self): return ["Base"]
class L(Base):
    def who(self): return ["L"] + super().who()
class R(Base):
    def who(self): return ["R"] + super().who()
class Diamond(L, R):
    def who(self): return ["Diamond"] + super().who()
print(Diamond().who())
print(names(Diamond), Diamond.mro() == list(Diamond.__mro__))
print(names(bool), names(int))
