# Output before an uncaught exception must appear; exit code 1; last stderr line is the exception
print("line one")
print("line two")
def f(x):
    return 10 / x
print(f(2))
print(f(0))
print("not reached")
