# Custom exception classes
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key
class WithStr(Exception):
    def __str__(self):
        return "custom str"
class Multi(Exception):
    pass
try:
    raise NotFound("abc")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, repr(e))
try:
    raise WithStr(1, 2)
except Exception as e:
    print(e, e.args, repr(e))
for args in [(), ("one",), ("a", 2), (None,)]:
    e = Multi(*args)
    print(repr(str(e)), repr(e), e.args)
class NoInitCall(Exception):
    def __init__(self, a, b):
        self.a = a
try:
    raise NoInitCall(1, 2)
except NoInitCall as e:
    print(e.args, e.a, str(e))
print(issubclass(NotFound, Exception), issubclass(NotFound, BaseException), NotFound.__mro__[1:3])
e = AppError("x")
e.extra = 5
print(e.extra)
try:
    raise AppError
except AppError as e:
    print(repr(e), e.args)
class E2(ValueError):
    pass
try:
    int("q")
except E2:
    print("no")
except ValueError as e:
    print("plain ValueError", e)
try:
    raise E2("sub")
except ValueError as e:
    print("caught subclass", type(e).__name__)
try:
    raise 42
except TypeError as e:
    print("TypeError", e)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print("TypeError", e)
