# Uncaught NameError
def f():
    print("inside f")
    return undefined_variable_xyz + 1
f()
