"""hotpy's re: regular expressions with a backtracking matcher written in Python.

The pattern is parsed into a small tree, then compiled into closures in
continuation-passing style: each node becomes `m(i, k)`, which matches at index `i`
and calls the continuation `k(j)` with the index after it, returning the end of the
whole match or None. Repetitions of a single-character node scan forward in a loop
(no recursion per character), so `.*` or `\\d+` over long strings stay shallow.

Supported: literals and escapes, `.`, classes (`[...]`, `\\d\\w\\s` and negations),
anchors (`^ $ \\A \\Z \\b \\B`), groups (capturing, `(?:...)`, `(?P<name>...)`,
`(?P=name)`, atomic `(?>...)` treated as plain), alternation, greedy, lazy and
possessive quantifiers, backreferences, lookahead, fixed-width lookbehind,
conditionals `(?(1)a|b)`, inline and scoped flags, IGNORECASE, MULTILINE, DOTALL,
VERBOSE, ASCII. Not supported: `\\N{...}` names, locale matching.
"""

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall",
           "finditer", "compile", "purge", "escape", "error", "Pattern", "Match",
           "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE",
           "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG"]

NOFLAG = 0
TEMPLATE = T = 1
IGNORECASE = I = 2
LOCALE = L = 4
MULTILINE = M = 8
DOTALL = S = 16
UNICODE = U = 32
VERBOSE = X = 64
DEBUG = 128
ASCII = A = 256

_FLAG_CHARS = {"i": I, "L": L, "m": M, "s": S, "u": U, "x": X, "a": A}


