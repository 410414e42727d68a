# SyntaxError from compile/exec/eval caught; print type and msg
sources = [
    "x = ",
    "def f(:\n    pass",
    "if True\n    pass",
    "1 = x",
    "return 5",
    "break",
    "f(**x, *y)",
    "x = (1, 2",
    "a b",
    "def f():\n  x = 1\n   y = 2",
    "lambda: (yield)",
    "del f()",
    "nonlocal q",
    "class",
    "'unterminated",
]
for src in sources:
    try:
        compile(src, "<test>", "exec")
        print("compiled ok:", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "| line", e.lineno)
try:
    exec("def g():\n    return 1 +\n")
except SyntaxError as e:
    print("exec:", type(e).__name__, e.msg)
try:
    eval("1 2")
except SyntaxError as e:
    print("eval:", type(e).__name__, e.msg)
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))
