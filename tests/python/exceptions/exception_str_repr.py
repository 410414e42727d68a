# str/repr of many built-in exception instances
excs = [ValueError(), ValueError("x"), ValueError("x", "y"), KeyError("k"), KeyError(), IndexError(3),
        OSError(), OSError("msg"), OSError(2, "No such file"), OSError(2, "No such file", "f.txt"),
        FileNotFoundError(2, "No such file", "f.txt"), StopIteration(), StopIteration(7),
        SystemExit(), SystemExit(2), AttributeError("a"), NameError("n"), UnicodeError("u"),
        RuntimeError(None), Exception(1, [2]), ZeroDivisionError("division by zero"), AssertionError()]
for e in excs:
    print(repr(e), "|", str(e), "|", e.args)
try:
    raise ValueError("one") from KeyError("two")
except ValueError as e:
    print(repr(e), repr(e.__cause__))
