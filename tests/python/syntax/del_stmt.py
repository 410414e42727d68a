# del of names, items, slices, attributes
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
l = list(range(10))
del l[0]
print(l)
del l[-1]
print(l)
del l[1:3]
print(l)
del l[::2]
print(l)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print("KeyError", e)
class C:
    pass
c = C()
c.a = 1
c.b = 2
del c.a
print(vars(c))
try:
    del c.a
except AttributeError as e:
    print("AttributeError", e)
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
def f():
    y = 2
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "Unbound: " + str(e)
print(f())
l = [1, 2, 3]
del (l[0], l[0])
print(l)