class error(Exception):
    """Invalid regular expression."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            self.lineno = pattern.count("\n", 0, pos) + 1
            self.colno = pos - pattern.rfind("\n", 0, pos)
            if "\n" in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
            else:
                msg = "%s at position %d" % (msg, pos)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


PatternError = error

# ------------------------------------------------------------------- parsing

_SPECIAL = ".^$*+?{}[]\\|()"
_DIGITS = "0123456789"
_HEX = "0123456789abcdefABCDEF"
_WS = " \t\n\r\v\f"
_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
                   "v": "\v", "\\": "\\"}


class _Parser:
    def __init__(self, pattern, flags):
        self.p = pattern
        self.i = 0
        self.flags = flags
        self.ngroups = 0
        self.names = {}
        self.open_groups = []

    def err(self, msg, pos=None):
        return error(msg, self.p, self.i if pos is None else pos)

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else ""

    def skip_verbose(self):
        if not self.flags & X:
            return
        p = self.p
        while self.i < len(p):
            c = p[self.i]
            if c in _WS:
                self.i += 1
            elif c == "#":
                while self.i < len(p) and p[self.i] != "\n":
                    self.i += 1
            else:
                break

    def parse(self):
        node = self.parse_alt()
        if self.i < len(self.p):
            if self.p[self.i] == ")":
                raise self.err("unbalanced parenthesis")
            raise self.err("unexpected end of pattern")
        return node

    def parse_alt(self):
        branches = [self.parse_seq()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.parse_seq())
        if len(branches) == 1:
            return branches[0]
        return ("alt", branches)

    def parse_seq(self):
        items = []
        while True:
            self.skip_verbose()
            c = self.peek()
            if c == "" or c in "|)":
                break
            start = self.i
            atom = self.parse_atom()
            if atom is None:
                continue
            atom = self.parse_quant(atom, start)
            items.append(atom)
        if len(items) == 1:
            return items[0]
        return ("cat", items)

    def parse_quant(self, atom, start):
        while True:
            self.skip_verbose()
            c = self.peek()
            qpos = self.i
            if c in ("*", "+", "?"):
                self.i += 1
                lo, hi = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
            elif c == "{":
                q = self.parse_brace()
                if q is None:
                    return atom
                lo, hi = q
            else:
                return atom
            if atom[0] in ("bol", "eol", "start", "end", "wordb", "nwordb"):
                raise self.err("nothing to repeat", start)
            if atom[0] == "rep":
                raise self.err("multiple repeat", qpos)
            greedy = True
            if self.peek() == "?":
                self.i += 1
                greedy = False
            elif self.peek() == "+":
                self.i += 1
            atom = ("rep", atom, lo, hi, greedy)

    def parse_brace(self):
        p = self.p
        j = self.i + 1
        lo_s = ""
        while j < len(p) and p[j] in _DIGITS:
            lo_s += p[j]
            j += 1
        hi_s = None
        if j < len(p) and p[j] == ",":
            j += 1
            hi_s = ""
            while j < len(p) and p[j] in _DIGITS:
                hi_s += p[j]
                j += 1
        if j >= len(p) or p[j] != "}" or (lo_s == "" and hi_s is None):
            return None
        lo = int(lo_s) if lo_s else 0
        if hi_s is None:
            hi = lo
        else:
            hi = int(hi_s) if hi_s else None
        if hi is not None and hi < lo:
            raise self.err("min repeat greater than max repeat", self.i + 1)
        self.i = j + 1
        return lo, hi

    def parse_atom(self):
        p = self.p
        c = p[self.i]
        if c == "(":
            return self.parse_group()
        if c == "[":
            return self.parse_class()
        if c == "\\":
            return self.parse_escape(False)
        self.i += 1
        if c == ".":
            return ("any", bool(self.flags & S))
        if c == "^":
            return ("bol", bool(self.flags & M))
        if c == "$":
            return ("eol", bool(self.flags & M))
        if c in "*+?":
            raise self.err("nothing to repeat", self.i - 1)
        if c == "{":
            self.i -= 1
            if self.parse_brace() is not None:
                raise self.err("nothing to repeat", self.i - 1)
            self.i += 1
        return ("lit", c, bool(self.flags & I))

    def parse_flags(self, start):
        p = self.p
        on = 0
        off = 0
        while self.i < len(p) and p[self.i] in _FLAG_CHARS:
            on |= _FLAG_CHARS[p[self.i]]
            self.i += 1
        if self.i < len(p) and p[self.i] == "-":
            self.i += 1
            while self.i < len(p) and p[self.i] in _FLAG_CHARS:
                off |= _FLAG_CHARS[p[self.i]]
                self.i += 1
        return on, off

    def parse_group(self):
        p = self.p
        start = self.i
        self.i += 1
        if self.peek() == "?":
            self.i += 1
            c = self.peek()
            if c == ":" or c == ">":
                self.i += 1
                return self.finish_group(None, None, start)
            if c == "P":
                self.i += 1
                if self.peek() == "<":
                    self.i += 1
                    end = p.find(">", self.i)
                    if end < 0:
                        raise self.err("missing >, unterminated name")
                    name = p[self.i:end]
                    if not name.isidentifier():
                        raise self.err("bad character in group name %r" % name)
                    if name in self.names:
                        raise self.err("redefinition of group name %r as group %d; was "
                                       "group %d" % (name, self.ngroups + 1, self.names[name]))
                    self.i = end + 1
                    self.ngroups += 1
                    idx = self.ngroups
                    self.names[name] = idx
                    return self.finish_group(idx, name, start)
                if self.peek() == "=":
                    self.i += 1
                    end = p.find(")", self.i)
                    if end < 0:
                        raise self.err("missing ), unterminated name")
                    name = p[self.i:end]
                    if name not in self.names:
                        raise self.err("unknown group name %r" % name)
                    self.i = end + 1
                    return ("backref", self.names[name], bool(self.flags & I))
                raise self.err("unknown extension ?P" + self.peek(), self.i - 1)
            if c == "#":
                end = p.find(")", self.i)
                if end < 0:
                    raise self.err("missing ), unterminated comment")
                self.i = end + 1
                return None
            if c in "=!":
                self.i += 1
                node = self.parse_alt()
                self.expect_close(start)
                return ("look", c == "!", node)
            if c == "<" and self.i + 1 < len(p) and p[self.i + 1] in "=!":
                neg = p[self.i + 1] == "!"
                self.i += 2
                node = self.parse_alt()
                self.expect_close(start)
                w = _width(node)
                if w is None:
                    raise error("look-behind requires fixed-width pattern")
                return ("lookbehind", neg, node, w)
            if c == "(":
                end = p.find(")", self.i)
                if end < 0:
                    raise self.err("missing ), unterminated name")
                ref = p[self.i + 1:end]
                if ref.isdigit():
                    gid = int(ref)
                elif ref in self.names:
                    gid = self.names[ref]
                else:
                    raise self.err("unknown group name %r" % ref)
                self.i = end + 1
                yes = self.parse_seq()
                no = None
                if self.peek() == "|":
                    self.i += 1
                    no = self.parse_seq()
                    if self.peek() == "|":
                        raise self.err("conditional backref with more than two branches")
                self.expect_close(start)
                return ("cond", gid, yes, no)
            if c in _FLAG_CHARS or c == "-":
                on, off = self.parse_flags(start)
                if self.peek() == ")":
                    self.i += 1
                    if start != 0:
                        raise self.err("global flags not at the start of the expression",
                                       start)
                    self.flags |= on
                    return None
                if self.peek() == ":":
                    self.i += 1
                    saved = self.flags
                    self.flags = (self.flags | on) & ~off
                    node = self.parse_alt()
                    self.flags = saved
                    self.expect_close(start)
                    return ("group", None, None, node)
                raise self.err("missing -, : or )")
            raise self.err("unknown extension ?" + c, self.i - 1)
        self.ngroups += 1
        return self.finish_group(self.ngroups, None, start)

    def finish_group(self, idx, name, start):
        if idx is not None:
            self.open_groups.append(idx)
        node = self.parse_alt()
        self.expect_close(start)
        if idx is not None:
            self.open_groups.pop()
        return ("group", idx, name, node)

    def expect_close(self, start):
        if self.peek() != ")":
            raise self.err("missing ), unterminated subpattern", start)
        self.i += 1

    def parse_escape(self, in_class):
        p = self.p
        start = self.i
        self.i += 1
        if self.i >= len(p):
            raise self.err("bad escape (end of pattern)", start)
        c = p[self.i]
        self.i += 1
        icase = bool(self.flags & I)
        if c in "dDwWsS":
            return ("cls", c, bool(self.flags & A))
        if not in_class:
            if c == "A":
                return ("start",)
            if c == "Z":
                return ("end",)
            if c == "b":
                return ("wordb", bool(self.flags & A))
            if c == "B":
                return ("nwordb", bool(self.flags & A))
            if c in _DIGITS and c != "0":
                three = p[self.i - 1:self.i + 2]
                if len(three) == 3 and all(ch in "01234567" for ch in three):
                    self.i += 2
                    code = int(three, 8)
                    if code > 0o377:
                        raise self.err("octal escape value \\%s outside of range 0-0o377"
                                       % three, start)
                    return ("lit", chr(code), icase)
                num = c
                if self.i < len(p) and p[self.i] in _DIGITS:
                    num += p[self.i]
                    self.i += 1
                gid = int(num)
                if gid > self.ngroups or gid in self.open_groups:
                    raise self.err("invalid group reference %d" % gid, start + 1)
                return ("backref", gid, icase)
        if c in _SIMPLE_ESCAPES and not (c == "b" and not in_class):
            return ("lit", _SIMPLE_ESCAPES[c], icase)
        if c == "0" or (in_class and c in "1234567"):
            num = c
            while len(num) < 3 and self.i < len(p) and p[self.i] in "01234567":
                num += p[self.i]
                self.i += 1
            return ("lit", chr(int(num, 8)), icase)
        if c in "xuU":
            n = {"x": 2, "u": 4, "U": 8}[c]
            h = p[self.i:self.i + n]
            if len(h) != n or any(ch not in _HEX for ch in h):
                raise self.err("incomplete escape \\%s%s" % (c, h), start)
            self.i += n
            code = int(h, 16)
            if code > 0x10FFFF:
                raise self.err("bad escape \\%s%s" % (c, h), start)
            return ("lit", chr(code), icase)
        if c.isalnum() and c.isascii():
            raise self.err("bad escape \\%s" % c, start)
        return ("lit", c, icase)

    def parse_class(self):
        p = self.p
        start = self.i
        self.i += 1
        neg = False
        if self.peek() == "^":
            neg = True
            self.i += 1
        items = []
        first = True
        while True:
            if self.i >= len(p):
                raise self.err("unterminated character set", start)
            c = p[self.i]
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            if c == "\\":
                item = self.parse_escape(True)
                if item[0] == "cls":
                    items.append(item)
                    continue
                lo = item[1]
            else:
                lo = c
                self.i += 1
            if self.peek() == "-" and self.i + 1 < len(p) and p[self.i + 1] != "]":
                self.i += 1
                c2 = p[self.i]
                if c2 == "\\":
                    item2 = self.parse_escape(True)
                    if item2[0] == "cls":
                        raise self.err("bad character range %s-\\%s" % (lo, item2[1]),
                                       start)
                    hi = item2[1]
                else:
                    hi = c2
                    self.i += 1
                if ord(hi) < ord(lo):
                    raise self.err("bad character range %s-%s" % (lo, hi), start)
                items.append(("range", lo, hi))
            else:
                items.append(("char", lo))
        return ("set", neg, items, bool(self.flags & I), bool(self.flags & A))


def _width(node):
    """Fixed width of a node in characters, or None if it varies."""
    kind = node[0]
    if kind in ("lit", "any", "set", "cls"):
        return 1
    if kind in ("bol", "eol", "start", "end", "wordb", "nwordb", "look", "lookbehind"):
        return 0
    if kind == "cat":
        total = 0
        for n in node[1]:
            w = _width(n)
            if w is None:
                return None
            total += w
        return total
    if kind == "alt":
        ws = {_width(n) for n in node[1]}
        if len(ws) == 1:
            return ws.pop()
        return None
    if kind == "group":
        return _width(node[3])
    if kind == "rep":
        w = _width(node[1])
        if w is None or node[3] is None or node[2] != node[3]:
            return None
        return w * node[2]
    return None


# --------------------------------------------------------------- compiling

def _is_word(c, ascii_only):
    if ascii_only:
        return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z") or ("0" <= c <= "9")
    return c == "_" or c.isalnum()


def _class_test(letter, ascii_only):
    if letter in "dD":
        if ascii_only:
            t = lambda c: "0" <= c <= "9"
        else:
            t = lambda c: c.isdecimal()
    elif letter in "wW":
        if ascii_only:
            t = lambda c: c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z") or ("0" <= c <= "9")
        else:
            t = lambda c: c == "_" or c.isalnum()
    else:
        if ascii_only:
            t = lambda c: c in " \t\n\r\f\v"
        else:
            t = lambda c: c.isspace() or c in "\x1c\x1d\x1e\x1f"
    if letter.isupper():
        return lambda c, t=t: not t(c)
    return t


def _char_test(node):
    """A predicate for a single-character node, or None."""
    kind = node[0]
    if kind == "lit":
        ch, icase = node[1], node[2]
        if icase:
            low = ch.lower()
            up = ch.upper()
            return lambda c: c == ch or c.lower() == low or c.upper() == up
        return lambda c: c == ch
    if kind == "any":
        if node[1]:
            return lambda c: True
        return lambda c: c != "\n"
    if kind == "cls":
        return _class_test(node[1], node[2])
    if kind == "set":
        neg, items, icase, ascii_only = node[1], node[2], node[3], node[4]
        chars = set()
        ranges = []
        tests = []
        for it in items:
            if it[0] == "char":
                chars.add(it[1])
                if icase:
                    chars.add(it[1].lower())
                    chars.add(it[1].upper())
            elif it[0] == "range":
                ranges.append((it[1], it[2]))
            else:
                tests.append(_class_test(it[1], it[2]))

        def inner(c):
            if c in chars:
                return True
            for lo, hi in ranges:
                if lo <= c <= hi:
                    return True
                if icase:
                    cl, cu = c.lower(), c.upper()
                    if lo <= cl <= hi or lo <= cu <= hi:
                        return True
            for t in tests:
                if t(c):
                    return True
            return False
        if neg:
            return lambda c: not inner(c)
        return inner
    return None


class _Ctx:
    __slots__ = ("s", "end", "caps")


def _compile(node, ctx):
    kind = node[0]
    test = _char_test(node)
    if test is not None:
        def m_char(i, k):
            if i < ctx.end and test(ctx.s[i]):
                return k(i + 1)
            return None
        return m_char
    if kind == "cat":
        return _compile_cat(node[1], ctx)
    if kind == "alt":
        subs = [_compile(n, ctx) for n in node[1]]

        def m_alt(i, k):
            for f in subs:
                r = f(i, k)
                if r is not None:
                    return r
            return None
        return m_alt
    if kind == "group":
        inner = _compile(node[3], ctx)
        gid = node[1]
        if gid is None:
            return inner
        a, b = 2 * gid, 2 * gid + 1

        def m_group(i, k):
            caps = ctx.caps

            def k2(j):
                old_a, old_b = caps[a], caps[b]
                caps[a] = i
                caps[b] = j
                r = k(j)
                if r is None:
                    caps[a] = old_a
                    caps[b] = old_b
                return r
            return inner(i, k2)
        return m_group
    if kind == "rep":
        return _compile_rep(node, ctx)
    if kind == "bol":
        multiline = node[1]

        def m_bol(i, k):
            if i == 0 or (multiline and ctx.s[i - 1] == "\n"):
                return k(i)
            return None
        return m_bol
    if kind == "eol":
        multiline = node[1]

        def m_eol(i, k):
            end = ctx.end
            s = ctx.s
            if i == end or (i == end - 1 and s[i] == "\n") or (
                    multiline and i < end and s[i] == "\n"):
                return k(i)
            return None
        return m_eol
    if kind == "start":
        return lambda i, k: k(i) if i == 0 else None
    if kind == "end":
        return lambda i, k: k(i) if i == ctx.end else None
    if kind in ("wordb", "nwordb"):
        ascii_only = node[1]
        want = kind == "wordb"

        def m_wordb(i, k):
            s = ctx.s
            before = i > 0 and _is_word(s[i - 1], ascii_only)
            after = i < ctx.end and _is_word(s[i], ascii_only)
            if (before != after) == want:
                return k(i)
            return None
        return m_wordb
    if kind == "backref":
        gid, icase = node[1], node[2]

        def m_backref(i, k):
            caps = ctx.caps
            a, b = caps[2 * gid], caps[2 * gid + 1]
            if a < 0:
                return None
            s = ctx.s
            text = s[a:b]
            j = i + len(text)
            if j > ctx.end:
                return None
            got = s[i:j]
            if got == text or (icase and got.lower() == text.lower()):
                return k(j)
            return None
        return m_backref
    if kind == "look":
        neg = node[1]
        inner = _compile(node[2], ctx)

        def m_look(i, k):
            r = inner(i, lambda j: j)
            if (r is None) == neg:
                return k(i)
            return None
        return m_look
    if kind == "lookbehind":
        neg, w = node[1], node[3]
        inner = _compile(node[2], ctx)

        def m_lookbehind(i, k):
            ok = False
            if i - w >= 0:
                ok = inner(i - w, lambda j: j if j == i else None) is not None
            if ok != neg:
                return k(i)
            return None
        return m_lookbehind
    if kind == "cond":
        gid = node[1]
        yes = _compile(node[2], ctx)
        no = _compile(node[3], ctx) if node[3] is not None else (lambda i, k: k(i))

        def m_cond(i, k):
            if ctx.caps[2 * gid] >= 0:
                return yes(i, k)
            return no(i, k)
        return m_cond
    raise error("internal error: unknown node %r" % (kind,))


def _compile_cat(nodes, ctx):
    # Merge runs of case-sensitive literals into one string test.
    merged = []
    for n in nodes:
        if n[0] == "lit" and not n[2] and merged and merged[-1][0] == "str":
            merged[-1] = ("str", merged[-1][1] + n[1])
        elif n[0] == "lit" and not n[2]:
            merged.append(("str", n[1]))
        else:
            merged.append(n)
    funcs = []
    for n in merged:
        if n[0] == "str":
            funcs.append(_compile_str(n[1], ctx))
        else:
            funcs.append(_compile(n, ctx))
    if not funcs:
        return lambda i, k: k(i)
    f = funcs[-1]
    for g in reversed(funcs[:-1]):
        f = _chain(g, f)
    return f


def _chain(first, rest):
    def m_seq(i, k):
        return first(i, lambda j: rest(j, k))
    return m_seq


def _compile_str(text, ctx):
    n = len(text)
    if n == 1:
        def m_str1(i, k):
            if i < ctx.end and ctx.s[i] == text:
                return k(i + 1)
            return None
        return m_str1

    def m_str(i, k):
        if i + n <= ctx.end and ctx.s.startswith(text, i):
            return k(i + n)
        return None
    return m_str


def _compile_rep(node, ctx):
    sub, lo, hi, greedy = node[1], node[2], node[3], node[4]
    test = _char_test(sub)
    if test is not None:
        if greedy:
            def m_rep_char(i, k):
                s = ctx.s
                limit = ctx.end if hi is None else min(ctx.end, i + hi)
                j = i
                while j < limit and test(s[j]):
                    j += 1
                while j >= i + lo:
                    r = k(j)
                    if r is not None:
                        return r
                    j -= 1
                return None
            return m_rep_char

        def m_rep_char_lazy(i, k):
            s = ctx.s
            end = ctx.end
            j = i
            while j < i + lo:
                if j >= end or not test(s[j]):
                    return None
                j += 1
            while True:
                r = k(j)
                if r is not None:
                    return r
                if (hi is not None and j - i >= hi) or j >= end or not test(s[j]):
                    return None
                j += 1
        return m_rep_char_lazy
    inner = _compile(sub, ctx)

    if greedy:
        def m_rep(i, k):
            def step(pos, count):
                if hi is None or count < hi:
                    def after(j):
                        if j == pos and count + 1 >= lo:
                            # An empty iteration ends the loop (as sre does).
                            return k(j)
                        return step(j, count + 1)
                    r = inner(pos, after)
                    if r is not None:
                        return r
                if count >= lo:
                    return k(pos)
                return None
            return step(i, 0)
        return m_rep

    def m_rep_lazy(i, k):
        def step(pos, count):
            if count >= lo:
                r = k(pos)
                if r is not None:
                    return r
            if hi is None or count < hi:
                def after(j):
                    if j == pos and count >= lo:
                        return None
                    if j == pos:
                        return k(j) if count + 1 >= lo else step(j, count + 1)
                    return step(j, count + 1)
                return inner(pos, after)
            return None
        return step(i, 0)
    return m_rep_lazy


def _literal_prefix(node):
    """A string every match must start with (for a fast scan), or ''."""
    if node[0] == "lit" and not node[2]:
        return node[1]
    if node[0] == "cat":
        out = ""
        for n in node[1]:
            if n[0] == "lit" and not n[2]:
                out += n[1]
            else:
                break
        return out
    return ""


# ------------------------------------------------------------------ objects

class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        self.pattern = pattern
        src = pattern
        if isinstance(pattern, bytes):
            src = pattern.decode("latin-1")
            self._bytes = True
        else:
            self._bytes = False
            if not flags & A:
                flags |= U
        parser = _Parser(src, flags)
        tree = parser.parse()
        self.flags = parser.flags
        self.groups = parser.ngroups
        self.groupindex = dict(parser.names)
        self._tree = tree
        self._ctx = _Ctx()
        self._m = _compile(tree, self._ctx)
        self._prefix = _literal_prefix(tree)
        self._names_by_index = {v: k for k, v in parser.names.items()}

    def __repr__(self):
        names = []
        for flag, name in ((I, "IGNORECASE"), (L, "LOCALE"), (M, "MULTILINE"),
                           (S, "DOTALL"), (X, "VERBOSE"), (A, "ASCII")):
            if self.flags & flag:
                names.append("re." + name)
        r = repr(self.pattern)
        if names:
            return "re.compile(%s, %s)" % (r, "|".join(names))
        return "re.compile(%s)" % r

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern \
            and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _text(self, string):
        if self._bytes:
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
            return bytes(string).decode("latin-1")
        if not isinstance(string, str):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        return string

    def _run(self, s, start, end, whole):
        ctx = self._ctx
        saved = (getattr(ctx, "s", None), getattr(ctx, "end", None),
                 getattr(ctx, "caps", None))
        ctx.s = s
        ctx.end = end
        caps = [-1] * (2 * self.groups + 2)
        ctx.caps = caps
        try:
            if whole:
                r = self._m(start, lambda j: j if j == end else None)
            else:
                r = self._m(start, lambda j: j)
        finally:
            ctx.s, ctx.end, ctx.caps = saved
        if r is None:
            return None
        caps[0] = start
        caps[1] = r
        return caps

    def _search(self, s, pos, end, forbid_empty_at=-1):
        prefix = self._prefix
        i = pos
        while i <= end:
            if prefix:
                i = s.find(prefix, i, end)
                if i < 0:
                    return None
            caps = self._run(s, i, end, False)
            if caps is not None and not (caps[1] == i and i == forbid_empty_at):
                return caps
            i += 1
        return None

    @staticmethod
    def _bounds(s, pos, endpos):
        n = len(s)
        if pos < 0:
            pos = 0
        if endpos is None or endpos > n:
            endpos = n
        if endpos < pos:
            endpos = pos
        return min(pos, n), endpos

    def match(self, string, pos=0, endpos=None):
        s = self._text(string)
        pos, endpos = self._bounds(s, pos, endpos)
        caps = self._run(s, pos, endpos, False)
        return None if caps is None else Match(self, string, s, caps, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=None):
        s = self._text(string)
        pos, endpos = self._bounds(s, pos, endpos)
        caps = self._run(s, pos, endpos, True)
        return None if caps is None else Match(self, string, s, caps, pos, endpos)

    def search(self, string, pos=0, endpos=None):
        s = self._text(string)
        pos, endpos = self._bounds(s, pos, endpos)
        caps = self._search(s, pos, endpos)
        return None if caps is None else Match(self, string, s, caps, pos, endpos)

    def finditer(self, string, pos=0, endpos=None):
        s = self._text(string)
        pos, endpos = self._bounds(s, pos, endpos)
        forbid = -1
        while pos <= endpos:
            caps = self._search(s, pos, endpos, forbid)
            if caps is None:
                return
            yield Match(self, string, s, caps, pos, endpos)
            # After an empty match, the next one may not be empty at the same place.
            forbid = caps[1] if caps[1] == caps[0] else -1
            pos = caps[1]

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group(0))
            elif self.groups == 1:
                out.append(m._group_or(1, m._empty))
            else:
                out.append(tuple(m._group_or(g, m._empty) for g in range(1, self.groups + 1)))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            out.append(string[last:m.start()])
            out.extend(m.groups())
            last = m.end()
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            func = repl
        else:
            template = _parse_template(repl, self)
            func = lambda m: _expand(template, m)
        parts = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            parts.append(string[last:m.start()])
            r = func(m)
            if r is None:
                r = m._empty
            parts.append(r)
            last = m.end()
            n += 1
        parts.append(string[last:])
        return (m_empty_join(parts, string), n)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("Pattern.scanner is not supported by hotpy")

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


def m_empty_join(parts, string):
    return (b"" if isinstance(string, (bytes, bytearray)) else "").join(parts)


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, s, caps, pos, endpos):
        self.re = pattern
        self.string = string
        self._s = s
        self._caps = caps
        self.pos = pos
        self.endpos = endpos
        self._empty = b"" if isinstance(string, (bytes, bytearray)) else ""

    def _index(self, g):
        if isinstance(g, str):
            if g in self.re.groupindex:
                return self.re.groupindex[g]
            raise IndexError("no such group")
        try:
            g = g.__index__()
        except AttributeError:
            raise IndexError("no such group") from None
        if 0 <= g <= self.re.groups:
            return g
        raise IndexError("no such group")

    def _group_or(self, g, default):
        a, b = self._caps[2 * g], self._caps[2 * g + 1]
        if a < 0:
            return default
        return self.string[a:b]

    def group(self, *groups):
        if not groups:
            return self._group_or(0, None)
        if len(groups) == 1:
            return self._group_or(self._index(groups[0]), None)
        return tuple(self._group_or(self._index(g), None) for g in groups)

    def __getitem__(self, g):
        return self._group_or(self._index(g), None)

    def groups(self, default=None):
        return tuple(self._group_or(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group_or(idx, default) for name, idx in self.re.groupindex.items()}

    def start(self, group=0):
        return self._caps[2 * self._index(group)]

    def end(self, group=0):
        return self._caps[2 * self._index(group) + 1]

    def span(self, group=0):
        g = self._index(group)
        return (self._caps[2 * g], self._caps[2 * g + 1])

    @property
    def regs(self):
        return tuple((self._caps[2 * g], self._caps[2 * g + 1])
                     for g in range(self.re.groups + 1))

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for g in range(1, self.re.groups + 1):
            a, b = self._caps[2 * g], self._caps[2 * g + 1]
            if a >= 0 and b >= best_end:
                best, best_end = g, b
        return best

    @property
    def lastgroup(self):
        li = self.lastindex
        if li is None:
            return None
        return self.re._names_by_index.get(li)

    def expand(self, template):
        return _expand(_parse_template(template, self.re), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return cls


def _parse_template(repl, pattern):
    """Splits a replacement string into literal text and group references."""
    is_bytes = isinstance(repl, (bytes, bytearray))
    text = repl.decode("latin-1") if is_bytes else repl
    parts = []
    lit = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", text, i - 1)
        c = text[i]
        if c == "g":
            if i + 1 >= n or text[i + 1] != "<":
                raise error("missing <", text, i + 1)
            end = text.find(">", i + 2)
            if end < 0:
                raise error("missing >, unterminated name", text, i + 2)
            name = text[i + 2:end]
            if not name:
                raise error("missing group name", text, i + 2)
            if name.isdigit():
                gid = int(name)
                if gid > pattern.groups:
                    raise error("invalid group reference %d" % gid, text, i + 2)
            elif name in pattern.groupindex:
                gid = pattern.groupindex[name]
            else:
                if not name.isidentifier():
                    raise error("bad character in group name %r" % name, text, i + 2)
                raise IndexError("unknown group name %r" % name)
            parts.append("".join(lit))
            lit = []
            parts.append(gid)
            i = end + 1
            continue
        if c in _DIGITS:
            three = text[i:i + 3]
            if c == "0" or (len(three) == 3 and all(ch in "01234567" for ch in three)):
                num = c
                i += 1
                while len(num) < 3 and i < n and text[i] in "01234567":
                    num += text[i]
                    i += 1
                lit.append(chr(int(num, 8)))
                continue
            num = c
            i += 1
            if i < n and text[i] in _DIGITS:
                num += text[i]
                i += 1
            gid = int(num)
            if gid > pattern.groups:
                raise error("invalid group reference %d" % gid, text, i - len(num))
            parts.append("".join(lit))
            lit = []
            parts.append(gid)
            continue
        if c in _SIMPLE_ESCAPES:
            lit.append(_SIMPLE_ESCAPES[c])
            i += 1
            continue
        if c.isalpha() and c.isascii():
            raise error("bad escape \\%s" % c, text, i - 1)
        lit.append("\\" + c)
        i += 1
    parts.append("".join(lit))
    return (is_bytes, parts)


def _expand(template, m):
    is_bytes, parts = template
    out = []
    for p in parts:
        if isinstance(p, int):
            g = m._group_or(p, m._empty)
            out.append(g.decode("latin-1") if is_bytes else g)
        else:
            out.append(p)
    text = "".join(out)
    return text.encode("latin-1") if is_bytes else text


# ------------------------------------------------------------ module level

_cache = {}
_MAXCACHE = 512


def _compile_cached(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile_cached(pattern, flags)


def match(pattern, string, flags=0):
    return _compile_cached(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile_cached(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile_cached(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return _compile_cached(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile_cached(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile_cached(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile_cached(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile_cached(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()


_ESCAPE_CHARS = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _ESCAPE_CHARS else c for c in pattern)
    text = pattern.decode("latin-1")
    return "".join("\\" + c if c in _ESCAPE_CHARS else c for c in text).encode("latin-1")
