"""hotpy's threading: Python-level threads over the native `_thread` module.

How it works
- `_thread` gives OS threads (`start_new_thread`), plain locks (`allocate_lock`) and
  `get_ident`; everything else here is Python built from those: `RLock` is a plain lock
  plus an owner and a count, `Condition` parks each waiter on its own freshly acquired
  plain lock that `notify` releases, and `Event`, `Semaphore`, `Barrier` are conditions.
- A `Thread` owns `_done_lock`, acquired in `start()` before the OS thread exists and
  released by that thread as the very last thing `_bootstrap` does; `join` waits by
  acquiring it (then hands it back), so a finished thread is joinable any number of times.
- `_active` maps the ident of every running thread to its `Thread` object (threads not
  started by this module get a `_DummyThread` entry the first time they call
  `current_thread()`); `_limbo` holds threads between `start()` and their first
  instruction. Both are guarded by `_active_lock`.
- `local` is a class whose attribute hooks are native: each thread has its own
  attribute dict, found without locks (vm/src/modules/thread_local.rs); a thread's
  dicts are dropped when it ends.

What must hold
- `_shutdown()` is called once by the runtime at interpreter exit, from the main
  thread, if `threading` was imported: it runs the callbacks given to
  `_register_atexit` (newest first; `concurrent.futures` uses this to stop its idle
  workers) and then joins every non-daemon thread, including threads started meanwhile.
- No code here holds `_active_lock` (or any lock of this module) while calling user
  code, so a callback may use threading freely.
- Only `_thread.start_new_thread`, `allocate_lock`, `get_ident`, `TIMEOUT_MAX` and lock
  objects with `acquire(blocking, timeout)`, `release`, `locked` are needed
  (`get_native_id` is used if present).
"""

import sys as _sys
import _thread
from time import monotonic as _time
from itertools import count as _count
from collections import deque as _deque

__all__ = [
    "get_ident", "active_count", "Condition", "current_thread", "enumerate",
    "main_thread", "TIMEOUT_MAX", "Event", "Lock", "RLock", "Semaphore",
    "BoundedSemaphore", "Thread", "Barrier", "BrokenBarrierError", "Timer",
    "ThreadError", "ExceptHookArgs", "setprofile", "settrace", "local", "stack_size",
    "excepthook", "get_native_id", "getprofile", "gettrace",
]

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = getattr(_thread, "get_native_id", _thread.get_ident)
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
Lock = _allocate_lock

_trace_hook = None
_profile_hook = None


def settrace(func):
    """Records `func` for threads started later; hotpy does not trace (no-op)."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook


def setprofile(func):
    """Records `func` for threads started later; hotpy does not profile (no-op)."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


def stack_size(size=0):
    """Thread stack sizes are fixed in hotpy: reports 0 (the default) and accepts any
    valid size (0 or at least 32 KiB) without effect."""
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    return 0


# ---------------------------------------------------------------------------------
# Locks


class RLock:
    """A reentrant lock: the thread that holds it may acquire it again; it is free
    once released as many times as acquired."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    # CPython's RLock is the C type `_thread.RLock`: reprs and messages name it so.
    __module__ = "_thread"

    def __repr__(self):
        owner = self._owner
        if owner is None:
            owner = 0
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked",
            self.__class__.__module__,
            self.__class__.__qualname__,
            owner,
            self._count,
            hex(id(self)),
        )

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if not self._block.acquire(blocking, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    def locked(self):
        return self._block.locked()

    def _is_owned(self):
        return self._owner == get_ident()

    # Used by Condition.wait: give the lock up completely, then take it back.
    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return state

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state


_PyRLock = RLock


class Condition:
    """A condition variable over `lock` (a new RLock by default). Each waiter blocks on
    its own plain lock, acquired twice; `notify` releases the waiters' locks in FIFO
    order."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        f = getattr(self._lock, "_release_save", None)
        if f is not None:
            return f()
        self._lock.release()
        return None

    def _acquire_restore(self, state):
        f = getattr(self._lock, "_acquire_restore", None)
        if f is not None:
            f(state)
        else:
            self._lock.acquire()

    def _is_owned(self):
        f = getattr(self._lock, "_is_owned", None)
        if f is not None:
            return f()
        # A plain lock has no owner: "owned" means "held by somebody".
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Releases the lock, waits for a notify (or the timeout), re-acquires the lock.
        Returns False if the timeout expired."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        state = self._release_save()
        got = False
        try:
            if timeout is None:
                got = waiter.acquire()
            elif timeout > 0:
                got = waiter.acquire(True, timeout)
            else:
                got = waiter.acquire(False)
        finally:
            self._acquire_restore(state)
            if not got:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    # A notify took the waiter between the timeout and the re-acquire:
                    # it counted as woken, so report it as woken (no lost notify).
                    got = True
        return got

    def wait_for(self, predicate, timeout=None):
        """Waits until `predicate()` is true or the timeout expires; returns the last
        value of the predicate."""
        end = None
        left = timeout
        result = predicate()
        while not result:
            if left is not None:
                if end is None:
                    end = _time() + left
                else:
                    left = end - _time()
                    if left <= 0:
                        break
            self.wait(left)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wakes up to `n` waiters; the caller must hold the lock."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters.popleft()
            try:
                waiter.release()
            except RuntimeError:
                # The waiter timed out and released nothing; it was not woken.
                continue
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


