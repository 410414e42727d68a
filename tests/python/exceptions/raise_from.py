# raise ... from, __cause__, __context__, __suppress_context__
def show(e):
    print(type(e).__name__, e,
          "cause=" + (type(e.__cause__).__name__ if e.__cause__ else "None"),
          "context=" + (type(e.__context__).__name__ if e.__context__ else "None"),
          "suppress=" + str(e.__suppress_context__))
try:
    try:
        {}['x']
    except KeyError as k:
        raise ValueError("converted") from k
except ValueError as e:
    show(e)
    print(repr(e.__cause__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("no context") from None
except RuntimeError as e:
    show(e)
try:
    raise IndexError("i") from ValueError("explicit cause instance")
except IndexError as e:
    show(e)
    print(e.__cause__.args)
try:
    raise IndexError from KeyError
except IndexError as e:
    show(e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError", e)
def chain():
    try:
        raise A1("first")
    except Exception:
        try:
            raise A2("second")
        except Exception:
            raise A3("third")
class A1(Exception): pass
class A2(Exception): pass
class A3(Exception): pass
try:
    chain()
except A3 as e:
    c = e
    names = []
    while c is not None:
        names.append(type(c).__name__)
        c = c.__context__
    print(names)
try:
    try:
        raise ValueError("a")
    finally:
        print("finally sees exception pending")
except ValueError as e:
    print(e.__context__)
