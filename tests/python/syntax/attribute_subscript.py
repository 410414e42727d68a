# Attribute access, subscripting, slicing expressions
class P:
    pass
p = P()
p.x = 1
p.y = P()
p.y.z = [10, 20, 30]
print(p.x, p.y.z[1], p.y.z[-1], p.y.z[:2])
p.y.z[0] = 'a'
print(p.y.z)
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][2], m[-1][-3])
s = "abcdefgh"
print(s[1:5:2], s[::-1], s[-3:], s[:-3], s[10:], s[2:2], s[::3], s[7:2:-2])
print(s[slice(1, 3)], s[slice(None, None, -2)])
d = {(1, 2): 'tuple-key'}
print(d[1, 2], d[(1, 2)])
class G:
    def __getitem__(self, k):
        return k
g = G()
print(g[1], g[1, 2], g[1:2], g[::3], g[1:2, ...], g[...])
print(getattr(p, 'x'), getattr(p, 'nope', 'dflt'))
