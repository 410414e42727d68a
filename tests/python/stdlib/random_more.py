# More random functions
import random
random.seed(2024)
print(random.choices(["a", "b", "c"], k=6))
print(random.choices(range(5), weights=[10, 0, 0, 0, 1], k=5))
print(random.choices("xyz", cum_weights=[1, 2, 3], k=4))
print([round(random.triangular(0, 10, 3), 12) for _ in range(3)])
print([round(random.expovariate(1.5), 12) for _ in range(3)])
print([round(random.normalvariate(10, 2), 12) for _ in range(3)])
print([round(random.betavariate(2, 3), 12) for _ in range(2)])
print(random.randbytes(6) if hasattr(random, "randbytes") else b"")
deck = [r + s for r in "A23456789TJQK" for s in "SHDC"]
random.shuffle(deck)
print(deck[:13])
try:
    random.choice([])
except IndexError as e:
    print("IndexError", e)
try:
    random.randrange(0)
except ValueError as e:
    print("ValueError", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError", e)
