"""hotpy's io: `open`, the file types, and in-memory streams StringIO and BytesIO."""

import sys as _sys

__all__ = ["open", "StringIO", "BytesIO", "TextIOWrapper", "BufferedReader",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "IOBase", "RawIOBase", "BufferedIOBase", "TextIOBase", "DEFAULT_BUFFER_SIZE"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = open
TextIOWrapper = type(_sys.stdout)
BufferedReader = BufferedWriter = BufferedRandom = FileIO = type(_sys.stdout)


def _binary_type():
    import builtins
    try:
        return type(builtins.open(0, "rb", closefd=False))
    except Exception:
        return None


_bt = _binary_type()
if _bt is not None:
    BufferedReader = BufferedWriter = BufferedRandom = FileIO = _bt
del _bt, _binary_type


try:
    class UnsupportedOperation(OSError, ValueError):
        pass
except TypeError:
    # The VM may not yet allow two exception bases with one layout.
    class UnsupportedOperation(OSError):
        pass


class IOBase:
    pass


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


class _MemoryIO:
    """Shared logic of StringIO and BytesIO: a buffer with a position.

    Writes at the end go to a list of pending chunks (joined when the buffer is read),
    so building a long text by many writes stays linear.
    """

    _empty = ""

    def __init__(self, initial):
        self._buf = initial
        self._tail = []
        self._size = len(initial)
        self._pos = 0
        self._closed = False

    def _flat(self):
        if self._tail:
            self._buf = self._buf + self._empty.join(self._tail)
            self._tail = []
        return self._buf

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True
        self._buf = self._empty
        self._tail = []

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def flush(self):
        self._check()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._size + pos)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def _write(self, s):
        n = len(s)
        if not n:
            return 0
        if self._pos == self._size:
            self._tail.append(s)
            self._size += n
            self._pos += n
            return n
        buf = self._flat()
        if self._pos > len(buf):
            buf = buf + self._pad(self._pos - len(buf))
        buf = buf[:self._pos] + s + buf[self._pos + n:]
        self._buf = buf
        self._size = len(buf)
        self._pos += n
        return n

    def read(self, size=-1):
        self._check()
        buf = self._flat()
        if size is None or size < 0:
            end = len(buf)
        else:
            end = min(len(buf), self._pos + size)
        r = buf[self._pos:end]
        self._pos = max(self._pos, end)
        return r

    def readline(self, size=-1):
        self._check()
        buf = self._flat()
        start = self._pos
        nl = buf.find(self._nl, start)
        end = len(buf) if nl < 0 else nl + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = max(start, end)
        return buf[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        buf = self._flat()
        if size < len(buf):
            self._buf = buf[:size]
            self._size = size
        return size

    def getvalue(self):
        self._check()
        return self._flat()


class StringIO(_MemoryIO, TextIOBase):
    """An in-memory text stream."""

    _empty = ""
    _nl = "\n"

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        super().__init__(initial_value)
        self._newline = newline

    def _pad(self, n):
        return "\0" * n

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        if self._newline is None or self._newline == "":
            pass
        elif self._newline != "\n":
            s = s.replace("\n", self._newline)
        return self._write(s)

    def __repr__(self):
        return "<_io.StringIO object at 0x%x>" % id(self)


class BytesIO(_MemoryIO, BufferedIOBase):
    """An in-memory binary stream."""

    _empty = b""
    _nl = b"\n"

    def __init__(self, initial_bytes=b""):
        if initial_bytes is None:
            initial_bytes = b""
        super().__init__(bytes(initial_bytes))

    def _pad(self, n):
        return b"\0" * n

    def write(self, b):
        self._check()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return self._write(bytes(b))

    def getbuffer(self):
        return bytearray(self._flat())

    def read1(self, size=-1):
        return self.read(size)

    def __repr__(self):
        return "<_io.BytesIO object at 0x%x>" % id(self)
