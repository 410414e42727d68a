# A tiny bytecode interpreter: a hot dispatch loop with mixed int/str values
def run(code, trace=False):
    stack, pc, env, out = [], 0, {}, []
    steps = 0
    while True:
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(arg)
        elif op == "load":
            stack.append(env[arg])
        elif op == "store":
            env[arg] = stack.pop()
        elif op == "add":
            b = stack.pop(); stack.append(stack.pop() + b)
        elif op == "sub":
            b = stack.pop(); stack.append(stack.pop() - b)
        elif op == "mul":
            b = stack.pop(); stack.append(stack.pop() * b)
        elif op == "mod":
            b = stack.pop(); stack.append(stack.pop() % b)
        elif op == "lt":
            b = stack.pop(); stack.append(stack.pop() < b)
        elif op == "eq":
            b = stack.pop(); stack.append(stack.pop() == b)
        elif op == "jmp":
            pc = arg
        elif op == "jz":
            if not stack.pop():
                pc = arg
        elif op == "print":
            out.append(stack.pop())
        elif op == "halt":
            return out, steps, env
        else:
            raise ValueError("bad op " + op)
# sum of i*i for i in range(n), and fizzbuzz-ish string building
prog = [
    ("push", 0), ("store", "i"), ("push", 0), ("store", "acc"), ("push", ""), ("store", "s"),
    ("load", "i"), ("push", 1000), ("lt", None), ("jz", 31),
    ("load", "acc"), ("load", "i"), ("load", "i"), ("mul", None), ("add", None), ("store", "acc"),
    ("load", "i"), ("push", 500), ("mod", None), ("push", 0), ("eq", None), ("jz", 26),
    ("load", "s"), ("push", "*"), ("add", None), ("store", "s"),
    ("load", "i"), ("push", 1), ("add", None), ("store", "i"), ("jmp", 6),
    ("load", "acc"), ("print", None), ("load", "s"), ("print", None), ("halt", None),
]
out, steps, env = run(prog)
print(out, steps, sorted(env))
big = [("push", 1), ("store", "x"), ("push", 0), ("store", "n"),
       ("load", "n"), ("push", 100), ("lt", None), ("jz", 18),
       ("load", "x"), ("push", 3), ("mul", None), ("store", "x"),
       ("load", "n"), ("push", 1), ("add", None), ("store", "n"), ("jmp", 4), ("halt", None),
       ("load", "x"), ("print", None), ("halt", None)]
print(run(big)[0])
try:
    run([("bogus", None)])
except ValueError as e:
    print("ValueError", e)
