# match: subject evaluation, binding semantics, fallthrough absence
def calls():
    calls.n += 1
    return [1, 2]
calls.n = 0
match calls():
    case [1]:
        pass
    case [1, 2]:
        print("matched on second case, subject evaluated", calls.n, "time(s)")
x = "unset"
match 5:
    case 6:
        x = "six"
print(x)
match [1, 2]:
    case [a, b] if a > b:
        print("no")
    case [a, b]:
        print("a, b =", a, b)
def cmd(c):
    match c.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["pick", "up", *items] if items:
            return "picking " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return "unknown verb " + verb
        case []:
            return "nothing"
for c in ["go north", "go up", "pick up sword shield", "pick up", "exit", "dance now", ""]:
    print(repr(c), "->", cmd(c))
match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print(rest)
match 3:
    case int() as n if n > 2:
        print("int > 2:", n)
match (1, 2):
    case [1, 2]:
        print("tuple matches list pattern")
match "abc":
    case [*chars]:
        print("str is sequence?")
    case _:
        print("str is not a sequence for match")
