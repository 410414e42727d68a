# open(): text and binary modes, read/readline/readlines/iteration, write/writelines,
# seek/tell, append, r+, x, errors, closed files, context managers
import os
p = "/tmp/hotpy_files_%d.txt" % os.getpid()
with open(p, "w") as f:
    print(f.write("hello\nwörld\n"), f.writable(), f.readable(), f.closed, f.mode)
    f.writelines(["a\n", "b\r\n", "c"])
print(f.closed)
with open(p) as f:
    print(repr(f.read()))
with open(p, encoding="utf-8") as f:
    print(repr(f.readline()), repr(f.readline()), f.readlines())
with open(p) as f:
    for line in f:
        print(repr(line))
with open(p) as f:
    print(repr(f.read(3)), repr(f.read(4)), f.tell())
    f.seek(0)
    print(repr(f.read(5)), repr(f.readline(3)))
with open(p, newline="") as f:
    print(repr(f.read()))
with open(p, "rb") as f:
    d = f.read()
    print(d, type(f).__name__, f.mode)
    f.seek(-2, 2)
    print(f.read(), f.tell(), f.seek(1), f.read(4))
with open(p, "a") as f:
    f.write("tail\n")
with open(p, "r+") as f:
    f.write("J")
    f.seek(0)
    print(f.readline(), end="")
with open(p, "wb") as f:
    print(f.write(b"\x00\x01bytes"), f.write(bytearray(b"!")))
with open(p, "rb") as f:
    print(f.read(), f.read(), f.readline())
with open(p, "w") as f:
    f.write("x" * 10)
    f.truncate(4)
with open(p) as f:
    print(f.read(), f.seekable(), f.isatty(), isinstance(f.fileno(), int))
try:
    open("/nonexistent_dir_q/x")
except FileNotFoundError as e:
    print("FileNotFoundError", e, e.errno, e.filename, e.strerror)
try:
    open(p, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno)
try:
    open("/", "r")
except IsADirectoryError as e:
    print("IsADirectoryError", e)
for mode in ["rw", "rr", "", "b", "wt+b"]:
    try:
        open(p, mode)
    except ValueError as e:
        print("ValueError", e)
try:
    open(p, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError", e)
try:
    open(p, encoding="no-such-codec")
except LookupError as e:
    print("LookupError", e)
f = open(p)
f.close()
f.close()
for op in [f.read, f.readline, lambda: f.write("x"), f.tell, lambda: next(iter(f))]:
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
with open(p, "w") as f:
    try:
        f.write(b"x")
    except TypeError as e:
        print("TypeError", e)
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__, e)
with open(p, "wb") as f:
    try:
        f.write("x")
    except TypeError as e:
        print("TypeError", e)
with open(p, "w", encoding="ascii") as f:
    try:
        f.write("é")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError")
with open(p, "wb") as f:
    f.write(b"ok\xff\n")
try:
    with open(p) as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError")
with open(p, errors="replace") as f:
    print(repr(f.read()))
with open(p, encoding="latin-1") as f:
    print(repr(f.read()), f.encoding)
os.remove(p)
print(os.path.exists(p))
