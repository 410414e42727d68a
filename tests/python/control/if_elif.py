# if/elif/else chains
def grade(s):
    if s >= 90:
        return "A"
    elif s >= 80:
        return "B"
    elif s >= 70:
        return "C"
    else:
        return "F"
print([grade(s) for s in [95, 85, 75, 10, 90, 80]])
def fizz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    return str(n)
print(" ".join(fizz(i) for i in range(1, 31)))
x = 0
if x:
    print("no")
elif not x:
    print("not x")
if []:
    pass
elif {}:
    pass
else:
    print("all falsy")
