# str()/repr() of ints, large ints, and formatting
for n in [0, 7, -7, 10 ** 18, 10 ** 19, -(10 ** 19), 2 ** 63 - 1, 2 ** 63, 2 ** 64, -(2 ** 63), 2 ** 127 + 1]:
    print(n, repr(n), str(n), len(str(n)), f"{n:,}", f"{n:x}", f"{n:>30}|")
big = 7 ** 500
s = str(big)
print(len(s), s[:30], s[-30:], int(s) == big)
print(format(10 ** 25, "e"), format(10 ** 25, ".3g"), float(10 ** 25), "%d" % 10 ** 25, "%.2e" % 10 ** 25)
print(f"{123456789:_}", f"{-123456789:,}", f"{42:+010d}", f"{42:^10}|", f"{-42:=8}|", f"{255:#010x}")
print(int(str(2 ** 200)) == 2 ** 200, int(hex(3 ** 90), 16) == 3 ** 90, int(bin(5 ** 40), 2) == 5 ** 40, int(oct(6 ** 33), 8) == 6 ** 33)
