# Big integer arithmetic
a = 2 ** 100
b = 3 ** 70
print(a, b)
print(a + b, a - b, b - a, a * b)
print(a // 7, a % 7, -a // 7, -a % 7)
print(b // a, b % a, divmod(b, a), divmod(-b, a), divmod(b, -a))
print(a ** 3)
print(2 ** 64 - 1, 2 ** 63, -2 ** 63, 2 ** 64 + 1)
print((2 ** 64) * (2 ** 64) == 2 ** 128)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(4611686018427387904 * 2, 4611686018427387903 + 4611686018427387905)
x = 1
for i in range(1, 60):
    x *= i
print(x)
print(x // (2 ** 50), x % 1000000007)
print(int("123456789" * 5) * int("987654321" * 4))
f = 10 ** 30
print(f // 3, f % 3, -f // 3, (-f) % 3)
print(abs(-10 ** 40), -(-10 ** 40))
print(10 ** 40 == 10 ** 40, 10 ** 40 < 10 ** 41, -10 ** 40 < 10 ** 40, 2 ** 100 > 2 ** 99 * 1.5)
print(hash(2 ** 100) == hash(2 ** 100), (2**61 - 1) % 1000)
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)))
n = 12345678901234567890123456789
print(n.bit_length(), (-n).bit_length(), n.bit_count() if hasattr(n, 'bit_count') else '')
print(str(2 ** 200)[:20], len(str(3 ** 1000)))
print(2 ** 1000 // 3 ** 500)
