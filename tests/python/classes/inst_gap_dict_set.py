# Setting obj.__dict__ to a non-dict names the type; `del obj.__dict__` leaves an empty dict.
class C:
    pass
o = C()
o.a = 1
for bad in ([1, 2], None):
    try:
        o.__dict__ = bad
    except TypeError as e:
        print("TypeError", e)
old = o.__dict__
del o.__dict__
print(vars(o), old, hasattr(o, "a"))
o.b = 2
print(vars(o), old)
