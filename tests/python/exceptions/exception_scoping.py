# Exception variable is cleared after the except block; exceptions across functions and loops
def f():
    err = None
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    return err, "e" in locals()
err, has_e = f()
print(type(err).__name__, has_e)
def g():
    e = "before"
    try:
        raise ValueError("v")
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return "UnboundLocalError: " + str(u)
print(g())
results = []
for x in [1, 0, "a", 2]:
    try:
        results.append(10 / x)
    except ZeroDivisionError:
        results.append("zero")
    except TypeError as ex:
        results.append(type(ex).__name__)
    else:
        results.append("ok")
    finally:
        results.append("|")
print(results)
def propagate(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        propagate(n - 1)
    finally:
        print("unwinding", n)
try:
    propagate(3)
except LookupError as e:
    print("caught", e)
