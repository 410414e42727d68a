# try/except/else/finally flow
def run(x):
    log = []
    try:
        log.append("try")
        if x == 1:
            raise ValueError("v")
        if x == 2:
            raise KeyError("k")
        if x == 3:
            return log + ["returned"]
    except ValueError as e:
        log.append("except ValueError " + str(e))
    except (KeyError, IndexError) as e:
        log.append("except tuple " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for i in range(4):
    print(run(i))
def unhandled():
    try:
        raise TypeError("t")
    except ValueError:
        print("wrong handler")
    finally:
        print("finally before propagate")
try:
    unhandled()
except TypeError as e:
    print("outer caught", e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print("inner")
        raise
except ZeroDivisionError as e:
    print("re-raised", e)
try:
    pass
except Exception:
    pass
else:
    print("no exception -> else")
e = "outer name"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError", ne)
def bare():
    try:
        [][0]
    except:
        return "bare except caught"
print(bare())
