"""hotpy's atexit: functions to call when the interpreter exits.

How it works: `register` appends to a list; the runtime calls `_run_exitfuncs` once,
after the main program ended and the non-daemon threads were joined (as CPython's
finalisation does), which calls them newest first. An exception in one (SystemExit
too) is reported on stderr as CPython's "Exception ignored in atexit callback" and
the others still run.
"""

import sys

_handlers = []


def register(*args, **kwargs):
    if not args:
        raise TypeError("register() takes at least 1 argument (0 given)")
    func = args[0]
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args[1:], kwargs))
    return func


def unregister(func):
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear():
    del _handlers[:]


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as e:
            try:
                sys.stderr.write("Exception ignored in atexit callback: %r\n" % (func,))
                sys.excepthook(type(e), e, e.__traceback__)
            except BaseException:
                pass
