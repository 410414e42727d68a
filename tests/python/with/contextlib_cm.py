# contextlib.contextmanager and friends
from contextlib import contextmanager, suppress, nullcontext, ExitStack
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("b") as t:
    print("inside", t)
try:
    with tag("i"):
        raise ValueError("err")
except ValueError as e:
    print("caught", e)
@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print("swallowed ZeroDivisionError")
with swallow():
    1 / 0
print("continues")
with suppress(KeyError, IndexError):
    [][1]
print("suppress worked")
with nullcontext(5) as v:
    print("nullcontext", v)
with ExitStack() as stack:
    for n in ["one", "two", "three"]:
        stack.enter_context(tag(n))
    stack.callback(print, "callback runs first")
    print("stack body")
