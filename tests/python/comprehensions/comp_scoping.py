# Comprehension scoping rules
x = "outer"
r = [x for x in range(3)]
print(r, x)
y = 10
print([y + i for i in range(3)])
def f():
    z = 5
    return [z * i for i in range(3)]
print(f())
class C:
    v = 3
    items = [i for i in range(v)]
    try:
        bad = [v for i in range(3)]
    except NameError as e:
        err = str(e)
print(C.items, C.err)
def nested():
    return [[i + j for j in range(i)] for i in range(4)]
print(nested())
def capture():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(capture())
def capture2():
    fs = [lambda i=i: i for i in range(3)]
    return [f() for f in fs]
print(capture2())
i = "unchanged"
[i for i in range(5)]
print(i)
def walrus_leak():
    [last := n for n in range(4)]
    return last
print(walrus_leak())
try:
    [q for q in range(3) if undefined_thing]
except NameError as e:
    print("NameError", e)
data = [3, 1, 2]
print([v for v in sorted(data)], data)
def first_iter_eval():
    log = []
    def src():
        log.append("src")
        return [1, 2]
    g = (x for x in src())
    log.append("created")
    list(g)
    return log
print(first_iter_eval())
