"""hotpy's os: a POSIX subset over the native `_os` module; `os.path` is `posixpath`."""

import sys as _sys
import _os
import posixpath as path
from abc import ABC as _ABC, abstractmethod as _abstractmethod

_sys.modules["os.path"] = path

name = "posix"
sep = path.sep
altsep = path.altsep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull
linesep = "\n"
error = OSError
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
F_OK, X_OK, W_OK, R_OK = 0, 1, 2, 4

getcwd = _os.getcwd
chdir = _os.chdir
listdir = _os.listdir
rmdir = _os.rmdir
remove = _os.remove
unlink = _os.unlink
rename = _os.rename
replace = _os.replace
getpid = _os.getpid
urandom = _os.urandom
cpu_count = _os.cpu_count
strerror = _os.strerror
readlink = _os.readlink


class stat_result(tuple):
    n_sequence_fields = 10
    _fields = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
               "st_size", "st_atime", "st_mtime", "st_ctime")

    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    def __repr__(self):
        parts = ["%s=%r" % (n, int(v) if i >= 7 else v)
                 for i, (n, v) in enumerate(zip(self._fields, self))]
        return "os.stat_result(%s)" % ", ".join(parts)


for _i, _n in enumerate(stat_result._fields):
    setattr(stat_result, _n, property(lambda self, _i=_i: self[_i]))
del _i, _n


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_os.stat(path) if follow_symlinks else _os.lstat(path))


def lstat(path, *, dir_fd=None):
    return stat_result(_os.lstat(path))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _os.mkdir(path)


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    try:
        st = _os.stat(path)
    except OSError:
        return False
    if mode == F_OK:
        return True
    perms = st[0]
    ok = True
    if mode & R_OK:
        ok = ok and bool(perms & 0o444)
    if mode & W_OK:
        ok = ok and bool(perms & 0o222)
    if mode & X_OK:
        ok = ok and bool(perms & 0o111)
    return ok


class _Environ(dict):
    """os.environ: a dict whose changes are passed on to the process environment."""

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        _os.putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        _os.unsetenv(key)

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, other=(), /, **kwds):
        if hasattr(other, "keys"):
            other = [(k, other[k]) for k in other.keys()]
        for k, v in other:
            self[k] = v
        for k, v in kwds.items():
            self[k] = v

    def copy(self):
        return dict(self)

    def __repr__(self):
        return "environ(%s)" % dict.__repr__(self)


environ = _Environ(_os.environ())


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    _os.putenv(key, value)


def unsetenv(key):
    _os.unsetenv(key)


def makedirs(name, mode=0o777, exist_ok=False):
    name = fspath(name)
    # Create the missing ancestors from the outermost in.
    missing = []
    probe = name.rstrip("/") or name
    while probe and not path.exists(probe):
        missing.append(probe)
        parent = path.dirname(probe)
        if parent == probe:
            break
        probe = parent
    if not missing:
        if exist_ok and path.isdir(name):
            return
        mkdir(name, mode)  # raises FileExistsError
        return
    for d in reversed(missing):
        if path.basename(d) in (curdir, pardir):
            continue
        try:
            mkdir(d, mode)
        except FileExistsError:
            if not (exist_ok or d != missing[0]) or not path.isdir(d):
                raise


def removedirs(name):
    name = fspath(name)
    rmdir(name)
    parent = path.dirname(name.rstrip("/"))
    while parent and parent != "/":
        try:
            rmdir(parent)
        except OSError:
            return
        parent = path.dirname(parent)


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        entries = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    subdirs = [e for e in entries if path.isdir(path.join(top, e))]
    files = [e for e in entries if e not in subdirs]
    if topdown:
        # The caller may prune `subdirs` in place before we descend.
        yield top, subdirs, files
    for d in subdirs:
        below = path.join(top, d)
        if followlinks or not path.islink(below):
            yield from walk(below, topdown, onerror, followlinks)
    if not topdown:
        yield top, subdirs, files


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not %s"
                        % type(p).__name__)
    r = f(p)
    if not isinstance(r, (str, bytes)):
        raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                        % (type(p).__name__, type(r).__name__))
    return r


def fsencode(filename):
    filename = fspath(filename)
    return filename.encode("utf-8", "surrogateescape") if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode("utf-8", "surrogateescape") if isinstance(filename, bytes) else filename


class PathLike(_ABC):
    @_abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, "__fspath__")
        return NotImplemented


def get_terminal_size(fd=1):
    cols = int(environ.get("COLUMNS", 80))
    lines = int(environ.get("LINES", 24))
    return terminal_size((cols, lines))


class terminal_size(tuple):
    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return "os.terminal_size(columns=%d, lines=%d)" % self
