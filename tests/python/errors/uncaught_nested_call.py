# Uncaught exception from deep in a call chain, after partial output in loops
def level3(n):
    if n == 3:
        raise ValueError(f"bad value {n}")
    return n
def level2(n):
    return level3(n) * 2
def level1():
    for i in range(5):
        print("processing", i, level2(i))
level1()
