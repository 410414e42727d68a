"""The pattern parser of hotpy's `re`: pattern text -> a tree of tuples.

Nodes: ("lit", ch, icase), ("any", dotall), ("set", negated, items, icase, ascii),
("cls", letter, ascii) for \\d \\w \\s and negations, ("cat", [nodes]),
("alt", [nodes]), ("group", index or None, name, node), ("rep", node, lo, hi or None,
greedy), ("bol"/"eol", multiline), ("start",), ("end",), ("wordb"/"nwordb", ascii),
("backref", index, icase), ("look", negated, node), ("lookbehind", negated, node,
width), ("cond", index, yes, no).
"""

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

    __module__ = "re"

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


