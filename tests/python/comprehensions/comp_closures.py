# Closures created in comprehensions, comprehensions inside methods and lambdas
class Poly:
    def __init__(self, coeffs):
        self.coeffs = coeffs
    def terms(self, x):
        return [c * x ** i for i, c in enumerate(self.coeffs)]
    def eval_many(self, xs):
        return {x: sum(self.terms(x)) for x in xs}
p = Poly([1, 0, 2])
print(p.terms(3), p.eval_many(range(4)))
adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print({k: f(10) for k, f in adders.items()})
mult = lambda k: [k * i for i in range(4)]
print(mult(3))
def outer(scale):
    return [[scale * (r + c) for c in range(3)] for r in range(2)]
print(outer(10))
def counter_comp():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return [inc() for _ in range(5)], count
print(counter_comp())
