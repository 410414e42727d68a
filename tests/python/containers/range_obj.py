# range objects
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(11))
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 1)), list(range(-5, 5, 4)))
print(range(10) == range(0, 10, 1), range(0) == range(5, 5), range(1, 5, 2) == range(1, 6, 2))
print(range(10 ** 20)[10 ** 19], 10 ** 19 in range(10 ** 20), range(10 ** 20)[-1], range(0, 10 ** 20, 7)[3])
try:
    len(range(10 ** 20))
except OverflowError as e:
    print("OverflowError", e)
print(r.start, r.stop, r.step, bool(range(0)), bool(range(1)))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError", e)
print(list(reversed(range(1, 10, 4))), sum(range(101)), max(range(-3, 3)), sorted(range(3), reverse=True))
print(hash(range(3)) == hash(range(0, 3)), repr(range(1, 2, -1)), range(-1, -10, -3)[2])
