# Return semantics
def none(): pass
def early(x):
    if x:
        return "early"
    return "late"
def multi():
    return 1, [2], {3: 4}
def in_loop():
    for i in range(10):
        if i == 3:
            return i
def nested_finally():
    try:
        return "try"
    finally:
        print("finally runs")
print(none(), early(1), early(0), multi(), in_loop(), nested_finally())
a, (b,), c = multi()
print(a, b, c)
def while_ret():
    n = 0
    while True:
        n += 1
        if n > 4:
            return n
print(while_ret())
