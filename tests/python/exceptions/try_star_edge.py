# raise inside except, exceptions in else, nested try in finally
def a():
    try:
        pass
    except Exception:
        return "except"
    else:
        raise KeyError("from else")
    finally:
        print("finally after else")
try:
    a()
except KeyError as e:
    print("else raised", e)
def b():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
    finally:
        print("finally after except raised")
try:
    b()
except TypeError as e:
    print(e, "context:", e.__context__)
def c():
    try:
        return "x"
    finally:
        try:
            raise OSError("in finally")
        except OSError:
            print("handled inside finally")
print(c())
def d():
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise ValueError(i)
            finally:
                print("inner finally", i)
        except ValueError as e:
            print("caught", e)
            continue
        print("end of iteration", i)
d()
