"""Helper module for import tests (not a test itself)."""
print("mod_basic executing, __name__ =", __name__)
VALUE = 42
_private = "hidden"
counter = 0
def greet(name):
    return f"hello {name} from {__name__}"
def bump():
    global counter
    counter += 1
    return counter
class Thing:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Thing({self.v})"
