# sys.stdout/stderr/stdin objects, replacing sys.stdout, print(file=...), input() at EOF
import sys
print(sys.stdout.write("direct write\n"), sys.stdout.write(""))
print(sys.stdout.encoding, sys.stdout.name, sys.stdin.name, sys.stderr.name, sys.stdout.mode, sys.stdin.mode)
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.fileno(), sys.stdin.fileno(), sys.stderr.fileno())
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print("to stderr", file=sys.stderr)
sys.stderr.write("stderr write\n")
sys.stdout.flush()
class W:
    def __init__(self): self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self): self.parts.append("<flush>")
w = W()
old = sys.stdout
sys.stdout = w
print("captured", 1, sep="-")
print("second", flush=True)
sys.stdout.write("raw\n")
sys.stdout = old
print(w.parts)
print("to", "object", file=w, sep="+", end="!")
print(w.parts[-4:])
sys.stdout = None
print("this goes nowhere")
sys.stdout = old
print("restored")
try:
    input()
except EOFError as e:
    print("EOFError", e)
print(sys.stdin.read(), repr(sys.stdin.readline()))
sys.stdout = w
try:
    input("prompt> ")
except EOFError:
    pass
sys.stdout = old
print(w.parts[-2:])
import io
buf = io.StringIO()
print("into", "buffer", file=buf)
sys.stdout = buf
print("redirected")
sys.stdout = sys.__stdout__
print(repr(buf.getvalue()))
