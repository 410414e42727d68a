# Augmented assignment, including on items/attributes and mutable in-place
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x **= 3; print(x)
x %= 7; print(x)
x <<= 4; print(x)
x >>= 2; print(x)
x |= 0b1000; print(x)
x &= 0b1100; print(x)
x ^= 0b0110; print(x)
y = 7
y /= 2; print(y)
s = "ab"
s += "cd"; s *= 2; print(s)
l = [1]
l2 = l
l += [2, 3]
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
l *= 2
print(l2)
d = {'k': 1}
d['k'] += 5
print(d)
class C:
    pass
c = C()
c.v = 3
c.v *= 4
print(c.v)
m = [[0, 0], [0, 0]]
m[1][0] -= 9
print(m)
calls = []
def idx():
    calls.append('idx')
    return 0
arr = [5]
arr[idx()] += 1
print(arr, calls)
class V:
    def __init__(self, v): self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __add__(self, o):
        return V(self.v + o + 1000)
    def __repr__(self): return f"V({self.v})"
a = V(1)
b = a
a += 1
print(a, b, a is b)
class W:
    def __init__(self, v): self.v = v
    def __add__(self, o): return W(self.v + o)
    def __repr__(self): return f"W({self.v})"
a = W(1); b = a
a += 1
print(a, b, a is b)
sset = {1, 2}
sset |= {3}
sset &= {2, 3}
sset -= {9}
print(sorted(sset))
