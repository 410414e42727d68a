# os and os.path over the native _os module; importlib
import os, os.path, sys
print(os.path.basename("/a/b/c.txt"), os.path.join("a", "b"), os.path.dirname("/a/b/c"), os.path.splitext("x/y.tar.gz"), os.path.split("/a/b/"))
print(os.path.normpath("/a/./b/../c//d/"), os.path.normpath("../x/../../y"), os.path.isabs("/x"), os.path.relpath("/a/b/c", "/a/d"))
d = "/tmp/hotpy_osdir_%d" % os.getpid()
if os.path.exists(d):
    for n in os.listdir(d): os.remove(os.path.join(d, n))
    os.rmdir(d)
os.makedirs(d + "/sub", exist_ok=True)
with open(d + "/f.txt", "w") as f: f.write("12345")
print(sorted(os.listdir(d)), os.path.isdir(d + "/sub"), os.path.isfile(d + "/f.txt"), os.path.getsize(d + "/f.txt"), os.stat(d + "/f.txt").st_size)
os.rename(d + "/f.txt", d + "/g.txt")
print(sorted(os.listdir(d)), os.path.exists(d + "/f.txt"))
print([(os.path.relpath(r, d), sorted(ds), sorted(fs)) for r, ds, fs in os.walk(d)])
os.remove(d + "/g.txt"); os.rmdir(d + "/sub"); os.rmdir(d)
try:
    os.remove(d + "/nope")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename == d + "/nope")
print(os.getcwd() == os.path.abspath("."), isinstance(os.getpid(), int), "PATH" in os.environ, os.getenv("NOPE_X", "dflt"))
os.environ["HOTPY_T"] = "1"; print(os.environ["HOTPY_T"], os.getenv("HOTPY_T"))
print(os.sep, os.linesep == "\n", os.name, len(os.urandom(4)), os.fspath("p"), os.path.expanduser("~") != "~")
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]))
class P:
    def __fspath__(self): return "/tmp"
print(os.fspath(P()), os.path.isdir(P()), isinstance(P(), os.PathLike))
import importlib
print(importlib.import_module("json").__name__, importlib.import_module("os.path") is os.path)
