# global and nonlocal scoping
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)

def make():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = make()
inc(); inc(); inc()
print(get())

def outer():
    x = 'outer'
    def mid():
        x = 'mid'
        def inner():
            nonlocal x
            x = 'inner-set'
        inner()
        return x
    r = mid()
    return x, r
print(outer())

def define_global():
    global newname
    newname = 'created'
define_global()
print(newname)

x = 'module'
def shadow():
    x = 'local'
    def g():
        global x
        return x
    return g()
print(shadow())

def unbound():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as e:
        print(type(e).__name__, e)
unbound()

class K:
    y = 1
    z = [y * 2]
    w = [y for _ in range(2)] if False else None
print(K.z)
def cls_scope():
    v = 'func'
    class A:
        v = 'class'
        def m(self):
            return v
    return A().m(), A.v
print(cls_scope())