def _describe(obj, detail):
    """The repr of the synchronisation objects: `<module.Class at 0x...: detail>`."""
    return "<%s.%s at %s: %s>" % (
        obj.__class__.__module__,
        obj.__class__.__qualname__,
        hex(id(obj)),
        detail,
    )


class Semaphore:
    """A counter that `acquire` decrements, blocking while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return _describe(self, "value=%s" % (self._value,))

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        end = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is not None:
                    if end is None:
                        end = _time() + timeout
                    else:
                        timeout = end - _time()
                        if timeout <= 0:
                            return False
                self._cond.wait(timeout)
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore whose value may never exceed its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        return _describe(self, "value=%s/%s" % (self._value, self._initial_value))

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag that threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        return _describe(self, "set" if self._flag else "unset")

    def is_set(self):
        return self._flag

    def isSet(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            if not self._flag:
                self._cond.wait(timeout)
            return self._flag


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """`parties` threads call `wait()`; all return together once the last one arrives
    (it runs `action` first). A barrier cycles: filling (0) -> draining (1) -> filling;
    `reset()` passes through resetting (-1), `abort()` or a failure leaves it broken (-2).
    """

    _FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = self._FILLING
        self._count = 0

    def __repr__(self):
        if self.broken:
            return _describe(self, "broken")
        return _describe(self, "waiters=%d/%d" % (self.n_waiting, self.parties))

    def wait(self, timeout=None):
        """Waits for all parties; returns this thread's arrival index (0..parties-1)."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # A previous cycle may still be draining or resetting: let it finish.
            while self._state in (self._DRAINING, self._RESETTING):
                self._cond.wait()
            if self._state == self._BROKEN:
                raise BrokenBarrierError
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                else:
                    self._await_trip(timeout)
                return index
            finally:
                self._count -= 1
                self._leave()

    def _trip(self):
        try:
            if self._action is not None:
                self._action()
            self._state = self._DRAINING
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _await_trip(self, timeout):
        done = self._cond.wait_for(lambda: self._state != self._FILLING, timeout)
        if not done:
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _leave(self):
        if self._count == 0 and self._state in (self._RESETTING, self._DRAINING):
            self._state = self._FILLING
            self._cond.notify_all()

    def _break(self):
        self._state = self._BROKEN
        self._cond.notify_all()

    def reset(self):
        """Returns the barrier to its empty state; current waiters get
        BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state == self._FILLING:
                    self._state = self._RESETTING
                elif self._state == self._BROKEN:
                    self._state = self._RESETTING
            else:
                self._state = self._FILLING
            self._cond.notify_all()

    def abort(self):
        """Breaks the barrier: current and future waiters get BrokenBarrierError."""
        with self._cond:
            self._break()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == self._FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == self._BROKEN


# ---------------------------------------------------------------------------------
# Threads

_active_lock = _allocate_lock()
_active = {}  # ident -> Thread, for running threads
_limbo = {}  # Thread -> Thread, started but not yet running
_counter = _count(1).__next__
_counter_lock = _allocate_lock()
_atexit_calls = []
_shutting_down = False


def _newname(template="Thread-%d"):
    with _counter_lock:
        n = _counter()
    return template % n


class _ExceptHookArgs(tuple):
    """The argument of `excepthook`: (exc_type, exc_value, exc_traceback, thread).
    CPython's is the struct sequence `_thread._ExceptHookArgs`; names follow it."""

    __module__ = "_thread"

    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != 4:
            raise TypeError(
                "_thread._ExceptHookArgs() takes a 4-sequence (%d-sequence given)"
                % len(seq)
            )
        return tuple.__new__(cls, seq)

    @property
    def exc_type(self):
        return self[0]

    @property
    def exc_value(self):
        return self[1]

    @property
    def exc_traceback(self):
        return self[2]

    @property
    def thread(self):
        return self[3]

    def __repr__(self):
        return (
            "_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, "
            "thread=%r)" % tuple(self)
        )


ExceptHookArgs = _ExceptHookArgs


def excepthook(args):
    """Reports an exception that escaped `Thread.run`: "Exception in thread NAME:" and
    the traceback, on sys.stderr. SystemExit is ignored."""
    if not isinstance(args, _ExceptHookArgs):
        raise TypeError("_thread.excepthook argument type must be ExceptHookArgs")
    if args.exc_type is SystemExit:
        return
    err = _sys.stderr
    if err is None:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print("Exception in thread %s:" % name, file=err, flush=True)
    _sys.__excepthook__(args.exc_type, args.exc_value, args.exc_traceback)
    try:
        err.flush()
    except Exception:
        pass


__excepthook__ = excepthook


