# Semicolons, pass, line continuation, ellipsis bodies, docstrings
def f():
    """doc of f"""
    pass
print(f(), f.__doc__)
class C: ...
print(C.__doc__)
x = 1; y = 2; z = x + \
    y
print(z)
total = (1 +
         2 +
         3)
print(total)
if True: print("inline if")
for i in range(2): print("loop", i)
while False: pass
else: print("while else")
lst = [
    1,
    2,
]
print(lst)
def g():
    return
print(g())
def h(): return 1, 2
print(h())
print(type(h()))
