# Assigning a class's __bases__ changes its MRO, seen by existing instances.
class P1:
    w = "P1"
class P2:
    w = "P2"
class Q(P1):
    pass
qo = Q()
seq = []
for i in range(40):
    if i == 20:
        Q.__bases__ = (P2,)
    seq.append(qo.w)
print(seq[19], seq[20], seq.count("P1"), seq.count("P2"))
print(Q.__bases__ == (P2,), Q.__mro__ == (Q, P2, object), "__bases__" in Q.__dict__)
try:
    Q.__mro__ = ()
except AttributeError as e:
    print("AttributeError", e)
