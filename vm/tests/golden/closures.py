def counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

def shadow(x):
    def inner():
        x = 2
        return x
    return inner

def deep(a):
    def mid():
        def leaf():
            return a
        return leaf
    return mid

def outer(v):
    class Holder:
        value = v
        def read(self):
            return v
    return Holder

G = 0
def use_global():
    global G
    G += 1
    return G
