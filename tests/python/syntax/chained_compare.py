# Chained comparisons evaluate each operand once and short-circuit
calls = []
def v(x):
    calls.append(x)
    return x

print(1 < 2 < 3)
print(1 < 3 < 2)
print(3 > 2 > 1 > 0)
print(1 == 1 == 1.0)
print(1 < 2 > 1.5 != 7)
print(v(1) < v(0) < v(5))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3) < v(0))
print(calls)
calls.clear()
print(v(5) > v(3) >= v(3) <= v(4))
print(calls)
x = 5
print(0 <= x < 10, 0 <= x < 5)
print(1 in [1, 2] in [[1, 2], 3])
print(2 is not None is not False)
print('a' < 'b' < 'c' < 'cc')
print((1, 2) < (1, 3) < (2,))
print([1, 2] == [1, 2] != [1])
a = [1]
b = [1]
print(a == b, a is b, a is not b)
print(None is None, None == None)
