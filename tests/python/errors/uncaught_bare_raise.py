# Uncaught exception raised as a bare class: the last stderr line is just the class name
print("before")
def fail():
    raise RuntimeError
fail()
