"""hotpy's re: regular expressions with a backtracking matcher written in Python.

The pattern is parsed into a small tree (`_re_parser`), then compiled into closures
in continuation-passing style (`_re_engine`). This module holds the API: Pattern,
Match, replacement templates and the module-level functions.

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

from types import GenericAlias as _GenericAlias
from _re_parser import (NOFLAG, TEMPLATE, T, IGNORECASE, I, LOCALE, L, MULTILINE, M,
                        DOTALL, S, UNICODE, U, VERBOSE, X, DEBUG, ASCII, A, error,
                        _Parser, _DIGITS, _SIMPLE_ESCAPES)
from _re_engine import _Ctx, _compile, _literal_prefix

PatternError = error

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

    __class_getitem__ = classmethod(_GenericAlias)


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

    __class_getitem__ = classmethod(_GenericAlias)


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
