# Float parsing/printing round trips over a range of magnitudes
vals = []
x = 1.0
for i in range(40):
    vals.append(x)
    x *= 7.3
for v in vals:
    assert float(repr(v)) == v
print(vals[::5])
ys = [1 / n for n in range(1, 30)]
print(ys)
print([round(y, 3) for y in ys[:10]])
print([2.0 ** -k for k in range(0, 60, 7)])
print([10.0 ** k for k in range(-8, 25, 3)])
print(["%.17g" % v for v in [0.1, 1 / 3, 2 / 3]])
print(["{:.15e}".format(v) for v in [1e-300, 6.02214076e23]])
