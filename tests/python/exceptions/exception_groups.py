# ExceptionGroup and except* (3.11)
try:
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("ValueErrors:", [e.args[0] for e in eg.exceptions], type(eg).__name__, eg.message)
except* TypeError as eg:
    print("TypeErrors:", [e.args[0] for e in eg.exceptions])
eg = ExceptionGroup("outer", [KeyError("a"), ExceptionGroup("inner", [IndexError("b")])])
print(str(eg), len(eg.exceptions))
match, rest = eg.split(IndexError)
print(repr(match.exceptions[0].exceptions[0]), [type(e).__name__ for e in rest.exceptions])
print(eg.subgroup(KeyError).exceptions)
try:
    try:
        raise ExceptionGroup("g", [OSError("x"), ValueError("y")])
    except* OSError:
        print("handled OSError part")
except ExceptionGroup as e:
    print("remaining:", [type(x).__name__ for x in e.exceptions])
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("naked wrapped:", type(eg).__name__, repr(eg.exceptions[0]))
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, BaseException))
