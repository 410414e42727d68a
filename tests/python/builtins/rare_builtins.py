# Less common builtins: aiter/anext, input at EOF, open on own source, __import__, locals, id
import sys
class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2:
            raise StopAsyncIteration
        return self.i
async def use():
    it = aiter(AIt())
    a = await anext(it)
    b = await anext(it)
    c = await anext(it, "default")
    return a, b, c
co = use()
try:
    co.send(None)
except StopIteration as e:
    print("aiter/anext:", e.value)
try:
    input()
except EOFError as e:
    print("EOFError", e)
with open(__file__, encoding="utf-8") as f:
    lines = f.read().splitlines()
print(len(lines) > 10, lines[0])
with open(__file__, "rb") as f:
    print(f.read(8))
m = __import__("math")
print(m.sqrt(9), __import__("os.path").__name__)
def f(a, b=2):
    c = a + b
    return sorted(locals())
print(f(1))
x = [1]
print(id(x) == id(x), isinstance(id(x), int))
print(type(breakpoint).__name__, callable(help) if "help" in dir(__builtins__) else True)
print(divmod(7, 2), oct(8), issubclass(type(sys), object))
