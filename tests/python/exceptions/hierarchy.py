# The built-in exception hierarchy
def chain(c):
    return [k.__name__ for k in c.__mro__]
for c in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError, UnicodeDecodeError,
          RecursionError, StopIteration, KeyboardInterrupt, SystemExit, GeneratorExit,
          ModuleNotFoundError, NotImplementedError, OverflowError, UnboundLocalError,
          TimeoutError, AssertionError, StopAsyncIteration, TabError, BrokenPipeError]:
    print(chain(c))
print(issubclass(KeyError, LookupError), issubclass(SystemExit, Exception))
print(IOError is OSError, EnvironmentError is OSError)
errors = [ZeroDivisionError, OverflowError, ValueError]
for E in errors:
    try:
        raise E("m")
    except ArithmeticError as e:
        print("Arithmetic", type(e).__name__)
    except Exception as e:
        print("Other", type(e).__name__)
try:
    raise SystemExit(5)
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)
