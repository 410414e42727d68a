# list methods
l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5); print(l)
l.extend([3, 5]); print(l)
l.extend(range(2)); print(l)
l.insert(0, 100); l.insert(-1, 200); l.insert(1000, 300); l.insert(-1000, -1); print(l)
print(l.pop(), l.pop(0), l.pop(3), l)
l.remove(1); print(l)
print(l.index(5), l.index(5, 5), l.count(5), l.count(42))
l.reverse(); print(l)
c = l.copy(); c.append("x"); print(len(l), len(c))
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.clear(); print(l)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError", e)
print(list("abc"), list(range(3)), list((1, 2)), list({1: 2}), list(), [1, 2] + [3], [0] * 3, [[]] * 2)
nested = [[]] * 3
nested[0].append(1)
print(nested)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
print(len([1, [2, 3]]), 3 in [1, 2, 3], [1] in [[1], 2], sum([[1], [2]], []))
x = [1, 2, 3]
x[1:2] = []
print(x, x * 0, x.__len__(), x.__getitem__(0))
