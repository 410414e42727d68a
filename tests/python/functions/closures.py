# Closures and cells
def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
print(a5(1), make_adder(-1)(1))
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1())
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def early():
    fs = []
    for i in range(3):
        def mk(j):
            return lambda: j
        fs.append(mk(i))
    return [f() for f in fs]
print(early())
def shared():
    x = 1
    def get(): return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
get, set_ = shared()
set_(42)
print(get())
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3
        return l2
    return l1
print(deep()()()())
print(a5.__closure__ is not None, len(a5.__closure__), a5.__closure__[0].cell_contents)
print(make_adder.__code__.co_freevars, add_names := make_adder(0).__code__.co_freevars)
def rebinding():
    x = 'first'
    f = lambda: x
    x = 'second'
    return f()
print(rebinding())
