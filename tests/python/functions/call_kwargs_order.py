# Evaluation order of arguments
log = []
def v(x):
    log.append(x)
    return x
def f(*a, **k):
    return a, k
f(v(1), v(2), *[v(3)], k=v(4), **{'z': v(5)})
print(log)
log.clear()
d = {v('k1'): v('v1'), v('k2'): v('v2')}
print(log)
log.clear()
x = [v(1), v(2)][v(0)]
print(log, x)
log.clear()
v(1) + v(2) * v(3)
print(log)
log.clear()
def target():
    log.append('target')
    return {}
target()[v('key')] = v('value')
print(log)
