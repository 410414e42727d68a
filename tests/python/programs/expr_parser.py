# Tokenizer + recursive-descent parser + evaluator for arithmetic with variables
import re
TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(\w+)|(\*\*|[-+*/%()=,]))")
def tokenize(s):
    pos = 0
    out = []
    s = s.rstrip()
    while pos < len(s):
        m = TOKEN.match(s, pos)
        if not m:
            raise SyntaxError(f"bad char at {pos}: {s[pos]!r}")
        num, name, op = m.groups()
        if num:
            out.append(("num", float(num) if "." in num else int(num)))
        elif name:
            out.append(("name", name))
        else:
            out.append(("op", op))
        pos = m.end()
    out.append(("end", None))
    return out
class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.i = 0
    def peek(self):
        return self.toks[self.i]
    def take(self, kind=None, val=None):
        t = self.toks[self.i]
        if kind and t[0] != kind or val and t[1] != val:
            raise SyntaxError(f"expected {val or kind}, got {t[1]!r}")
        self.i += 1
        return t
    def statement(self):
        if self.peek()[0] == "name" and self.toks[self.i + 1] == ("op", "="):
            name = self.take("name")[1]
            self.take("op", "=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            node = (op, node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = self.take()[1]
            node = (op, node, self.factor())
        return node
    def factor(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.factor())
        base = self.atom()
        if self.peek() == ("op", "**"):
            self.take()
            return ("**", base, self.factor())
        return base
    def atom(self):
        t = self.peek()
        if t[0] == "num":
            self.take()
            return ("num", t[1])
        if t[0] == "name":
            self.take()
            if self.peek() == ("op", "("):
                self.take()
                args = [self.expr()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
                self.take("op", ")")
                return ("call", t[1], args)
            return ("var", t[1])
        if t == ("op", "("):
            self.take()
            e = self.expr()
            self.take("op", ")")
            return e
        raise SyntaxError(f"unexpected {t[1]!r}")
FUNCS = {"max": max, "min": min, "abs": abs}
def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if kind == "call":
        return FUNCS[node[1]](*[evaluate(a, env) for a in node[2]])
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
            "%": lambda: a % b, "**": lambda: a ** b}[kind]()
env = {}
program = ["x = 3", "y = x * (2 + 4) - 1", "y ** 2 % 7", "-2 ** 2", "2 ** 3 ** 2", "max(x, y, 10) / 4",
           "z = abs(-7.5) + min(1, 2)", "z * 2", "1 +", "q + 1", "(1 + 2", "3 $ 4", "10 / (5 - 5)"]
for line in program:
    try:
        print(f"{line!r:24} => {evaluate(Parser(tokenize(line)).statement(), env)!r}")
    except (SyntaxError, KeyError, ZeroDivisionError) as e:
        print(f"{line!r:24} => {type(e).__name__}: {e}")
print(sorted(env.items()))
