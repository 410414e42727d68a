# Shifts and bitwise operations including negatives and big ints
for a in [0, 1, 5, -1, -5, 255, -256, 2 ** 70, -(2 ** 70)]:
    print(a, a << 3, a >> 1, a >> 100, a & 0xF0, a | 0x0F, a ^ -1, ~a)
print(1 << 100, (1 << 100) >> 99, -1 << 65, -(1 << 65) >> 64)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10)
print((2 ** 100 - 1) & (2 ** 64 + 12345), (2 ** 100) | 1, -(2 ** 100) & 0xFFFF)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError", e)
print(True << 3, True & False, True | False, True ^ True, ~True)
print((5).bit_length(), (-5).bit_length(), (0).bit_length(), (255).bit_count())
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff", "big", signed=True))
print((1024).to_bytes(2, "big"), (-1).to_bytes(2, "little", signed=True), (2 ** 70).to_bytes(9, "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
