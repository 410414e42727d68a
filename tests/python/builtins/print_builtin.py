# print with sep, end, file, flush
import sys
print("a", "b", "c")
print("a", "b", "c", sep="-")
print("a", "b", sep="")
print("no newline", end="")
print(" <- continued")
print("x", "y", sep=", ", end="!\n")
print()
print(1, 2.5, None, True, [1], (2,), {3: 4}, "s")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5), sep=" | ")
print(*[], sep="x")
print("multi\nline")
print("sep None", "ok", sep=None, end=None)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("to", "object", file=w, sep="+")
print(w.parts)
try:
    print("x", sep=1)
except TypeError as e:
    print("TypeError", e)
sys.stdout.write("direct write\n")
print(sys.stdout.write("abc") if False else "write returns count:", sys.stdout.write(""))
