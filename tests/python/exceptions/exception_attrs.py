# Exception objects: args, str/repr, with_traceback, add_note, builtin attrs
e = ValueError("a", 1)
print(e.args, str(e), repr(e))
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
print(repr(OSError(2, "No such file")), OSError(2, "No such file").errno, OSError(2, "x").strerror)
try:
    open("/nonexistent/file/for/test")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(isinstance(e, OSError))
se = StopIteration(5)
print(se.value, se.args)
sx = SystemExit(3)
print(sx.code, SystemExit().code, SystemExit("m").code)
try:
    raise ValueError("with note")
except ValueError as e:
    e.add_note("note 1")
    e.add_note("note 2")
    print(e.__notes__)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e.__traceback__ is not None, type(e.__traceback__).__name__)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)
ue = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')
print(ue.encoding, ue.start, ue.end, ue.reason, str(ue))
try:
    b'\xffabc'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e)
ae = AttributeError("x")
print(ae.args)
ne = NameError("n")
print(repr(ne))
print(BaseException("a", "b"))
print(repr(Exception()))
