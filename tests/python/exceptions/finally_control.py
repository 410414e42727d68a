# finally interacting with return/break/continue
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())
def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_break())
def loop_continue():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append("f")
    return out
print(loop_continue())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "broke with exception discarded, i=%d" % i
print(break_in_finally())
def continue_in_finally():
    n = 0
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            n += 1
            continue
    return n
print(continue_in_finally())
def nested():
    log = []
    try:
        try:
            log.append("inner try")
            return log
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
print(nested())
def ret_value_evaluated_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 2
print(ret_value_evaluated_before_finally())
def while_finally():
    i = 0
    while True:
        try:
            i += 1
            if i > 3:
                return i
        finally:
            if i == 4:
                print("finally on return, i =", i)
print(while_finally())
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = gen_finally()
for v in g:
    print(v)
    break
print("closing explicitly")
g.close()
