# dir() of an instance whose __dict__ holds a non-str key fails while sorting, as in CPython.
class C:
    pass
q = C()
q.a = 1
q.__dict__[1] = 1
try:
    dir(q)
except TypeError as e:
    print("TypeError", e)
