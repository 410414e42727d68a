"""The matcher of hotpy's `re`: a pattern tree (see `_re_parser`) -> closures.

Each node becomes `m(i, k)`: match at index `i` of `ctx.s`, then call the
continuation `k(j)` with the index after it; the result is the end of the whole
match or None. Captures live in `ctx.caps` (start, end pairs; -1 = unset) and are
restored when a path fails. Repetitions of one-character nodes loop instead of
recursing, so long runs stay shallow.
"""

from _re_parser import error

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


