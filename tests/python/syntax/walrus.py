# Assignment expressions
data = [1, 5, 3, 8, 2]
if (n := len(data)) > 3:
    print("long", n)
print(n)

vals = []
it = iter([1, 2, 3, 0, 4])
while (x := next(it)) != 0:
    vals.append(x * 10)
print(vals, x)

print([y for v in data if (y := v * 2) > 5])
print(y)

def f():
    total = 0
    res = [total := total + v for v in range(5)]
    return res, total
print(f())

print((z := 10) + z)
print(z)
w = [(q := i) for i in range(3)]
print(w, q)
print(any((hit := e) > 4 for e in data), hit)
def g(a=(k := 7)):
    return a
print(g(), k)
