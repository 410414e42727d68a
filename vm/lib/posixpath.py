"""hotpy's os.path for POSIX paths."""

import _os

__all__ = ["abspath", "basename", "commonpath", "commonprefix", "dirname", "exists",
           "expanduser", "expandvars", "getatime", "getctime", "getmtime", "getsize",
           "isabs", "isdir", "isfile", "islink", "join", "lexists", "normcase",
           "normpath", "realpath", "relpath", "samefile", "split", "splitdrive",
           "splitext", "sep", "curdir", "pardir", "extsep", "altsep", "pathsep",
           "defpath", "devnull"]

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"
supports_unicode_filenames = False

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not %s"
                        % type(p).__name__)
    return f(p)


def normcase(s):
    return _fspath(s)


def isabs(s):
    return _fspath(s).startswith("/")


def join(a, *p):
    path = _fspath(a)
    for b in map(_fspath, p):
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def _cut(p):
    """(head, tail) around the last slash; head keeps its own trailing slashes
    only when it is nothing but slashes (the root)."""
    k = p.rfind("/")
    head, tail = p[:k + 1], p[k + 1:]
    stripped = head.rstrip("/")
    return (stripped if stripped else head), tail


def split(p):
    return _cut(_fspath(p))


def splitext(p):
    p = _fspath(p)
    name_start = p.rfind("/") + 1
    dot = p.rfind(".")
    # A dot only starts an extension if something other than dots precedes it
    # within the last component (".bashrc" and "..." have none).
    if dot > name_start and p[name_start:dot].strip("."):
        return p[:dot], p[dot:]
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    return _cut(_fspath(p))[1]


def dirname(p):
    return _cut(_fspath(p))[0]


def _stat_mode(path, follow=True):
    try:
        st = _os.stat(path) if follow else _os.lstat(path)
    except (OSError, ValueError):
        return None
    return st[0]


def exists(path):
    return _stat_mode(_fspath(path)) is not None


def lexists(path):
    return _stat_mode(_fspath(path), False) is not None


def isdir(s):
    m = _stat_mode(_fspath(s))
    return m is not None and (m & _S_IFMT) == _S_IFDIR


def isfile(path):
    m = _stat_mode(_fspath(path))
    return m is not None and (m & _S_IFMT) == _S_IFREG


def islink(path):
    m = _stat_mode(_fspath(path), False)
    return m is not None and (m & _S_IFMT) == _S_IFLNK


def ismount(path):
    return normpath(abspath(path)) == "/"


def getsize(filename):
    return _os.stat(_fspath(filename))[6]


def getatime(filename):
    return _os.stat(_fspath(filename))[7]


def getmtime(filename):
    return _os.stat(_fspath(filename))[8]


def getctime(filename):
    return _os.stat(_fspath(filename))[9]


def samefile(f1, f2):
    s1 = _os.stat(_fspath(f1))
    s2 = _os.stat(_fspath(f2))
    return s1[1] == s2[1] and s1[2] == s2[2]


def _home_of(user):
    """Home directory of `user` from /etc/passwd, or None."""
    try:
        with open("/etc/passwd") as f:
            for line in f:
                fields = line.rstrip("\n").split(":")
                if len(fields) > 5 and fields[0] == user:
                    return fields[5]
    except OSError:
        pass
    return None


def expanduser(path):
    path = _fspath(path)
    if not path.startswith("~"):
        return path
    slash = path.find("/")
    if slash < 0:
        slash = len(path)
    user = path[1:slash]
    if user:
        home = _home_of(user)
        if home is None:
            return path
    else:
        home = _os.environ().get("HOME") or "/"
    home = home.rstrip("/")
    return (home + path[slash:]) or "/"


def expandvars(path):
    path = _fspath(path)
    if "$" not in path:
        return path
    env = _os.environ()
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != "$":
            out.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == "{":
            j = path.find("}", i + 2)
            if j < 0:
                out.append(path[i:])
                break
            name = path[i + 2:j]
            out.append(env.get(name, path[i:j + 1]))
            i = j + 1
            continue
        j = i + 1
        while j < n and (path[j].isalnum() or path[j] == "_"):
            j += 1
        name = path[i + 1:j]
        if name:
            out.append(env.get(name, path[i:j]))
        else:
            out.append("$")
        i = max(j, i + 1)
    return "".join(out)


def normpath(path):
    path = _fspath(path)
    if not path:
        return "."
    # POSIX keeps exactly two leading slashes; one or three-plus become one.
    lead = len(path) - len(path.lstrip("/"))
    root = "//" if lead == 2 else ("/" if lead else "")
    parts = []
    for part in path.split("/"):
        if part == "" or part == ".":
            continue
        if part == "..":
            if parts and parts[-1] != "..":
                parts.pop()
                continue
            if root:
                continue
        parts.append(part)
    return (root + "/".join(parts)) or "."


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        path = join(_os.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    filename = _fspath(filename)
    r = _os.realpath(filename)
    if r is None:
        if strict:
            _os.stat(filename)
        return abspath(filename)
    return r


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    target = [c for c in abspath(_fspath(path)).split("/") if c]
    origin = [c for c in abspath(curdir if start is None else _fspath(start)).split("/") if c]
    shared = 0
    for a, b in zip(target, origin):
        if a != b:
            break
        shared += 1
    steps = [pardir] * (len(origin) - shared) + target[shared:]
    return join(*steps) if steps else curdir


def commonprefix(m):
    if not m:
        return ""
    # The common prefix of all items is that of the smallest and the largest.
    lo, hi = min(m), max(m)
    n = 0
    while n < len(lo) and lo[n] == hi[n]:
        n += 1
    return lo[:n]


def commonpath(paths):
    paths = [_fspath(p) for p in paths]
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    split_paths = [[c for c in p.split("/") if c and c != "."] for p in paths]
    isabs_ = {p.startswith("/") for p in paths}
    if len(isabs_) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    common = commonprefix(split_paths)
    prefix = "/" if paths[0].startswith("/") else ""
    return prefix + "/".join(common)
