# assert
assert True
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print("caught", repr(e), e.args)
try:
    assert False, "message here"
except AssertionError as e:
    print("caught", e, e.args)
try:
    assert [], ("tuple", 1)
except AssertionError as e:
    print("caught", e.args)
n = 0
def side():
    global n
    n += 1
    return "msg"
assert True, side()
print("side effect count", n)
try:
    assert 0, side()
except AssertionError as e:
    print(e, n)
