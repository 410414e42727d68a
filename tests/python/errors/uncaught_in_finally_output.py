# finally blocks run (and print) before the program dies of an uncaught exception
def work():
    try:
        print("working")
        [].pop()
    finally:
        print("cleanup in finally")
try:
    work()
finally:
    print("outer finally")
