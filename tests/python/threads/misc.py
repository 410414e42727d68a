# excepthook, ExceptHookArgs, Timer and module-level helpers.
import threading

hooked = []


def hook(args):
    hooked.append((args.exc_type.__name__, str(args.exc_value),
                   args.thread.name, args.exc_traceback is not None))


print(threading.excepthook is threading.__excepthook__)
threading.excepthook = hook


def boom(msg):
    raise ValueError(msg)


def leave():
    raise SystemExit(3)


for target, args in ((boom, ("bad",)), (leave, ()), (boom, ("worse",))):
    t = threading.Thread(target=target, args=args, name="t-" + target.__name__)
    t.start()
    t.join()
    print(t.is_alive())
for row in hooked:
    print(row)
threading.excepthook = threading.__excepthook__

a = threading.ExceptHookArgs([ValueError, ValueError("x"), None, None])
print(a.exc_type.__name__, a.exc_value, a.exc_traceback, a.thread)

fired = []
tm = threading.Timer(0.01, fired.append, args=["fired"])
tm.start()
tm.join()
tm2 = threading.Timer(5.0, fired.append, args=["never"])
tm2.start()
tm2.cancel()
tm2.join()
tm3 = threading.Timer(0.0, lambda **kw: fired.append(sorted(kw.items())), kwargs={"a": 1})
tm3.start()
tm3.join()
print(fired, isinstance(tm, threading.Thread))

print(threading.stack_size(), threading.TIMEOUT_MAX > 1e6)
print(type(threading.get_ident()).__name__, type(threading.get_native_id()).__name__)
print(threading.get_ident() == threading.main_thread().ident)
threading.settrace(None)
threading.setprofile(None)
print(issubclass(threading.BrokenBarrierError, RuntimeError))
print(threading.ThreadError is RuntimeError)
try:
    threading.stack_size(100)
except ValueError as e:
    print("ValueError:", e)
