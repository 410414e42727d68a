# exec/eval/compile with explicit and implicit namespaces, custom __builtins__, vars, dir, __import__
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("a + b", {"a": 1}, {"b": 2}), eval("[i for i in [0,1,2]]"))
g = {}
exec("y = 10\ndef f(z):\n    return y + z", g)
print(g["y"], g["f"](5), sorted(k for k in g if k != "__builtins__"))
ns = {"v": 1}
exec("v += 1", ns)
print(ns["v"])
code = compile("40 + 2", "<expr>", "eval")
print(type(code).__name__, eval(code), code.co_filename)
code2 = compile("for i in [0,1,2]: print('exec', i)", "<string>", "exec")
exec(code2)
single = compile("1 + 1", "<s>", "single")
print("single mode returns", exec(single, {}))
x = "global x"
def scopes():
    x = "local x"
    return eval("x"), eval("x", globals())
print(scopes())
def loc():
    a, b = 1, 2
    return sorted(locals().items())
print(loc())
exec("import sys as m2; r = m2.maxsize", ns)
print(ns["r"] > 3)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", type(e).__name__)
try:
    eval("undefined_var_q")
except NameError as e:
    print("NameError", e)
print(eval("__builtins__ is not None"), eval("len('abc')", {"__builtins__": {"len": len}}))
try:
    eval("abs(-1)", {"__builtins__": {}})
except NameError as e:
    print("NameError", e)
src = "def sq(n):\n    return n * n\nresult = [sq(i) for i in [0,1,2,3,4]]\n"
env = {}
exec(src, env)
print(env["result"])
print(eval(compile("lambda q: q + 1", "<l>", "eval"))(1))
print(eval("  7"))
try:
    exec("x=1", [])
except TypeError as e:
    print("TypeError", e)
try:
    compile("1", "f", "bad")
except ValueError as e:
    print("ValueError", e)
class K:
    exec("q = 3")
print(K.q)
print(vars(K)["q"], sorted(k for k in vars() if k in ("K", "x")))
try: vars(1)
except TypeError as e: print("TypeError", e)
print(dir() == sorted(dir()), "K" in dir())
import sys
print("exit" in dir(sys), dir(K)[-1])
m = __import__("math")
print(m.__name__, __import__("sys").__name__)
