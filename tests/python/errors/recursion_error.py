# Deep recursion raises RecursionError, which can be caught; the program continues
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError caught:", type(e).__name__, isinstance(e, RuntimeError))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")
class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Loop().a
except RecursionError:
    print("__getattr__ recursion caught")
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print("still works after:", ok(500))
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    print("repr recursion caught")
