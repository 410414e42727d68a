# Floor division and modulo with all sign combinations
for a in [7, -7, 0, 1, -1, 13, -13]:
    for b in [3, -3, 1, -1, 7]:
        print(a, b, a // b, a % b, divmod(a, b))
print(divmod(2 ** 70, -3), divmod(-(2 ** 70), 3))
print(-1 // 2 ** 80, -1 % 2 ** 80 == 2 ** 80 - 1)
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (7, 0.5), (-0.0, 1)]:
    print(a, b, a // b, a % b)
print(5 % -0.5, 1e300 % 7, -1e-300 % 1)
for e in [lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 1.5 // 0, lambda: 1 % 0.0]:
    try:
        e()
    except ZeroDivisionError as ex:
        print("ZeroDivisionError", ex)