class Thread:
    """A thread of control: `start()` runs `run()` (by default `target(*args,
    **kwargs)`) in a new OS thread."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = bool(daemon)
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._started = Event()
        self._done_lock = None
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() was not called")
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Starts the thread; returns once it is running (its ident is known)."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set() or self._done_lock is not None:
            raise RuntimeError("threads can only be started once")
        done = _allocate_lock()
        done.acquire()
        self._done_lock = done
        with _active_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except BaseException:
            with _active_lock:
                _limbo.pop(self, None)
            self._done_lock = None
            raise
        self._started.wait()

    def run(self):
        """What the thread does; by default calls the target given to the constructor."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Drop references: the thread object may outlive its arguments.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        ident = get_ident()
        try:
            self._ident = ident
            self._native_id = get_native_id()
            with _active_lock:
                _active[ident] = self
                _limbo.pop(self, None)
            self._started.set()
            try:
                self.run()
            except BaseException as e:
                self._report(e)
        finally:
            with _active_lock:
                if _active.get(ident) is self:
                    del _active[ident]
                _limbo.pop(self, None)
            self._is_stopped = True
            self._done_lock.release()

    def _report(self, e):
        hook = excepthook
        args = ExceptHookArgs((type(e), e, e.__traceback__, self))
        try:
            hook(args)
        except BaseException as e2:
            # As CPython: a hook that fails is reported by sys.excepthook (as it is
            # now), under a header line, without the thread's exception as context.
            e2.__suppress_context__ = True
            err = _sys.stderr
            if err is not None:
                print("Exception in threading.excepthook:", file=err, flush=True)
            _sys.excepthook(type(e2), e2, e2.__traceback__)

    def join(self, timeout=None):
        """Waits until the thread ends or `timeout` seconds pass (check `is_alive()`
        afterwards to tell which)."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        lock = self._done_lock
        if timeout is None:
            got = lock.acquire()
        else:
            got = lock.acquire(True, max(timeout, 0))
        if got:
            lock.release()
            self._is_stopped = True

    def is_alive(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() not called")
        return self._started.is_set() and not self._is_stopped

    # The getters assert as CPython's do when a subclass skipped Thread.__init__.
    @property
    def name(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() not called")
        return self._name

    @name.setter
    def name(self, name):
        if not self._initialized:
            raise AssertionError("Thread.__init__() not called")
        self._name = str(name)

    @property
    def ident(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() not called")
        return self._ident

    @property
    def native_id(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() not called")
        return self._native_id

    @property
    def daemon(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() not called")
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = bool(daemonic)

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):
    """The thread that imported this module; it "ends" when `_shutdown` begins."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._done_lock = _allocate_lock()
        self._done_lock.acquire()
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._started.set()
        with _active_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread not started by this module; always alive, daemonic."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._started.set()
        with _active_lock:
            _active[self._ident] = self

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


class Timer(Thread):
    """Calls `function(*args, **kwargs)` after `interval` seconds unless `cancel()`ed
    first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


def current_thread():
    """The Thread object of the calling thread (a dummy one if it was not started by
    this module)."""
    t = _active.get(get_ident())
    if t is None:
        return _DummyThread()
    return t


def currentThread():
    return current_thread()


def main_thread():
    return _main_thread


def enumerate():
    """All live threads: started ones, the main thread and dummy threads."""
    with _active_lock:
        return list(_active.values()) + list(_limbo.values())


def active_count():
    with _active_lock:
        return len(_active) + len(_limbo)


def activeCount():
    return active_count()


def _register_atexit(func, *args, **kwargs):
    """Calls `func(*args, **kwargs)` at `_shutdown`, before non-daemon threads are
    joined (newest first)."""
    if _shutting_down:
        raise RuntimeError("can't register atexit after shutdown")
    _atexit_calls.append((func, args, kwargs))


def _shutdown():
    """Called by the runtime at interpreter exit (from the main thread): runs the
    `_register_atexit` callbacks, then waits for every non-daemon thread to end."""
    global _shutting_down
    if _shutting_down:
        return
    _shutting_down = True
    if not _main_thread._is_stopped:
        _main_thread._is_stopped = True
        _main_thread._done_lock.release()
    while _atexit_calls:
        func, args, kwargs = _atexit_calls.pop()
        func(*args, **kwargs)
    me = current_thread()
    while True:
        with _active_lock:
            pending = [
                t for t in list(_active.values()) + list(_limbo.values())
                if not t._daemonic and t is not me and not t._is_stopped
            ]
        if not pending:
            break
        for t in pending:
            t.join()


# ---------------------------------------------------------------------------------
# Thread-local data

class _local:
    """Thread-local data: each thread sees its own attributes. A subclass's `__init__`
    runs once per thread, with the arguments given to the constructor. The attribute
    hooks are native (`_thread._local_install`, vm/src/modules/thread_local.rs)."""

    __slots__ = ("_local__table", "_local__args")
    __module__ = "_thread"

    def __new__(cls, *args, **kw):
        if (args or kw) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        _thread._local_setup(self, args, kw)
        return self


_thread._local_install(_local)
_thread._local = local = _local
# What CPython's `_thread` has and hotpy writes here in Python.
_thread.RLock = RLock
_thread._ExceptHookArgs = _ExceptHookArgs
_thread._excepthook = excepthook
_thread.stack_size = stack_size


_main_thread = _MainThread()
