# Exceptions raised inside except/finally, nested handlers, exception variable scope
def f():
    try:
        raise ValueError("one")
    except ValueError:
        try:
            raise TypeError("two")
        except TypeError as t:
            return "inner handled " + str(t)
print(f())
def g():
    try:
        try:
            raise ValueError("orig")
        finally:
            raise KeyError("from finally")
    except KeyError as e:
        return repr(e) + " ctx=" + repr(e.__context__)
print(g())
import sys
def h():
    try:
        raise IndexError("idx")
    except IndexError:
        print("in handler, exc_info:", sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
        print("exception():", repr(sys.exception()) if hasattr(sys, 'exception') else "n/a")
    print("after handler:", sys.exc_info())
h()
def nested_same():
    try:
        raise ValueError(1)
    except ValueError as e:
        try:
            raise ValueError(2)
        except ValueError as e2:
            pass
        return e.args, 'e2' in locals()
print(nested_same())
def reraise_in_loop():
    caught = []
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError(i)
        except RuntimeError as e:
            caught.append(e.args[0])
    return caught
print(reraise_in_loop())
def handler_order():
    try:
        raise KeyError("k")
    except LookupError:
        return "LookupError first"
    except KeyError:
        return "KeyError second"
print(handler_order())
def dynamic_tuple():
    kinds = (TypeError, ValueError)
    try:
        int("z")
    except kinds as e:
        return type(e).__name__
print(dynamic_tuple())
