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


def split(p):
    p = _fspath(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep_index = p.rfind("/")
    dot_index = p.rfind(".")
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != ".":
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    p = _fspath(p)
    i = p.rfind("/") + 1
    head = p[:i]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


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


def expanduser(path):
    path = _fspath(path)
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    if i == 1:
        env = _os.environ()
        userhome = env.get("HOME", "/")
    else:
        name = path[1:i]
        userhome = "/home/" + name
        try:
            with open("/etc/passwd") as f:
                for line in f:
                    parts = line.split(":")
                    if parts[0] == name and len(parts) > 5:
                        userhome = parts[5]
                        break
        except OSError:
            return path
    userhome = userhome.rstrip("/")
    return (userhome + path[i:]) or "/"


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
    initial_slashes = 2 if path.startswith("//") and not path.startswith("///") else (
        1 if path.startswith("/") else 0)
    comps = path.split("/")
    new_comps = []
    for comp in comps:
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial_slashes and not new_comps) or (
                new_comps and new_comps[-1] == ".."):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = "/".join(new_comps)
    if initial_slashes:
        path = "/" * initial_slashes + path
    return path or "."


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
    path = _fspath(path)
    start = curdir if start is None else _fspath(start)
    start_list = [x for x in abspath(start).split("/") if x]
    path_list = [x for x in abspath(path).split("/") if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


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
